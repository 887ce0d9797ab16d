/**
 * A decision table on THE evaluator: each row builds a small cdk.tf.json by hand, reads it with readCdktf and
 * asks `evaluate` one question. Every row asserts the exact verdict and the deciding reason (reasons[0]), and
 * optionally a note among the later reasons. Dimensions: principal kind (client-credentials and user-context
 * OAuth clients, users, groups), grant kind (managed, looked-up, literal-id, conditional, general, dynamic
 * roles; dynamic client roles), division kind (lookup, managed, home, "Home" lookup, `*`, implicit home,
 * literal id, unresolved), permission form (exact, wildcards, ANY-of, ALL-of, none listed, `{ permission }`),
 * client state, user-specific `/me` APIs and scopes.
 */
import type { Verdict } from '../../lib/access/evaluate';
import { evaluate } from '../../lib/access/evaluate';
import type { ReasonCode } from '../../lib/access/reasons';
import { Catalog } from '../../lib/catalog/catalog';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { role } from '../rules/harness';

type Json = Record<string, unknown>;

// Operations of the pinned catalog the table uses (their lists are checked below).
/** ANY-of the four recording view permissions; scopes recordings, recordings:readonly (openapi). */
const REC = 'GET /api/v2/conversations/{conversationId}/recordings';
/** ALL-of alerting:alert:delete; scope alerting. */
const ALERT = 'DELETE /api/v2/alerting/alerts/{alertId}';
/** ALL-of routing:callRoute:view and routing:identityResolutionIvr:view; scopes architect(:readonly). */
const IVR = 'GET /api/v2/architect/ivrs/{ivrId}/identityresolution';
/** ANY-of admin (a general permission), directory:user:delete, directory:organization:admin; scope users. */
const DELUSER = 'DELETE /api/v2/users/{userId}';
/** No permission listed; scope content-management (openapi). */
const SHARE = 'DELETE /api/v2/contentmanagement/shares/{shareId}';
/** No permission listed; the catalog does not know its scopes. */
const DOCSEARCH = 'POST /api/v2/documentation/all/search';
/** User-specific, no permission listed; scope user-basic-info. */
const ME = 'GET /api/v2/users/me';
/** ANY-of billing:subscription:view; scopes unknown to the catalog. */
const BILLING = 'GET /api/v2/billing/contracts';
/** ANY-of analytics:datawarehouse:view; scopes analytics(:readonly), inferred. */
const DATAEXT = 'GET /api/v2/analytics/dataextraction/downloads/metadata';

const REC_VIEW = 'recording:recording:view';

/** Division references as grants write them. */
const D = {
  chicago: '${data.genesyscloud_auth_division.chicago.id}', // lookup by name "Chicago"
  sales: '${genesyscloud_auth_division.sales.id}', // managed, named "Sales"
  home: '${data.genesyscloud_auth_division_home.home.id}',
  homeLookup: '${data.genesyscloud_auth_division.hq.id}', // lookup by name "Home"
  all: '*',
  literal: '7d3c1f0e-0000-4000-8000-00000000d001',
  unresolved: '${var.d}',
} as const;

const DYNAMIC_POLICIES = {
  permission_policies: {
    for_each: '${var.policies}',
    content: {
      domain: '${permission_policies.value.domain}',
      entity_name: '${permission_policies.value.entity}',
      action_set: '${permission_policies.value.actions}',
    },
  },
};

/** Every managed role of the documents (only the granted ones matter). */
const ROLES: Record<string, Json> = {
  rec: role('Recording viewer', [REC_VIEW]),
  screen: role('Screen recording viewer', ['recording:screenRecording:view']),
  recWild: role('Recording everything', ['recording:*:*']),
  recEntityWild: role('Recording all actions', ['recording:recording:*']),
  recCond: role('Recording viewer (queue q)', [REC_VIEW], true),
  alertDel: role('Alert deleter', ['alerting:alert:delete']),
  alertWild: role('Alert all actions', ['alerting:alert:*']),
  callRoute: role('Call route viewer', ['routing:callRoute:view']),
  ivr: role('IVR identity viewer', ['routing:identityResolutionIvr:view']),
  ivrBoth: role('IVR identity resolution', ['routing:callRoute:view', 'routing:identityResolutionIvr:view']),
  routingWild: role('Routing everything', ['routing:*:*']),
  other: role('User viewer', ['directory:user:view']),
  admin: { name: 'Admin', permissions: ['admin'] },
  dyn: { name: 'Dynamic', dynamic: DYNAMIC_POLICIES },
  dynRec: { ...role('Recording viewer plus dynamic', [REC_VIEW]), dynamic: DYNAMIC_POLICIES },
};

/** `lookedUp`: data.genesyscloud_auth_role; `literalId`: a literal role id; else a managed role of ROLES. */
function roleRef(name: string): string {
  if (name === 'lookedUp') return '${data.genesyscloud_auth_role.supervisor.id}';
  if (name === 'literalId') return '2b9e4c6a-0000-4000-8000-000000000701';
  if (!(name in ROLES)) throw new Error(`no role ${name}`);
  return `\${genesyscloud_auth_role.${name}.id}`;
}

/** A principal: its key and the resources that define it and its grants. */
interface P {
  readonly key: string;
  readonly resource: Record<string, Record<string, Json>>;
}

/** An OAuth client grant: role, and division_id (null: none, the implicit home). */
type ClientGrant = readonly [string, string | null];
/** A user / group grant: role and division_ids ([]: the implicit home). */
type SubjectGrant = readonly [string, readonly string[]];

const CLIENT = 'genesyscloud_oauth_client.p';
const DYNAMIC_ROLES = {
  dynamic: { roles: { for_each: '${var.roles}', content: { role_id: '${roles.value}', division_id: '*' } } },
};

function client(grantType: string, grants: readonly ClientGrant[], extra: Json = {}): P {
  const roles = grants.map(([r, d]) => ({ role_id: roleRef(r), ...(d === null ? {} : { division_id: d }) }));
  return {
    key: CLIENT,
    resource: {
      genesyscloud_oauth_client: {
        p: { name: 'Integration', authorized_grant_type: grantType, ...(roles.length ? { roles } : {}), ...extra },
      },
    },
  };
}

/** A CLIENT-CREDENTIALS client. */
const cc = (grants: readonly ClientGrant[], extra: Json = {}): P => client('CLIENT-CREDENTIALS', grants, extra);
/** A user-context client (CODE, TOKEN, PASSWORD, SAML2BEARER) with scopes and (inert) roles. */
const uc = (grantType: string, scopes: string[], grants: readonly ClientGrant[] = [], extra: Json = {}): P =>
  client(grantType, grants, { scopes, ...extra });

const subjectRoles = (grants: readonly SubjectGrant[]): Json[] =>
  grants.map(([r, ids]) => ({ role_id: roleRef(r), division_ids: [...ids] }));

/** A user with genesyscloud_user_roles (none when `grants` is undefined). */
function user(grants?: readonly SubjectGrant[]): P {
  return {
    key: 'genesyscloud_user.u',
    resource: {
      genesyscloud_user: { u: { email: 'ann@example.com', name: 'Ann' } },
      ...(grants
        ? { genesyscloud_user_roles: { ur: { user_id: '${genesyscloud_user.u.id}', roles: subjectRoles(grants) } } }
        : {}),
    },
  };
}

/** A group with `roles_enabled` (omitted when undefined) and genesyscloud_group_roles. */
function group(rolesEnabled: boolean | string | undefined, grants: readonly SubjectGrant[]): P {
  return {
    key: 'genesyscloud_group.g',
    resource: {
      genesyscloud_group: {
        g: { name: 'Supervisors', ...(rolesEnabled === undefined ? {} : { roles_enabled: rolesEnabled }) },
      },
      genesyscloud_group_roles: { gr: { group_id: '${genesyscloud_group.g.id}', roles: subjectRoles(grants) } },
    },
  };
}

/** The document: the divisions and roles every row shares, plus the principal. */
function doc(p: P): Json {
  return {
    data: {
      genesyscloud_auth_division: { chicago: { name: 'Chicago' }, hq: { name: 'Home' } },
      genesyscloud_auth_division_home: { home: {} },
      genesyscloud_auth_role: { supervisor: { name: 'Supervisor' } },
    },
    resource: {
      genesyscloud_auth_division: { sales: { name: 'Sales' } },
      genesyscloud_auth_role: ROLES,
      ...p.resource,
    },
  };
}

interface Row {
  readonly name: string;
  readonly p: P;
  /** The operation key, or `perm` for a `{ permission }` target. */
  readonly op?: string;
  readonly perm?: string;
  readonly div?: string;
  readonly enforced?: boolean;
  readonly verdict: Verdict;
  /** The deciding reason: reasons[0].code. */
  readonly code: ReasonCode;
  /** A note that must be among the later reasons. */
  readonly note?: ReasonCode;
}

const inChicago = (r: string): P => cc([[r, D.chicago]]);

// One row per line: a decision table reads by rows.
// prettier-ignore
const rows: Row[] = [
  // --- Client-credentials, managed roles, every division kind -------------------------------------------------
  { name: 'cc lookup, no division asked', p: inChicago('rec'), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'OTHER_DIVISIONS_FORBIDDEN' },
  { name: 'cc lookup, asked by name', p: inChicago('rec'), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc lookup, asked case-insensitively', p: inChicago('rec'), op: REC, div: 'chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc lookup, asked another division', p: inChicago('rec'), op: REC, div: 'Sales', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc lookup, asked all divisions', p: inChicago('rec'), op: REC, div: '*', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc managed, asked by name', p: cc([['rec', D.sales]]), op: REC, div: 'Sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc managed, asked by address', p: cc([['rec', D.sales]]), op: REC, div: 'genesyscloud_auth_division.sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc managed, asked Chicago', p: cc([['alertDel', D.sales]]), op: ALERT, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc home data source, asked home', p: cc([['rec', D.home]]), op: REC, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc home data source, asked Sales', p: cc([['rec', D.home]]), op: REC, div: 'Sales', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc lookup "Home" is home', p: cc([['rec', D.homeLookup]]), op: REC, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc lookup "Home", asked Chicago', p: cc([['rec', D.homeLookup]]), op: REC, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc all divisions, asked Chicago', p: cc([['rec', D.all]]), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'cc all divisions, no division asked', p: cc([['rec', D.all]]), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'cc all divisions, asked *', p: cc([['alertDel', D.all]]), op: ALERT, div: '*', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'cc all divisions, asked a literal id', p: cc([['alertDel', D.all]]), op: ALERT, div: D.literal, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'cc implicit home, no division asked', p: cc([['rec', null]]), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'IMPLICIT_HOME' },
  { name: 'cc implicit home, asked home', p: cc([['rec', null]]), op: REC, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'IMPLICIT_HOME' },
  { name: 'cc implicit home, asked Chicago', p: cc([['rec', null]]), op: REC, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION', note: 'IMPLICIT_HOME' },
  { name: 'cc literal division id, asked it', p: cc([['rec', D.literal]]), op: REC, div: D.literal, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc literal division id, asked Chicago', p: cc([['rec', D.literal]]), op: REC, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc unresolved division, asked Chicago', p: cc([['rec', D.unresolved]]), op: REC, div: 'Chicago', verdict: 'unknown', code: 'DIVISION_UNKNOWN' },
  { name: 'cc unresolved division, no division asked', p: cc([['rec', D.unresolved]]), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'cc unresolved division, role lacks it', p: cc([['other', D.unresolved]]), op: REC, div: 'Chicago', verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'cc Chicago + unresolved, asked Sales', p: cc([['rec', D.chicago], ['rec', D.unresolved]]), op: REC, div: 'Sales', verdict: 'unknown', code: 'DIVISION_UNKNOWN' },
  { name: 'cc other role in the asked division', p: cc([['rec', D.chicago], ['other', D.sales]]), op: REC, div: 'Sales', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'cc unrelated role', p: inChicago('other'), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'cc no roles', p: cc([]), op: REC, verdict: 'denied', code: 'NO_GRANTS' },
  { name: 'cc no roles, division asked', p: cc([]), op: ALERT, div: 'Chicago', verdict: 'denied', code: 'NO_GRANTS' },

  // --- Permission forms ------------------------------------------------------------------------------------------
  { name: 'ANY-of: one alternative suffices', p: inChicago('screen'), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'wildcard domain:*:* on ANY-of', p: inChicago('recWild'), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'wildcard domain:entity:* on permission', p: inChicago('recEntityWild'), perm: REC_VIEW, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'wildcard domain:entity:* on ALL-of', p: inChicago('alertWild'), op: ALERT, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'wildcard domain:*:* covers both ALL-of', p: cc([['routingWild', D.home]]), op: IVR, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'wildcard of another entity', p: inChicago('alertWild'), perm: 'alerting:rule:delete', verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'exact ALL-of (1)', p: inChicago('alertDel'), op: ALERT, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'exact ALL-of (2) in one role', p: inChicago('ivrBoth'), op: IVR, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'ALL-of (2) in two roles, one division', p: cc([['callRoute', D.chicago], ['ivr', D.chicago]]), op: IVR, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'ALL-of (2) with one held', p: inChicago('callRoute'), op: IVR, verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'ALL-of split across divisions', p: cc([['callRoute', D.chicago], ['ivr', D.sales]]), op: IVR, verdict: 'denied', code: 'SPLIT_DIVISIONS' },
  { name: 'ALL-of split, asked one of them', p: cc([['callRoute', D.chicago], ['ivr', D.sales]]), op: IVR, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'ALL-of completed by an all-divisions role', p: cc([['callRoute', D.chicago], ['ivr', D.all]]), op: IVR, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'permission target, exact', p: inChicago('rec'), perm: REC_VIEW, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'permission target, not held', p: inChicago('rec'), perm: 'recording:recording:delete', verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'permission target, other division', p: cc([['rec', D.sales]]), perm: REC_VIEW, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION' },
  { name: 'general permission admin on ANY-of', p: inChicago('admin'), op: DELUSER, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'general permission admin as target', p: cc([['admin', D.all]]), perm: 'admin', div: 'Sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'ALL_DIVISIONS' },
  { name: 'admin does not cover an ALL-of list', p: inChicago('admin'), op: ALERT, verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'admin not in the ANY-of list', p: inChicago('admin'), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'no permission listed, no grants', p: cc([]), op: SHARE, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },
  { name: 'no permission listed, other division', p: inChicago('rec'), op: SHARE, div: 'Sales', verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },

  // --- Role origins: looked up, literal id, conditions, dynamic policies ----------------------------------------
  { name: 'looked-up role', p: inChicago('lookedUp'), op: REC, verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'looked-up role, permission target', p: inChicago('lookedUp'), perm: 'alerting:alert:delete', div: 'Chicago', verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'looked-up role plus a known one that allows', p: cc([['lookedUp', D.chicago], ['rec', D.chicago]]), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'looked-up here, known allows elsewhere', p: cc([['lookedUp', D.chicago], ['rec', D.sales]]), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'looked-up here, known elsewhere, asked here', p: cc([['lookedUp', D.chicago], ['rec', D.sales]]), op: REC, div: 'Chicago', verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'looked-up role, asked a division it is not in', p: inChicago('lookedUp'), op: REC, div: 'Sales', verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'looked-up role, no permission listed', p: inChicago('lookedUp'), op: SHARE, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },
  { name: 'literal role id', p: cc([['literalId', D.home]]), op: REC, div: 'home', verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'literal role id in all divisions', p: cc([['literalId', D.all]]), op: IVR, div: 'Sales', verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'conditions on the needed permission', p: inChicago('recCond'), op: REC, verdict: 'unknown', code: 'CONDITIONS' },
  { name: 'conditions, permission target', p: cc([['recCond', D.all]]), perm: REC_VIEW, div: 'Chicago', verdict: 'unknown', code: 'CONDITIONS' },
  { name: 'conditions plus an unconditional role', p: cc([['recCond', D.chicago], ['rec', D.chicago]]), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'conditions decide before a looked-up role', p: cc([['recCond', D.chicago], ['lookedUp', D.chicago]]), op: REC, verdict: 'unknown', code: 'CONDITIONS' },
  { name: 'dynamic permission_policies', p: inChicago('dyn'), op: REC, verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'dynamic block beside a static policy that allows', p: inChicago('dynRec'), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },

  // --- Dynamic roles on the client ---------------------------------------------------------------------------
  { name: 'dynamic client roles only', p: cc([], DYNAMIC_ROLES), op: REC, verdict: 'unknown', code: 'GRANTS_INCOMPLETE', note: 'NO_GRANTS' },
  { name: 'dynamic client roles, static allows', p: cc([['rec', D.chicago]], DYNAMIC_ROLES), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'dynamic client roles, wrong division', p: cc([['rec', D.chicago]], DYNAMIC_ROLES), op: REC, div: 'Sales', verdict: 'unknown', code: 'GRANTS_INCOMPLETE', note: 'WRONG_DIVISION' },
  { name: 'dynamic client roles, missing permission', p: cc([['other', D.all]], DYNAMIC_ROLES), perm: REC_VIEW, verdict: 'unknown', code: 'GRANTS_INCOMPLETE', note: 'MISSING_PERMISSION' },

  // --- Client state --------------------------------------------------------------------------------------------
  { name: 'state active', p: cc([['rec', D.chicago]], { state: 'active' }), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'state inactive, roles would allow', p: cc([['rec', D.all]], { state: 'inactive' }), op: REC, verdict: 'denied', code: 'CLIENT_INACTIVE' },
  { name: 'state inactive, permission target', p: cc([['admin', D.all]], { state: 'inactive' }), perm: 'admin', verdict: 'denied', code: 'CLIENT_INACTIVE' },
  { name: 'state inactive, no permission listed', p: cc([], { state: 'inactive' }), op: SHARE, verdict: 'denied', code: 'CLIENT_INACTIVE' },
  { name: 'state inactive, user-context client', p: uc('CODE', ['recordings'], [], { state: 'inactive' }), op: REC, enforced: false, verdict: 'denied', code: 'CLIENT_INACTIVE' },
  { name: 'state unresolved, roles allow', p: cc([['rec', D.chicago]], { state: '${var.s}' }), op: REC, verdict: 'unknown', code: 'CLIENT_STATE_UNKNOWN', note: 'ALLOWED_BY_GRANT' },
  { name: 'state unresolved, no permission listed', p: cc([], { state: '${var.s}' }), op: SHARE, verdict: 'unknown', code: 'CLIENT_STATE_UNKNOWN', note: 'NO_PERMISSION_REQUIRED' },
  { name: 'state unresolved, roles deny', p: cc([['other', D.chicago]], { state: '${var.s}' }), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION' },

  // --- User-specific /me APIs ------------------------------------------------------------------------------------
  { name: 'cc calls /me', p: cc([['admin', D.all]]), op: ME, verdict: 'denied', code: 'CLIENT_CREDENTIALS_USER_API' },
  { name: 'cc without roles calls /me', p: cc([]), op: ME, div: 'home', verdict: 'denied', code: 'CLIENT_CREDENTIALS_USER_API' },
  { name: 'cc with the /me scope calls /me', p: cc([['rec', D.all]], { scopes: ['user-basic-info'] }), op: ME, verdict: 'denied', code: 'CLIENT_CREDENTIALS_USER_API', note: 'SCOPES_IGNORED' },
  { name: 'CODE with the /me scope', p: uc('CODE', ['user-basic-info']), op: ME, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED', note: 'SCOPE_ACCEPTED' },
  { name: 'TOKEN without the /me scope, enforced', p: uc('TOKEN', ['users']), op: ME, enforced: true, verdict: 'denied', code: 'SCOPE_MISSING' },
  { name: 'TOKEN without the /me scope, not enforced', p: uc('TOKEN', ['users']), op: ME, enforced: false, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },
  { name: 'CODE with the /me scope, state unresolved', p: uc('CODE', ['user-basic-info'], [], { state: '${var.s}' }), op: ME, verdict: 'unknown', code: 'CLIENT_STATE_UNKNOWN' },
  { name: 'CODE, inferred scope accepted, not enforced', p: uc('CODE', ['user-basic-info']), op: 'GET /api/v2/users/me/verifiers', enforced: false, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },
  { name: 'cc with dynamic roles calls /me', p: cc([], DYNAMIC_ROLES), op: ME, verdict: 'denied', code: 'CLIENT_CREDENTIALS_USER_API' },
  { name: 'TOKEN without the /me scope, enforcement unknown', p: uc('TOKEN', []), op: ME, verdict: 'unknown', code: 'SCOPE_MISSING', note: 'SCOPES_NOT_ENFORCED' },
  { name: 'user calls /me', p: user([['other', [D.literal]]]), op: ME, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED' },

  // --- Scopes on a client-credentials client -------------------------------------------------------------------
  { name: 'cc scopes ignored, allowed', p: cc([['rec', D.chicago]], { scopes: ['recordings'] }), op: REC, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'SCOPES_IGNORED' },
  { name: 'cc scopes ignored, denied', p: cc([['other', D.chicago]], { scopes: ['recordings'] }), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION', note: 'SCOPES_IGNORED' },
  { name: 'cc wrong scope, enforced, still allowed', p: cc([['alertDel', D.sales]], { scopes: ['routing'] }), op: ALERT, div: 'Sales', enforced: true, verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'SCOPES_IGNORED' },

  // --- User-context clients: roles inert, scopes decide ----------------------------------------------------------
  { name: 'CODE accepted scope, roles allow', p: uc('CODE', ['recordings'], [['rec', D.all]]), op: REC, verdict: 'unknown', code: 'USER_CONTEXT_USER_DECIDES', note: 'SCOPE_ACCEPTED' },
  { name: 'PASSWORD readonly scope, enforced', p: uc('PASSWORD', ['recordings:readonly']), op: REC, enforced: true, verdict: 'unknown', code: 'USER_CONTEXT_USER_DECIDES', note: 'SCOPE_ACCEPTED' },
  { name: 'SAML2BEARER missing scope, enforced', p: uc('SAML2BEARER', ['alerting'], [['rec', D.all]]), op: REC, enforced: true, verdict: 'denied', code: 'SCOPE_MISSING' },
  { name: 'SAML2BEARER missing scope, not enforced', p: uc('SAML2BEARER', ['alerting']), op: REC, enforced: false, verdict: 'unknown', code: 'USER_CONTEXT_USER_DECIDES', note: 'SCOPE_MISSING' },
  { name: 'SAML2BEARER missing scope, enforcement unknown', p: uc('SAML2BEARER', ['alerting']), op: REC, verdict: 'unknown', code: 'SCOPE_MISSING', note: 'SCOPES_NOT_ENFORCED' },
  { name: 'CODE no scopes, ALL-of op, enforced', p: uc('CODE', [], [['alertDel', D.chicago]]), op: ALERT, enforced: true, verdict: 'denied', code: 'SCOPE_MISSING' },
  { name: 'TOKEN catalog-unknown scopes, enforced', p: uc('TOKEN', ['billing']), op: BILLING, enforced: true, verdict: 'unknown', code: 'SCOPE_UNKNOWN' },
  { name: 'TOKEN catalog-unknown scopes, not enforced', p: uc('TOKEN', []), op: BILLING, enforced: false, verdict: 'unknown', code: 'USER_CONTEXT_USER_DECIDES', note: 'SCOPE_UNKNOWN' },
  { name: 'CODE unknown scopes, no permission, not enforced', p: uc('CODE', []), op: DOCSEARCH, enforced: false, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED', note: 'SCOPE_UNKNOWN' },
  { name: 'CODE unknown scopes, no permission, enforcement unknown', p: uc('CODE', []), op: DOCSEARCH, verdict: 'unknown', code: 'SCOPE_UNKNOWN' },
  { name: 'PASSWORD inferred scope accepted', p: uc('PASSWORD', ['analytics']), op: DATAEXT, enforced: true, verdict: 'unknown', code: 'SCOPES_INFERRED', note: 'SCOPE_ACCEPTED' },
  { name: 'PASSWORD inferred scope missing, enforced', p: uc('PASSWORD', ['users']), op: DATAEXT, enforced: true, verdict: 'unknown', code: 'SCOPE_MISSING', note: 'SCOPES_INFERRED' },
  { name: 'CODE accepted scope, no permission listed', p: uc('CODE', ['content-management']), op: SHARE, enforced: true, verdict: 'allowed', code: 'NO_PERMISSION_REQUIRED', note: 'SCOPE_ACCEPTED' },
  { name: 'CODE roles inert for a permission target', p: uc('CODE', ['recordings'], [['rec', D.all]]), perm: REC_VIEW, verdict: 'denied', code: 'USER_CONTEXT_ROLES_INERT' },
  { name: 'TOKEN admin role inert, scope accepted', p: uc('TOKEN', ['users'], [['admin', D.all]]), op: DELUSER, div: 'home', verdict: 'unknown', code: 'USER_CONTEXT_USER_DECIDES' },
  { name: 'SAML2BEARER roles inert for admin target', p: uc('SAML2BEARER', [], [['admin', null]]), perm: 'admin', verdict: 'denied', code: 'USER_CONTEXT_ROLES_INERT' },

  // --- Users ---------------------------------------------------------------------------------------------------
  { name: 'user lookup division', p: user([['rec', [D.chicago]]]), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'user two divisions, asked the second', p: user([['rec', [D.chicago, D.sales]]]), op: REC, div: 'Sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'user empty division_ids is implicit home', p: user([['rec', []]]), op: REC, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'IMPLICIT_HOME' },
  { name: 'user implicit home, asked Chicago', p: user([['rec', []]]), op: REC, div: 'Chicago', verdict: 'denied', code: 'WRONG_DIVISION', note: 'USER_GROUPS_NOT_SEEN' },
  { name: 'user unrelated role', p: user([['other', [D.chicago]]]), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION', note: 'USER_GROUPS_NOT_SEEN' },
  { name: 'user without user_roles', p: user(), op: ALERT, verdict: 'denied', code: 'NO_GRANTS', note: 'USER_GROUPS_NOT_SEEN' },
  { name: 'user looked-up role', p: user([['lookedUp', [D.chicago]]]), op: REC, verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN', note: 'USER_GROUPS_NOT_SEEN' },
  { name: 'user wildcard in all divisions', p: user([['recWild', [D.all]]]), op: REC, div: 'Sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'user admin in home', p: user([['admin', [D.home]]]), op: DELUSER, div: 'home', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'user ALL-of split across divisions', p: user([['callRoute', [D.chicago]], ['ivr', [D.sales]]]), op: IVR, verdict: 'denied', code: 'SPLIT_DIVISIONS', note: 'USER_GROUPS_NOT_SEEN' },
  { name: 'user unresolved division', p: user([['rec', [D.unresolved]]]), op: REC, div: 'Chicago', verdict: 'unknown', code: 'DIVISION_UNKNOWN' },
  { name: 'user conditions', p: user([['recCond', [D.homeLookup]]]), perm: REC_VIEW, div: 'home', verdict: 'unknown', code: 'CONDITIONS' },
  { name: 'user literal role id', p: user([['literalId', [D.literal]]]), op: ALERT, div: D.literal, verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },

  // --- Groups --------------------------------------------------------------------------------------------------
  { name: 'group roles enabled', p: group(true, [['rec', [D.chicago]]]), op: REC, div: 'Chicago', verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'group roles_enabled omitted (true)', p: group(undefined, [['alertDel', [D.sales]]]), op: ALERT, verdict: 'allowed', code: 'ALLOWED_BY_GRANT' },
  { name: 'group roles disabled', p: group(false, [['rec', [D.all]]]), op: REC, verdict: 'denied', code: 'GROUP_ROLES_DISABLED' },
  { name: 'group roles disabled, permission target', p: group(false, [['admin', [D.chicago]]]), perm: 'admin', div: 'Chicago', verdict: 'denied', code: 'GROUP_ROLES_DISABLED' },
  { name: 'group roles_enabled unresolved, roles allow', p: group('${var.x}', [['rec', [D.chicago]]]), op: REC, verdict: 'unknown', code: 'GROUP_ROLES_UNKNOWN', note: 'ALLOWED_BY_GRANT' },
  { name: 'group roles_enabled unresolved, roles deny', p: group('${var.x}', [['other', [D.chicago]]]), op: REC, verdict: 'denied', code: 'MISSING_PERMISSION' },
  { name: 'group wildcard in a managed division', p: group(true, [['alertWild', [D.sales]]]), op: ALERT, div: 'Sales', verdict: 'allowed', code: 'ALLOWED_BY_GRANT', note: 'WILDCARD' },
  { name: 'group looked-up role', p: group(true, [['lookedUp', [D.chicago]]]), op: REC, div: 'Chicago', verdict: 'unknown', code: 'ROLE_PERMISSIONS_UNKNOWN' },
  { name: 'group implicit home, asked Sales', p: group(true, [['ivrBoth', []]]), op: IVR, div: 'Sales', verdict: 'denied', code: 'WRONG_DIVISION', note: 'IMPLICIT_HOME' },
];

describe('the catalog facts the table relies on', () => {
  const op = (k: string) => Catalog.requireOperation(k);
  test('permission lists', () => {
    expect(op(REC).anyOf).toEqual(expect.arrayContaining([REC_VIEW, 'recording:screenRecording:view']));
    expect(op(REC).allOf).toEqual([]);
    expect(op(ALERT)).toMatchObject({ allOf: ['alerting:alert:delete'], anyOf: [] });
    expect([...op(IVR).allOf].sort()).toEqual(['routing:callRoute:view', 'routing:identityResolutionIvr:view']);
    expect(op(IVR).anyOf).toEqual([]);
    expect(op(DELUSER).anyOf).toContain('admin');
    expect(op(DELUSER).allOf).toEqual([]);
    for (const k of [SHARE, DOCSEARCH, ME]) expect(op(k)).toMatchObject({ allOf: [], anyOf: [] });
    expect(op(BILLING)).toMatchObject({ anyOf: ['billing:subscription:view'], allOf: [] });
    expect(op(DATAEXT)).toMatchObject({ anyOf: ['analytics:datawarehouse:view'], allOf: [] });
  });
  test('scopes', () => {
    expect(op(REC)).toMatchObject({
      scopes: expect.arrayContaining(['recordings', 'recordings:readonly']),
      scopesSource: 'openapi',
    });
    expect(op(ALERT)).toMatchObject({ scopes: ['alerting'], scopesSource: 'openapi' });
    expect(op(DELUSER)).toMatchObject({ scopes: ['users'], scopesSource: 'openapi' });
    expect(op(SHARE)).toMatchObject({ scopes: ['content-management'], scopesSource: 'openapi' });
    expect(op(ME)).toMatchObject({ scopes: ['user-basic-info'], scopesSource: 'openapi', path: '/api/v2/users/me' });
    for (const k of [DOCSEARCH, BILLING]) expect(op(k)).toMatchObject({ scopes: [], scopesSource: 'unknown' });
    expect(op(DATAEXT)).toMatchObject({ scopes: ['analytics', 'analytics:readonly'], scopesSource: 'inferred' });
  });
});

describe('evaluate: decision table', () => {
  test('the table is large enough', () => expect(rows.length).toBeGreaterThanOrEqual(70));

  test.each(rows)('$name', (row) => {
    const graph = readCdktf(doc(row.p));
    const target = row.op !== undefined ? { operation: Catalog.requireOperation(row.op) } : { permission: row.perm! };
    const decision = evaluate(graph, row.p.key, target, {
      ...(row.div !== undefined ? { division: row.div } : {}),
      ...(row.enforced !== undefined ? { scopesEnforced: row.enforced } : {}),
    });
    const codes = decision.reasons.map((r) => r.code);
    expect({ verdict: decision.verdict, code: codes[0] }).toEqual({ verdict: row.verdict, code: row.code });
    if (row.note !== undefined) expect(codes.slice(1)).toContain(row.note);
  });
});
