/**
 * `genesys-access snapshot`: read the live org the GENESYSCLOUD_* variables point at into a snapshot file. The
 * live client is loaded here, lazily, so the offline commands never load it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { explainSnapshotForbidden, snapshotClientNeeds } from '../../doctor/snapshot-client';
import { AccessValidationError } from '../../errors';
import { flag, type ParsedArgs, UsageError } from '../args';
import { type Command, EXIT, HELP, type Io } from './shared';

function positiveInt(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${v}")`, 'snapshot');
  }
  return Number(v);
}

/** Removes every occurrence of the secrets from a message (they never belong in one; this is the last guard). */
function redact(message: string, secrets: ReadonlyArray<string | undefined>): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}

export const snapshot: Command = {
  name: 'snapshot',
  summary: 'read the live org (GENESYSCLOUD_* variables) into a snapshot file the other commands read offline',
  usage: ['genesys-access snapshot [-o <org.json>] [--usage-days <N>] [--concurrency <N>] [--page-size <N>]'],
  flags: [
    { name: 'out', short: 'o', value: '<file>', description: 'write the snapshot to this file (default: stdout)' },
    {
      name: 'usage-days',
      value: '<N>',
      description: "also read each OAuth client's API usage over the last N days (1-366), for audit and generate",
    },
    { name: 'concurrency', value: '<N>', description: 'requests in flight at once (default 8)' },
    { name: 'page-size', value: '<N>', description: 'entities per page of every listing (default 100)' },
    HELP,
  ],
  // A getter: the minimal set is derived from the catalog, which only `--help` needs here.
  get description(): string {
    return snapshotDescription();
  },
  exits: ['0  snapshot written', '2  usage, credential, network or API error (one line: what to fix)'],
  examples: [
    'GENESYSCLOUD_REGION=us-east-1 genesys-access snapshot -o org.json',
    'genesys-access snapshot --usage-days 90 -o org.json',
  ],
  run: (args, io) => runSnapshot(args, io),
};

function snapshotDescription(): string {
  return [
    "Reads divisions, roles with their permission policies (default roles included), every role's subject",
    'grants (users, groups and OAuth clients with their divisions: one paged call per role, not one per user),',
    'the permission list (division-aware, conditions), access policies, OAuth clients, users and groups, and',
    'with --usage-days the API usage per client by template URI and method. Credentials and region come from',
    "the Genesys Cloud provider's variables: GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET",
    '(or GENESYSCLOUD_ACCESS_TOKEN), GENESYSCLOUD_REGION (e.g. us-east-1), or GENESYSCLOUD_GATEWAY_HOST,',
    '_PORT and _PROTOCOL. The secret and the token are never printed or written. The client needs',
    `${snapshotClientNeeds(true).permissions.join(', ')} (derived from the catalog; a 403 says which one`,
    'is missing). The file is an input of report, diff (drift against the code), explain --plan, deployer,',
    'audit and generate.',
  ].join('\n');
}

async function runSnapshot(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length) {
    throw new UsageError(`unexpected argument "${args.positionals[0]}": write the file with -o <file>`, 'snapshot');
  }
  const usageDays = positiveInt(args, 'usage-days', 1, 366);
  const concurrency = positiveInt(args, 'concurrency', 1, 64);
  const pageSize = positiveInt(args, 'page-size', 1, 500);
  const out = flag(args, 'out');
  const env = io.env ?? process.env;
  const secrets = [env.GENESYSCLOUD_OAUTHCLIENT_SECRET, env.GENESYSCLOUD_ACCESS_TOKEN];
  const live = await import('../../sources/genesys-org/live');
  let shown = false;
  const onProgress = io.stderrIsTTY
    ? (p: { requests: number; roles: number; rolesRead: number }): void => {
        shown = true;
        io.stderr(`\rgenesys-access snapshot: ${p.requests} requests, grants of ${p.rolesRead}/${p.roles} roles read`);
      }
    : undefined;
  let taken;
  try {
    taken = await live.takeSnapshot({
      env,
      ...(usageDays !== undefined ? { usageDays } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(pageSize !== undefined ? { pageSize } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  } catch (e) {
    if (shown) io.stderr('\n');
    if (e instanceof live.PlatformApiError && e.status === 403) {
      const doctor = explainSnapshotForbidden(
        { message: e.message, ...(e.operation ? { operation: e.operation } : {}), missing: e.missing },
        usageDays !== undefined,
      );
      throw new AccessValidationError(redact(`${e.message}. ${doctor}`, secrets));
    }
    if (AccessValidationError.isAccessValidationError(e)) {
      throw new AccessValidationError(redact((e as Error).message, secrets));
    }
    throw new Error(redact(e instanceof Error ? e.message : String(e), secrets));
  }
  if (shown) io.stderr('\n');
  const text = live.serializeSnapshot(taken.snapshot);
  const g = taken.snapshot.graph;
  const count = (kind: string): number => g.principals.filter((p) => p.kind === kind).length;
  const summary = `${g.source.name}: ${g.divisions.length} divisions, ${g.roles.length} roles, ${count('oauth-client')} OAuth clients, ${count('user')} users, ${count('group')} groups, ${g.grants.length} grants${taken.snapshot.usage ? `, usage of ${Object.keys(taken.snapshot.usage.clients).length} clients over ${taken.snapshot.usage.days} days` : ''} (${taken.stats.requests} requests)`;
  if (out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  const abs = path.resolve(io.cwd, out);
  const tmp = `${abs}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new AccessValidationError(
      `cannot write "${out}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  io.stdout(`wrote ${out}: ${summary}\n`);
  for (const n of taken.snapshot.notes) io.stdout(`note: ${n}\n`);
  return EXIT.ok;
}
