/**
 * examples/github-actions/access-review.yml (CDKTF) and access-review-hcl.yml are real workflows: their shape keeps
 * the pull request's code away from write tokens and from the tool that judges it, and their gate step, run with
 * bash as the runner runs it (from the base checkout, the built CLI behind a fake `npx`), decides pass, fail or
 * unknown over real syntheses and writes the outputs and the job summary. The comment script is tested in
 * github-actions-comment.test.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TOKEN, startFakeGitHub } from './fake-github-api';
import { ROOT, requireBuiltCli, synthDiffStack, tmpDir } from './fixtures';
import { Job, Step, StepRun, Workflow, Workspace, loadWorkflow, stepNamed, workspace } from './workflow';

const cdktf = loadWorkflow('access-review.yml');
const hcl = loadWorkflow('access-review-hcl.yml');
const synthHead = cdktf.jobs['synth-head']!;
const review = cdktf.jobs['review']!;
const hclReview = hcl.jobs['review']!;
const BASE_SHA = '${{ github.event.pull_request.base.sha }}';

let tmp: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('gha');
  synthDiffStack(path.join(tmp, 'base.out'), 'base');
  synthDiffStack(path.join(tmp, 'head.out'), 'head');
  fs.mkdirSync(path.join(tmp, 'empty.out'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const runs = (job: Job): Step[] => job.steps.filter((s) => s.run !== undefined);
const uses = (job: Job, action: string): Step[] => job.steps.filter((s) => s.uses?.split('@')[0] === action);

describe.each([
  ['access-review.yml', cdktf],
  ['access-review-hcl.yml', hcl],
])('%s', (_file, workflow: Workflow) => {
  test('runs on pull requests with no default permissions', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({});
    expect(workflow.text).not.toMatch(/pull_request_target|workflow_run/);
  });

  test('every action is pinned by a full commit SHA with its version in a comment', () => {
    const lines = workflow.text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  test('no run script interpolates an expression (untrusted values reach scripts only through env)', () => {
    for (const job of Object.values(workflow.jobs)) for (const s of runs(job)) expect(s.run).not.toContain('${{');
  });

  test('every checkout leaves no credentials behind', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const s of uses(job, 'actions/checkout')) expect(s.with?.['persist-credentials']).toBe(false);
    }
  });

  test('the review job may comment and upload SARIF, and reads the repository only', () => {
    const job = workflow === cdktf ? review : hclReview;
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
    const sarif = uses(job, 'github/codeql-action/upload-sarif');
    expect(sarif).toHaveLength(1);
    expect(sarif[0]!.with).toMatchObject({ sarif_file: '${{ steps.gate.outputs.sarif }}', category: 'genesys-access' });
  });

  test('the review job runs the scripts, the tool and npm only in the base checkout', () => {
    const job = workflow === cdktf ? review : hclReview;
    const base = uses(job, 'actions/checkout').find((s) => s.with?.path === 'base')!;
    expect(base.with?.ref).toBe(BASE_SHA);
    for (const s of runs(job)) {
      if (/\b(npm|npx|node|bash)\b/.test(s.run!)) expect(s['working-directory']).toBe('base');
      expect(s['working-directory'] ?? 'base').toBe('base');
    }
    expect(stepNamed(job, 'Diff the access').run).toMatch(/^bash \.github\/access-review\/gate\.sh /);
    expect(stepNamed(job, 'Comment on the pull request').run).toBe(
      'node .github/access-review/comment.mjs "$MARKDOWN"',
    );
    expect(stepNamed(job, 'Comment on the pull request').env).toMatchObject({
      GITHUB_TOKEN: '${{ github.token }}',
      CHANGED: '${{ steps.gate.outputs.changed }}',
      MARKDOWN: '${{ steps.gate.outputs.markdown }}',
    });
  });

  test('the last step fails the job unless the gate passes or the approval label is on', () => {
    const job = workflow === cdktf ? review : hclReview;
    const last = job.steps[job.steps.length - 1]!;
    expect(last.name).toBe('Require approval');
    expect(last.if).toBeUndefined();
    expect(last.env).toEqual({
      OUTCOME: '${{ steps.gate.outputs.outcome }}',
      APPROVED: '${{ contains(github.event.pull_request.labels.*.name, env.APPROVAL_LABEL) }}',
    });
    expect(workflow.env.APPROVAL_LABEL).toBe('access-broadening-approved');
  });
});

test('both workflows pin the same commit of each action', () => {
  const pins = (w: Workflow): Map<string, string> =>
    new Map([...w.text.matchAll(/uses: ([^@\s]+)@([0-9a-f]{40}) # (v\S+)/g)].map((m) => [m[1]!, `${m[2]} ${m[3]}`]));
  const a = pins(cdktf);
  for (const [action, pin] of pins(hcl)) expect([action, a.get(action)]).toEqual([action, pin]);
});

describe('the CDKTF workflow keeps the head in its own job', () => {
  test('synth-head can read the repository and nothing else, and uses no secret or token', () => {
    expect(Object.keys(cdktf.jobs)).toEqual(['synth-head', 'review']);
    expect(synthHead.permissions).toEqual({ contents: 'read' });
    const text = JSON.stringify(synthHead);
    expect(text).not.toMatch(/secrets\.|github\.token|GITHUB_TOKEN/);
    expect(stepNamed(synthHead, 'Synthesize the head').run).toBe(
      'npm ci --no-audit --no-fund && npx cdktf synth --output head.out',
    );
    expect(cdktf.env.CHECKPOINT_DISABLE).toBe('1');
    const upload = uses(synthHead, 'actions/upload-artifact')[0]!;
    expect(upload.with).toMatchObject({ name: 'head-synth', path: 'head.out' });
  });

  test('review needs synth-head, never checks the head out, and takes its synthesis as an artifact', () => {
    expect(review.needs).toBe('synth-head');
    const checkouts = uses(review, 'actions/checkout');
    expect(checkouts.map((s) => [s.with?.ref, s.with?.path])).toEqual([[BASE_SHA, 'base']]);
    const download = uses(review, 'actions/download-artifact')[0]!;
    expect(download.with).toEqual({ name: 'head-synth', path: '${{ runner.temp }}/head.out' });
    expect(stepNamed(review, 'Synthesize the base').run).toBe(
      'npm ci --no-audit --no-fund && npx cdktf synth --output "$RUNNER_TEMP/base.out"',
    );
    expect(stepNamed(review, 'Diff the access').run).toBe(
      'bash .github/access-review/gate.sh "$RUNNER_TEMP/base.out" "$RUNNER_TEMP/head.out"',
    );
    // The gate runs after everything that produces its inputs, and the head's synthesis is never executed.
    const names = review.steps.map((s) => s.name);
    expect(names.indexOf('Diff the access')).toBeGreaterThan(names.indexOf("Download the head's synthesis"));
    for (const s of runs(review)) expect(s.run).not.toMatch(/head\.out\/|cd .*head/);
  });

  test('no job caches what the head could have written', () => {
    expect(cdktf.text).not.toMatch(/actions\/cache@/);
    for (const job of [synthHead, review]) {
      for (const s of uses(job, 'actions/setup-node')) expect(s.with?.['package-manager-cache']).toBe(false);
    }
  });
});

/** Runs a job's gate step in `ws` as the runner would: its env, the workflow env, the given overrides. */
function gate(ws: Workspace, job: Job, workflow: Workflow, env: Record<string, string> = {}): Promise<StepRun> {
  const step = stepNamed(job, 'Diff the access');
  return ws.run(step.run!, step['working-directory']!, {
    ...workflow.env,
    OUT_DIR: step.env!.OUT_DIR!.replace('${{ runner.temp }}', ws.runnerTemp),
    ...env,
  });
}

/** A workspace for the CDKTF workflow whose $RUNNER_TEMP holds `base` and `head` (synthesized above) as base.out and head.out. */
function cdktfWorkspace(base: string, head: string): Workspace {
  const ws = workspace(tmp);
  fs.cpSync(path.join(tmp, base), path.join(ws.runnerTemp, 'base.out'), { recursive: true });
  fs.cpSync(path.join(tmp, head), path.join(ws.runnerTemp, 'head.out'), { recursive: true });
  return ws;
}

/** The Require approval step with the gate's outcome and the label present or not. */
function requireApproval(ws: Workspace, job: Job, workflow: Workflow, outcome: string, approved: boolean) {
  const step = stepNamed(job, 'Require approval');
  return ws.run(step.run!, '.', {
    APPROVAL_LABEL: workflow.env.APPROVAL_LABEL!,
    OUTCOME: outcome,
    APPROVED: String(approved),
  });
}

/** The step's ::error:: lines: in an assertion, a failing step then says why. */
const errors = (r: StepRun): string[] => r.stdout.split('\n').filter((l) => l.startsWith('::error::'));

/** For tests about something else than SARIF (the no-change and broadening tests cover it). */
const NO_SARIF = { GENESYS_ACCESS_SARIF: 'false' };

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the gate step over real syntheses', () => {
  test('no change: changed=false, outcome=pass, and the approval step passes', async () => {
    const ws = cdktfWorkspace('head.out', 'head.out');
    const r = await gate(ws, review, cdktf);
    expect([r.status, errors(r), r.stderr]).toEqual([0, [], '']);
    expect(r.outputs).toMatchObject({ outcome: 'pass', changed: 'false', widening: '0' });
    expect(r.summary).toBe(fs.readFileSync(r.outputs.markdown!, 'utf8'));
    expect(r.summary).toMatch(/^## Genesys Cloud access changes\n/);
    const json = readJson(r.outputs.json!);
    expect(json.changes).toEqual([]);
    expect(json.gate.outcome).toBe('pass');
    const sarif = readJson(r.outputs.sarif!);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toEqual([]);
    expect((await requireApproval(ws, review, cdktf, r.outputs.outcome!, false)).status).toBe(0);
  });

  test('a broadening change: the step passes with outcome=fail; the approval step fails without the label', async () => {
    const ws = cdktfWorkspace('base.out', 'head.out');
    const r = await gate(ws, review, cdktf);
    expect([r.status, errors(r)]).toEqual([0, []]);
    expect(r.stdout).toContain('genesys-access gate: outcome fail, access changed: true');
    expect(r.outputs).toMatchObject({ outcome: 'fail', changed: 'true' });
    const json = readJson(r.outputs.json!);
    expect(Number(r.outputs.widening)).toBe(json.changes.filter((c: { widening: boolean }) => c.widening).length);
    expect(Number(r.outputs.widening)).toBeGreaterThanOrEqual(5);
    expect(r.summary).toContain('QA screen recording downloader');
    const sarif = readJson(r.outputs.sarif!);
    expect(sarif.runs[0].results.length).toBe(json.changes.length);
    expect(sarif.runs[0].results.some((x: { level: string }) => x.level === 'error')).toBe(true);

    const refused = await requireApproval(ws, review, cdktf, r.outputs.outcome!, false);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      '::error::The access gate says fail (see the job summary). Someone with triage or write access can add the label access-broadening-approved to approve it.',
    );
    const approved = await requireApproval(ws, review, cdktf, r.outputs.outcome!, true);
    expect(approved.status).toBe(0);
    expect(approved.stdout).toContain(
      '::warning::The access gate says fail; approved by the access-broadening-approved label.',
    );
  });

  test('the tool is the base checkout own install, run from the base checkout', async () => {
    const ws = cdktfWorkspace('base.out', 'head.out');
    await gate(ws, review, cdktf, { GENESYS_ACCESS_SARIF: 'false' });
    const calls = ws.npxCalls();
    expect(calls.length).toBe(2);
    for (const call of calls) {
      expect(call).toMatch(
        new RegExp(
          `^${ws.base} --no -- genesys-access diff --base ${ws.runnerTemp}/base.out --head ${ws.runnerTemp}/head.out --fail-on broadening --format (json|markdown)$`,
        ),
      );
    }
  });

  test('with GENESYS_ACCESS_SARIF=false it runs JSON and Markdown only (tool versions before SARIF)', async () => {
    const ws = cdktfWorkspace('base.out', 'head.out');
    const r = await gate(ws, review, cdktf, { GENESYS_ACCESS_SARIF: 'false' });
    expect(r.status).toBe(0);
    expect(r.outputs).toMatchObject({ outcome: 'fail', changed: 'true', sarif: '' });
    expect(fs.existsSync(path.join(ws.runnerTemp, 'genesys-access/access-diff.sarif'))).toBe(false);
  });

  test('GENESYS_ACCESS_VERSION runs that exact version instead; a tag is refused', async () => {
    const ws = cdktfWorkspace('head.out', 'head.out');
    const r = await gate(ws, review, cdktf, { GENESYS_ACCESS_VERSION: '1.2.3', GENESYS_ACCESS_SARIF: 'false' });
    expect(r.outputs.outcome).toBe('pass');
    expect(ws.npxCalls()[0]).toContain(
      ' --yes --package=cdktf-genesyscloud-access@1.2.3 -- genesys-access diff --base ',
    );
    const tag = await gate(ws, review, cdktf, { GENESYS_ACCESS_VERSION: 'latest' });
    expect(tag.status).toBe(2);
    expect(tag.stdout).toBe(
      '::error::genesys-access gate: GENESYS_ACCESS_VERSION must be an exact version such as 1.2.3, not "latest"\n',
    );
  });

  test('an input error fails the step with the one-line message and writes no outputs', async () => {
    const ws = cdktfWorkspace('empty.out', 'head.out');
    const r = await gate(ws, review, cdktf);
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(
      /^::error::genesys-access gate: genesys-access diff --format json exited 2: genesys-access: /,
    );
    expect(r.outputs).toEqual({});
    expect(r.summary).toBe('');
  });

  test('a base checkout without the tool installed is an error, not a failing gate', async () => {
    const ws = cdktfWorkspace('base.out', 'head.out');
    const r = await gate(ws, review, cdktf, { FAKE_NPX_MISSING: '1' });
    expect([r.status, r.stdout, r.outputs]).toEqual([
      2,
      '::error::genesys-access gate: genesys-access diff --format json exited 1 with no output: npm error npx canceled due to missing packages and no YES option: ["genesys-access@*"]\n',
      {},
    ]);
  });

  test("the tool's warnings are shown with workflow commands off (they may quote the input)", async () => {
    const ws = cdktfWorkspace('head.out', 'head.out');
    const r = await gate(ws, review, cdktf, { FAKE_NPX_WARN: '::add-mask::QA', GENESYS_ACCESS_SARIF: 'false' });
    expect(r.status).toBe(0);
    const shown = /^::stop-commands::(stop-[0-9a-f]{32})\n::add-mask::QA\n::\1::$/gm;
    expect(r.stdout.match(shown)).toHaveLength(2);
  });

  test("the base's policy file decides, given with --policy", async () => {
    const ws = cdktfWorkspace('base.out', 'head.out');
    // Fails only on new scopes, and excepts the one admin-grade grant: this head passes under it (and fails under
    // the default --fail-on broadening, above).
    const reason = 'the reporting client provisions its own integration clients';
    const policy = {
      version: 1,
      failOn: ['scope-added'],
      adminAllowed: [{ principal: 'Reporting', reason }],
      exceptions: [{ kind: 'admin-grade', permission: 'oauth:client:add', reason }],
    };
    fs.writeFileSync(path.join(ws.base, 'genesys-access.policy.json'), JSON.stringify(policy));
    const r = await gate(ws, review, cdktf, NO_SARIF);
    expect(ws.npxCalls()[0]).toContain(' --policy genesys-access.policy.json --format json');
    expect([r.status, r.stdout]).toEqual([0, expect.stringContaining('outcome pass, access changed: true')]);
    const json = readJson(r.outputs.json!);
    expect(json.gate).toMatchObject({ policy: 'genesys-access.policy.json', outcome: 'pass', failing: [] });
    expect(json.gate.excepted.length).toBeGreaterThan(0);
    for (const e of json.gate.excepted) expect(e.reason).toBe(reason);
  });

  test('a POLICY_FILE that does not exist is an error, not a silent default', async () => {
    const ws = cdktfWorkspace('head.out', 'head.out');
    const r = await gate(ws, review, cdktf, { POLICY_FILE: 'policies/access.json' });
    expect([r.status, r.stdout]).toEqual([
      2,
      "::error::genesys-access gate: POLICY_FILE policies/access.json does not exist: set it to the base's policy file or unset it\n",
    ]);
  });
});

test("the comment step posts the gate's Markdown, then says when access no longer changes", async () => {
  const api = await startFakeGitHub();
  try {
    const commentStep = stepNamed(review, 'Comment on the pull request');
    const pipeline = async (ws: Workspace): Promise<void> => {
      // SARIF is not what this test is about: it runs with tool versions before --format sarif too.
      const g = await gate(ws, review, cdktf, { GENESYS_ACCESS_SARIF: 'false' });
      expect(g.status).toBe(0);
      const c = await ws.run(commentStep.run!, commentStep['working-directory']!, {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'acme/contact-center',
        GITHUB_TOKEN: TOKEN,
        PR_NUMBER: '12',
        CHANGED: g.outputs.changed!,
        MARKDOWN: g.outputs.markdown!,
      });
      expect([c.status, c.stderr]).toEqual([0, '']);
    };
    const broadening = cdktfWorkspace('base.out', 'head.out');
    await pipeline(broadening);
    const [comment] = api.issues.get('acme/contact-center#12')!;
    const markdown = fs.readFileSync(path.join(broadening.runnerTemp, 'genesys-access/access-diff.md'), 'utf8');
    expect(comment!.body).toBe(`<!-- genesys-access diff -->\n${markdown.trimEnd()}\n`);
    await pipeline(cdktfWorkspace('head.out', 'head.out'));
    expect(api.issues.get('acme/contact-center#12')).toEqual([
      expect.objectContaining({ id: comment!.id, body: expect.stringContaining('no longer changes') }),
    ]);
  } finally {
    await api.close();
  }
});

describe('the HCL workflow', () => {
  const FIXTURE = path.join(ROOT, 'test/sources/fixtures/hcl/contact-center');

  /** A workspace with the fixture as base/ and head/ (the base checkout keeps the scripts); `edit` changes head/. */
  function hclWorkspace(edit: (head: string) => void): Workspace {
    const ws = workspace(tmp);
    fs.cpSync(FIXTURE, ws.base, { recursive: true });
    fs.cpSync(FIXTURE, path.join(ws.root, 'head'), { recursive: true });
    fs.mkdirSync(path.join(ws.root, 'head/.git')); // a checkout, as actions/checkout leaves it
    edit(path.join(ws.root, 'head'));
    return ws;
  }

  const replaceIn = (file: string, from: string, to: string): void => {
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(file, text.replace(from, to));
  };
  const HOME_LINE = 'home    = data.genesyscloud_auth_division_home.home.id';

  test('checks the head out as data next to the base, and pins the released tool', () => {
    const checkouts = uses(hclReview, 'actions/checkout').map((s) => [s.with?.ref, s.with?.path]);
    expect(checkouts).toEqual([
      [BASE_SHA, 'base'],
      [undefined, 'head'],
    ]);
    for (const s of hclReview.steps) expect(s['working-directory']).not.toBe('head');
    const pkg = readJson(path.join(ROOT, 'package.json'));
    expect(hcl.env.GENESYS_ACCESS_VERSION).toBe(pkg.version);
    expect(stepNamed(hclReview, 'Diff the access').run).toBe(
      'bash .github/access-review/gate.sh "$GITHUB_WORKSPACE/base/$TF_DIR" "$GITHUB_WORKSPACE/head/$TF_DIR"',
    );
    expect(uses(hclReview, 'github/codeql-action/upload-sarif')[0]!.with?.checkout_path).toBe(
      '${{ github.workspace }}/head',
    );
  });

  test('granting the QA role in all divisions fails the gate, with the pinned tool from the registry', async () => {
    const ws = hclWorkspace((head) => replaceIn(path.join(head, 'main.tf'), HOME_LINE, 'all = "*"'));
    const r = await gate(ws, hclReview, hcl, { TF_DIR: hcl.env.TF_DIR! });
    expect([r.status, errors(r)]).toEqual([0, []]);
    expect(r.outputs).toMatchObject({ outcome: 'fail', changed: 'true' });
    expect(r.summary).toContain('QA recording downloader');
    // Code scanning maps a result to a file by a path relative to the checkout (upload-sarif's checkout_path).
    const sarif = readJson(r.outputs.sarif!);
    const uris: string[] = sarif.runs[0].results.flatMap((x: any) =>
      (x.locations ?? []).map((l: any) => l.physicalLocation?.artifactLocation?.uri),
    );
    expect(uris).toContain('main.tf');
    expect(ws.npxCalls()[0]).toContain(
      ` --yes --package=cdktf-genesyscloud-access@${hcl.env.GENESYS_ACCESS_VERSION} -- genesys-access diff --base ${ws.base}/. --head ${ws.root}/head/. --fail-on broadening`,
    );
  });

  test('no change: pass, and a policy file in the head is not read', async () => {
    const ws = hclWorkspace((head) => {
      const allowAll = { version: 1, failOn: [], forbiddenPermissions: [], adminAllowed: [], exceptions: [] };
      fs.writeFileSync(path.join(head, 'genesys-access.policy.json'), JSON.stringify(allowAll));
    });
    const r = await gate(ws, hclReview, hcl, { TF_DIR: '.', ...NO_SARIF });
    expect([r.status, r.outputs.outcome, r.outputs.changed]).toEqual([0, 'pass', 'false']);
    for (const call of ws.npxCalls()) expect(call).not.toContain('--policy');
  });

  test('the head cannot switch the gate off with its own policy file', async () => {
    const ws = hclWorkspace((head) => {
      replaceIn(path.join(head, 'main.tf'), HOME_LINE, 'all = "*"');
      const allowAll = { version: 1, failOn: [], forbiddenPermissions: [], adminAllowed: [], exceptions: [] };
      fs.writeFileSync(path.join(head, 'genesys-access.policy.json'), JSON.stringify(allowAll));
    });
    const r = await gate(ws, hclReview, hcl, { TF_DIR: '.', ...NO_SARIF });
    expect([r.status, r.outputs.outcome]).toEqual([0, 'fail']);
  });

  test('a grant the input cannot tell (a variable with no value) is outcome=unknown, and needs the label', async () => {
    const ws = hclWorkspace((head) => {
      replaceIn(path.join(head, 'main.tf'), HOME_LINE, `${HOME_LINE}\n    extra   = var.qa_extra_division`);
      fs.appendFileSync(path.join(head, 'variables.tf'), '\nvariable "qa_extra_division" {}\n');
    });
    const r = await gate(ws, hclReview, hcl, { TF_DIR: '.', ...NO_SARIF });
    expect([r.status, r.outputs.outcome, r.outputs.changed]).toEqual([0, 'unknown', 'true']);
    const refused = await requireApproval(ws, hclReview, hcl, 'unknown', false);
    expect([refused.status, refused.stdout]).toEqual([
      1,
      expect.stringContaining('::error::The access gate says unknown'),
    ]);
  });
});

test('the approval step fails closed when the gate step left no outcome', async () => {
  const ws = workspace(tmp);
  const r = await requireApproval(ws, review, cdktf, '', false);
  expect([r.status, r.stdout]).toEqual([1, expect.stringContaining('::error::The access gate says nothing')]);
});
