/**
 * Reads a synthesized `cdk.tf.json` into an access model: roles with their permissions, and principals
 * (OAuth clients, users, groups) with their role × division grants. Works for resources written with our
 * constructs and with the raw bindings alike. No cdktf import: the CLI uses it on files.
 */
import type { Operation } from '../catalog/types';
import { type DivisionRef, divisionMatches } from './division-ref';
import { checkOperation, type OperationCheck } from './evaluate';
import { holds } from './permission-match';

/** One `permission_policies` entry. */
export interface PlanPolicy {
  readonly domain: string;
  readonly entity: string;
  readonly actions: readonly string[];
  readonly hasConditions: boolean;
}

/** A role: a `genesyscloud_auth_role` in the plan, or a role referenced from outside it. */
export interface PlanRole {
  /** `genesyscloud_auth_role.<name>`, `data.genesyscloud_auth_role.<name>`, or `role:<id>` for a literal id. */
  readonly address: string;
  /** The role's `name` where known. */
  readonly name: string;
  /** True for roles defined in this plan (their permissions are known). */
  readonly managed: boolean;
  /** `domain:entity:action` strings, sorted; `*` kept as written. */
  readonly permissions: readonly string[];
  readonly policies: readonly PlanPolicy[];
  /** General permissions (`permissions` attribute). */
  readonly generalPermissions: readonly string[];
  /** Set when the resource adopts a built-in role (`default_role_id`). */
  readonly defaultRoleId?: string;
  /** The raw resource body. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** One role granted in one division. */
export interface RoleGrant {
  readonly role: PlanRole;
  readonly division: DivisionRef;
  /** Address of the resource that writes this grant (the OAuth client, or a user_roles / group_roles). */
  readonly source: string;
}

export type PrincipalKind = 'oauth-client' | 'user' | 'group';

/** Who can receive access. */
export interface PlanPrincipal {
  /** `genesyscloud_oauth_client.<n>`, `genesyscloud_user.<n>`, `data.genesyscloud_user.<n>`, `user:<id>`, ... */
  readonly address: string;
  readonly kind: PrincipalKind;
  /** Display name: the resource's `name` (or email), else the address. */
  readonly name: string;
  /** OAuth clients: `authorized_grant_type`. */
  readonly grantType?: string;
  /** OAuth clients: scopes as written. */
  readonly scopes: readonly string[];
  readonly grants: readonly RoleGrant[];
  /** Resources that write this principal's grants (more than one user_roles/group_roles is a conflict). */
  readonly grantSources: readonly string[];
  /** The raw resource body ({} for principals only referenced by id). */
  readonly body: Readonly<Record<string, unknown>>;
}

/** The access metadata our constructs write into `locals.genesyscloud_access` (an audit trail). */
export interface AccessMetadata {
  readonly principals?: Record<string, { construct?: string; capabilities?: string[]; allDivisionsReasons?: string[] }>;
  readonly roles?: Record<string, { construct?: string; capabilities?: string[]; base?: string; removed?: string[] }>;
  readonly suppressions?: Array<{ path: string; id: string; reason: string; appliesTo?: string[] }>;
  readonly suppressedFindings?: Array<{ id: string; address: string; reason: string }>;
}

/** True when a user-context grant type, where scopes apply. */
export function isUserContextGrant(grantType: string | undefined): boolean {
  return grantType !== undefined && grantType !== 'CLIENT-CREDENTIALS';
}

/**
 * True for an OAuth client with a user-context grant type: scopes apply, and roles on it grant nothing (its
 * tokens carry the signed-in user's permissions).
 */
export function isUserContextClient(p: { readonly kind: string; readonly grantType?: string }): boolean {
  return p.kind === 'oauth-client' && isUserContextGrant(p.grantType);
}

const IMPLICIT_HOME: DivisionRef = Object.freeze({ kind: 'implicit-home', id: '' });

/** A principal while the plan is read. */
type Building = Omit<PlanPrincipal, 'grants' | 'grantSources'> & { grants: RoleGrant[]; grantSources: string[] };

/** A permission set with wildcard-aware membership (`domain:*:*` and `domain:entity:*` cover). */
export class PermissionSet {
  /** The permissions, sorted, deduplicated. */
  public readonly list: readonly string[];
  private readonly exact: ReadonlySet<string>;
  private readonly wildcards: readonly string[];

  constructor(permissions: Iterable<string>) {
    this.exact = new Set(permissions);
    this.list = [...this.exact].sort();
    this.wildcards = this.list.filter((p) => p.includes('*'));
  }

  /** True if the set holds `permission` directly or through a wildcard. */
  public has(permission: string): boolean {
    return this.exact.has(permission) || (this.wildcards.length > 0 && holds(this.wildcards, permission));
  }
}

const REF = /^\$\{((?:data\.)?[A-Za-z0-9_]+\.[A-Za-z0-9_-]+)\.id\}$/;

type Json = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** An access model of one synthesized stack. */
export class AccessPlan {
  /** Parses a `cdk.tf.json` document (object or JSON text). */
  public static fromJson(json: unknown): AccessPlan {
    return new AccessPlan((typeof json === 'string' ? JSON.parse(json) : json) as Json);
  }

  public readonly roles: readonly PlanRole[];
  public readonly principals: readonly PlanPrincipal[];
  public readonly metadata: AccessMetadata;
  /** The stack name cdktf recorded (`"//".metadata.stackName`), if present. */
  public readonly stackName?: string;
  private readonly doc: Json;
  private readonly roleIndex = new Map<string, PlanRole>();
  private readonly roleByRef = new Map<string, PlanRole>();
  private readonly divisionByRef = new Map<string, DivisionRef>();
  /** Permission sets by the roles they come from: principals with the same roles share one (plans are immutable). */
  private readonly setByRoles = new Map<string, PermissionSet>();
  /** principal → division query → permission set. */
  private readonly setByPrincipal = new WeakMap<PlanPrincipal, Map<string, PermissionSet>>();

  private constructor(doc: Json) {
    this.doc = doc;
    const locals = (doc.locals ?? {}) as Json;
    this.metadata = (locals.genesyscloud_access ?? {}) as AccessMetadata;
    this.stackName = ((doc['//'] as Json | undefined)?.metadata as Json | undefined)?.stackName as string | undefined;
    for (const [name, body] of Object.entries(this.section('resource', 'genesyscloud_auth_role'))) {
      const role = this.readRole(`genesyscloud_auth_role.${name}`, body);
      this.roleIndex.set(role.address, role);
    }
    this.roles = [...this.roleIndex.values()];
    const principals = new Map<string, Building>();
    const add = (p: Omit<PlanPrincipal, 'grants' | 'grantSources'>): Building => {
      const hit = principals.get(p.address);
      if (hit) return hit;
      // One object shape for every principal (no spread), which keeps property access fast on large plans.
      const entry: Building = {
        address: p.address,
        kind: p.kind,
        name: p.name,
        grantType: p.grantType,
        scopes: p.scopes,
        body: p.body,
        grants: [],
        grantSources: [],
      };
      principals.set(p.address, entry);
      return entry;
    };
    for (const [name, body] of Object.entries(this.section('resource', 'genesyscloud_oauth_client'))) {
      const address = `genesyscloud_oauth_client.${name}`;
      const entry = add({
        address,
        kind: 'oauth-client',
        name: str(body.name) ?? address,
        grantType: str(body.authorized_grant_type),
        scopes: asArray(body.scopes).map(String),
        body,
      });
      entry.grantSources.push(address);
      for (const r of asArray(body.roles) as Json[]) {
        entry.grants.push({
          role: this.role(str(r.role_id) ?? ''),
          division: this.division(r.division_id),
          source: address,
        });
      }
    }
    for (const [type, kind, subjectKey] of [
      ['genesyscloud_user_roles', 'user', 'user_id'],
      ['genesyscloud_group_roles', 'group', 'group_id'],
    ] as const) {
      for (const [name, body] of Object.entries(this.section('resource', type))) {
        const source = `${type}.${name}`;
        const entry = add(this.subject(kind, str(body[subjectKey]) ?? ''));
        entry.grantSources.push(source);
        for (const r of asArray(body.roles) as Json[]) {
          const role = this.role(str(r.role_id) ?? '');
          const divisions = asArray(r.division_ids);
          if (divisions.length === 0) entry.grants.push({ role, division: this.division(undefined), source });
          for (const d of divisions) entry.grants.push({ role, division: this.division(d), source });
        }
      }
    }
    // Users and groups that exist in the plan without grants are principals too (with nothing granted).
    for (const [type, kind] of [
      ['genesyscloud_user', 'user'],
      ['genesyscloud_group', 'group'],
    ] as const) {
      for (const name of Object.keys(this.section('resource', type))) {
        if (!principals.has(`${type}.${name}`)) add(this.subject(kind, `\${${type}.${name}.id}`));
      }
    }
    this.principals = [...principals.values()].sort((a, b) =>
      a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
    );
  }

  /** Finds a principal by address (`genesyscloud_oauth_client.qa`), logical name (`qa`) or display name. */
  public principal(ref: string): PlanPrincipal | undefined {
    return (
      this.principals.find((p) => p.address === ref) ??
      this.principals.find((p) => p.address.split('.').pop() === ref) ??
      this.principals.find((p) => p.name === ref)
    );
  }

  /** A role by address or name. */
  public findRole(ref: string): PlanRole | undefined {
    return this.roleIndex.get(ref) ?? this.roles.find((r) => r.name === ref || r.address.split('.').pop() === ref);
  }

  /** The principal's grants that reach `division` (all grants when no division is given). */
  public grantsIn(p: PlanPrincipal, division?: string): RoleGrant[] {
    return p.grants.filter((g) => division === undefined || divisionMatches(g.division, division));
  }

  /** Permissions the principal holds in `division` (in any division when none is given), sorted. Do not mutate. */
  public permissionsIn(p: PlanPrincipal, division?: string): readonly string[] {
    return this.permissionSet(p, division).list;
  }

  /** True if the principal holds `permission` (wildcards cover) in `division`. */
  public holds(p: PlanPrincipal, permission: string, division?: string): boolean {
    return this.permissionSet(p, division).has(permission);
  }

  /** The principal's permissions in `division` as a set with wildcard-aware `has`, shared by equal role sets. */
  public permissionSet(p: PlanPrincipal, division?: string): PermissionSet {
    let byDivision = this.setByPrincipal.get(p);
    const dkey = division ?? '\u0000any';
    const hit = byDivision?.get(dkey);
    if (hit) return hit;
    const set = this.permissionSetOf([...new Set(this.grantsIn(p, division).map((g) => g.role))]);
    if (!byDivision) this.setByPrincipal.set(p, (byDivision = new Map()));
    byDivision.set(dkey, set);
    return set;
  }

  /** The permissions of `roles` together, as one set shared by every principal holding the same roles. */
  public permissionSetOf(roles: readonly PlanRole[]): PermissionSet {
    const rkey = roles
      .map((r) => r.address)
      .sort()
      .join('\u0000');
    let set = this.setByRoles.get(rkey);
    if (!set) {
      set = new PermissionSet(roles.length === 1 ? roles[0].permissions : roles.flatMap((r) => r.permissions));
      this.setByRoles.set(rkey, set);
    }
    return set;
  }

  /** Checks an operation's ANY/ALL rule for the principal in `division`. */
  public check(p: PlanPrincipal, op: Operation, division?: string): OperationCheck {
    return checkOperation(op, this.permissionsIn(p, division));
  }

  /** The divisions of a principal's grants, deduplicated by key. */
  public divisionsOf(p: PlanPrincipal): DivisionRef[] {
    const seen = new Map<string, DivisionRef>();
    for (const g of p.grants) seen.set(`${g.division.kind}|${g.division.address ?? g.division.id}`, g.division);
    return [...seen.values()];
  }

  /** Raw instances of a resource (`resource`) or data source (`data`) type. */
  public section(kind: 'resource' | 'data', type: string): Record<string, Json> {
    const s = (this.doc[kind] ?? {}) as Record<string, Record<string, Json>>;
    return s[type] ?? {};
  }

  private readRole(address: string, body: Json): PlanRole {
    const policies: PlanPolicy[] = (asArray(body.permission_policies) as Json[]).map((p) => ({
      domain: str(p.domain) ?? '',
      entity: str(p.entity_name) ?? '',
      actions: asArray(p.action_set).map(String),
      hasConditions: asArray(p.conditions).length > 0,
    }));
    const permissions = [
      ...new Set(policies.flatMap((p) => p.actions.map((a) => `${p.domain}:${p.entity}:${a}`))),
    ].sort();
    return {
      address,
      name: str(body.name) ?? address,
      managed: true,
      permissions,
      policies,
      generalPermissions: asArray(body.permissions).map(String).sort(),
      defaultRoleId: str(body.default_role_id),
      body,
    };
  }

  private role(ref: string): PlanRole {
    const cached = this.roleByRef.get(ref);
    if (cached) return cached;
    const role = this.resolveRole(ref);
    this.roleByRef.set(ref, role);
    return role;
  }

  private resolveRole(ref: string): PlanRole {
    const m = REF.exec(ref);
    const address = m ? m[1] : `role:${ref}`;
    const hit = this.roleIndex.get(address);
    if (hit) return hit;
    let name = address;
    if (m && address.startsWith('data.genesyscloud_auth_role.')) {
      name = str(this.section('data', 'genesyscloud_auth_role')[address.split('.')[2]]?.name) ?? address;
    }
    const role: PlanRole = {
      address,
      name,
      managed: false,
      permissions: [],
      policies: [],
      generalPermissions: [],
      body: {},
    };
    this.roleIndex.set(address, role);
    return role;
  }

  private division(v: unknown): DivisionRef {
    if (v === undefined || v === null || v === '') return IMPLICIT_HOME;
    const id = String(v);
    const cached = this.divisionByRef.get(id);
    if (cached) return cached;
    const d = this.resolveDivision(id);
    this.divisionByRef.set(id, d);
    return d;
  }

  private resolveDivision(id: string): DivisionRef {
    if (id === '*') return { kind: 'all', id };
    const m = REF.exec(id);
    if (!m) return id.includes('${') ? { kind: 'unresolved', id } : { kind: 'id', id };
    const address = m[1];
    const [a, b, c] = address.split('.');
    if (a === 'data' && b === 'genesyscloud_auth_division_home') return { kind: 'home', id, address, name: 'home' };
    if (a === 'data' && b === 'genesyscloud_auth_division') {
      return { kind: 'lookup', id, address, name: str(this.section('data', b)[c]?.name) };
    }
    if (a === 'genesyscloud_auth_division') {
      const body = this.section('resource', a)[b] ?? {};
      return body.home === true || body.home === 'true'
        ? { kind: 'home', id, address, name: str(body.name) }
        : { kind: 'managed', id, address, name: str(body.name) };
    }
    return { kind: 'unresolved', id, address };
  }

  private subject(kind: 'user' | 'group', ref: string): Omit<PlanPrincipal, 'grants' | 'grantSources'> {
    const m = REF.exec(ref);
    if (!m) return { address: `${kind}:${ref}`, kind, name: ref, scopes: [], body: {} };
    const address = m[1];
    const parts = address.split('.');
    const body =
      parts[0] === 'data' ? this.section('data', parts[1])[parts[2]] : this.section('resource', parts[0])[parts[1]];
    const b = body ?? {};
    return { address, kind, name: str(b.name) ?? str(b.email) ?? address, scopes: [], body: b };
  }
}
