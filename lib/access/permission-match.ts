/**
 * Permission matching with the wildcards a role policy may use (`domain:*:*`, `domain:entity:*`), and general
 * role permissions (`admin`, `content_management_user`: no `domain:entity:action` form, matched exactly).
 *
 * Since Genesys Cloud's wildcard deprecation (2026-06-01, PITFALLS 3) the API expands a wildcard into the
 * permissions that exist when the role is saved; the pinned catalog is that set here.
 */

/** True if a granted permission (possibly with `*` domain, entity or action) covers `required`. */
export function permissionCovers(granted: string, required: string): boolean {
  if (granted === required) return true;
  if (!granted.includes('*')) return false;
  const g = granted.split(':');
  const r = required.split(':');
  if (g.length !== 3 || r.length !== 3) return false;
  return (g[0] === '*' || g[0] === r[0]) && (g[1] === '*' || g[1] === r[1]) && (g[2] === '*' || g[2] === r[2]);
}

/** True if any of `held` covers `required`. */
export function holds(held: Iterable<string>, required: string): boolean {
  for (const g of held) if (permissionCovers(g, required)) return true;
  return false;
}

/** True if `p` uses `*` for its domain, entity or action. */
export function isWildcard(p: string): boolean {
  return p.split(':').some((x) => x === '*');
}

/** True for a general role permission (`admin`): no `domain:entity:action` form. */
export function isGeneralPermission(p: string): boolean {
  return !p.includes(':');
}

/** A permission set with wildcard-aware membership (`domain:*:*` and `domain:entity:*` cover). Immutable. */
export class PermissionSet {
  /** The empty set. */
  public static readonly EMPTY = new PermissionSet([]);

  /** The permissions, sorted, deduplicated (wildcards as written). */
  public readonly list: readonly string[];
  /** The sorted permissions joined: equal keys mean equal sets. */
  public readonly key: string;
  private readonly exact: ReadonlySet<string>;
  private readonly wildcards: readonly string[];

  constructor(permissions: Iterable<string>) {
    this.exact = new Set(permissions);
    this.list = [...this.exact].sort();
    this.key = this.list.join(',');
    this.wildcards = this.list.filter((p) => p.includes('*'));
  }

  /** True if the set holds `permission` directly or through a wildcard. */
  public has(permission: string): boolean {
    return this.exact.has(permission) || (this.wildcards.length > 0 && holds(this.wildcards, permission));
  }

  /** The held permissions (exact or wildcard) that cover `permission`. */
  public coveringOf(permission: string): string[] {
    if (this.exact.has(permission)) return [permission];
    return this.wildcards.filter((w) => permissionCovers(w, permission));
  }

  /** True when the set has a wildcard. */
  public get hasWildcards(): boolean {
    return this.wildcards.length > 0;
  }
}
