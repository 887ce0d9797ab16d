/**
 * What permission sets unlock: the catalog operations whose ANY/ALL rule a set meets, the capabilities it holds
 * whole, and example operations. Memoised per graph (freed with it) by the set's content, so principals with
 * the same roles share one result. The per-division sets come from the evaluator (lib/access). No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { Capabilities } from '../access/capabilities';
import type { AccessGraph } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { meets } from '../access/operation-rule';
import type { PermissionSet } from '../access/permission-match';
import { cmp } from '../util/compare';

/** Operations a permission set unlocks: indexes into {@link Catalog.operations}, ascending. */
export interface Unlocked {
  readonly count: number;
  readonly indexes: readonly number[];
}

const NONE: Unlocked = { count: 0, indexes: [] };

let restricted: Array<[number, Operation]> | undefined;
let indexOf: Map<Operation, number> | undefined;

/** Operations that list at least one permission, with their index in {@link Catalog.operations} (catalog-sized). */
function restrictedOperations(): Array<[number, Operation]> {
  if (!restricted) {
    restricted = [];
    indexOf = new Map();
    Catalog.operations().forEach((op, i) => {
      indexOf!.set(op, i);
      if (op.anyOf.length || op.allOf.length) restricted!.push([i, op]);
    });
  }
  return restricted;
}

/** The operations (that list permissions) whose ANY/ALL rule `set` meets. */
export function unlocked(graph: AccessGraph, set: PermissionSet): Unlocked {
  if (set.list.length === 0) return NONE;
  const memo = GraphIndex.of(graph).memo<Unlocked>('unlocked');
  const hit = memo.get(set.key);
  if (hit) return hit;
  const ops = restrictedOperations();
  const indexes: number[] = [];
  if (set.hasWildcards) {
    for (const [i, op] of ops) if (meets(op, set)) indexes.push(i);
  } else {
    // Only operations that list a held permission can be unlocked.
    const seen = new Set<Operation>();
    for (const p of set.list) {
      for (const op of Catalog.operationsListing(p)) {
        if (seen.has(op)) continue;
        seen.add(op);
        if (meets(op, set)) indexes.push(indexOf!.get(op)!);
      }
    }
    indexes.sort((a, b) => a - b);
  }
  const r = { count: indexes.length, indexes };
  memo.set(set.key, r);
  return r;
}

/** Union of several {@link Unlocked}. */
export function unionOf(sets: readonly Unlocked[]): Unlocked {
  const distinct = [...new Set(sets.filter((s) => s.count))];
  if (distinct.length === 0) return NONE;
  if (distinct.length === 1) return distinct[0];
  const all = new Set<number>();
  for (const s of distinct) for (const i of s.indexes) all.add(i);
  const indexes = [...all].sort((a, b) => a - b);
  return { count: indexes.length, indexes };
}

/** Union of what several permission sets unlock (e.g. one per division). */
export function unlockedUnion(graph: AccessGraph, sets: readonly PermissionSet[]): Unlocked {
  const distinct = [...new Map(sets.filter((s) => s.list.length).map((s) => [s.key, s])).values()];
  if (distinct.length === 0) return NONE;
  if (distinct.length === 1) return unlocked(graph, distinct[0]);
  const key = distinct
    .map((s) => s.key)
    .sort()
    .join('\u0000');
  const memo = GraphIndex.of(graph).memo<Unlocked>('unlocked-union');
  const hit = memo.get(key);
  if (hit) return hit;
  const r = unionOf(distinct.map((s) => unlocked(graph, s)));
  memo.set(key, r);
  return r;
}

/** Operations `head` (of `graph`) unlocks that `base` (of `baseGraph`) does not. */
export function newlyUnlocked(
  baseGraph: AccessGraph,
  base: PermissionSet,
  graph: AccessGraph,
  head: PermissionSet,
): Unlocked {
  if (head.list.length === 0 || base.key === head.key) return NONE;
  const key = `${base.key}\u0000${head.key}`;
  const memo = GraphIndex.of(graph).memo<Unlocked>('newly-unlocked');
  const hit = memo.get(key);
  if (hit) return hit;
  const before = new Set(unlocked(baseGraph, base).indexes);
  const indexes = unlocked(graph, head).indexes.filter((i) => !before.has(i));
  const r = indexes.length ? { count: indexes.length, indexes } : NONE;
  memo.set(key, r);
  return r;
}

/** Example rank of a method: deletes, then the other writes, then reads. */
function methodRank(method: string): number {
  switch (method) {
    case 'DELETE':
      return 0;
    case 'POST':
    case 'PUT':
    case 'PATCH':
      return 1;
    case 'GET':
    case 'HEAD':
      return 2;
    default:
      return 3;
  }
}

/**
 * Example order, what a reviewer most needs to see first: deletes, then writes (POST, PUT, PATCH), then reads
 * (GET, HEAD); live before deprecated; then by path (and method).
 */
export function exampleOrder(a: Operation, b: Operation): number {
  return (
    methodRank(a.method) - methodRank(b.method) ||
    Number(a.deprecated) - Number(b.deprecated) ||
    cmp(a.path, b.path) ||
    cmp(a.key, b.key)
  );
}

/** How many example operations the models carry. */
export const EXAMPLES = 3;

/** The first `n` of `items` in `compare` order, in one pass (no sort of the whole list). */
function firstBy<T>(items: Iterable<T>, n: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (n <= 0) return best;
  for (const x of items) {
    if (best.length === n) {
      if (compare(x, best[n - 1]) >= 0) continue;
      best.pop();
    }
    let j = best.length;
    while (j > 0 && compare(x, best[j - 1]) < 0) j--;
    best.splice(j, 0, x);
  }
  return best;
}

/**
 * The operations a principal's declared capabilities call: ranked first among its examples, since they are what
 * it is for. Get it with {@link capabilityOperations}.
 */
export interface OwnOperations {
  /** Stable memo key: the capability ids, sorted. */
  readonly key: string;
  /** Indexes into {@link Catalog.operations}. */
  readonly indexes: ReadonlySet<number>;
}

/** Every operation's index in {@link Catalog.operations}. */
function operationIndex(): Map<Operation, number> {
  restrictedOperations();
  return indexOf!;
}

/**
 * The operations the capabilities `ids` call: a capability recorded in the graph's intent (defined in code) by its
 * recorded operations, a built-in one by its definition; unknown ids add nothing. `undefined` for no ids.
 * Memoised per graph by the ids.
 */
export function capabilityOperations(graph: AccessGraph, ids: readonly string[]): OwnOperations | undefined {
  if (ids.length === 0) return undefined;
  const sorted = [...new Set(ids)].sort(cmp);
  const key = sorted.join(',');
  const memo = GraphIndex.of(graph).memo<OwnOperations>('own-operations');
  const hit = memo.get(key);
  if (hit) return hit;
  const recorded = graph.intent?.capabilities ?? {};
  const index = operationIndex();
  const indexes = new Set<number>();
  for (const id of sorted) {
    const ops: ReadonlyArray<Operation | undefined> = Object.prototype.hasOwnProperty.call(recorded, id)
      ? recorded[id].operations.map((k) => Catalog.operation(k))
      : Capabilities.isCapability(id)
        ? Capabilities.resolve(id).operations
        : [];
    for (const op of ops) {
      const i = op && index.get(op);
      if (i !== undefined) indexes.add(i);
    }
  }
  const r = { key, indexes };
  memo.set(key, r);
  return r;
}

/** Up to `n` example operation keys from `ops` in {@link exampleOrder}. */
export function exampleKeys(ops: readonly Operation[], n = EXAMPLES): string[] {
  return firstBy(ops, n, exampleOrder).map((o) => o.key);
}

/** Example keys of operation indexes: `own`'s first, then {@link exampleOrder}. */
function exampleKeysOf(indexes: Iterable<number>, own: OwnOperations | undefined): string[] {
  const ops = Catalog.operations();
  const mine = own?.indexes;
  const order = mine?.size
    ? (a: number, b: number) => Number(!mine.has(a)) - Number(!mine.has(b)) || exampleOrder(ops[a], ops[b])
    : (a: number, b: number) => exampleOrder(ops[a], ops[b]);
  return firstBy(indexes, EXAMPLES, order).map((i) => ops[i].key);
}

const examplesOf = new WeakMap<Unlocked, Map<string, string[]>>();

/**
 * Up to {@link EXAMPLES} example operations of `u`: the ones `own` names first (the principal's declared
 * capabilities, see {@link capabilityOperations}), then deletes and writes before reads, then by path. Memoised
 * with `u`: callers must not mutate the result.
 */
export function exampleOperations(u: Unlocked, own?: OwnOperations): string[] {
  let byOwn = examplesOf.get(u);
  if (!byOwn) examplesOf.set(u, (byOwn = new Map()));
  const key = own?.key ?? '';
  let hit = byOwn.get(key);
  if (!hit) byOwn.set(key, (hit = exampleKeysOf(u.indexes, own)));
  return hit;
}

/**
 * The capabilities a graph knows, with their permissions: the built-in ones and the ones its stack defined in code
 * (recorded in its intent; a recorded one wins over a built-in of the same id, since it is what the stack meant).
 * Capabilities that need no permission are left out: every principal would "hold" them.
 */
function knownCapabilities(graph: AccessGraph): ReadonlyArray<readonly [string, readonly string[]]> {
  const recorded = graph.intent?.capabilities ?? {};
  const out = new Map<string, readonly string[]>();
  for (const id of Capabilities.ids()) out.set(id, Capabilities.resolve(id).permissions);
  for (const [id, c] of Object.entries(recorded)) out.set(id, c.permissions);
  return [...out.entries()].filter(([, p]) => p.length > 0).sort(([a], [b]) => cmp(a, b));
}

/** Capabilities whose full permission set `set` holds (wildcards cover), built-in or defined in the stack's code. */
export function heldCapabilities(graph: AccessGraph, set: PermissionSet): string[] {
  if (set.list.length === 0) return [];
  const memo = GraphIndex.of(graph).memo<string[]>('capabilities');
  const hit = memo.get(set.key);
  if (hit) return hit;
  const known = GraphIndex.of(graph).memo<ReadonlyArray<readonly [string, readonly string[]]>>('known-capabilities');
  let list = known.get('');
  if (!list) known.set('', (list = knownCapabilities(graph)));
  const caps = list.filter(([, perms]) => perms.every((p) => set.has(p))).map(([id]) => id);
  memo.set(set.key, caps);
  return caps;
}

/** Capabilities held in at least one division. */
export function heldCapabilitiesIn(graph: AccessGraph, sets: readonly PermissionSet[]): string[] {
  const out = new Set<string>();
  for (const s of sets) for (const c of heldCapabilities(graph, s)) out.add(c);
  return [...out].sort(cmp);
}

/**
 * Operations that accept one of `scopes` (user-context tokens), with examples ranked like
 * {@link exampleOperations} (`own` first).
 */
export function scopeOperations(
  graph: AccessGraph,
  scopes: readonly string[],
  own?: OwnOperations,
): { count: number; examples: string[] } {
  const sorted = [...new Set(scopes)].sort(cmp);
  const key = sorted.join(',');
  const index = GraphIndex.of(graph);
  const byScopes = index.memo<number[]>('scope-operations');
  let indexes = byScopes.get(key);
  if (!indexes) {
    const wanted = new Set(sorted);
    indexes = [];
    Catalog.operations().forEach((op, i) => {
      if (op.scopes.some((s) => wanted.has(s))) indexes!.push(i);
    });
    byScopes.set(key, indexes);
  }
  const memo = index.memo<{ count: number; examples: string[] }>('scope-examples');
  const full = `${key}\u0000${own?.key ?? ''}`;
  const hit = memo.get(full);
  if (hit) return hit;
  const r = { count: indexes.length, examples: exampleKeysOf(indexes, own) };
  memo.set(full, r);
  return r;
}
