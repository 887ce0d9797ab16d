/**
 * A generated Genesys Cloud org in the Platform API's own response shapes (the JavaScript SDK's models:
 * AuthzDivision, DomainOrganizationRole with DomainPermissionPolicy, SubjectDivisionGrants, OAuthClient with
 * roleDivisions, User, Group, DomainPermissionCollection, AuthorizationPolicy, ApiUsageRow), deterministic for
 * a seed. Permissions are real catalog permissions, so the usage maps to real operations. The fake server
 * (./server.ts) serves it; the tests assert the snapshot equals it.
 */
import { Catalog } from '../../lib/catalog/catalog';

/** Org size. */
export interface FakeOrgSize {
  readonly users: number;
  readonly divisions: number;
  readonly roles: number;
  readonly clients: number;
  readonly groups: number;
}

export const TEST_ORG: FakeOrgSize = { users: 2000, divisions: 40, roles: 120, clients: 60, groups: 30 };

export interface ApiDivision {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
  selfUri: string;
}

export interface ApiPolicy {
  domain: string;
  entityName: string;
  policyName: string;
  actionSet: string[];
  allowConditions: boolean;
  resourceConditionNode?: Record<string, unknown>;
}

export interface ApiRole {
  id: string;
  name: string;
  description: string;
  defaultRoleId?: string;
  default: boolean;
  base: boolean;
  permissions: string[];
  permissionPolicies: ApiPolicy[];
  userCount: number;
  selfUri: string;
}

export interface ApiClient {
  id: string;
  name: string;
  description: string;
  authorizedGrantType: string;
  accessTokenValiditySeconds: number;
  scope?: string[];
  roleDivisions?: Array<{ roleId: string; divisionId: string }>;
  state: string;
  /** The real API never lists a secret; the fake keeps one to prove it never reaches the snapshot. */
  secret: string;
  dateCreated: string;
  selfUri: string;
}

export interface ApiUser {
  id: string;
  name: string;
  email: string;
  state: string;
  division: { id: string; name: string };
  username: string;
  selfUri: string;
}

export interface ApiGroup {
  id: string;
  name: string;
  type: string;
  visibility: string;
  rulesVisible: boolean;
  rolesEnabled: boolean;
  state: string;
  memberCount: number;
  selfUri: string;
}

export interface ApiSubjectGrant {
  id: string;
  name: string;
  type: 'PC_USER' | 'PC_GROUP' | 'PC_OAUTH_CLIENT';
  divisions: Array<{ id: string; name: string; selfUri: string }>;
  selfUri: string;
}

export interface ApiPermission {
  domain: string;
  entityType: string;
  action: string;
  label: string;
  allowsConditions: boolean;
  divisionAware: boolean;
}

export interface ApiPermissionCollection {
  id: string;
  name: string;
  domain: string;
  permissionMap: Record<string, ApiPermission[]>;
  selfUri: string;
}

export interface ApiAccessPolicy {
  id: string;
  name: string;
  targetResource: string;
  subject: { type: string; id: string };
  effect: string;
  active: boolean;
  applyToClients: boolean;
  selfUri: string;
}

export interface ApiUsageRow {
  clientId: string;
  clientName: string;
  organizationId: string;
  templateUri: string;
  httpMethod: string;
  requests: number;
  status200: number;
  status429: number;
}

/** The org, as the API would return it. */
export interface FakeOrg {
  readonly me: { id: string; name: string; selfUri: string };
  readonly divisions: ApiDivision[];
  readonly roles: ApiRole[];
  /** By role id. */
  readonly subjectGrants: Map<string, ApiSubjectGrant[]>;
  readonly permissions: ApiPermissionCollection[];
  readonly policies: ApiAccessPolicy[];
  readonly clients: ApiClient[];
  readonly users: ApiUser[];
  readonly groups: ApiGroup[];
  readonly usage: ApiUsageRow[];
}

/** mulberry32: a small seeded PRNG, so the org is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(r: () => number): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function picks<T>(r: () => number, xs: readonly T[], n: number): T[] {
  const out = new Set<T>();
  while (out.size < Math.min(n, xs.length)) out.add(pick(r, xs));
  return [...out];
}

/** `domain:entity:action` list -> policies, one per domain:entity. */
function toPolicies(perms: readonly string[], conditional: ReadonlySet<string> = new Set()): ApiPolicy[] {
  const groups = new Map<string, Set<string>>();
  for (const p of perms) {
    const [d, e, a] = p.split(':');
    const k = `${d}:${e}`;
    groups.set(k, (groups.get(k) ?? new Set()).add(a!));
  }
  return [...groups.entries()].map(([k, actions]) => {
    const [domain, entityName] = k.split(':');
    return {
      domain: domain!,
      entityName: entityName!,
      policyName: `${domain}_${entityName}`,
      actionSet: [...actions],
      allowConditions: conditional.has(k),
      ...(conditional.has(k)
        ? {
            resourceConditionNode: {
              conjunction: 'AND',
              terms: [
                {
                  variableName: 'Conversation.queues',
                  operator: 'IN',
                  operands: [{ type: 'QUEUE', queue: { id: 'q-1' } }],
                },
              ],
            },
          }
        : {}),
    };
  });
}

const SCOPES = ['analytics:readonly', 'users:readonly', 'conversations', 'recordings:readonly', 'routing'];

/** Generates the org. */
export function generateOrg(size: FakeOrgSize = TEST_ORG, seed = 13): FakeOrg {
  const r = rng(seed);
  const divisions: ApiDivision[] = Array.from({ length: size.divisions }, (_, i) => {
    const id = uuid(r);
    return {
      id,
      name: i === 0 ? 'Home' : `Site ${String(i).padStart(3, '0')}`,
      description: '',
      homeDivision: i === 0,
      selfUri: `/api/v2/authorization/divisions/${id}`,
    };
  });
  const home = divisions[0]!;

  // Permissions: every catalog permission, grouped by domain as the API groups them.
  const all = Catalog.permissions();
  const byDomain = new Map<string, ApiPermission[]>();
  all.forEach((p, i) => {
    const [domain, entityType, action] = p.split(':');
    const list = byDomain.get(domain!) ?? [];
    list.push({
      domain: domain!,
      entityType: entityType!,
      action: action!,
      label: `${entityType} ${action}`,
      allowsConditions: i % 5 === 0,
      divisionAware: i % 7 !== 0,
    });
    byDomain.set(domain!, list);
  });
  const permissions: ApiPermissionCollection[] = [...byDomain.entries()].map(([domain, list]) => {
    const permissionMap: Record<string, ApiPermission[]> = {};
    for (const p of list) (permissionMap[p.entityType] ??= []).push(p);
    return { id: domain, name: domain, domain, permissionMap, selfUri: `/api/v2/authorization/permissions/${domain}` };
  });

  // Roles: the default ones first, then custom roles with real, non-admin permissions.
  const pool = all.filter((p) => /:(view|edit|add)$/.test(p) && !/^(authorization|oauth|directory):/.test(p));
  const roles: ApiRole[] = [];
  const role = (name: string, perms: string[], extra: Partial<ApiRole> = {}, conditional = new Set<string>()): void => {
    const id = uuid(r);
    roles.push({
      id,
      name,
      description: `${name} role`,
      default: false,
      base: false,
      permissions: [],
      permissionPolicies: toPolicies(perms, conditional),
      userCount: 0,
      selfUri: `/api/v2/authorization/roles/${id}`,
      ...extra,
    });
  };
  role(
    'Master Admin',
    ['authorization:role:view', 'authorization:role:edit', 'oauth:client:view', 'directory:user:edit'],
    { defaultRoleId: 'admin', default: true, permissions: ['admin'] },
  );
  role(
    'Employee',
    ['directory:user:view', 'groups:team:view'].filter((p) => Catalog.isPermission(p)),
    {
      defaultRoleId: 'employee',
      default: true,
    },
  );
  role(
    'Agent',
    [
      'recording:recording:view',
      'recording:screenRecording:view',
      'conversation:communication:view',
      'routing:queue:view',
    ].filter((p) => Catalog.isPermission(p)),
  );
  for (let i = roles.length; i < size.roles; i++) {
    const perms: string[] = picks(r, pool, 3 + Math.floor(r() * 6));
    const conditional = i % 10 === 0 ? new Set([perms[0]!.split(':').slice(0, 2).join(':')]) : new Set<string>();
    if (i % 37 === 0) perms.push(`${perms[0]!.split(':').slice(0, 2).join(':')}:*`);
    role(`Role ${String(i).padStart(3, '0')}`, perms, {}, conditional);
  }

  const grants = new Map<string, Map<string, ApiSubjectGrant>>(); // role -> subject -> grant
  const grant = (
    roleId: string,
    type: ApiSubjectGrant['type'],
    id: string,
    name: string,
    divisionIds: string[],
  ): void => {
    let bySubject = grants.get(roleId);
    if (!bySubject) grants.set(roleId, (bySubject = new Map()));
    let g = bySubject.get(id);
    if (!g) {
      g = { id, name, type, divisions: [], selfUri: `/api/v2/authorization/subjects/${id}` };
      bySubject.set(id, g);
    }
    for (const d of divisionIds) {
      if (g.divisions.some((x) => x.id === d)) continue;
      const div = d === '*' ? { id: '*', name: 'All Divisions' } : divisions.find((x) => x.id === d)!;
      g.divisions.push({ id: div.id, name: div.name, selfUri: `/api/v2/authorization/divisions/${div.id}` });
    }
  };
  const customRoles = roles.slice(3);
  const divisionIds = (n: number): string[] => (r() < 0.05 ? ['*'] : picks(r, divisions, n).map((d) => d.id));

  const users: ApiUser[] = Array.from({ length: size.users }, (_, i) => {
    const id = uuid(r);
    const division = pick(r, divisions);
    const n = String(i).padStart(5, '0');
    const u: ApiUser = {
      id,
      name: `User ${n}`,
      email: `user.${n}@example.com`,
      state: 'active',
      division: { id: division.id, name: division.name },
      username: `user.${n}@example.com`,
      selfUri: `/api/v2/users/${id}`,
    };
    grant(roles[1]!.id, 'PC_USER', id, u.name, [home.id]); // Employee, home
    if (i % 50 === 0) grant(roles[0]!.id, 'PC_USER', id, u.name, ['*']);
    if (i % 3 === 0) grant(roles[2]!.id, 'PC_USER', id, u.name, divisionIds(1 + Math.floor(r() * 2)));
    for (let k = 0; k < Math.floor(r() * 3); k++) {
      grant(pick(r, customRoles).id, 'PC_USER', id, u.name, divisionIds(1 + Math.floor(r() * 3)));
    }
    return u;
  });

  const groups: ApiGroup[] = Array.from({ length: size.groups }, (_, i) => {
    const id = uuid(r);
    const g: ApiGroup = {
      id,
      name: `Group ${String(i).padStart(3, '0')}`,
      type: 'official',
      visibility: 'public',
      rulesVisible: true,
      rolesEnabled: i % 6 !== 5,
      state: 'active',
      memberCount: 10,
      selfUri: `/api/v2/groups/${id}`,
    };
    for (let k = 0; k < 1 + (i % 2); k++) grant(pick(r, customRoles).id, 'PC_GROUP', id, g.name, divisionIds(2));
    return g;
  });

  const clients: ApiClient[] = [];
  for (let i = 0; i < size.clients; i++) {
    const id = uuid(r);
    const name = `Integration ${String(i).padStart(3, '0')}`;
    const code = i % 10 === 9;
    const c: ApiClient = {
      id,
      name,
      description: '',
      authorizedGrantType: code ? 'CODE' : 'CLIENT-CREDENTIALS',
      accessTokenValiditySeconds: 86400,
      state: i % 25 === 24 ? 'inactive' : 'active',
      secret: `secret-of-${id}`,
      dateCreated: '2026-01-01T00:00:00Z',
      selfUri: `/api/v2/oauth/clients/${id}`,
    };
    if (code) c.scope = picks(r, SCOPES, 2);
    else {
      const rds: Array<{ roleId: string; divisionId: string }> = [];
      for (const ro of picks(r, customRoles, 1 + (i % 2))) {
        for (const d of divisionIds(1 + Math.floor(r() * 3))) rds.push({ roleId: ro.id, divisionId: d });
      }
      c.roleDivisions = rds;
      for (const rd of rds) grant(rd.roleId, 'PC_OAUTH_CLIENT', id, name, [rd.divisionId]);
      // Grants made through the grant APIs, which roleDivisions does not show (PITFALLS 31).
      if (i % 20 === 3) grant(pick(r, customRoles).id, 'PC_OAUTH_CLIENT', id, name, [home.id]);
    }
    clients.push(c);
  }

  const policies: ApiAccessPolicy[] = [
    {
      id: uuid(r),
      name: 'Block exports outside office hours',
      targetResource: 'analytics:conversationDetail:view',
      subject: { type: 'USER', id: users[0]!.id },
      effect: 'DENY',
      active: true,
      applyToClients: false,
      selfUri: '/api/v2/authorization/policies/1',
    },
    {
      id: uuid(r),
      name: 'Draft policy',
      targetResource: 'recording:recording:view',
      subject: { type: 'USER', id: users[1]!.id },
      effect: 'DENY',
      active: false,
      applyToClients: true,
      selfUri: '/api/v2/authorization/policies/2',
    },
  ];

  // Usage: each active client-credentials client calls some operations its roles allow, sometimes others.
  const usage: ApiUsageRow[] = [];
  const rolesById = new Map(roles.map((x) => [x.id, x]));
  clients.forEach((c, i) => {
    if (c.state !== 'active' || i % 7 === 6) return; // some clients made no calls in the window
    const held = new Set<string>();
    for (const rd of c.roleDivisions ?? []) {
      for (const p of rolesById.get(rd.roleId)!.permissionPolicies) {
        for (const a of p.actionSet) held.add(`${p.domain}:${p.entityName}:${a}`);
      }
    }
    const candidates = [...held].flatMap((p) => Catalog.operationsListing(p).filter((o) => !o.deprecated));
    const calls = candidates.length ? picks(r, candidates, 1 + Math.floor(r() * 4)) : [];
    if (code(c)) calls.push(Catalog.requireOperation('GET /api/v2/users'));
    for (const op of calls) {
      const n = 1 + Math.floor(r() * 5000);
      usage.push({
        clientId: c.id,
        clientName: c.name,
        organizationId: 'org-1',
        templateUri: i % 4 === 0 ? op.path.slice(1) : op.path, // the usage API's URIs, with and without the slash
        httpMethod: op.method,
        requests: n,
        status200: n,
        status429: 0,
      });
    }
    if (i % 11 === 0) {
      usage.push({
        clientId: c.id,
        clientName: c.name,
        organizationId: 'org-1',
        templateUri: '/api/v2/not/in/the/catalog',
        httpMethod: 'GET',
        requests: 3,
        status200: 3,
        status429: 0,
      });
    }
  });

  const subjectGrants = new Map<string, ApiSubjectGrant[]>();
  for (const ro of roles) subjectGrants.set(ro.id, [...(grants.get(ro.id)?.values() ?? [])]);
  for (const ro of roles) ro.userCount = (subjectGrants.get(ro.id) ?? []).filter((g) => g.type === 'PC_USER').length;
  return {
    me: { id: 'org-1', name: 'Fake Contact Center', selfUri: '/api/v2/organizations/me' },
    divisions,
    roles,
    subjectGrants,
    permissions,
    policies,
    clients,
    users,
    groups,
    usage,
  };
}

function code(c: ApiClient): boolean {
  return c.authorizedGrantType === 'CODE';
}
