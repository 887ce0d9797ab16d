/** `genesys-access diff`: the access change between two inputs. */
import { buildDiff, diffBroadens } from '../../review/diff';
import { renderJson } from '../../review/render-json';
import { renderDiffMarkdown } from '../../review/render-markdown';
import { loadInputs } from '../../sources';
import { flag, UsageError } from '../args';
import { type Command, EXIT, FORMAT, format, HELP, INPUT_FLAGS, inputOptions } from './shared';

export const diff: Command = {
  name: 'diff',
  summary: 'the access change between two syntheses, broadening flagged',
  usage: ['genesys-access diff --base <old> --head <new> [--format markdown|json] [--fail-on broadening]'],
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
    'stacks are compared whatever their names. A snapshot (genesys-access snapshot) against code is the drift',
    "between the org and the code: the code's stacks are merged, and principals, roles and divisions are paired",
    'by name (or by a literal id).',
  ].join('\n'),
  exits: [
    '0  done (also when access broadens, unless --fail-on broadening)',
    '1  --fail-on broadening and access broadens',
    '2  usage or input error',
  ],
  examples: [
    'genesys-access diff --base base/cdktf.out --head head/cdktf.out',
    'genesys-access diff --base old.json --head new.json --format json --fail-on broadening',
  ],
  async run(args, io) {
    if (args.positionals.length) {
      throw new UsageError(`unexpected argument "${args.positionals[0]}": use --base <old> --head <new>`, 'diff');
    }
    const base = flag(args, 'base');
    const head = flag(args, 'head');
    if (base === undefined || head === undefined) {
      throw new UsageError(`missing ${base === undefined ? '--base <old>' : '--head <new>'}`, 'diff');
    }
    const options = { cwd: io.cwd, ...inputOptions(args) };
    const model = buildDiff(await loadInputs(base, options), await loadInputs(head, options));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderDiffMarkdown(model));
    return flag(args, 'fail-on') === 'broadening' && diffBroadens(model) ? EXIT.findings : EXIT.ok;
  },
};
