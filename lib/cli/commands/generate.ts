/** `genesys-access generate`: the least-privilege role for a list of operations. */
import * as path from 'path';
import type { Operation } from '../../catalog/types';
import { readInputText } from '../../util/read-input';
import { renderJson } from '../../review/render-json';
import { readSnapshotFile } from '../../sources/genesys-org/snapshot-file';
import { flag, UsageError } from '../args';
import { type Command, EXIT, FORMAT, format, HELP } from './shared';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Positionals as operation references: `GET /path` is two arguments, an operation id one. */
function operationRefs(positionals: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < positionals.length; i++) {
    const a = positionals[i]!;
    if (METHODS.includes(a.toUpperCase())) {
      const next = positionals[i + 1];
      if (next === undefined) throw new UsageError(`${a} needs a path: ${a} /api/v2/...`, 'generate');
      out.push(`${a.toUpperCase()} ${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export const generate: Command = {
  name: 'generate',
  summary: "the least-privilege role for a list of operations (or one client's usage), as code, HCL and JSON",
  usage: [
    'genesys-access generate <METHOD /path | operationId | sdkMethod>... [--name <role>] [--grant-to <client> --divisions <a,b>]',
    'genesys-access generate --file <operations.txt> [...]',
    'genesys-access generate --snapshot <org.json> --client <name|id> [--name <role>]',
  ],
  flags: [
    { name: 'file', value: '<file>', description: 'operations, one per line (# comments)' },
    { name: 'snapshot', value: '<org.json>', description: "a snapshot with usage: generate from one client's calls" },
    { name: 'client', value: '<name|id>', description: 'the OAuth client of --snapshot' },
    { name: 'name', value: '<role name>', description: 'the role\'s name (default "Least privilege role")' },
    {
      name: 'grant-to',
      value: '<client name>',
      description: 'also create this CLIENT-CREDENTIALS client, granted the role',
    },
    { name: 'divisions', value: '<a,b,...>', description: 'where --grant-to gets the role: division names, home, *' },
    { name: 'reason', value: '<text>', description: 'why every division, with --divisions *' },
    FORMAT,
    HELP,
  ],
  description: [
    'Operations are `METHOD /path` (template or concrete path), operation ids or SDK method names',
    '(getConversationRecordings, get_conversation_recordings). The role holds every ALL-of permission and, per',
    'ANY-of group, one already needed or else the pick of the ranking capabilities and explain use (the',
    'alternative a capability prefers, else the real permission the fewest operations list). With --snapshot and',
    "--client: the role for that client's API usage, granted in the divisions of its grants that hold a needed",
    'permission (what `audit` calls the tightened role). Markdown shows construct code, HCL and JSON; --format json',
    'is the whole model.',
  ].join('\n'),
  exits: ['0  done', '2  usage or input error, unknown operation'],
  examples: [
    'genesys-access generate GET /api/v2/conversations/{conversationId}/recordings postAnalyticsConversationsDetailsQuery',
    'genesys-access generate --file ops.txt --name "Reporting" --grant-to Reporting --divisions Chicago,home',
    'genesys-access generate --snapshot org.json --client Reporting',
  ],
  async run(args, io) {
    // Loaded here, so the other commands' cold start does not pay for generate.
    const [
      { generateForOperations, generateFromSnapshot },
      { parseOperationList, resolveOperationRef },
      { renderGenerateMarkdown },
    ] = await Promise.all([
      import('../../doctor/generate'),
      import('../../doctor/least-privilege'),
      import('../../doctor/render-audit'),
    ]);
    const snapshotPath = flag(args, 'snapshot');
    const client = flag(args, 'client');
    const file = flag(args, 'file');
    const name = flag(args, 'name');
    if (snapshotPath !== undefined) {
      if (client === undefined) throw new UsageError('--snapshot needs --client <name|id>', 'generate');
      for (const f of ['file', 'grant-to', 'divisions', 'reason']) {
        if (args.flags.has(f)) throw new UsageError(`--${f} does not go with --snapshot`, 'generate');
      }
      if (args.positionals.length) {
        throw new UsageError(`unexpected argument "${args.positionals[0]}" with --snapshot`, 'generate');
      }
      const model = generateFromSnapshot(
        readSnapshotFile(snapshotPath, io.cwd),
        client,
        name ? { roleName: name } : {},
      );
      io.stdout(format(args) === 'json' ? renderJson(model) : renderGenerateMarkdown(model));
      return EXIT.ok;
    }
    if (client !== undefined) throw new UsageError('--client needs --snapshot <org.json>', 'generate');
    const ops: Operation[] = operationRefs(args.positionals).map(resolveOperationRef);
    if (file !== undefined) {
      const text = readInputText(path.resolve(io.cwd, file), file, {
        give: 'give a text file of operations, one per line',
      });
      ops.push(...parseOperationList(text, file));
    }
    if (!ops.length) throw new UsageError('missing operations: METHOD /path, operation ids, or --file', 'generate');
    const divisions = flag(args, 'divisions')
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const grantTo = flag(args, 'grant-to');
    if (divisions && grantTo === undefined)
      throw new UsageError('--divisions needs --grant-to <client name>', 'generate');
    const reason = flag(args, 'reason');
    const model = generateForOperations(ops, {
      ...(name ? { roleName: name } : {}),
      ...(grantTo !== undefined ? { clientName: grantTo } : {}),
      ...(divisions ? { divisions } : {}),
      ...(reason ? { allDivisionsReason: reason } : {}),
    });
    io.stdout(format(args) === 'json' ? renderJson(model) : renderGenerateMarkdown(model));
    return EXIT.ok;
  },
};
