import type { IDivision } from './division';
import type { IConstruct } from './core';

/** Something whose permissions can be granted: an {@link AccessRole}. */
export interface IAccessRole extends IConstruct {
  /** The role id (a reference for roles in the stack). */
  readonly roleId: string;
  /** The role's exact permissions, sorted. */
  readonly permissions: readonly string[];
  /** The capabilities the role was built from. */
  readonly capabilities: readonly string[];
}

/** The principal behind an {@link IGrantable}: holds role × division grants. */
export interface IPrincipal {
  /** `oauth-client` or `user`. */
  readonly principalKind: 'oauth-client' | 'user';
  /** Construct path, for messages and grant records. */
  readonly principalPath: string;
  /** Adds role × division grants. Called by `AccessRole.grant`, not by users. */
  addRoleGrant(role: IAccessRole, divisions: readonly IDivision[]): void;
  /** Records the capabilities granted (audit trail). */
  recordCapabilities?(capabilities: readonly string[]): void;
  /**
   * Called by `AccessRole.grant` when a grant to this principal was tried but not made (its mistake is reported),
   * so the principal does not report "no role grants" for the same mistake.
   */
  noteFailedGrant?(): void;
}

/** Anyone who can receive access (aws-cdk's IGrantable). */
export interface IGrantable {
  readonly grantPrincipal: IPrincipal;
}
