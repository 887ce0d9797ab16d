/**
 * THE ranking of ANY-of alternatives: which one of the permissions an operation accepts to grant, and why.
 * Capabilities, `explain`, `deployer` and the generators all rank through this module, so they cannot disagree.
 *
 * Order: a job's own preferences first (a capability's `prefer`), then the built-in preferences of
 * data/any-of-preferences.json (a preferred alternative beats the ones it is preferred over), then real
 * permissions before general role permissions (`admin`), then the permission listed by the fewest operations
 * (first listed on ties). No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import { cmp } from '../util/compare';

/** A preference for one alternative, with the reason. */
export interface AlternativePreference {
  readonly permission: string;
  readonly why: string;
}

/** A built-in rule: `prefer` ranks above each of `over` when both are alternatives. */
export interface PreferenceRule {
  readonly prefer: string;
  readonly over: readonly string[];
  readonly why: string;
}

/** An alternative in rank order, with why it ranks where it does. */
export interface RankedAlternative {
  readonly permission: string;
  readonly why: string;
  /** `job` (the caller's preference), `rule` (data/any-of-preferences.json) or `narrowest`. */
  readonly source: 'job' | 'rule' | 'narrowest';
}

let rules: readonly PreferenceRule[] | undefined;

/** The built-in preferences (data/any-of-preferences.json, embedded by `npm run generate`). */
export function preferenceRules(): readonly PreferenceRule[] {
  if (!rules) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ANY_OF_PREFERENCES_JSON } = require('../../src/generated/catalog/preferences') as {
      ANY_OF_PREFERENCES_JSON: string;
    };
    rules = (JSON.parse(ANY_OF_PREFERENCES_JSON) as { preferences: PreferenceRule[] }).preferences;
  }
  return rules;
}

/** How many operations list `permission`: fewer means narrower. */
export function breadth(permission: string): number {
  return Catalog.operationsListing(permission).length;
}

/**
 * The alternatives in rank order (see the module comment). `prefer` are the caller's own preferences, in order;
 * the ones not among the alternatives are ignored.
 */
export function rankAlternatives(
  alternatives: readonly string[],
  prefer: readonly AlternativePreference[] = [],
): RankedAlternative[] {
  const pool = [...new Set(alternatives)];
  const out: RankedAlternative[] = [];
  const taken = new Set<string>();
  for (const p of prefer) {
    if (pool.includes(p.permission) && !taken.has(p.permission)) {
      out.push({ permission: p.permission, why: p.why, source: 'job' });
      taken.add(p.permission);
    }
  }
  const rest = pool.filter((p) => !taken.has(p));
  const inPool = new Set(pool);
  const winning = new Map<string, string>();
  const dominated = new Set<string>();
  for (const r of preferenceRules()) {
    if (!inPool.has(r.prefer)) continue;
    const beaten = r.over.filter((o) => inPool.has(o));
    if (!beaten.length) continue;
    for (const o of beaten) dominated.add(o);
    if (!winning.has(r.prefer)) winning.set(r.prefer, `preferred over ${beaten.join(', ')}: ${r.why}`);
  }
  const index = new Map(pool.map((p, i) => [p, i] as const));
  rest.sort(
    (a, b) =>
      Number(dominated.has(a)) - Number(dominated.has(b)) ||
      Number(!Catalog.isPermission(a)) - Number(!Catalog.isPermission(b)) ||
      breadth(a) - breadth(b) ||
      index.get(a)! - index.get(b)!,
  );
  let narrowestSeen = false;
  for (const p of rest) {
    const rule = winning.get(p);
    if (rule) {
      out.push({ permission: p, why: rule, source: 'rule' });
      continue;
    }
    const why = narrowestSeen
      ? `listed by ${breadth(p)} operations`
      : `listed by the fewest operations (${breadth(p)}) of the ${pool.length} alternatives`;
    narrowestSeen = true;
    out.push({ permission: p, why, source: 'narrowest' });
  }
  return out;
}

/** The alternative to grant: the first of {@link rankAlternatives}. */
export function pickAlternative(
  alternatives: readonly string[],
  prefer: readonly AlternativePreference[] = [],
): RankedAlternative {
  return rankAlternatives(alternatives, prefer)[0];
}

/**
 * The narrowest of ANY-of alternatives with no job preference: the first of {@link rankAlternatives}. Kept for
 * callers that only need the name.
 */
export function narrowestOf(alternatives: readonly string[]): string {
  return pickAlternative(alternatives).permission;
}

/** An operation as the cover needs it. */
export interface CoverOperation {
  readonly key: string;
  readonly anyOf: readonly string[];
  readonly allOf: readonly string[];
}

/** How one ANY-of group (the operations sharing one list of alternatives) was covered. */
export interface CoverChoice {
  readonly of: readonly string[];
  readonly pick: string;
  readonly why: string;
  /** What decided: the ranking's reason for a fresh pick, or `needed-anyway` (another operation needs it). */
  readonly source: RankedAlternative['source'] | 'needed-anyway';
  /** Keys of the operations with this list, in the order given. */
  readonly operations: readonly string[];
}

/** Options of {@link coverOperations}. */
export interface CoverOptions {
  /** The job's own preferences, ranked first. */
  readonly prefer?: readonly AlternativePreference[];
  /**
   * How to pick a fresh alternative for a group (default: the first of {@link rankAlternatives} with `prefer`).
   * `explain` and `deployer` pass the capability-informed pick.
   */
  readonly pickFor?: (
    alternatives: readonly string[],
    operations: readonly string[],
  ) => AlternativePreference & { readonly source?: RankedAlternative['source'] };
}

/**
 * The smallest permission set, by the one ranking, that meets every operation's ANY/ALL rule: every ALL-of
 * permission and every single-alternative ANY-of, then one pick per group of alternatives, preferring one already
 * needed (in rank order), else a fresh pick; finally a pick that another needed permission makes redundant is
 * dropped. Groups are handled in the order their first operation is given.
 */
export function coverOperations(
  operations: readonly CoverOperation[],
  options: CoverOptions = {},
): { permissions: string[]; choices: CoverChoice[] } {
  const prefer = options.prefer ?? [];
  const pickFor = options.pickFor ?? ((alternatives: readonly string[]) => pickAlternative(alternatives, prefer));
  const required = new Set<string>();
  for (const o of operations) {
    for (const p of o.allOf) required.add(p);
    if (o.anyOf.length === 1) required.add(o.anyOf[0]);
  }
  const groups = new Map<string, { of: readonly string[]; operations: string[] }>();
  for (const o of operations) {
    if (o.anyOf.length < 2) continue;
    const key = o.anyOf.join(',');
    const g = groups.get(key);
    if (g) {
      if (!g.operations.includes(o.key)) g.operations.push(o.key);
    } else groups.set(key, { of: o.anyOf, operations: [o.key] });
  }
  const chosen = new Set(required);
  const picks = new Map<string, { pick: string; why: string; source: CoverChoice['source'] }>();
  const neededAnyway = (of: readonly string[], without?: string): string | undefined =>
    rankAlternatives(of, prefer).find((r) => r.permission !== without && chosen.has(r.permission))?.permission;
  for (const [key, g] of groups) {
    const already = neededAnyway(g.of);
    if (already) {
      picks.set(key, { pick: already, why: 'needed anyway', source: 'needed-anyway' });
      continue;
    }
    const fresh = pickFor(g.of, g.operations);
    chosen.add(fresh.permission);
    picks.set(key, { pick: fresh.permission, why: fresh.why, source: fresh.source ?? 'narrowest' });
  }
  // A fresh pick made redundant by a later one (group 1 picked A, group 2 picked B, and B also covers group 1).
  for (let changed = true; changed;) {
    changed = false;
    for (const p of [...new Set([...picks.values()].map((x) => x.pick))].reverse()) {
      if (required.has(p)) continue;
      const using = [...groups.keys()].filter((k) => picks.get(k)!.pick === p);
      const others = using.map((k) => neededAnyway(groups.get(k)!.of, p));
      if (others.some((o) => o === undefined)) continue;
      using.forEach((k, i) => picks.set(k, { pick: others[i]!, why: 'needed anyway', source: 'needed-anyway' }));
      chosen.delete(p);
      changed = true;
    }
  }
  const choices = [...groups.entries()].map(([key, g]) => ({ of: g.of, ...picks.get(key)!, operations: g.operations }));
  return { permissions: [...chosen].sort(cmp), choices };
}
