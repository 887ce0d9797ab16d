/**
 * The commands of `genesys-access`: argument handling, exit codes and output only; the work is in lib/review
 * and lib/doctor. No cdktf import.
 */
import { AccessValidationError } from '../errors';
import { ADMIN_PERMISSIONS } from '../rules/permissions/admin-permission-on-integration';
import { buildDeployer } from '../doctor/deployer';
import { explainOperation, explainPermission, resolveOperation } from '../doctor/explain';
import {
  renderDeployerMarkdown,
  renderExplainMarkdown,
  renderPermissionMarkdown,
  renderUnknownOperationMarkdown,
} from '../doctor/render-markdown';
import { buildDiff, diffBroadens } from '../review/diff';
import { type LoadedStack, loadStacks } from '../sources/cdktf/load';
import { renderJson } from '../review/render-json';
import { renderDiffMarkdown, renderReportMarkdown } from '../review/render-markdown';
import { buildReport, reportFails } from '../review/report';
import { type FlagSpec, flag, type ParsedArgs, UsageError } from './args';

/** Where output goes. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
}

/** Exit codes. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unknown: 3 } as const;

/** A command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: readonly string[];
  readonly flags: readonly FlagSpec[];
  /** Paragraphs after the flags in --help. */
  readonly description: string;
  /** Exit codes in --help. */
  readonly exits: readonly string[];
  readonly examples: readonly string[];
  run(args: ParsedArgs, io: Io): number;
}

const FORMAT: FlagSpec = {
  name: 'format',
  value: '<markdown|json>',
  choices: ['markdown', 'json'],
  description: 'output format (default: markdown, sized for a PR comment; json is compact, for programs)',
};
const HELP: FlagSpec = { name: 'help', short: 'h', description: 'show this help' };

const INPUT = '<cdk.tf.json | cdktf.out dir | stack dir>';

function format(args: ParsedArgs): 'markdown' | 'json' {
  return (flag(args, 'format') as 'markdown' | 'json' | undefined) ?? 'markdown';
}

function inputs(args: ParsedArgs, command: string, io: Io): LoadedStack[] {
  if (args.positionals.length === 0) throw new UsageError(`missing input: ${INPUT}`, command);
  const stacks = args.positionals.flatMap((p) => loadStacks(p, io.cwd));
  const names = stacks.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new AccessValidationError(`two inputs have a stack named "${dup}": give each once`);
  return stacks;
}

const report: Command = {
  name: 'report',
  summary: 'who can do what: per principal roles, divisions, permissions, capabilities, operations, findings',
  usage: [`genesys-access report ${INPUT}... [--format markdown|json]`],
  flags: [FORMAT, HELP],
  description: [
    'For every OAuth client, user and group in the synthesized plan: its grant type, roles, divisions (names where',
    'known; home, implicit home and all divisions called out, with the recorded reason), permissions, the',
    'capabilities they add up to, how many API operations they unlock, scopes for user-context clients, the rule',
    'findings (RULES.md) and the suppressions with their reasons. A cdktf.out directory is reported per stack.',
  ].join('\n'),
  exits: ['0  no unsuppressed error findings', '1  unsuppressed error findings', '2  usage or input error'],
  examples: ['genesys-access report cdktf.out', 'genesys-access report cdktf.out/stacks/qa/cdk.tf.json --format json'],
  run(args, io) {
    const model = buildReport(inputs(args, 'report', io));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderReportMarkdown(model));
    return reportFails(model) ? EXIT.findings : EXIT.ok;
  },
};

const diff: Command = {
  name: 'diff',
  summary: 'the access change between two syntheses, broadening flagged',
  usage: ['genesys-access diff --base <old> --head <new> [--format markdown|json] [--fail-on broadening]'],
  flags: [
    { name: 'base', value: '<cdk.tf.json | cdktf.out dir>', description: 'the synthesis before the change' },
    { name: 'head', value: '<cdk.tf.json | cdktf.out dir>', description: 'the synthesis after the change' },
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
    'stacks are compared whatever their names.',
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
  run(args, io) {
    if (args.positionals.length) {
      throw new UsageError(`unexpected argument "${args.positionals[0]}": use --base <old> --head <new>`, 'diff');
    }
    const base = flag(args, 'base');
    const head = flag(args, 'head');
    if (base === undefined || head === undefined) {
      throw new UsageError(`missing ${base === undefined ? '--base <old>' : '--head <new>'}`, 'diff');
    }
    const model = buildDiff(loadStacks(base, io.cwd), loadStacks(head, io.cwd));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderDiffMarkdown(model));
    return flag(args, 'fail-on') === 'broadening' && diffBroadens(model) ? EXIT.findings : EXIT.ok;
  },
};

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PERMISSION = /^[^\s/:]+:[^\s/:]+:[^\s/:]+$/;

const explain: Command = {
  name: 'explain',
  summary: 'what an operation needs; why a principal gets a 403, and the fix',
  usage: [
    'genesys-access explain <METHOD> <PATH> [--plan <file|dir> [--principal <name>] [--division <name|id>]]',
    'genesys-access explain <operationId | domain:entity:action>',
  ],
  flags: [
    { name: 'plan', value: '<cdk.tf.json | cdktf.out dir>', description: 'a synthesized plan to check against' },
    {
      name: 'principal',
      value: '<name>',
      description: 'the OAuth client, user or group: address, logical name or display name',
    },
    { name: 'division', value: '<name|id>', description: 'the division of the object (a name, id, home or *)' },
    { name: 'stack', value: '<name>', description: 'the stack, when --plan has several that match' },
    {
      name: 'scopes-enforced',
      description: 'the org enforces OAuth scopes (Genesys Cloud orgs do not by default): a missing scope is a 403',
    },
    FORMAT,
    HELP,
  ],
  description: [
    'For an operation (template or concrete path, e.g. /api/v2/conversations/abc/recordings): its ANY/ALL',
    'permissions with the least-privilege pick, the capabilities that contain it, and its scopes, which matter',
    'only for user-context grant types (not for CLIENT-CREDENTIALS). With --plan and --principal: whether that',
    'principal can call it (in --division), exactly what is missing (a permission, a division or a scope) and',
    'the construct change that fixes it. With --plan alone: who in the plan can call it. An unknown or invented',
    'operation gets the nearest real ones.',
  ].join('\n'),
  exits: [
    '0  answered (the principal can call it, or no principal given)',
    '1  the principal cannot call it',
    '3  the input cannot tell (a role defined elsewhere, conditions, an unknown scope, ...): see the reasons',
    '2  usage or input error, unknown operation or permission',
  ],
  examples: [
    'genesys-access explain GET /api/v2/conversations/{conversationId}/recordings',
    'genesys-access explain GET /api/v2/conversations/abc/recordings --plan cdktf.out --principal qa --division Chicago',
    'genesys-access explain POST /api/v2/wfm/schedules/{scheduleId}/publish',
  ],
  run(args, io) {
    const pos = args.positionals;
    const planPath = flag(args, 'plan');
    for (const needsPlan of ['principal', 'division', 'stack', 'scopes-enforced']) {
      if (args.flags.has(needsPlan) && planPath === undefined) {
        throw new UsageError(`--${needsPlan} needs --plan <cdk.tf.json | cdktf.out dir>`, 'explain');
      }
    }
    if (pos.length === 0) throw new UsageError('missing operation: <METHOD> <PATH>', 'explain');
    if (pos.length > 2) throw new UsageError(`unexpected argument "${pos[2]}": quote the path?`, 'explain');
    let query: string;
    if (pos.length === 2) {
      if (!METHODS.includes(pos[0].toUpperCase())) {
        throw new UsageError(`unknown HTTP method "${pos[0]}": use ${METHODS.join(', ')}`, 'explain');
      }
      query = `${pos[0].toUpperCase()} ${pos[1]}`;
    } else {
      query = pos[0].trim();
      if (PERMISSION.test(query)) {
        if (planPath !== undefined) {
          throw new UsageError('--plan works with an operation, not a permission', 'explain');
        }
        const m = explainPermission(query, ADMIN_PERMISSIONS);
        io.stdout(format(args) === 'json' ? renderJson(m) : renderPermissionMarkdown(m));
        return EXIT.ok;
      }
      const m = /^(\S+)\s+(\S+)$/.exec(query);
      if (m && !METHODS.includes(m[1].toUpperCase())) {
        throw new UsageError(`unknown HTTP method "${m[1]}": use ${METHODS.join(', ')}`, 'explain');
      }
      if (!m && /[/]/.test(query)) {
        throw new UsageError(`give the HTTP method: genesys-access explain GET ${query}`, 'explain');
      }
    }
    const op = resolveOperation(query);
    if ('error' in op) {
      io.stdout(format(args) === 'json' ? renderJson(op) : renderUnknownOperationMarkdown(op));
      throw new AccessValidationError(op.error);
    }
    const stacks = planPath !== undefined ? loadStacks(planPath, io.cwd) : undefined;
    const model = explainOperation(query, op, {
      stacks,
      principal: flag(args, 'principal'),
      division: flag(args, 'division'),
      stack: flag(args, 'stack'),
      ...(args.flags.has('scopes-enforced') ? { scopesEnforced: true } : {}),
    });
    io.stdout(format(args) === 'json' ? renderJson(model) : renderExplainMarkdown(model));
    if (!model.check || model.check.verdict === 'allowed') return EXIT.ok;
    return model.check.verdict === 'denied' ? EXIT.findings : EXIT.unknown;
  },
};

const deployer: Command = {
  name: 'deployer',
  summary: 'what the OAuth client running `cdktf deploy` must hold to apply a plan',
  usage: [`genesys-access deployer ${INPUT}... [--format markdown|json]`],
  flags: [FORMAT, HELP],
  description: [
    'For each resource type the plan creates and data source it reads, the Platform API operations the provider',
    'calls (data/genesyscloud/resource-api-usage.json) with their ANY/ALL permissions, summarised as a minimal',
    'permission set (every ALL-of permission, one pick per ANY-of list: one already needed, else the first',
    'listed); plus every role × division the plan grants to others, which the provider requires the deploying',
    'client to hold already. Calls made only in cases the plan does not need are listed, not counted.',
  ].join('\n'),
  exits: ['0  done', '2  usage or input error'],
  examples: ['genesys-access deployer cdktf.out', 'genesys-access deployer cdktf.out/stacks/qa --format json'],
  run(args, io) {
    const model = buildDeployer(inputs(args, 'deployer', io));
    io.stdout(format(args) === 'json' ? renderJson(model) : renderDeployerMarkdown(model));
    return EXIT.ok;
  },
};

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [report, diff, explain, deployer];
