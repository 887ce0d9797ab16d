/** `genesys-access diff`: the access change between two inputs, or what applying a plan changes. */
import * as path from 'path';
import { buildDiff, type DiffModel } from '../../review/diff';
import { type FailOn, FailOnError, FAIL_ON_NAMES, parseFailOn } from '../../review/fail-on';
import { evaluateGate, type GateResult } from '../../review/gate';
import { findPolicy, type Policy, POLICY_FILE, readPolicy } from '../../review/policy';
import { renderJson } from '../../review/render-json';
import { renderDiffMarkdown } from '../../review/render-diff-markdown';
import { loadInputs } from '../../sources';
import { looksLikePlan, loadPlanSides, PLAN_FORMAT } from '../../sources/terraform-plan';
import { flag, flagList, UsageError } from '../args';
import { changesSarif, renderSarif } from '../../review/sarif';
import { type Command, EXIT, FORMAT_WITH_SARIF, HELP, INPUT_FLAGS, inputOptions } from './shared';

export const diff: Command = {
  name: 'diff',
  summary: 'the access change between two inputs: every change with its kind, and a gate over them',
  usage: [
    'genesys-access diff --base <old> --head <new> [--format markdown|json|sarif] [--fail-on <kinds>] [--policy <file>]',
    'genesys-access diff --plan <plan.json> [--format markdown|json|sarif] [--fail-on <kinds>] [--policy <file>]',
  ],
  flags: [
    {
      name: 'base',
      value: '<input>',
      description: 'the input before the change (any input format, or an org snapshot)',
    },
    {
      name: 'head',
      value: '<input>',
      description: 'the input after the change (any input format, or an org snapshot)',
    },
    {
      name: 'plan',
      value: '<plan.json>',
      description: '`terraform show -json` of a plan: its prior state (now) against its planned values (after apply)',
    },
    ...INPUT_FLAGS,
    FORMAT_WITH_SARIF,
    {
      name: 'fail-on',
      value: '<kinds>',
      repeatable: true,
      description:
        'exit 1 when a change of these kinds is found: broadening (every widening change), high-risk (all divisions, admin-grade or destructive, wildcards, exposed secrets), none, or change kinds, comma-separated',
    },
    {
      name: 'policy',
      value: '<file>',
      description: `the gate policy (default: ${POLICY_FILE} at the repository root, if there is one)`,
    },
    HELP,
  ],
  description: [
    'Principals added and removed; per principal, role × division grants and permission × division pairs added',
    'and removed, and the operations newly unlocked per division; managed role definitions changed, whether or',
    'not a principal in the input holds the role. Every change has one kind, widening first:',
    ...kindLines(FAIL_ON_NAMES.filter((n) => !['broadening', 'high-risk', 'none'].includes(n))),
    'A gate (--fail-on, or the policy file: kinds to fail on, permissions never to grant, principals allowed',
    'admin-grade access, exceptions with reasons) fails on the kinds it names; a change the input cannot tell',
    '(unknown-introduced) fails it closed with exit 3 unless the policy sets allowUnknown.',
    'Stacks of two cdktf.out directories are paired by name; two single stacks are compared whatever their names.',
    'A plan is a diff by itself: --plan (or the plan given alone)',
    'compares what holds now with what holds after apply; as --base or --head a plan stands for its planned',
    'values. Principals, roles and divisions pair by address, else by Genesys type and name (a',
    'genesyscloud_tf_export of the live org names them by exported names: --base <export> --head <code> is a',
    'drift check); the output says how each principal was paired. A snapshot (genesys-access snapshot) against',
    "code is the drift between the org and the code: the code's stacks are merged, and principals, roles and",
    'divisions are paired by name (or by a literal id).',
  ].join('\n'),
  exits: [
    '0  done; with a gate (--fail-on or a policy file): it passes',
    '1  the gate fails: a change of a kind it fails on, a forbidden permission, admin-grade access not allowed',
    '2  usage or input error (also a malformed policy file)',
    '3  the gate cannot tell: a change the input cannot tell (unknown-introduced) and no allowUnknown',
  ],
  examples: [
    'genesys-access diff --base base/cdktf.out --head head/cdktf.out',
    'genesys-access diff --base old.json --head new.json --format json --fail-on broadening',
    'genesys-access diff --base base.out --head head.out --fail-on high-risk,principal-added',
    'genesys-access diff --plan plan.json --fail-on broadening --policy genesys-access.policy.json',
    'genesys-access diff --base genesyscloud/genesyscloud.tf.json --head cdktf.out',
  ],
  async run(args, io) {
    const base = flag(args, 'base');
    const head = flag(args, 'head');
    const options = { cwd: io.cwd, ...inputOptions(args) };
    const failOnArg = failOnFlag(flagList(args, 'fail-on'));
    const policy = policyOf(flag(args, 'policy'), io.cwd);
    const plan = planAlone(args.positionals, flag(args, 'plan'), base, head, options.format, io.cwd);
    const heads = plan ? [] : await loadInputs(head!, options);
    const model = plan?.model ?? buildDiff(await loadInputs(base!, options), heads);
    const stackFiles = new Map(plan ? [[plan.stack, plan.file]] : heads.map((s) => [s.name, s.file]));
    const failOn = failOnArg ?? (policy ? failOnFlag(policy.policy.failOn, policy.shown) : undefined);
    const gate = failOn ? evaluateGate(model.changes, failOn, policy?.policy, policy?.shown) : undefined;
    const out: DiffModel & { gate?: GateResult } = gate ? { ...model, gate } : model;
    const f = flag(args, 'format') ?? 'markdown';
    if (f === 'sarif') {
      const sarif = changesSarif(out.changes, {
        cwd: io.cwd,
        stackFiles,
        // What the input cannot tell fails the gate closed: an error like a failing change.
        ...(gate
          ? {
              failing: [
                ...gate.failing,
                ...gate.unknown.map((index) => ({ index, reason: 'the input cannot tell, so the gate fails closed' })),
              ],
              excepted: gate.excepted,
            }
          : {}),
      });
      io.stdout(renderSarif(sarif));
    } else io.stdout(f === 'json' ? renderJson(out) : renderDiffMarkdown(out));
    return !gate || gate.outcome === 'pass' ? EXIT.ok : gate.outcome === 'fail' ? EXIT.findings : EXIT.unknown;
  },
};

/** The kind names, comma-separated, in lines of at most 110 characters. */
function kindLines(kinds: readonly string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [i, k] of kinds.entries()) {
    const word = `${k}${i === kinds.length - 1 ? '.' : ','}`;
    if (line && line.length + word.length + 1 > 110) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/** The gate `--fail-on` (or the policy's failOn) asks for; undefined when neither asks for one. */
function failOnFlag(values: readonly string[], policyFile?: string): FailOn | undefined {
  if (values.length === 0) return undefined;
  try {
    return parseFailOn(values);
  } catch (e) {
    if (e instanceof FailOnError) {
      throw new UsageError(policyFile !== undefined ? `policy file ${policyFile}: ${e.message}` : e.message, 'diff');
    }
    throw e;
  }
}

/** The policy `--policy` names, else the repository's, else none. */
function policyOf(given: string | undefined, cwd: string): { policy: Policy; shown: string } | undefined {
  const file = given !== undefined ? path.resolve(cwd, given) : findPolicy(cwd);
  if (file === undefined) return undefined;
  const shown = given ?? (path.relative(cwd, file) || POLICY_FILE);
  return { policy: readPolicy(file, shown), shown };
}

/** The diff of a plan with itself (`--plan`, or a plan given alone), or undefined for `--base --head`. */
function planAlone(
  positionals: readonly string[],
  plan: string | undefined,
  base: string | undefined,
  head: string | undefined,
  inputFormat: string | undefined,
  cwd: string,
): { model: ReturnType<typeof buildDiff>; stack: string; file: string } | undefined {
  const alone = plan === undefined && base === undefined && head === undefined ? positionals[0] : undefined;
  const extra = positionals[alone === undefined ? 0 : 1];
  if (extra !== undefined) {
    throw new UsageError(
      `unexpected argument "${extra}": use --base <old> --head <new>, or --plan <plan.json>`,
      'diff',
    );
  }
  if (plan !== undefined && (base !== undefined || head !== undefined)) {
    throw new UsageError('--plan compares a plan with itself: give --plan alone, or --base and --head', 'diff');
  }
  const file = plan ?? alone;
  if (file === undefined) {
    if (base === undefined || head === undefined) {
      throw new UsageError(`missing ${base === undefined ? '--base <old>' : '--head <new>'}`, 'diff');
    }
    return undefined;
  }
  if (inputFormat !== undefined && inputFormat !== PLAN_FORMAT) {
    throw new UsageError(`--input-format ${inputFormat} is not a plan: --plan reads ${PLAN_FORMAT}`, 'diff');
  }
  if (alone !== undefined && inputFormat === undefined && !looksLikePlan(path.resolve(cwd, alone))) {
    throw new UsageError(
      `"${alone}" is not a \`terraform show -json\` plan: compare two inputs with --base <old> --head <new>`,
      'diff',
    );
  }
  const sides = loadPlanSides(file, cwd);
  return { model: buildDiff([sides.before], [sides.after]), stack: sides.after.name, file: sides.after.file };
}
