/** `genesys-access diff`: the access change between two inputs, or what applying a plan changes. */
import * as path from 'path';
import { buildDiff, diffBroadens } from '../../review/diff';
import { renderJson } from '../../review/render-json';
import { renderDiffMarkdown } from '../../review/render-diff-markdown';
import { loadInputs } from '../../sources';
import { looksLikePlan, loadPlanSides, PLAN_FORMAT } from '../../sources/terraform-plan';
import { flag, UsageError } from '../args';
import { type Command, EXIT, FORMAT, format, HELP, INPUT_FLAGS, inputOptions } from './shared';

export const diff: Command = {
  name: 'diff',
  summary: 'the access change between two syntheses, broadening flagged',
  usage: [
    'genesys-access diff --base <old> --head <new> [--format markdown|json] [--fail-on broadening]',
    'genesys-access diff --plan <plan.json> [--format markdown|json] [--fail-on broadening]',
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
    FORMAT,
    {
      name: 'fail-on',
      value: '<broadening>',
      choices: ['broadening'],
      description: 'exit 1 when access broadens (so a pipeline can demand approval)',
    },
    HELP,
  ],
  description: [
    'Principals added and removed; per principal, role × division grants and permission × division pairs added',
    'and removed, and the operations newly unlocked per division. Broadening is flagged: new all-divisions',
    'grants, new admin-grade permissions, new admin-grade scopes on user-context clients, newly exposed client',
    'secrets, new wildcard permissions. Stacks of two cdktf.out directories are paired by name; two single',
    'stacks are compared whatever their names. A plan is a diff by itself: --plan (or the plan given alone)',
    'compares what holds now with what holds after apply; as --base or --head a plan stands for its planned',
    'values. Principals, roles and divisions pair by address, else by Genesys type and name (a',
    'genesyscloud_tf_export of the live org names them by exported names: --base <export> --head <code> is a',
    'drift check); the output says how each principal was paired. A snapshot (genesys-access snapshot) against',
    "code is the drift between the org and the code: the code's stacks are merged, and principals, roles and",
    'divisions are paired by name (or by a literal id).',
  ].join('\n'),
  exits: [
    '0  done (also when access broadens, unless --fail-on broadening)',
    '1  --fail-on broadening and access broadens',
    '2  usage or input error',
  ],
  examples: [
    'genesys-access diff --base base/cdktf.out --head head/cdktf.out',
    'genesys-access diff --base old.json --head new.json --format json --fail-on broadening',
    'genesys-access diff --plan plan.json --fail-on broadening',
    'genesys-access diff --base genesyscloud/genesyscloud.tf.json --head cdktf.out',
  ],
  async run(args, io) {
    const base = flag(args, 'base');
    const head = flag(args, 'head');
    const options = { cwd: io.cwd, ...inputOptions(args) };
    const model =
      planAlone(args.positionals, flag(args, 'plan'), base, head, options.format, io.cwd) ??
      buildDiff(await loadInputs(base!, options), await loadInputs(head!, options));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderDiffMarkdown(model));
    return flag(args, 'fail-on') === 'broadening' && diffBroadens(model) ? EXIT.findings : EXIT.ok;
  },
};

/** The diff of a plan with itself (`--plan`, or a plan given alone), or undefined for `--base --head`. */
function planAlone(
  positionals: readonly string[],
  plan: string | undefined,
  base: string | undefined,
  head: string | undefined,
  inputFormat: string | undefined,
  cwd: string,
): ReturnType<typeof buildDiff> | undefined {
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
  return buildDiff([sides.before], [sides.after]);
}
