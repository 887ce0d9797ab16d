/**
 * examples/github-actions/access-review.yml is a real workflow: it parses, and its "Diff the access" step, run
 * with bash as the runner would (the built CLI in place of `npx genesys-access`), posts the diff and reports
 * broadening through $GITHUB_OUTPUT with the exit codes the CLI documents.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CLI, ROOT, requireBuiltCli, synthDiffStack, tmpDir } from './fixtures';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  id?: string;
  if?: string;
}

const workflow = parse(fs.readFileSync(path.join(ROOT, 'examples/github-actions/access-review.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs)[0]!.steps;
const step = (name: string): Step => steps.find((s) => s.name === name)!;

let tmp: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('gha');
  synthDiffStack(path.join(tmp, 'base.out'), 'base');
  synthDiffStack(path.join(tmp, 'head.out'), 'head');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the diff step's script with bash, as the runner does, with `base.out` and `head.out` as given. */
function runDiffStep(base: string, head: string): { status: number | null; output: string; comment: string } {
  const runnerTemp = fs.mkdtempSync(path.join(tmp, 'runner-'));
  fs.cpSync(path.join(tmp, base), path.join(runnerTemp, 'base.out'), { recursive: true });
  fs.cpSync(path.join(tmp, head), path.join(runnerTemp, 'head.out'), { recursive: true });
  const githubOutput = path.join(runnerTemp, 'github-output');
  fs.writeFileSync(githubOutput, '');
  const script = step('Diff the access').run!.replace(/npx genesys-access /g, `node ${JSON.stringify(CLI)} `);
  const r = spawnSync('bash', ['-e', '-c', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: githubOutput },
  });
  const comment = path.join(runnerTemp, 'access-diff.md');
  return {
    status: r.status,
    output: fs.readFileSync(githubOutput, 'utf8'),
    comment: fs.existsSync(comment) ? fs.readFileSync(comment, 'utf8') : '',
  };
}

test('the workflow runs on pull requests, may comment, and reads the repository only', () => {
  expect(Object.keys(workflow.on)).toEqual(['pull_request']);
  expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  expect(steps.map((s) => s.name ?? s.uses)).toEqual([
    'Check out the head',
    'Check out the base',
    'actions/setup-node@v4',
    'Synthesize the base',
    'Synthesize the head',
    'Diff the access',
    'Comment on the pull request',
    'Require approval for broadening',
  ]);
  expect(step('Synthesize the base').run).toContain('npx cdktf synth --output "$RUNNER_TEMP/base.out"');
  expect(step('Synthesize the head').run).toContain('npx cdktf synth --output "$RUNNER_TEMP/head.out"');
  expect(step('Require approval for broadening').if).toContain("steps.diff.outputs.broadening == 'true'");
});

test('a change that broadens access: the step succeeds, says so, and writes the PR comment', () => {
  const r = runDiffStep('base.out', 'head.out');
  expect(r.status).toBe(0);
  expect(r.output).toBe('broadening=true\n');
  expect(r.comment.startsWith('## Genesys Cloud access changes\n\n**Gate: fails** (`--fail-on broadening`)')).toBe(
    true,
  );
});

test('no change: no broadening', () => {
  const r = runDiffStep('head.out', 'head.out');
  expect([r.status, r.output]).toEqual([0, 'broadening=false\n']);
});

test('an input error fails the step with the CLI exit code 2', () => {
  fs.mkdirSync(path.join(tmp, 'empty.out'), { recursive: true });
  const r = runDiffStep('empty.out', 'head.out');
  expect([r.status, r.output]).toEqual([2, '']);
});

describe('the HCL variant', () => {
  const hcl = parse(fs.readFileSync(path.join(ROOT, 'examples/github-actions/access-review-hcl.yml'), 'utf8')) as {
    env: Record<string, string>;
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };
  const hclSteps = Object.values(hcl.jobs)[0]!.steps;
  const hclStep = (name: string): Step => hclSteps.find((s) => s.name === name)!;
  const FIXTURE = path.join(ROOT, 'test/sources/fixtures/hcl/contact-center');

  /** Runs its diff step with bash, the built CLI standing in for the pinned install, on base/ and head/ dirs. */
  function runHclDiff(head: (dir: string) => void): { status: number | null; output: string; comment: string } {
    const work = fs.mkdtempSync(path.join(tmp, 'hcl-'));
    fs.cpSync(FIXTURE, path.join(work, 'base'), { recursive: true });
    fs.cpSync(FIXTURE, path.join(work, 'head'), { recursive: true });
    head(path.join(work, 'head'));
    const runnerTemp = path.join(work, 'runner');
    const bin = path.join(runnerTemp, 'tool/node_modules/.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.writeFileSync(path.join(bin, 'genesys-access'), `#!/usr/bin/env bash\nexec node ${JSON.stringify(CLI)} "$@"\n`, {
      mode: 0o755,
    });
    const githubOutput = path.join(runnerTemp, 'github-output');
    fs.writeFileSync(githubOutput, '');
    const r = spawnSync('bash', ['-e', '-c', hclStep('Diff the access').run!], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, RUNNER_TEMP: runnerTemp, GITHUB_OUTPUT: githubOutput, TF_DIR: hcl.env.TF_DIR },
    });
    const comment = path.join(runnerTemp, 'access-diff.md');
    return {
      status: r.status,
      output: fs.readFileSync(githubOutput, 'utf8'),
      comment: fs.existsSync(comment) ? fs.readFileSync(comment, 'utf8') : '',
    };
  }

  test('it installs a pinned tool outside the checkouts and diffs the .tf of base and head', () => {
    expect(hcl.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(hclStep('Install the reviewing tool').run).toContain('--prefix "$RUNNER_TEMP/tool"');
    expect(hclStep('Install the reviewing tool').run).toContain('cdktf-genesyscloud-access@$GENESYS_ACCESS_VERSION');
    expect(hclStep('Diff the access').run).toContain('--base "base/$TF_DIR" --head "head/$TF_DIR"');
  });

  test('an HCL change that grants the QA role in all divisions is broadening', () => {
    const r = runHclDiff((dir) => {
      const main = path.join(dir, 'main.tf');
      fs.writeFileSync(
        main,
        fs.readFileSync(main, 'utf8').replace('home    = data.genesyscloud_auth_division_home.home.id', 'all = "*"'),
      );
    });
    expect([r.status, r.output]).toEqual([0, 'broadening=true\n']);
    expect(r.comment).toContain('QA recording downloader');
  });

  test('no change: no broadening', () => {
    const r = runHclDiff(() => {});
    expect([r.status, r.output]).toEqual([0, 'broadening=false\n']);
  });
});
