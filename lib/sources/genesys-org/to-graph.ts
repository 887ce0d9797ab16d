/**
 * A live org, as read by ./read-org, into the snapshot: the access graph (divisions, roles with their policies,
 * conditions and general permissions, OAuth clients, users and groups with their role x division grants, the
 * org's permission facts and access policies), the permission list, the default roles and the usage rows.
 * Deterministic: every list is sorted, so two snapshots of an unchanged org differ only in `takenAt`.
 */
import {
  ACCESS_GRAPH_VERSION,
  type AccessGraph,
  type GraphDivision,
  type GraphGrant,
  type GraphGrantWriter,
  type GraphPrincipal,
  type GraphRole,
  type OrgPermissionInfo,
  type PrincipalKind,
} from '../../access/graph';
import { ALL_DIVISIONS_KEY, HOME_KEY } from '../../access/divisions';
import { cmp } from '../../util/compare';
import type { LiveOrg, RawSubjectType } from './read-org';
import {
  ORG_FORMAT,
  type OrgSnapshot,
  SNAPSHOT_KIND,
  SNAPSHOT_VERSION,
  type SnapshotUsageRow,
  sortUsage,
} from './snapshot-file';

/** The graph key of a role of the org. */
export function roleKey(id: string): string {
  return `role:${id}`;
}

/** The graph key of a principal of the org. */
export function principalKey(kind: PrincipalKind, id: string): string {
  return `${kind}:${id}`;
}

const KIND_OF: Record<RawSubjectType, PrincipalKind> = {
  PC_USER: 'user',
  PC_GROUP: 'group',
  PC_OAUTH_CLIENT: 'oauth-client',
};

const WRITER_TYPE: Record<PrincipalKind, GraphGrantWriter['type']> = {
  'oauth-client': 'oauth-client',
  user: 'user-roles',
  group: 'group-roles',
};

/** Where the snapshot came from and when. */
export interface SnapshotMeta {
  readonly apiHost: string;
  /** ISO 8601. */
  readonly takenAt: string;
}

/** The snapshot of a live org. */
export function toSnapshot(org: LiveOrg, meta: SnapshotMeta): OrgSnapshot {
  const notes = new Set(org.notes);

  // Divisions: the home division keyed `home`, the others by id; `*` when a grant uses it.
  const divisions = new Map<string, GraphDivision>();
  const divisionKeyById = new Map<string, string>();
  for (const d of org.divisions) {
    const key = d.home ? HOME_KEY : d.id;
    divisionKeyById.set(d.id, key);
    divisions.set(key, {
      key,
      kind: d.home ? 'home' : 'org',
      name: d.name,
      ref: d.id,
      provenance: { genesysId: d.id },
    });
  }
  const divisionKey = (id: string, name?: string): string => {
    if (id === ALL_DIVISIONS_KEY) {
      if (!divisions.has(ALL_DIVISIONS_KEY)) {
        divisions.set(ALL_DIVISIONS_KEY, { key: ALL_DIVISIONS_KEY, kind: 'all', ref: ALL_DIVISIONS_KEY });
      }
      return ALL_DIVISIONS_KEY;
    }
    const known = divisionKeyById.get(id);
    if (known) return known;
    // A grant in a division the listing did not return (deleted, or listed after the read).
    divisionKeyById.set(id, id);
    divisions.set(id, { key: id, kind: 'org', ...(name ? { name } : {}), ref: id, provenance: { genesysId: id } });
    notes.add(`grants name divisions the division list does not have (e.g. ${id}): kept by id`);
    return id;
  };

  // Roles.
  const roles: GraphRole[] = org.roles.map((r) => {
    const permissions = new Set<string>();
    for (const p of r.policies) for (const a of p.actions) permissions.add(`${p.domain}:${p.entity}:${a}`);
    return {
      key: roleKey(r.id),
      name: r.name,
      origin: 'org',
      permissions: [...permissions].sort(cmp),
      policies: r.policies
        .map((p) => ({
          domain: p.domain,
          entity: p.entity,
          actions: [...p.actions].sort(cmp),
          conditions: p.conditions,
        }))
        .sort(
          (a, b) =>
            cmp(a.domain, b.domain) ||
            cmp(a.entity, b.entity) ||
            Number(a.conditions) - Number(b.conditions) ||
            cmp(a.actions.join(','), b.actions.join(',')),
        ),
      generalPermissions: [...new Set(r.permissions)].sort(cmp),
      ...(r.defaultRoleId ? { defaultRoleId: r.defaultRoleId } : {}),
      complete: true,
      provenance: { genesysId: r.id },
    };
  });
  const roleKeys = new Set(roles.map((r) => r.key));

  // Principals.
  const principals = new Map<string, GraphPrincipal>();
  for (const c of org.clients) {
    const key = principalKey('oauth-client', c.id);
    principals.set(key, {
      key,
      kind: 'oauth-client',
      name: c.name,
      defined: true,
      grantType: c.grantType,
      scopes: [...new Set(c.scopes)].sort(cmp),
      ...(c.state !== undefined ? { state: c.state.toLowerCase() } : {}),
      ...(c.accessTokenValiditySeconds !== undefined
        ? { accessTokenValiditySeconds: c.accessTokenValiditySeconds }
        : {}),
      grantsComplete: true,
      provenance: { genesysId: c.id },
    });
  }
  for (const u of org.users) {
    const key = principalKey('user', u.id);
    principals.set(key, {
      key,
      kind: 'user',
      name: u.email ?? u.name,
      defined: true,
      scopes: [],
      grantsComplete: true,
      provenance: { genesysId: u.id },
    });
  }
  for (const g of org.groups) {
    const key = principalKey('group', g.id);
    principals.set(key, {
      key,
      kind: 'group',
      name: g.name,
      defined: true,
      scopes: [],
      ...(g.rolesEnabled !== undefined ? { rolesEnabled: g.rolesEnabled } : {}),
      grantsComplete: true,
      provenance: { genesysId: g.id },
    });
  }

  // Grants: the subject grants of every role, and the clients' role x division pairs (the same grants, seen
  // from the client; a client can also hold grants made through the grant APIs, PITFALLS 31).
  // By principal, role and division: nested maps, so 10,000 users' grants need no composite string keys.
  const held = new Map<string, Map<string, Set<string>>>();
  const unknownRoles = new Set<string>();
  const add = (principal: string, roleId: string, divisionId: string, divisionName?: string): void => {
    const role = roleKey(roleId);
    if (!roleKeys.has(role)) {
      unknownRoles.add(roleId);
      return;
    }
    let roles = held.get(principal);
    if (!roles) held.set(principal, (roles = new Map()));
    let divisionsOfRole = roles.get(role);
    if (!divisionsOfRole) roles.set(role, (divisionsOfRole = new Set()));
    divisionsOfRole.add(divisionKey(divisionId, divisionName));
  };
  for (const g of org.grants) {
    const kind = KIND_OF[g.type];
    const key = principalKey(kind, g.subjectId);
    if (!principals.has(key)) {
      // A subject the listings did not return (an inactive user, a client listed after the read).
      principals.set(key, {
        key,
        kind,
        name: g.subjectName ?? g.subjectId,
        defined: true,
        scopes: [],
        grantsComplete: true,
        provenance: { genesysId: g.subjectId },
      });
      notes.add(`some subjects hold grants but are not in the ${kind} listing (e.g. ${g.subjectId}): kept by id`);
    }
    for (const d of g.divisions) add(key, g.roleId, d.id, d.name);
  }
  for (const c of org.clients) {
    for (const rd of c.roleDivisions) add(principalKey('oauth-client', c.id), rd.roleId, rd.divisionId);
  }
  if (unknownRoles.size) {
    notes.add(`grants name roles the role list does not have (${[...unknownRoles].sort(cmp).join(', ')}): left out`);
  }
  const grants: GraphGrant[] = [];
  const grantWriters: GraphGrantWriter[] = [];
  for (const principal of [...held.keys()].sort(cmp)) {
    const roles = held.get(principal)!;
    const writer = `grants:${principal}`;
    let entries = 0;
    for (const role of [...roles.keys()].sort(cmp)) {
      const ds = [...roles.get(role)!].sort(cmp);
      for (const division of ds) grants.push({ principal, role, division, writer });
      entries += ds.length;
    }
    const kind = principals.get(principal)!.kind;
    grantWriters.push({
      key: writer,
      type: WRITER_TYPE[kind],
      principal,
      roleEntries: kind === 'oauth-client' ? entries : roles.size,
    });
  }

  // The org's facts.
  const permissions = [...new Map(org.permissions.map((p) => [p.permission, p])).values()].sort((a, b) =>
    cmp(a.permission, b.permission),
  );
  const orgPermissions: Record<string, OrgPermissionInfo> = {};
  for (const p of permissions) {
    orgPermissions[p.permission] = { divisionAware: p.divisionAware, allowsConditions: p.allowsConditions };
  }
  const policies = org.policies
    .map((p) => ({ id: p.id, name: p.name, effect: p.effect, active: p.active, applyToClients: p.applyToClients }))
    .sort((a, b) => cmp(a.id, b.id));

  const graph: AccessGraph = {
    version: ACCESS_GRAPH_VERSION,
    source: { format: ORG_FORMAT, name: org.org.name ?? meta.apiHost },
    divisions: [...divisions.values()].sort((a, b) => cmp(a.key, b.key)),
    roles: roles.sort((a, b) => cmp(a.key, b.key)),
    principals: [...principals.values()].sort((a, b) => cmp(a.key, b.key)),
    grants,
    grantWriters: grantWriters.sort((a, b) => cmp(a.key, b.key)),
    resourceTypes: [],
    org: { permissions: orgPermissions, policies },
  };

  const defaultRoles = graph.roles
    .filter((r) => r.defaultRoleId !== undefined)
    .map((r) => ({
      role: r.key,
      name: r.name,
      defaultRoleId: r.defaultRoleId!,
      permissions: r.permissions,
      generalPermissions: r.generalPermissions,
    }))
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.role, b.role));

  let usage: OrgSnapshot['usage'];
  if (org.usage) {
    const clients: Record<string, SnapshotUsageRow[]> = {};
    const sum = new Map<string, { client: string; row: SnapshotUsageRow }>();
    for (const r of org.usage.rows) {
      const client = principalKey('oauth-client', r.clientId);
      const id = `${client}\u0000${r.templateUri}\u0000${r.method}`;
      const hit = sum.get(id);
      if (hit) sum.set(id, { client, row: { ...hit.row, count: hit.row.count + r.count } });
      else sum.set(id, { client, row: { templateUri: r.templateUri, method: r.method, count: r.count } });
      if (!principals.has(client)) notes.add(`usage names clients that are not in the org now (e.g. ${r.clientId})`);
    }
    for (const { client, row } of sum.values()) (clients[client] ??= []).push(row);
    usage = { days: org.usage.days, from: org.usage.from, to: org.usage.to, clients: sortUsage(clients) };
  }

  return {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    takenAt: meta.takenAt,
    apiHost: meta.apiHost,
    graph,
    permissions,
    defaultRoles,
    ...(usage ? { usage } : {}),
    notes: [...notes].sort(cmp),
  };
}
