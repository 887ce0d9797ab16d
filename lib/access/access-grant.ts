/**
 * The result of a grant: which permissions, in which divisions, were added to which principal through which
 * role (aws-cdk's `Grant`, for role × division grants). No cdktf import.
 */
import type { Permission } from '../catalog/types';

/** What one grant added. */
export interface AccessGrantEntry {
  /** Construct path of the principal (OAuth client or user). */
  readonly grantee: string;
  /** Construct path of the role. */
  readonly role: string;
  /** The role's exact permissions, sorted. */
  readonly permissions: readonly Permission[];
  /** Division labels (`Chicago`, `home`, `all divisions`, or an id), sorted. */
  readonly divisions: readonly string[];
  /** Capabilities the role was built from. */
  readonly capabilities: readonly string[];
}

/** A record of role × division grants. Made only by the static factories; combine several with `combine`. */
export class AccessGrant {
  /** A grant that added `entry`. */
  public static added(entry: AccessGrantEntry): AccessGrant {
    return new AccessGrant([entry]);
  }

  /** A grant that added nothing (e.g. to an imported principal that cannot change). */
  public static none(): AccessGrant {
    return new AccessGrant([]);
  }

  private constructor(public readonly entries: readonly AccessGrantEntry[]) {}

  /** True if the grant added anything. */
  public get success(): boolean {
    return this.entries.length > 0;
  }

  /** Throws a one-line error when nothing was granted. */
  public assertSuccess(what = 'grant'): void {
    if (!this.success) throw new Error(`${what} added no role grant`);
  }

  /** Every permission granted, sorted. */
  public get permissions(): Permission[] {
    return [...new Set(this.entries.flatMap((e) => e.permissions))].sort();
  }

  /** Every division label granted in, sorted. */
  public get divisions(): string[] {
    return [...new Set(this.entries.flatMap((e) => e.divisions))].sort();
  }

  /** This grant and `other` together. */
  public combine(other: AccessGrant): AccessGrant {
    return new AccessGrant([...this.entries, ...other.entries]);
  }

  /** Plain data, for tests and reports. */
  public toJSON(): AccessGrantEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
