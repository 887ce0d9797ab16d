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
  /** Records why all divisions were granted (audit trail). */
  recordCapabilities?(capabilities: readonly string[]): void;
}

/** Anyone who can receive access (aws-cdk's IGrantable). */
export interface IGrantable {
  readonly grantPrincipal: IPrincipal;
}
