/**
 * `genesys-access audit <snapshot>`: per OAuth client, what its API usage over the snapshot's window needed
 * (each usage row mapped to its catalog operation and through the ANY/ALL rules), the permissions and divisions
 * it holds that no call needed, the calls it made through a broader alternative (a wildcard, or an ANY-of
 * alternative the ranking puts after a narrower one), and a tightened role as construct code and HCL. Usage
 * rows say nothing of divisions, so a division is kept when it holds a needed permission; and jobs rarer than
 * the window are invisible, which the model says. No cdktf import, no network.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { evaluate, type Verdict } from '../access/evaluate';
import type { GraphPrincipal } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { PermissionSet } from '../access/permission-match';
import { type DivisionAccess, isUserContextClient, principalAccess } from '../access/principal-access';
import { AccessValidationError, didYouMean } from '../errors';
import type { OrgSnapshot, SnapshotUsageRow } from '../sources/genesys-org/snapshot-file';
import { cmp } from '../util/compare';
import { nearest } from '../review/suggest';
import type { AnyOfChoice } from './deployer';
import { leastPrivilegeSet } from './least-privilege';
import { leastScope } from './operation-info';
import { type DivisionSpec, roleCode, type RoleCode, type RoleCodeSpec } from './role-code';

/** One operation a client called in the window. */
export interface UsedOperation {
  readonly key: string;
  readonly operationId: string;
  /** Requests in the window (over every usage row that maps to it). */
  readonly count: number;
  /** The client's permissions (as held: wildcards kept) that meet the operation's ALL/ANY rules. */
  readonly usedThrough: readonly string[];
  /** What the evaluator says of the client and this operation now. */
  readonly verdict: Verdict;
  /** Why, when it is not allowed. */
  readonly reason?: string;
}

/** A permission a client holds, where and through which roles. */
export interface HeldPermission {
  readonly permission: string;
  /** Division labels, sorted. */
  readonly divisions: readonly string[];
  /** Role names, sorted. */
  readonly roles: readonly string[];
}

/** A call made through a broader permission than the ranking's pick. */
export interface BroaderUse {
  readonly operation: string;
  /** What the client holds that meets it. */
  readonly held: readonly string[];
  /** What the tightened role grants instead. */
  readonly narrower: string;
  readonly why: string;
}

/** The tightened role of a client. */
export interface TightenedRole {
  /** What the code was rendered from (generate re-renders it under another name). */
  readonly spec: RoleCodeSpec;
  readonly roleName: string;
  readonly permissions: readonly string[];
  readonly generalPermissions: readonly string[];
  readonly choices: readonly AnyOfChoice[];
  /** Division labels it is granted in. */
  readonly divisions: readonly string[];
  readonly code: RoleCode;
}

/** The audit of one OAuth client. */
export interface ClientAudit {
  readonly key: string;
  readonly name: string;
  readonly grantType?: string;
  readonly state?: string;
  /** Requests in the window. */
  readonly requests: number;
  readonly operations: readonly UsedOperation[];
  /** Usage rows the catalog does not know (not counted). */
  readonly unknownCalls: readonly SnapshotUsageRow[];
  readonly held: readonly HeldPermission[];
  /** Held permissions no call of the window needed. */
  readonly unused: readonly HeldPermission[];
  readonly broader: readonly BroaderUse[];
  /** Division labels: where a needed permission is held, and where none is. */
  readonly divisions: { readonly kept: readonly string[]; readonly unused: readonly string[] };
  /** User-context clients: scopes held, needed by the calls, and held but not accepted by any call. */
  readonly scopes?: {
    readonly held: readonly string[];
    readonly needed: readonly string[];
    readonly unused: readonly string[];
  };
  readonly tightened?: TightenedRole;
  readonly notes: readonly string[];
}

/** The audit of a snapshot. */
export interface AuditModel {
  readonly org: string;
  readonly takenAt: string;
  readonly window: { readonly days: number; readonly from: string; readonly to: string };
  /** Jobs rarer than the window are invisible. */
  readonly warning: string;
  readonly summary: {
    readonly clients: number;
    readonly withCalls: number;
    readonly unusedPermissions: number;
    readonly unusedDivisions: number;
    readonly broader: number;
  };
  readonly clients: readonly ClientAudit[];
  readonly notes: readonly string[];
}

/** Options of {@link buildAudit}. */
export interface AuditOptions {
  /**
   * Only this client: its name, key (`oauth-client:<id>`) or id.
   * @default - every OAuth client
   */
  readonly client?: string;
}

/** The OAuth client `ref` names in the snapshot; throws one line with did-you-mean. */
export function findSnapshotClient(snapshot: OrgSnapshot, ref: string): GraphPrincipal {
  const clients = snapshot.graph.principals.filter((p) => p.kind === 'oauth-client');
  const hits = clients.filter(
    (p) => p.key === ref || p.provenance?.genesysId === ref || p.name === ref || p.key === `oauth-client:${ref}`,
  );
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) {
    throw new AccessValidationError(
      `${hits.length} OAuth clients are named "${ref}": give the id (${hits.map((h) => h.provenance?.genesysId ?? h.key).join(', ')})`,
    );
  }
  throw new AccessValidationError(
    `no OAuth client "${ref}" in the snapshot.${didYouMean(
      nearest(
        ref,
        clients.map((c) => c.name),
        3,
      ),
    )}`,
  );
}

function windowWarning(days: number): string {
  return `The evidence is ${days} day${days === 1 ? '' : 's'} of API usage: a job that runs less often (a quarterly export, a yearly audit, a disaster-recovery runbook) made no calls in the window, so what it needs looks unused here. Check each removal with the owner before applying a tightened role; take the snapshot with more --usage-days (up to 366) to see rarer jobs.`;
}

/** The catalog operation of a usage row, or undefined (the usage API's template URIs may lack `/`). */
export function usageOperation(row: SnapshotUsageRow): Operation | undefined {
  const uri = row.templateUri.startsWith('/') ? row.templateUri : `/${row.templateUri}`;
  return Catalog.operation(`${row.method.toUpperCase()} ${uri}`);
}

function heldPermissions(divisions: readonly DivisionAccess[]): HeldPermission[] {
  const by = new Map<string, { divisions: Set<string>; roles: Set<string> }>();
  for (const d of divisions) {
    for (const r of d.roles) {
      const perms = [
        ...r.policies.flatMap((p) => p.actions.map((a) => `${p.domain}:${p.entity}:${a}`)),
        ...r.generalPermissions,
      ];
      for (const perm of perms) {
        let hit = by.get(perm);
        if (!hit) by.set(perm, (hit = { divisions: new Set(), roles: new Set() }));
        hit.divisions.add(d.label);
        hit.roles.add(r.name);
      }
    }
  }
  return [...by.entries()]
    .map(([permission, h]) => ({
      permission,
      divisions: [...h.divisions].sort(cmp),
      roles: [...h.roles].sort(cmp),
    }))
    .sort((a, b) => cmp(a.permission, b.permission));
}

function divisionSpec(d: DivisionAccess): DivisionSpec {
  switch (d.division.kind) {
    case 'home':
      return { kind: 'home' };
    case 'all':
      return { kind: 'all' };
    default:
      return d.division.name !== undefined
        ? { kind: 'name', name: d.division.name }
        : { kind: 'id', id: d.division.ref };
  }
}

function auditClient(snapshot: OrgSnapshot, p: GraphPrincipal, rows: readonly SnapshotUsageRow[]): ClientAudit {
  const graph = snapshot.graph;
  const usage = snapshot.usage!;
  const notes: string[] = [];
  const counts = new Map<string, { op: Operation; count: number }>();
  const unknownCalls: SnapshotUsageRow[] = [];
  let requests = 0;
  for (const row of rows) {
    requests += row.count;
    const op = usageOperation(row);
    if (!op) {
      unknownCalls.push(row);
      continue;
    }
    const hit = counts.get(op.key);
    if (hit) hit.count += row.count;
    else counts.set(op.key, { op, count: row.count });
  }
  const used = [...counts.values()].sort((a, b) => cmp(a.op.key, b.op.key));
  const access = principalAccess(graph, p);
  const held = heldPermissions(access.divisions);
  const heldSet = access.all.firm;
  const heldAll = new PermissionSet(held.map((h) => h.permission));

  const userApis = new Set<string>();
  const operations: UsedOperation[] = used.map(({ op, count }) => {
    const through = new Set<string>();
    for (const need of [...op.allOf, ...op.anyOf]) for (const h of heldAll.coveringOf(need)) through.add(h);
    const d = evaluate(graph, p, { operation: op });
    if (d.reasons[0]?.code === 'CLIENT_CREDENTIALS_USER_API') userApis.add(op.key);
    return {
      key: op.key,
      operationId: op.operationId,
      count,
      usedThrough: userApis.has(op.key) ? [] : [...through].sort(cmp),
      verdict: d.verdict,
      ...(d.verdict !== 'allowed' ? { reason: d.reasons[0]!.message } : {}),
    };
  });
  if (userApis.size) {
    notes.push(
      `${[...userApis].join(', ')} ${userApis.size > 1 ? 'are user-specific APIs' : 'is a user-specific API'}: a client-credentials token cannot call ${userApis.size > 1 ? 'them' : 'it'} (those calls failed), so no permission is kept for ${userApis.size > 1 ? 'them' : 'it'}`,
    );
  }
  if (unknownCalls.length) {
    notes.push(
      `${unknownCalls.length} usage row${unknownCalls.length > 1 ? 's name' : ' names'} an endpoint the pinned catalog does not know: ${unknownCalls.length > 1 ? 'their' : 'its'} permissions are not counted, so the tightened role may miss them`,
    );
  }
  const denied = operations.filter((o) => o.verdict === 'denied' && !userApis.has(o.key));
  if (denied.length) {
    notes.push(
      `its grants do not allow ${denied.map((o) => o.key).join(', ')} now: those calls failed (403) or its grants changed during the window`,
    );
  }
  const base = {
    key: p.key,
    name: p.name,
    ...(p.grantType !== undefined ? { grantType: p.grantType } : {}),
    ...(p.state !== undefined ? { state: p.state } : {}),
    requests,
    operations,
    unknownCalls,
    held,
  };

  if (isUserContextClient(p)) {
    // Roles on it grant nothing: its calls carry the signed-in user's permissions. What it controls is scopes.
    const heldScopes = [...p.scopes].sort(cmp);
    const needed = new Set<string>();
    let unknownScopes = false;
    for (const { op } of used) {
      if (op.scopes.length === 0) {
        unknownScopes = true;
        continue;
      }
      const accepted = op.scopes.filter((s) => heldScopes.includes(s));
      if (accepted.length) for (const s of accepted) needed.add(s);
      else needed.add(leastScope(op)!);
    }
    const unusedScopes = unknownScopes ? [] : heldScopes.filter((s) => !needed.has(s));
    notes.push(
      `a ${p.grantType} client acts as the signed-in user: its calls use the user's roles, so only its scopes are audited`,
    );
    if (unknownScopes) notes.push('the catalog does not know the scopes of some calls: no scope is called unused');
    return {
      ...base,
      unused: [],
      broader: [],
      divisions: { kept: [], unused: [] },
      scopes: { held: heldScopes, needed: [...needed].sort(cmp), unused: unusedScopes },
      notes,
    };
  }

  const callable = used.filter((u) => !userApis.has(u.op.key));
  const need = leastPrivilegeSet(callable.map((u) => u.op));
  const needed = new PermissionSet([...need.permissions, ...need.generalPermissions]);
  // Held permissions some call needed (through any alternative): everything else is unused.
  const usedHeld = new Set(operations.flatMap((o) => o.usedThrough));
  const unused = held.filter((h) => !usedHeld.has(h.permission));
  const broader: BroaderUse[] = [];
  for (const { op } of callable) {
    const o = operations.find((x) => x.key === op.key)!;
    if (o.usedThrough.length === 0) continue;
    const wanted = [
      ...op.allOf,
      ...(op.anyOf.length ? [need.choices.find((c) => c.operations.includes(op.key))?.pick ?? op.anyOf[0]!] : []),
    ];
    for (const w of wanted) {
      if (heldAll.list.includes(w)) continue;
      const covering = heldAll.coveringOf(w);
      const alternatives = op.anyOf.includes(w) ? op.anyOf.filter((a) => a !== w && heldSet.has(a)) : [];
      const through = [...new Set([...covering, ...alternatives.flatMap((a) => heldAll.coveringOf(a))])].sort(cmp);
      if (!through.length) continue;
      const choice = need.choices.find((c) => c.pick === w && c.operations.includes(op.key));
      broader.push({
        operation: op.key,
        held: through,
        narrower: w,
        why: covering.length
          ? 'a wildcard covers it; the tightened role names the permission'
          : `the ranking picks ${w} (${choice?.why ?? 'the narrowest alternative'}); the usage cannot show which objects the calls read, so check the narrower permission covers them`,
      });
    }
  }

  const kept: DivisionAccess[] = [];
  const unusedDivisions: string[] = [];
  for (const d of access.divisions) {
    if (needed.list.some((x) => d.effective.all.has(x))) kept.push(d);
    else unusedDivisions.push(d.label);
  }
  if (p.state === 'inactive') notes.push('it is inactive: it cannot get tokens, so every grant is unused');

  let tightened: TightenedRole | undefined;
  if (callable.length && (need.permissions.length || need.generalPermissions.length)) {
    const grantIn = kept.length ? kept : access.divisions;
    const specs: DivisionSpec[] = grantIn.length ? grantIn.map(divisionSpec) : [{ kind: 'home' }];
    const labels = grantIn.length ? grantIn.map((d) => d.label) : ['home'];
    if (!kept.length) {
      notes.push(
        grantIn.length
          ? 'no division of its grants holds a needed permission: the tightened role keeps its divisions; name the divisions its objects are in'
          : 'it holds no grants: the tightened role is granted in home; name the divisions its objects are in',
      );
    }
    if (specs.some((s) => s.kind === 'all')) {
      notes.push(
        'it holds a needed permission through a grant in all divisions: usage cannot tell which divisions it needs, so the tightened role keeps all divisions; name them if you know them',
      );
    }
    if (!need.permissions.length)
      notes.push('AccessRole needs at least one domain:entity:action permission: use the HCL');
    const roleName = `${p.name} (least privilege)`;
    const spec: RoleCodeSpec = {
      roleName,
      description: `Least privilege for ${p.name}: what its API calls of ${usage.from.slice(0, 10)} to ${usage.to.slice(0, 10)} needed (genesys-access audit)`,
      permissions: need.permissions,
      generalPermissions: need.generalPermissions,
      client: { name: p.name },
      divisions: specs,
      allDivisionsReason: `kept from the org: usage over ${usage.days} days cannot tell which divisions it needs`,
      header: [
        `Least privilege for OAuth client "${p.name}" (${p.provenance?.genesysId ?? p.key}) in ${graph.source.name},`,
        `from its API usage ${usage.from} to ${usage.to} (${usage.days} days): jobs rarer than that are not covered.`,
      ],
    };
    tightened = {
      spec,
      roleName,
      permissions: need.permissions,
      generalPermissions: need.generalPermissions,
      choices: need.choices,
      divisions: labels,
      code: roleCode(spec),
    };
  } else if (!operations.length && !unknownCalls.length) {
    notes.push(
      `it made no API calls in the window: every grant it holds is unused, unless a job runs less often than every ${usage.days} days`,
    );
  } else if (callable.length) {
    notes.push('its calls list no permission: it needs no role');
  }
  return {
    ...base,
    unused,
    broader,
    divisions: { kept: kept.map((d) => d.label), unused: unusedDivisions },
    ...(tightened ? { tightened } : {}),
    notes,
  };
}

/** The audit of a snapshot with usage. */
export function buildAudit(snapshot: OrgSnapshot, options: AuditOptions = {}): AuditModel {
  const usage = snapshot.usage;
  if (!usage) {
    throw new AccessValidationError(
      'the snapshot has no API usage: take it with `genesys-access snapshot --usage-days 90` (or more, up to 366)',
    );
  }
  const index = GraphIndex.of(snapshot.graph);
  const clients = options.client
    ? [findSnapshotClient(snapshot, options.client)]
    : snapshot.graph.principals.filter((p) => p.kind === 'oauth-client');
  const audits = clients
    .map((p) => auditClient(snapshot, p, usage.clients[p.key] ?? []))
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.key, b.key));
  const notes: string[] = [];
  const gone = Object.keys(usage.clients).filter((k) => !index.principal(k));
  if (gone.length && !options.client) {
    notes.push(
      `${gone.length} client${gone.length > 1 ? 's' : ''} in the usage ${gone.length > 1 ? 'are' : 'is'} not in the org any more: not audited`,
    );
  }
  return {
    org: snapshot.graph.source.name,
    takenAt: snapshot.takenAt,
    window: { days: usage.days, from: usage.from, to: usage.to },
    warning: windowWarning(usage.days),
    summary: {
      clients: audits.length,
      withCalls: audits.filter((a) => a.requests > 0).length,
      unusedPermissions: audits.reduce((n, a) => n + a.unused.length, 0),
      unusedDivisions: audits.reduce((n, a) => n + a.divisions.unused.length, 0),
      broader: audits.reduce((n, a) => n + a.broader.length, 0),
    },
    clients: audits,
    notes,
  };
}
