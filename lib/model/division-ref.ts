/**
 * How a grant names its division, as far as a plan can tell. No cdktf import.
 */

/**
 * - `lookup`: a `data.genesyscloud_auth_division` looked up by name
 * - `managed`: a `genesyscloud_auth_division` created in the same plan
 * - `home`: `data.genesyscloud_auth_division_home`
 * - `all`: `*`, every division (now and future)
 * - `implicit-home`: no division given, which the provider turns into the home division
 * - `id`: a literal division id
 * - `unresolved`: an expression the plan cannot follow
 */
export type DivisionKind = 'lookup' | 'managed' | 'home' | 'all' | 'implicit-home' | 'id' | 'unresolved';

/** A division as referenced by a grant. */
export interface DivisionRef {
  readonly kind: DivisionKind;
  /** The value written in the plan: a literal id, `*`, a `${...}` reference, or `` for implicit home. */
  readonly id: string;
  /** The division's name, where the plan says it. */
  readonly name?: string;
  /** Terraform address of the data source or resource, for references. */
  readonly address?: string;
}

/** A short human label: `Chicago`, `home`, `all divisions`, `home (implicit: no division_id)`, or the id. */
export function divisionLabel(d: DivisionRef): string {
  switch (d.kind) {
    case 'all':
      return 'all divisions';
    case 'home':
      return 'home';
    case 'implicit-home':
      return 'home (implicit: no division given)';
    case 'lookup':
    case 'managed':
      return d.name ?? d.address ?? d.id;
    default:
      return d.id;
  }
}

/** A stable key for sets and diffs. */
export function divisionKey(d: DivisionRef): string {
  if (d.kind === 'all') return '*';
  if (d.kind === 'home' || d.kind === 'implicit-home') return 'home';
  return d.address ?? d.id;
}

/**
 * True if a grant in `d` reaches an object in the division named by `query` (a name, an id, an address,
 * `home` or `*`). A grant in all divisions reaches every division.
 */
export function divisionMatches(d: DivisionRef, query: string): boolean {
  if (d.kind === 'all') return true;
  const q = query.trim();
  if (q === '*') return false;
  if (q.toLowerCase() === 'home') return d.kind === 'home' || d.kind === 'implicit-home';
  return d.id === q || d.address === q || (d.name !== undefined && d.name.toLowerCase() === q.toLowerCase());
}
