/**
 * The example GitHub Actions workflows as data, and a runner for their steps: a step's `run` text is executed with
 * bash as the runner executes it, in a fake workspace whose base checkout holds the example scripts under
 * .github/access-review/ (where the README tells users to copy them), with a fake `npx` that runs the built CLI.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { CLI, ROOT } from './fixtures';

/** One workflow step, as far as the tests read it. */
export interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly 'working-directory'?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

/** One job. */
export interface Job {
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly steps: Step[];
}

/** A workflow file, parsed, with its raw text (for the `# vX.Y.Z` comments YAML drops). */
export interface Workflow {
  readonly text: string;
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly env: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

export const EXAMPLE_DIR = path.join(ROOT, 'examples/github-actions');

/** Reads examples/github-actions/<file>. */
export function loadWorkflow(file: string): Workflow {
  const text = fs.readFileSync(path.join(EXAMPLE_DIR, file), 'utf8');
  return { text, ...(parse(text) as Omit<Workflow, 'text'>) };
}

/** The step named `name` of `job`; throws when there is none. */
export function stepNamed(job: Job, name: string): Step {
  const step = job.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step "${name}" (steps: ${job.steps.map((s) => s.name ?? s.uses).join(', ')})`);
  return step;
}

/** A fake runner workspace: `base/` is the base checkout (with the scripts), `runner/` is $RUNNER_TEMP. */
export interface Workspace {
  readonly root: string;
  readonly base: string;
  readonly runnerTemp: string;
  /** Every fake `npx` call, one line each: `<cwd> <args...>`. */
  npxCalls(): string[];
  /** Runs `script` with bash in `cwd` (relative to the workspace) with the runner's variables plus `env`. */
  run(script: string, cwd: string, env?: Record<string, string>): Promise<StepRun>;
}

/** What a step did. */
export interface StepRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The $GITHUB_OUTPUT lines as name → value. */
  readonly outputs: Record<string, string>;
  /** The $GITHUB_STEP_SUMMARY text. */
  readonly summary: string;
}

/** Creates a workspace under `dir`. */
export function workspace(dir: string): Workspace {
  const root = fs.mkdtempSync(path.join(dir, 'ws-'));
  const base = path.join(root, 'base');
  const runnerTemp = path.join(root, 'runner');
  const bin = path.join(root, 'bin');
  const npxLog = path.join(root, 'npx.log');
  // A checkout has .git: the CLI's default policy lookup stops at the base checkout's root.
  fs.mkdirSync(path.join(base, '.git'), { recursive: true });
  fs.mkdirSync(path.join(base, '.github'), { recursive: true });
  fs.cpSync(path.join(EXAMPLE_DIR, 'scripts'), path.join(base, '.github/access-review'), { recursive: true });
  fs.mkdirSync(runnerTemp, { recursive: true });
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(npxLog, '');
  // `npx [options] -- genesys-access <args>`: the options are logged and the built CLI runs the rest.
  fs.writeFileSync(
    path.join(bin, 'npx'),
    [
      '#!/usr/bin/env bash',
      `printf '%s\\n' "$PWD $*" >> ${JSON.stringify(npxLog)}`,
      // FAKE_NPX_MISSING: what npm's npx does without the package installed (`--no`): a message and exit 1.
      'if [ -n "${FAKE_NPX_MISSING:-}" ]; then',
      '  echo \'npm error npx canceled due to missing packages and no YES option: ["genesys-access@*"]\' >&2; exit 1',
      'fi',
      // FAKE_NPX_WARN: a warning on stderr before the tool runs, as npm or the tool may print one.
      '[ -z "${FAKE_NPX_WARN:-}" ] || echo "$FAKE_NPX_WARN" >&2',
      'while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done',
      'shift',
      '[ "${1:-}" = genesys-access ] || { echo "fake npx: expected -- genesys-access" >&2; exit 127; }',
      'shift',
      `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  let runs = 0;
  return {
    root,
    base,
    runnerTemp,
    npxCalls: () => fs.readFileSync(npxLog, 'utf8').split('\n').filter(Boolean),
    run: (script, cwd, env = {}) => {
      const n = ++runs;
      const output = path.join(runnerTemp, `output-${n}`);
      const summary = path.join(runnerTemp, `summary-${n}`);
      fs.writeFileSync(output, '');
      fs.writeFileSync(summary, '');
      return new Promise((resolve) => {
        execFile(
          'bash',
          ['-e', '-c', script],
          {
            cwd: path.join(root, cwd),
            env: {
              PATH: `${bin}${path.delimiter}${process.env.PATH}`,
              HOME: process.env.HOME,
              GITHUB_WORKSPACE: root,
              RUNNER_TEMP: runnerTemp,
              GITHUB_OUTPUT: output,
              GITHUB_STEP_SUMMARY: summary,
              ...env,
            },
          },
          (error, stdout, stderr) => {
            const outputs: Record<string, string> = {};
            for (const line of fs.readFileSync(output, 'utf8').split('\n').filter(Boolean)) {
              const eq = line.indexOf('=');
              outputs[line.slice(0, eq)] = line.slice(eq + 1);
            }
            resolve({
              status: error ? Number(error.code ?? 1) : 0,
              stdout,
              stderr,
              outputs,
              summary: fs.readFileSync(summary, 'utf8'),
            });
          },
        );
      });
    },
  };
}
