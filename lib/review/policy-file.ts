/**
 * The file format of `genesys-access.policy.json`, as written (every field but `version` optional). The JSON
 * Schema `schema/policy.schema.json` is generated from these types (`npm run generate`); ./policy.ts reads and
 * checks a file. Imports nothing but the change kinds.
 */
import type { ChangeKind } from './changes';

/** Where the policy's JSON Schema is published in the package. */
export const POLICY_SCHEMA_PATH = 'schema/policy.schema.json';

/** A permission never to be granted. */
export interface ForbiddenPermissionEntry {
  /** `domain:entity:action` from the permission catalog; a wildcard forbids what it covers. */
  permission: string;
  /** Why (shown to the reviewer). */
  reason: string;
}

/** A principal allowed admin-grade access. */
export interface AdminAllowedEntry {
  /** Terraform address (`genesyscloud_oauth_client.x`) or display name. */
  principal: string;
  reason: string;
}

/** A change let through the gate. */
export interface ExceptionEntry {
  kind: ChangeKind;
  /** Terraform address or display name of the principal or role. Any when absent. */
  principal?: string;
  /** A catalog permission (wildcards cover). Any when absent. */
  permission?: string;
  /** The division as diff labels it (`Chicago`, `home`, `all divisions`). Any when absent. */
  division?: string;
  reason: string;
}

/**
 * The gate policy of a repository: `genesys-access.policy.json` at its root, read by `genesys-access diff`.
 */
export interface PolicyFile {
  /** For editors: this schema's URL. */
  $schema?: string;
  /** The format version. */
  version: 1;
  /**
   * Change kinds the gate fails on, and the sets `broadening`, `high-risk`, `none` (comma lists allowed).
   * `--fail-on` replaces it.
   * @default ["broadening"]
   */
  failOn?: string[];
  /** @default [] */
  forbiddenPermissions?: ForbiddenPermissionEntry[];
  /** When non-empty, admin-grade changes fail unless their principal is listed. @default [] */
  adminAllowed?: AdminAllowedEntry[];
  /** @default [] */
  exceptions?: ExceptionEntry[];
  /** Let changes the input cannot tell pass instead of failing the gate closed (exit 3). @default false */
  allowUnknown?: boolean;
}
