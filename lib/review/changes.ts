/**
 * The kinds of change `diff` reports, and the shape of one change. Every change diff finds has exactly one kind;
 * `--fail-on` and the policy file select kinds by these names. Plain data. No cdktf import.
 */

/** Every change kind, in the order reviewers read them (widening first). */
export const CHANGE_KINDS = [
  'all-divisions',
  'admin-grade',
  'wildcard',
  'secret-exposed',
  'unknown-introduced',
  'principal-added',
  'grant-added',
  'division-added',
  'permission-added',
  'operation-unlocked',
  'scope-added',
  'role-changed',
  'access-removed',
] as const;

/** One change kind. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where a change is in the head input (or the base, for removals), as far as the source knows it. */
export interface ChangeLocation {
  /** The input file, relative to the working directory. */
  readonly file?: string;
  /** A JSON pointer into `file` (cdk.tf.json, .tf.json, plans). */
  readonly pointer?: string;
  /** 1-based line in `file` (HCL). */
  readonly line?: number;
  /** The cdktf construct path. */
  readonly constructPath?: string;
}

/** One change between base and head. */
export interface Change {
  readonly kind: ChangeKind;
  /** True when the change widens access (every kind but `access-removed`; `role-changed` when it adds). */
  readonly widening: boolean;
  readonly stack: string;
  /** What changed: a principal's or a role's Terraform address. */
  readonly subject: string;
  /** Its display name. */
  readonly name: string;
  readonly division?: string;
  readonly permission?: string;
  readonly scope?: string;
  readonly role?: string;
  /** One sentence for a reviewer. */
  readonly detail: string;
  readonly location?: ChangeLocation;
}
