/**
 * What a principal holds, per division, as the evaluator decides it: roles grouped by division, all-divisions
 * reach folded in, and the principals that hold nothing of their own told apart (user-context OAuth clients,
 * inactive clients, groups with roles disabled). Computed once per principal and shared by principals with
 * the same grants. The report, diff and explain read this; whether an operation is allowed is ./evaluate.
 */
import { cmp } from '../util/compare';
import {
  ALL_DIVISIONS_KEY,
  compareDivisions,
  divisionLabel,
  grantDivisionKind,
  HOME_KEY,
  MIXED_HOME_LABEL,
} from './divisions';
import type { AccessGraph, DivisionKind, GraphDivision, GraphPrincipal, GraphRole } from './graph';
import { GraphIndex, type RoleSetPermissions } from './graph-index';
import { PermissionSet } from './permission-match';
import { type Reason, reason } from './reasons';

/** The grant types where a token acts as the signed-in user (scopes apply; roles on the client do nothing). */
export const CLIENT_CREDENTIALS = 'CLIENT-CREDENTIALS';

/** True for a user-context grant type, where scopes apply. */
export function isUserContextGrant(grantType: string | undefined): boolean {
  return grantType !== undefined && grantType !== CLIENT_CREDENTIALS;
}

/**
 * True for an OAuth client with a user-context grant type: scopes apply, and roles on it grant nothing (its
 * tokens carry the signed-in user's permissions).
 */
export function isUserContextClient(p: Pick<GraphPrincipal, 'kind' | 'grantType'>): boolean {
  return p.kind === 'oauth-client' && isUserContextGrant(p.grantType);
}

/** What a principal is granted in one division. */
export interface DivisionAccess {
  /** The division's key: `*`, `home`, an address or an id. */
  readonly key: string;
  readonly division: GraphDivision;
  /** How the grants name it (`implicit-home` when every grant here gives no division). */
  readonly kind: DivisionKind;
  /** `Chicago`, `home`, `home (implicit: no division given)`, `all divisions`, an id. */
  readonly label: string;
  /** True when some grant here gives no division. */
  readonly implicitHome: boolean;
  /** Roles granted in exactly this division, sorted by name then key. */
  readonly roles: readonly GraphRole[];
  /** Permissions of those roles (as written: wildcards kept; conditional ones included). */
  readonly granted: PermissionSet;
  /** What reaches objects in this division: these roles plus the roles granted in all divisions. */
  readonly effective: RoleSetPermissions;
}

/** A principal's access. */
export interface PrincipalAccess {
  readonly principal: GraphPrincipal;
  /** Set when the principal holds nothing of its own (then `divisions` is empty). */
  readonly inert?: Reason;
  /** Set when whether its grants are in effect cannot be known from the input. */
  readonly pending?: Reason;
  /** The divisions granted: named ones by label, then home, then all divisions. */
  readonly divisions: readonly DivisionAccess[];
  /** The union of what reaches each division. */
  readonly all: RoleSetPermissions;
}

const EMPTY: RoleSetPermissions = { all: PermissionSet.EMPTY, firm: PermissionSet.EMPTY, unknown: [] };
const NO_DIVISIONS: readonly DivisionAccess[] = Object.freeze([]);

/** Why a principal holds nothing of its own, if it does not. */
function inertness(p: GraphPrincipal): Reason | undefined {
  if (isUserContextClient(p)) {
    return reason(
      'USER_CONTEXT_ROLES_INERT',
      `${p.key} is a ${p.grantType} (user-context) client: roles on it grant nothing, its tokens carry the signed-in user's permissions`,
    );
  }
  if (p.kind === 'oauth-client' && p.state === 'inactive') {
    return reason(
      'CLIENT_INACTIVE',
      `${p.key} is inactive (state = "inactive"): it cannot get tokens, so it can call nothing`,
    );
  }
  if (p.kind === 'group' && p.rolesEnabled === false) {
    return reason('GROUP_ROLES_DISABLED', `${p.key} has roles_enabled = false: its roles give its members nothing`);
  }
  return undefined;
}

/** Why whether the principal's grants are in effect cannot be known from the input, if so. */
export function pendingness(p: GraphPrincipal): Reason | undefined {
  if (p.kind === 'oauth-client' && p.state !== undefined && p.state !== 'active' && p.state !== 'inactive') {
    return reason(
      'CLIENT_STATE_UNKNOWN',
      `${p.key} has state ${JSON.stringify(p.state)}, which the input cannot resolve`,
    );
  }
  if (p.kind === 'group' && typeof p.rolesEnabled === 'string') {
    return reason(
      'GROUP_ROLES_UNKNOWN',
      `${p.key} has roles_enabled = ${p.rolesEnabled}, which the input cannot resolve`,
    );
  }
  return undefined;
}

/** The principal's access, computed once per graph and principal. */
export function principalAccess(graph: AccessGraph, principal: GraphPrincipal): PrincipalAccess {
  const index = GraphIndex.of(graph);
  const memo = index.memo<PrincipalAccess>('principal-access');
  const hit = memo.get(principal.key);
  if (hit) return hit;
  const inert = inertness(principal);
  const pending = pendingness(principal);
  let access: PrincipalAccess;
  if (inert) {
    access = { principal, inert, divisions: NO_DIVISIONS, all: EMPTY };
  } else {
    const grants = index.grantsOf(principal.key);
    // Principals with the same grants (thousands of users given one role set) share one result.
    let sig = '';
    for (const g of grants) sig += `${g.role}\u0001${g.division}\u0001${g.implicitHome ? 1 : 0}\u0002`;
    const shared = index.memo<{ divisions: readonly DivisionAccess[]; all: RoleSetPermissions }>('by-grants');
    let group = shared.get(sig);
    if (!group) shared.set(sig, (group = groupByDivision(index, principal.key)));
    access = { principal, ...(pending ? { pending } : {}), divisions: group.divisions, all: group.all };
  }
  memo.set(principal.key, access);
  return access;
}

function groupByDivision(
  index: GraphIndex,
  key: string,
): { divisions: readonly DivisionAccess[]; all: RoleSetPermissions } {
  const groups = new Map<string, { implicit: boolean; explicit: boolean; roles: Map<string, GraphRole> }>();
  for (const g of index.grantsOf(key)) {
    let group = groups.get(g.division);
    if (!group) groups.set(g.division, (group = { implicit: false, explicit: false, roles: new Map() }));
    if (g.implicitHome) group.implicit = true;
    else group.explicit = true;
    if (!group.roles.has(g.role)) group.roles.set(g.role, index.requireRole(g.role));
  }
  if (groups.size === 0) return { divisions: NO_DIVISIONS, all: EMPTY };
  const allRoles = groups.get(ALL_DIVISIONS_KEY)?.roles;
  const out: DivisionAccess[] = [];
  const everyRole = new Map<string, GraphRole>();
  for (const [dkey, group] of groups) {
    const division = index.requireDivision(dkey);
    const roles = [...group.roles.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.key, b.key));
    for (const r of roles) everyRole.set(r.key, r);
    const own = index.permissionsOf(roles);
    const effective =
      allRoles && dkey !== ALL_DIVISIONS_KEY ? index.permissionsOf([...roles, ...allRoles.values()]) : own;
    const label =
      dkey === HOME_KEY && group.implicit
        ? group.explicit
          ? MIXED_HOME_LABEL
          : divisionLabel(division, true)
        : divisionLabel(division);
    out.push({
      key: dkey,
      division,
      kind: grantDivisionKind(division, group.implicit),
      label,
      implicitHome: group.implicit,
      roles,
      granted: own.all,
      effective,
    });
  }
  out.sort((a, b) => compareDivisions(a.key, a.label, b.key, b.label));
  return { divisions: out, all: index.permissionsOf([...everyRole.values()]) };
}
