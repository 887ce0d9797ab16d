/** Orders strings by UTF-16 code units, the order `[...].sort()` gives: stable across machines and locales. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
