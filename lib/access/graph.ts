/**
 * The access graph: who can receive access (principals), what access is made of (roles with their permissions),
 * where it applies (divisions) and who holds what where (grants), with the provenance of every node. It is
 * plain, serializable and versioned; its JSON form is published with a JSON Schema
 * (`schema/access-graph.schema.json`, generated from these types). Every input (a cdktf synthesis, and later
 * HCL, plans, exports and live orgs) is read into it by lib/sources; every answer is computed from it by the
 * evaluator (./evaluate). No format knowledge and no cdktf import here.
 */

/** The version of the graph's JSON form that this library writes and reads. */
export const ACCESS_GRAPH_VERSION = 1;

/** Where a node comes from. */
export interface Provenance {
  /** Terraform address, e.g. `genesyscloud_oauth_client.qa` or `data.genesyscloud_auth_division.chicago`. */
  readonly address?: string;
  /** Construct path, where the input records it (cdktf). */
  readonly constructPath?: string;
  /** The Genesys Cloud id, where known (a literal id, a live org). */
  readonly genesysId?: string;
  /** The file the node was read from, as the user named it. */
  readonly file?: string;
  /** JSON pointer of the node inside that file (JSON forms; for cdk.tf.json it follows from the address). */
  readonly pointer?: string;
  /** The 1-based line of the block in that file (HCL). */
  readonly line?: number;
}

/**
 * How a grant names its division:
 * - `lookup`: looked up by name (`data.genesyscloud_auth_division`)
 * - `managed`: a `genesyscloud_auth_division` defined in the same input
 * - `home`: the home division (`data.genesyscloud_auth_division_home`, a division with `home = true`, or one
 *   looked up by the home division's name, "Home")
 * - `all`: `*`, every division (now and future)
 * - `implicit-home`: no division given, which the provider turns into the home division
 * - `id`: a literal division id
 * - `unresolved`: an expression the input cannot resolve (the division is unknown)
 * - `org`: a division read from a live org (`genesys-access snapshot`): its id and name are known
 */
export type DivisionKind = 'lookup' | 'managed' | 'home' | 'all' | 'implicit-home' | 'id' | 'unresolved' | 'org';

/** A division as grants reference it. */
export interface GraphDivision {
  /** Stable key: `*` (all), `home`, the Terraform address, or the literal id / expression (a live org: the id). */
  readonly key: string;
  /** How it is referenced; `implicit-home` is a property of a grant (see {@link GraphGrant.implicitHome}). */
  readonly kind: Exclude<DivisionKind, 'implicit-home'>;
  /** The division's name, where the input says it. */
  readonly name?: string;
  /** The value as written: a literal id, `*`, or a reference expression. */
  readonly ref: string;
  readonly provenance?: Provenance;
}

/** One `permission_policies` entry of a role. */
export interface GraphPolicy {
  readonly domain: string;
  readonly entity: string;
  /** Actions as written (`*` kept), sorted. */
  readonly actions: readonly string[];
  /** True when the policy has `conditions`, which narrow the grant to some objects. */
  readonly conditions: boolean;
}

/**
 * Where a role's definition is:
 * - `managed`: defined in the input; its permissions are known (unless {@link GraphRole.complete} is false)
 * - `data`: looked up (`data.genesyscloud_auth_role`); its permissions are not in the input
 * - `id`: referenced by a literal id; its permissions are not in the input
 * - `unresolved`: an expression the input cannot resolve
 * - `org`: read from a live org (`genesys-access snapshot`); its permissions are known, and it exists before any
 *   plan runs
 */
export type RoleOrigin = 'managed' | 'data' | 'id' | 'unresolved' | 'org';

/** A role. */
export interface GraphRole {
  /** Stable key: the Terraform address, or `role:<id>` for a literal id (and for a role of a live org). */
  readonly key: string;
  /** The role's name where known, else the key. */
  readonly name: string;
  readonly origin: RoleOrigin;
  /** `domain:entity:action` strings of its policies (wildcards kept), sorted; empty when not known. */
  readonly permissions: readonly string[];
  readonly policies: readonly GraphPolicy[];
  /** General permissions (`permissions` attribute: `admin`, `group_creation`, ...), sorted. */
  readonly generalPermissions: readonly string[];
  /** Set when the role adopts a built-in role (`default_role_id`). */
  readonly defaultRoleId?: string;
  /** False when part of the definition cannot be read statically (a dynamic block, an unresolved value). */
  readonly complete: boolean;
  /** Why it is not complete. */
  readonly incompleteReason?: string;
  readonly provenance?: Provenance;
}

/** Who can receive access. */
export type PrincipalKind = 'oauth-client' | 'user' | 'group';

/** How an OAuth client handles its secret. */
export interface ClientSecrets {
  /** `expose_client_secret` is set: the secret is stored in state. */
  readonly exposed?: boolean;
  /** `directory_client_secret`: the secret is written in plaintext to this directory on the applying machine. */
  readonly directory?: string;
  /** `client_secret` is set in configuration. */
  readonly inConfig?: boolean;
}

/** A principal: an OAuth client, a user or a group. */
export interface GraphPrincipal {
  /**
   * Stable key: the Terraform address (`genesyscloud_oauth_client.qa`), or `user:<id>` / `group:<id>` (and
   * `oauth-client:<id>` for a client of a live org).
   */
  readonly key: string;
  readonly kind: PrincipalKind;
  /** Display name: the resource's `name` (or a user's email), else the key. */
  readonly name: string;
  /** True when the input defines the principal (not only references it). */
  readonly defined: boolean;
  /** OAuth clients: `authorized_grant_type` as written. */
  readonly grantType?: string;
  /** OAuth clients: scopes as written, sorted. */
  readonly scopes: readonly string[];
  /**
   * OAuth clients: `state` as written (`active`, `inactive`, or an unresolved expression).
   * @default "active"
   */
  readonly state?: string;
  /** OAuth clients: `access_token_validity_seconds` when it is a literal number. */
  readonly accessTokenValiditySeconds?: number;
  /** OAuth clients: secret handling. */
  readonly secrets?: ClientSecrets;
  /** OAuth clients: true when `integration_credential_name` is set (the provider stores the secret). */
  readonly integrationCredential?: boolean;
  /**
   * Groups: `roles_enabled` (false means the group's roles give its members nothing); a string when it is an
   * unresolved expression.
   * @default true
   */
  readonly rolesEnabled?: boolean | string;
  /** False when some of its grants cannot be read statically (a dynamic `roles` block, an unresolved list). */
  readonly grantsComplete: boolean;
  /** Why its grants are not complete. */
  readonly grantsIncompleteReason?: string;
  readonly provenance?: Provenance;
}

/** One role granted to one principal in one division. */
export interface GraphGrant {
  readonly principal: string;
  readonly role: string;
  /** A {@link GraphDivision} key. */
  readonly division: string;
  /** True when no division was given (the provider uses the home division). */
  readonly implicitHome?: boolean;
  /** Key of the {@link GraphGrantWriter} that writes this grant. */
  readonly writer: string;
}

/** A resource that writes a principal's grants: an OAuth client's roles, a user_roles or a group_roles. */
export interface GraphGrantWriter {
  /** Terraform address. */
  readonly key: string;
  readonly type: 'oauth-client' | 'user-roles' | 'group-roles';
  readonly principal: string;
  /** How many role entries it declares (0 for none: for user_roles and group_roles that strips every grant). */
  readonly roleEntries: number;
  readonly provenance?: Provenance;
}

/** How many resources (or data sources) of one type the input has: what the deploying client needs. */
export interface GraphResourceType {
  readonly mode: 'managed' | 'data';
  /** Resource or data source type, e.g. `genesyscloud_auth_role`. */
  readonly type: string;
  readonly count: number;
}

/** What our constructs meant for a principal. */
export interface PrincipalIntent {
  readonly construct?: string;
  readonly capabilities: readonly string[];
  readonly allDivisionsReasons: readonly string[];
}

/** What our constructs meant for a role. */
export interface RoleIntent {
  readonly construct?: string;
  readonly capabilities: readonly string[];
  readonly base?: string;
  readonly removed: readonly string[];
}

/**
 * A capability defined in code (`Capabilities.define`), recorded with what it resolved to, so readers that do not
 * run the code (the CLI) know its permissions.
 */
export interface RecordedCapability {
  readonly summary: string;
  /** `METHOD /path/{template}` of each operation. */
  readonly operations: readonly string[];
  /** The exact permissions it resolved to, sorted. */
  readonly permissions: readonly string[];
  /** Its smallest scope set for user-context clients, sorted. */
  readonly scopes: readonly string[];
}

/** A reasoned suppression recorded in the input. */
export interface RecordedSuppression {
  readonly id: string;
  readonly path: string;
  readonly reason: string;
  readonly appliesTo?: readonly string[];
}

/** A finding a suppression silenced at synth. */
export interface RecordedSuppressedFinding {
  readonly id: string;
  readonly address: string;
  readonly reason: string;
}

/**
 * The intent this library's constructs record at synth (`locals.genesyscloud_access` in cdk.tf.json):
 * capabilities, all-divisions reasons, derived roles and suppressions. An overlay: the graph is complete
 * without it.
 */
export interface AccessIntent {
  /** The version of the recorded metadata. */
  readonly version: number;
  /** By principal key. */
  readonly principals: Readonly<Record<string, PrincipalIntent>>;
  /** By role key. */
  readonly roles: Readonly<Record<string, RoleIntent>>;
  /** Capabilities defined in code that the stack uses, by id (built-in ones are not recorded). */
  readonly capabilities?: Readonly<Record<string, RecordedCapability>>;
  readonly suppressions: readonly RecordedSuppression[];
  readonly suppressedFindings: readonly RecordedSuppressedFinding[];
}

/** What the org itself says of a permission (`GET /api/v2/authorization/permissions`). */
export interface OrgPermissionInfo {
  /** False when a grant in any division satisfies it. */
  readonly divisionAware: boolean;
  readonly allowsConditions?: boolean;
}

/** An attribute-based access policy of the org (`/api/v2/authorization/policies`). */
export interface OrgAccessPolicy {
  readonly id: string;
  readonly name: string;
  readonly effect: string;
  readonly active: boolean;
  readonly applyToClients: boolean;
}

/** Facts only a live org can give. */
export interface OrgFacts {
  /** By permission. */
  readonly permissions?: Readonly<Record<string, OrgPermissionInfo>>;
  /** True when the org enforces OAuth scopes (off by default). */
  readonly scopesEnforced?: boolean;
  readonly policies?: readonly OrgAccessPolicy[];
}

/** The input the graph was read from. */
export interface GraphSource {
  /** The input format, e.g. `cdktf`. */
  readonly format: string;
  /** The stack or configuration name. */
  readonly name: string;
  /** The file, as the user named it. */
  readonly file?: string;
}

/** The access graph of one stack, configuration or org. Lists are sorted by key. */
export interface AccessGraph {
  readonly version: typeof ACCESS_GRAPH_VERSION;
  readonly source: GraphSource;
  readonly divisions: readonly GraphDivision[];
  readonly roles: readonly GraphRole[];
  readonly principals: readonly GraphPrincipal[];
  readonly grants: readonly GraphGrant[];
  readonly grantWriters: readonly GraphGrantWriter[];
  /** Resource and data source types with their counts, by mode then type. */
  readonly resourceTypes: readonly GraphResourceType[];
  readonly intent?: AccessIntent;
  readonly org?: OrgFacts;
}

/** True for an access graph (rather than a Terraform document): what the readers return. */
export function isAccessGraph(x: unknown): x is AccessGraph {
  return typeof x === 'object' && x !== null && 'version' in x && 'principals' in x && 'grants' in x;
}
