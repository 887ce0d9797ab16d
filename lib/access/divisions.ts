/**
 * Divisions as grants reference them: labels, keys, order and matching a user's division query. No format
 * knowledge.
 */
import { cmp } from '../util/compare';
import type { DivisionKind, GraphDivision } from './graph';

/** The key of the all-divisions node. */
export const ALL_DIVISIONS_KEY = '*';
/** The key of the home division node. */
export const HOME_KEY = 'home';

/** Home named explicitly for some roles and given implicitly (no division) for others. */
export const MIXED_HOME_LABEL = 'home (explicit, and implicit for some roles: no division given)';
/** Home given implicitly (no division). */
export const IMPLICIT_HOME_LABEL = 'home (implicit: no division given)';

/** A short human label: `Chicago`, `home`, `all divisions`, or the id / expression. */
export function divisionLabel(d: Pick<GraphDivision, 'kind' | 'name' | 'ref' | 'key'>, implicitHome = false): string {
  if (implicitHome) return IMPLICIT_HOME_LABEL;
  switch (d.kind) {
    case 'all':
      return 'all divisions';
    case 'home':
      return 'home';
    case 'lookup':
    case 'managed':
    case 'org':
      return d.name ?? d.key;
    default:
      return d.ref;
  }
}

/** The kind shown for a grant: `implicit-home` when no division was given. */
export function grantDivisionKind(d: GraphDivision, implicitHome: boolean): DivisionKind {
  return implicitHome ? 'implicit-home' : d.kind;
}

/** Orders divisions by key and label: named ones first by label, then home, then all divisions. */
export function compareDivisions(aKey: string, aLabel: string, bKey: string, bLabel: string): number {
  const rank = (key: string): number => (key === ALL_DIVISIONS_KEY ? 2 : key === HOME_KEY ? 1 : 0);
  return rank(aKey) - rank(bKey) || cmp(aLabel, bLabel) || cmp(aKey, bKey);
}

/** True when `query` names every division (`*`, `all`, `all divisions`). */
export function isAllQuery(query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '*' || q === 'all' || q === 'all divisions';
}

/** True when `query` names the home division. */
export function isHomeQuery(query: string): boolean {
  return query.trim().toLowerCase() === HOME_KEY;
}

/**
 * True if a grant in `d` is in the division named by `query` (a name, an id, an address, a `${...}` reference,
 * `home` or `*`). All-divisions reach is decided by the evaluator, not here.
 */
export function divisionIs(d: GraphDivision, query: string): boolean {
  const q = query.trim();
  if (isAllQuery(q)) return d.kind === 'all';
  if (isHomeQuery(q)) return d.kind === 'home';
  if (d.kind === 'all') return false;
  if (d.key === q || d.ref === q || d.provenance?.address === q || d.provenance?.genesysId === q) return true;
  return d.name !== undefined && d.name.toLowerCase() === q.toLowerCase();
}

/**
 * When `query` names no division of `divisions` (and is not `home` or `*`), the names it is close to: a typo
 * (`Chicgo`) should get a did-you-mean, not "grant the role in Chicgo".
 */
export function unknownDivision(
  divisions: readonly GraphDivision[],
  query: string,
  rank: (q: string, names: readonly string[]) => string[],
): string[] | undefined {
  const q = query.trim();
  if (isAllQuery(q) || isHomeQuery(q)) return undefined;
  if (divisions.some((d) => divisionIs(d, q))) return undefined;
  const names = [
    ...new Set(
      divisions
        .filter((d) => d.kind === 'lookup' || d.kind === 'managed')
        .map((d) => d.name)
        .filter((n): n is string => !!n),
    ),
  ];
  const near = rank(q, names);
  return near.length ? near : undefined;
}
