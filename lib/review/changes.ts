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
  /** `role-changed`: the permissions the role's definition adds. */
  readonly permissions?: readonly string[];
  /** One sentence for a reviewer. */
  readonly detail: string;
  readonly location?: ChangeLocation;
}

/** True for every kind a change can widen access with (all but `access-removed`). */
export function canWiden(kind: ChangeKind): boolean {
  return kind !== 'access-removed';
}

/** How each kind is named to a reviewer (Markdown, SARIF rule names), and what it means. */
export const CHANGE_KIND_INFO: Readonly<Record<ChangeKind, { readonly label: string; readonly means: string }>> = {
  'all-divisions': {
    label: 'all divisions',
    means: 'a role granted in all divisions (`*`): every division, now and future',
  },
  'admin-grade': {
    label: 'admin-grade or destructive',
    means: 'a permission or scope that manages access, users or the org, or deletes',
  },
  wildcard: { label: 'wildcard', means: 'a wildcard permission (`*`): every action, now and future' },
  'secret-exposed': { label: 'secret exposed', means: "an OAuth client's secret newly exposed or written out" },
  'unknown-introduced': {
    label: 'unknown',
    means: 'access the input cannot tell (a role defined elsewhere, an unresolved division or expression)',
  },
  'principal-added': { label: 'new principal', means: 'a new OAuth client, user or group with access' },
  'grant-added': { label: 'new role grant', means: 'a role granted to a principal in a division' },
  'division-added': { label: 'new division', means: 'a principal gains access in a division it had none in' },
  'permission-added': { label: 'new permission', means: 'a permission × division pair a principal gains' },
  'operation-unlocked': { label: 'operations unlocked', means: 'API operations a principal can newly call' },
  'scope-added': { label: 'scope added', means: 'an OAuth scope a client newly asks for' },
  'role-changed': {
    label: 'role definition',
    means: "a managed role's permissions changed (widening when it adds), held in the input or not",
  },
  'access-removed': { label: 'access removed', means: 'a principal, grant, permission, scope or role removed' },
};
