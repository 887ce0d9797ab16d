/** `genesys-access audit`: unused access per OAuth client, from a snapshot's API usage. */
import { renderJson } from '../../review/render-json';
import { readSnapshotFile } from '../../sources/genesys-org/snapshot-file';
import { flag, UsageError } from '../args';
import { type Command, EXIT, FORMAT, format, HELP } from './shared';

export const audit: Command = {
  name: 'audit',
  summary: 'what each OAuth client holds that its API usage did not need, and the tightened role',
  usage: ['genesys-access audit <org.json> [--client <name|id>] [--format markdown|json]'],
  flags: [{ name: 'client', value: '<name|id>', description: 'audit only this OAuth client' }, FORMAT, HELP],
  description: [
    'Reads a snapshot taken with --usage-days. Per OAuth client: its API calls in the window (usage rows mapped to',
    'catalog operations through their ANY/ALL rules), the permissions and divisions it holds that no call needed,',
    'the calls it made through a broader permission (a wildcard, or an ANY-of alternative the ranking puts after',
    'a narrower one), and a tightened role as construct code (AccessRole, ClientCredentialsClient, Division), HCL',
    'and JSON. Usage rows carry no division: a division is kept when it holds a needed permission. The output',
    'states the window: jobs rarer than it (a quarterly export) made no calls and look unused.',
  ].join('\n'),
  exits: ['0  done', '2  usage or input error (no snapshot, no usage in it, unknown client)'],
  examples: ['genesys-access audit org.json', "genesys-access audit org.json --client 'Reporting' --format json"],
  async run(args, io) {
    if (args.positionals.length !== 1) {
      throw new UsageError(
        args.positionals.length ? `unexpected argument "${args.positionals[1]}"` : 'missing snapshot: <org.json>',
        'audit',
      );
    }
    // Loaded here, so the other commands' cold start does not pay for the audit.
    const [{ buildAudit }, { renderAuditMarkdown }] = await Promise.all([
      import('../../doctor/audit'),
      import('../../doctor/render-audit'),
    ]);
    const snapshot = readSnapshotFile(args.positionals[0]!, io.cwd);
    const client = flag(args, 'client');
    const model = buildAudit(snapshot, client !== undefined ? { client } : {});
    io.stdout(format(args) === 'json' ? renderJson(model) : renderAuditMarkdown(model));
    return EXIT.ok;
  },
};
