/** `genesys-access explain`: what an operation needs, and why a principal gets a 403. */
import { AccessValidationError } from '../../errors';
import { ADMIN_PERMISSIONS } from '../../rules/permissions/admin-permission-on-integration';
import { explainOperation, explainPermission, resolveOperation } from '../../doctor/explain';
import {
  renderExplainMarkdown,
  renderPermissionMarkdown,
  renderUnknownOperationMarkdown,
} from '../../doctor/render-markdown';
import { renderJson } from '../../review/render-json';
import { loadInputs } from '../../sources';
import { flag, UsageError } from '../args';
import { type Command, EXIT, FORMAT, format, HELP, INPUT_FLAGS, inputOptions } from './shared';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PERMISSION = /^[^\s/:]+:[^\s/:]+:[^\s/:]+$/;

export const explain: Command = {
  name: 'explain',
  summary: 'what an operation needs; why a principal gets a 403, and the fix',
  usage: [
    'genesys-access explain <METHOD> <PATH> [--plan <file|dir> [--principal <name>] [--division <name|id>]]',
    'genesys-access explain <operationId | domain:entity:action>',
  ],
  flags: [
    {
      name: 'plan',
      value: '<cdk.tf.json | cdktf.out dir | org.json>',
      description: 'a synthesized plan (or an org snapshot) to check against',
    },
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
    ...INPUT_FLAGS,
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
  async run(args, io) {
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
    const stacks =
      planPath !== undefined ? await loadInputs(planPath, { cwd: io.cwd, ...inputOptions(args) }) : undefined;
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
