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

const METHOD_RANK: Record<string, number> = { GET: 0, HEAD: 1, POST: 2, PUT: 3, PATCH: 4, DELETE: 5 };

/** Example order: live before deprecated, reads before writes, then by path. */
export function exampleOrder(a: Operation, b: Operation): number {
  return (
    Number(a.deprecated) - Number(b.deprecated) ||
    (METHOD_RANK[a.method] ?? 9) - (METHOD_RANK[b.method] ?? 9) ||
    cmp(a.path, b.path) ||
    cmp(a.key, b.key)
  );
}

/** How many example operations the models carry. */
export const EXAMPLES = 3;

/** Up to `n` example operation keys from `ops` in {@link exampleOrder}. */
export function exampleKeys(ops: readonly Operation[], n = EXAMPLES): string[] {
  return [...ops]
    .sort(exampleOrder)
    .slice(0, n)
    .map((o) => o.key);
}

const examplesOf = new WeakMap<Unlocked, string[]>();

/** Up to {@link EXAMPLES} example operations of `u` (memoised with `u`: callers must not mutate the result). */
export function exampleOperations(u: Unlocked): string[] {
  let hit = examplesOf.get(u);
  if (!hit) {
    const ops = Catalog.operations();
    examplesOf.set(u, (hit = exampleKeys(u.indexes.map((i) => ops[i]))));
  }
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

/** Operations that accept one of `scopes` (user-context tokens). */
export function scopeOperations(graph: AccessGraph, scopes: readonly string[]): { count: number; examples: string[] } {
  const sorted = [...new Set(scopes)].sort(cmp);
  const key = sorted.join(',');
  const memo = GraphIndex.of(graph).memo<{ count: number; examples: string[] }>('scope-operations');
  const hit = memo.get(key);
  if (hit) return hit;
  const wanted = new Set(sorted);
  const ops = Catalog.operations().filter((op) => op.scopes.some((s) => wanted.has(s)));
  const r = { count: ops.length, examples: exampleKeys(ops) };
  memo.set(key, r);
  return r;
}
