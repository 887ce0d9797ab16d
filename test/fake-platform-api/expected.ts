/**
 * What the snapshot of a generated org must be, computed from the generator's data directly (not through
 * lib/sources/genesys-org), so the test compares two derivations: the live read over HTTP and this one.
 */
import type { AccessGraph, GraphGrant, GraphPrincipal } from '../../lib/access/graph';
import type { FakeOrg } from './org';

const sort = <T>(xs: T[], key: (x: T) => string): T[] =>
  xs.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** The expected access graph. */
export function expectedGraph(org: FakeOrg): AccessGraph {
  const homeId = org.divisions.find((d) => d.homeDivision)!.id;
  const dkey = (id: string): string => (id === homeId ? 'home' : id);
  const anyAll = [...org.subjectGrants.values()].some((gs) => gs.some((g) => g.divisions.some((d) => d.id === '*')));
  const divisions = sort(
    [
      ...org.divisions.map((d) =>
        d.homeDivision
          ? { key: 'home', kind: 'home' as const, name: d.name, ref: d.id, provenance: { genesysId: d.id } }
          : { key: d.id, kind: 'org' as const, name: d.name, ref: d.id, provenance: { genesysId: d.id } },
      ),
      ...(anyAll ? [{ key: '*', kind: 'all' as const, ref: '*' }] : []),
    ],
    (d) => d.key,
  );
  const roles = sort(
    org.roles.map((r) => {
      const perms = new Set<string>();
      for (const p of r.permissionPolicies) for (const a of p.actionSet) perms.add(`${p.domain}:${p.entityName}:${a}`);
      return {
        key: `role:${r.id}`,
        name: r.name,
        origin: 'org' as const,
        permissions: [...perms].sort(),
        policies: sort(
          r.permissionPolicies.map((p) => ({
            domain: p.domain,
            entity: p.entityName,
            actions: [...p.actionSet].sort(),
            conditions: p.resourceConditionNode !== undefined,
          })),
          (p) => `${p.domain}\u0000${p.entity}\u0000${Number(p.conditions)}`,
        ),
        generalPermissions: [...r.permissions].sort(),
        ...(r.defaultRoleId ? { defaultRoleId: r.defaultRoleId } : {}),
        complete: true,
        provenance: { genesysId: r.id },
      };
    }),
    (r) => r.key,
  );
  const principals: GraphPrincipal[] = sort(
    [
      ...org.clients.map((c) => ({
        key: `oauth-client:${c.id}`,
        kind: 'oauth-client' as const,
        name: c.name,
        defined: true,
        grantType: c.authorizedGrantType,
        scopes: [...(c.scope ?? [])].sort(),
        state: c.state,
        accessTokenValiditySeconds: c.accessTokenValiditySeconds,
        grantsComplete: true,
        provenance: { genesysId: c.id },
      })),
      ...org.users.map((u) => ({
        key: `user:${u.id}`,
        kind: 'user' as const,
        name: u.email,
        defined: true,
        scopes: [],
        grantsComplete: true,
        provenance: { genesysId: u.id },
      })),
      ...org.groups.map((g) => ({
        key: `group:${g.id}`,
        kind: 'group' as const,
        name: g.name,
        defined: true,
        scopes: [],
        rolesEnabled: g.rolesEnabled,
        grantsComplete: true,
        provenance: { genesysId: g.id },
      })),
    ],
    (p) => p.key,
  );
  const kind = { PC_USER: 'user', PC_GROUP: 'group', PC_OAUTH_CLIENT: 'oauth-client' } as const;
  const grants = new Map<string, GraphGrant>();
  for (const [roleId, gs] of org.subjectGrants) {
    for (const g of gs) {
      const principal = `${kind[g.type]}:${g.id}`;
      for (const d of g.divisions) {
        const division = dkey(d.id);
        grants.set(`${principal}|${roleId}|${division}`, {
          principal,
          role: `role:${roleId}`,
          division,
          writer: `grants:${principal}`,
        });
      }
    }
  }
  const grantList = sort([...grants.values()], (g) => `${g.principal}\u0000${g.role}\u0000${g.division}`);
  const writers = new Map<
    string,
    { key: string; type: 'oauth-client' | 'user-roles' | 'group-roles'; principal: string; roleEntries: number }
  >();
  for (const g of grantList) {
    const k = principals.find((p) => p.key === g.principal)!.kind;
    const w = writers.get(g.principal) ?? {
      key: `grants:${g.principal}`,
      type:
        k === 'oauth-client'
          ? ('oauth-client' as const)
          : k === 'user'
            ? ('user-roles' as const)
            : ('group-roles' as const),
      principal: g.principal,
      roleEntries: 0,
    };
    writers.set(g.principal, w);
  }
  for (const w of writers.values()) {
    const mine = grantList.filter((g) => g.principal === w.principal);
    w.roleEntries = w.type === 'oauth-client' ? mine.length : new Set(mine.map((g) => g.role)).size;
  }
  const permissions: Record<string, { divisionAware: boolean; allowsConditions: boolean }> = {};
  for (const c of org.permissions) {
    for (const list of Object.values(c.permissionMap)) {
      for (const p of list) {
        permissions[`${p.domain}:${p.entityType}:${p.action}`] = {
          divisionAware: p.divisionAware,
          allowsConditions: p.allowsConditions,
        };
      }
    }
  }
  return {
    version: 1,
    source: { format: 'genesys-org', name: org.me.name },
    divisions,
    roles,
    principals,
    grants: grantList,
    grantWriters: sort([...writers.values()], (w) => w.key),
    resourceTypes: [],
    org: {
      permissions: Object.fromEntries(Object.entries(permissions).sort(([a], [b]) => (a < b ? -1 : 1))),
      policies: sort(
        org.policies.map((p) => ({
          id: p.id,
          name: p.name,
          effect: p.effect,
          active: p.active,
          applyToClients: p.applyToClients,
        })),
        (p) => p.id,
      ),
    },
  };
}

/** Expected usage rows by client key, summed by template URI and method, sorted. */
export function expectedUsage(
  org: FakeOrg,
): Record<string, Array<{ templateUri: string; method: string; count: number }>> {
  const by = new Map<string, Map<string, { templateUri: string; method: string; count: number }>>();
  for (const u of org.usage) {
    const k = `oauth-client:${u.clientId}`;
    const rows = by.get(k) ?? new Map();
    by.set(k, rows);
    const id = `${u.templateUri}\u0000${u.httpMethod}`;
    const hit = rows.get(id);
    if (hit) hit.count += u.requests;
    else rows.set(id, { templateUri: u.templateUri, method: u.httpMethod, count: u.requests });
  }
  const out: Record<string, Array<{ templateUri: string; method: string; count: number }>> = {};
  for (const k of [...by.keys()].sort()) {
    out[k] = [...by.get(k)!.values()].sort((a, b) =>
      a.templateUri < b.templateUri
        ? -1
        : a.templateUri > b.templateUri
          ? 1
          : a.method < b.method
            ? -1
            : a.method > b.method
              ? 1
              : 0,
    );
  }
  return out;
}

/** The number of API requests a snapshot makes, by the formula in BENCHMARKS.md (no retries). */
export function expectedCalls(org: FakeOrg, pageSize: number, usage: { polls: number } | undefined): number {
  const pages = (n: number): number => Math.max(1, Math.ceil(n / pageSize));
  let grantsPages = 0;
  for (const r of org.roles) grantsPages += pages(org.subjectGrants.get(r.id)!.length);
  return (
    1 + // organizations/me
    pages(org.divisions.length) +
    pages(org.roles.length) +
    grantsPages +
    pages(org.permissions.length) +
    Math.max(1, Math.ceil(org.policies.length / 200)) +
    pages(org.clients.length) +
    pages(org.users.length) +
    pages(org.groups.length) +
    (usage ? 1 + usage.polls + 1 : 0)
  );
}
