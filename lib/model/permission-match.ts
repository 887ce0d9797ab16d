/**
 * Permission matching with the wildcards a role policy may use (`domain:*:*`, `domain:entity:*`).
 */

/** True if a granted permission (possibly with `*` entity or action) covers `required`. */
export function permissionCovers(granted: string, required: string): boolean {
  if (granted === required) return true;
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
