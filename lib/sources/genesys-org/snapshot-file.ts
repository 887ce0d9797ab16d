/**
 * The snapshot file `genesys-access snapshot` writes: a JSON object with a `kind` marker and a version, the
 * org's access graph in its published form (lib/access/graph.ts, read back with readGraph), the org's
 * permission list, its default roles, and optionally each OAuth client's API usage over a window. Reading it
 * needs no network and does not load the live client. Input is hostile: every field is checked.
 */
import * as path from 'path';
import type { AccessGraph } from '../../access/graph';
import { AccessValidationError } from '../../errors';
import { cmp } from '../../util/compare';
import type { LoadedStack } from '../cdktf/load';
import { readGraph } from '../graph-json';
import { readFilePrefix } from '../../util/file-prefix';
import { isObject } from '../../util/json';
import { parseJsonInput } from '../../util/json-input';
import { readInputText } from '../../util/read-input';

/** The `kind` of a snapshot file. */
export const SNAPSHOT_KIND = 'genesys-access/org-snapshot';
/** The version of the snapshot file this library writes and reads. */
export const SNAPSHOT_VERSION = 1;
/** The graph `source.format` of an org read live. */
export const ORG_FORMAT = 'genesys-org';

/** What the org says of one permission (`GET /api/v2/authorization/permissions`). */
export interface SnapshotPermission {
  /** `domain:entity:action`. */
  readonly permission: string;
  readonly divisionAware: boolean;
  readonly allowsConditions: boolean;
  /** The admin console's label, where the org gives one. */
  readonly label?: string;
}

/** A default (built-in) role of the org, with its permissions. */
export interface SnapshotDefaultRole {
  /** The graph role key (`role:<id>`). */
  readonly role: string;
  readonly name: string;
  /** The built-in role it is (`employee`, `admin`, ...). */
  readonly defaultRoleId: string;
  /** `domain:entity:action`, sorted. */
  readonly permissions: readonly string[];
  readonly generalPermissions: readonly string[];
}

/** One row of a client's API usage: a template URI and method, and how many requests. */
export interface SnapshotUsageRow {
  /** As the usage API reports it, e.g. `/api/v2/analytics/conversations/details/query`. */
  readonly templateUri: string;
  readonly method: string;
  readonly count: number;
}

/** API usage over a window, by OAuth client. */
export interface SnapshotUsage {
  readonly days: number;
  /** ISO 8601, the window's start. */
  readonly from: string;
  /** ISO 8601, the window's end. */
  readonly to: string;
  /** By graph principal key (`oauth-client:<id>`); rows sorted by template URI then method. */
  readonly clients: Readonly<Record<string, readonly SnapshotUsageRow[]>>;
}

/** A snapshot of a live org. */
export interface OrgSnapshot {
  readonly kind: typeof SNAPSHOT_KIND;
  readonly version: typeof SNAPSHOT_VERSION;
  /** When it was read (ISO 8601). */
  readonly takenAt: string;
  /** The API host it was read from. */
  readonly apiHost: string;
  /** The org's access graph (`source.format` is `genesys-org`), with `org.permissions` and `org.policies`. */
  readonly graph: AccessGraph;
  /** Every permission the org lists, sorted. */
  readonly permissions: readonly SnapshotPermission[];
  /** Default roles, by name. */
  readonly defaultRoles: readonly SnapshotDefaultRole[];
  /** With `--usage-days`: API usage per OAuth client. */
  readonly usage?: SnapshotUsage;
  /** What the snapshot could not read, or read with a caveat. */
  readonly notes: readonly string[];
}

const KIND_PREFIX = new RegExp(`"kind"\\s*:\\s*"${SNAPSHOT_KIND.replace(/[/.]/g, '\\$&')}"`);

/** True when the text (or its first kilobytes) is a snapshot file: its `kind` comes first. */
export function looksLikeSnapshot(head: string): boolean {
  const i = head.indexOf('"kind"');
  return i >= 0 && i < 64 && KIND_PREFIX.test(head.slice(0, 256));
}

/** Reads a snapshot (object or JSON text), checking every field; `shown` names it in errors. */
export function readSnapshot(json: unknown, shown = 'the snapshot'): OrgSnapshot {
  let doc: unknown = json;
  if (typeof json === 'string') {
    doc = parseJsonInput(json, shown, 'take the snapshot again with `genesys-access snapshot`');
  }
  const fail = (what: string): never => {
    throw new AccessValidationError(`"${shown}" ${what}`);
  };
  if (!isObject(doc)) return fail('is not a snapshot: expected a JSON object');
  if (doc.kind !== SNAPSHOT_KIND) return fail(`is not a snapshot: "kind" must be "${SNAPSHOT_KIND}"`);
  if (doc.version !== SNAPSHOT_VERSION) {
    const v = typeof doc.version === 'number' ? doc.version : 'none';
    return fail(
      `has snapshot version ${v}; this library reads version ${SNAPSHOT_VERSION}${typeof v === 'number' && v > SNAPSHOT_VERSION ? ': upgrade cdktf-genesyscloud-access' : ': take the snapshot again'}`,
    );
  }
  for (const k of ['takenAt', 'apiHost'] as const) {
    if (typeof doc[k] !== 'string') fail(`: "${k}" must be a string`);
  }
  const graph = readGraph(doc.graph, `"${shown}" graph`);
  if (graph.source.format !== ORG_FORMAT) fail(`: graph.source.format must be "${ORG_FORMAT}"`);
  if (!Array.isArray(doc.permissions)) fail(': "permissions" must be a list');
  (doc.permissions as unknown[]).forEach((p, i) => {
    if (!isObject(p) || typeof p.permission !== 'string') fail(`: /permissions/${i}/permission must be a string`);
    const x = p as Record<string, unknown>;
    for (const k of ['divisionAware', 'allowsConditions']) {
      if (typeof x[k] !== 'boolean') fail(`: /permissions/${i}/${k} must be true or false`);
    }
    if (x.label !== undefined && typeof x.label !== 'string') fail(`: /permissions/${i}/label must be a string`);
  });
  if (!Array.isArray(doc.defaultRoles)) fail(': "defaultRoles" must be a list');
  (doc.defaultRoles as unknown[]).forEach((r, i) => {
    if (!isObject(r)) return fail(`: /defaultRoles/${i} must be an object`);
    for (const k of ['role', 'name', 'defaultRoleId']) {
      if (typeof r[k] !== 'string') fail(`: /defaultRoles/${i}/${k} must be a string`);
    }
    for (const k of ['permissions', 'generalPermissions']) {
      const v = r[k];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        fail(`: /defaultRoles/${i}/${k} must be a list of strings`);
    }
  });
  if (!Array.isArray(doc.notes) || doc.notes.some((n) => typeof n !== 'string'))
    fail(': "notes" must be a list of strings');
  if (doc.usage !== undefined) {
    const u = doc.usage;
    if (!isObject(u)) return fail(': "usage" must be an object');
    if (typeof u.days !== 'number' || !Number.isInteger(u.days) || u.days < 1)
      fail(': usage.days must be a whole number >= 1');
    for (const k of ['from', 'to']) if (typeof u[k] !== 'string') fail(`: usage.${k} must be a string`);
    if (!isObject(u.clients)) return fail(': usage.clients must be an object');
    for (const [client, rows] of Object.entries(u.clients)) {
      if (!Array.isArray(rows)) fail(`: usage.clients["${client}"] must be a list`);
      (rows as unknown[]).forEach((row, i) => {
        const at = `usage.clients["${client}"][${i}]`;
        if (!isObject(row)) return fail(`: ${at} must be an object`);
        if (typeof row.templateUri !== 'string' || typeof row.method !== 'string')
          fail(`: ${at} needs string templateUri and method`);
        if (typeof row.count !== 'number' || !Number.isInteger(row.count) || row.count < 0)
          fail(`: ${at}.count must be a whole number`);
      });
    }
  }
  return doc as unknown as OrgSnapshot;
}

/** The snapshot as the file holds it: two-space JSON, keys in a fixed order, a final newline. */
export function serializeSnapshot(s: OrgSnapshot): string {
  const ordered: OrgSnapshot = {
    kind: s.kind,
    version: s.version,
    takenAt: s.takenAt,
    apiHost: s.apiHost,
    graph: s.graph,
    permissions: s.permissions,
    defaultRoles: s.defaultRoles,
    ...(s.usage ? { usage: s.usage } : {}),
    notes: s.notes,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads a snapshot file; errors name the path as the user gave it. */
export function readSnapshotFile(file: string, cwd: string = process.cwd()): OrgSnapshot {
  const abs = path.resolve(cwd, file);
  const text = readInputText(abs, file, { give: 'give the org snapshot file that `genesys-access snapshot` writes' });
  return readSnapshot(text, file);
}

/** True when `input` is a file whose first bytes are a snapshot's. */
export function isSnapshotFile(input: string, cwd: string): boolean {
  const prefix = readFilePrefix(path.resolve(cwd, input), 256);
  return prefix !== undefined && looksLikeSnapshot(prefix.text);
}

/** A snapshot file as an input of report, diff, explain and deployer: one graph, named after the org. */
export function loadSnapshotInput(input: string, cwd: string): LoadedStack[] {
  const s = readSnapshotFile(input, cwd);
  const graph: AccessGraph = { ...s.graph, source: { ...s.graph.source, file: input } };
  return [{ name: graph.source.name, file: input, graph }];
}

/** The usage rows of every client, sorted; for building a snapshot. */
export function sortUsage(clients: Record<string, SnapshotUsageRow[]>): Record<string, SnapshotUsageRow[]> {
  const out: Record<string, SnapshotUsageRow[]> = {};
  for (const k of Object.keys(clients).sort(cmp)) {
    out[k] = [...clients[k]].sort((a, b) => cmp(a.templateUri, b.templateUri) || cmp(a.method, b.method));
  }
  return out;
}
