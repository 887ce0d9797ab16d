/**
 * Pairing the base and head of a diff. By default a principal, role or division is the same node on both sides
 * when its address is. Two graphs of one org can name the same thing differently: a `genesyscloud_tf_export`
 * of the live org names resources by their exported names, the code by its own. So what is left unpaired by
 * address is paired by Genesys type and name (an OAuth client's, role's, group's or division's name, a user's
 * name or email), when exactly one node on each side has that name; the base graph is then relabelled with
 * the head's keys, so the diff compares like with like and reports how each principal was paired. No cdktf
 * import.
 */
import type {
  AccessGraph,
  GraphDivision,
  GraphGrantWriter,
  GraphPrincipal,
  GraphRole,
  PrincipalIntent,
  RoleIntent,
} from '../access/graph';
import { cmp } from '../util/compare';

/** How a principal was paired: by address, by Genesys type and name, or not at all (added or removed). */
export type PairedBy = 'address' | 'name' | 'unpaired';

/** How one principal was paired, with its key on each side it is on. */
export interface PrincipalPairing {
  readonly by: PairedBy;
  readonly base?: string;
  readonly head?: string;
}

/** A pair made by name: the addresses differ. */
export interface NamePair {
  readonly kind: 'principal' | 'role' | 'division';
  /** The Genesys name both sides give it. */
  readonly name: string;
  readonly base: string;
  readonly head: string;
}

/** How the principals of a base and head were paired. */
export interface PairingSummary {
  readonly principals: { readonly byAddress: number; readonly byName: number; readonly unpaired: number };
  /** Every pair made by name (principals, roles, divisions), by kind, then head address. */
  readonly byName: readonly NamePair[];
}

/** The pairing of two graphs. */
export interface GraphPairing {
  /** The base graph with every node paired by name renamed to the head's key (the same object when none). */
  readonly base?: AccessGraph;
  readonly summary: PairingSummary;
  /** How the principal with this key (the head's key, or the base's when only there) was paired. */
  pairingOf(key: string): PrincipalPairing;
}

const norm = (s: string): string => s.trim().toLowerCase();

function principalIdentity(p: GraphPrincipal): string | undefined {
  return p.name === p.key ? undefined : `${p.kind}\u0000${norm(p.name)}`;
}

function roleIdentity(r: GraphRole): string | undefined {
  return (r.origin === 'managed' || r.origin === 'data') && r.name !== r.key ? norm(r.name) : undefined;
}

function divisionIdentity(d: GraphDivision): string | undefined {
  return (d.kind === 'lookup' || d.kind === 'managed') && d.name !== undefined ? norm(d.name) : undefined;
}

/** Base key → head key for nodes unpaired by key whose identity is unique on both sides. */
function byIdentity<T extends { key: string }>(
  base: readonly T[],
  head: readonly T[],
  identity: (n: T) => string | undefined,
): Map<string, string> {
  const headKeys = new Set(head.map((n) => n.key));
  const baseKeys = new Set(base.map((n) => n.key));
  const group = (list: readonly T[], other: Set<string>): Map<string, T[]> => {
    const m = new Map<string, T[]>();
    for (const n of list) {
      if (other.has(n.key)) continue;
      const id = identity(n);
      if (id === undefined) continue;
      const g = m.get(id);
      if (g) g.push(n);
      else m.set(id, [n]);
    }
    return m;
  };
  const b = group(base, headKeys);
  const h = group(head, baseKeys);
  const out = new Map<string, string>();
  for (const [id, list] of b) {
    const other = h.get(id);
    if (list.length === 1 && other?.length === 1) out.set(list[0].key, other[0].key);
  }
  return out;
}

function renameRecord<T>(rec: Readonly<Record<string, T>>, rename: (k: string) => string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(rec)) out[rename(k)] = v;
  return out;
}

/** The base graph with keys renamed, and grant writers of renamed principals paired by type. */
function relabel(
  base: AccessGraph,
  head: AccessGraph,
  principals: Map<string, string>,
  roles: Map<string, string>,
  divisions: Map<string, string>,
): AccessGraph {
  const p = (k: string): string => principals.get(k) ?? k;
  const r = (k: string): string => roles.get(k) ?? k;
  const d = (k: string): string => divisions.get(k) ?? k;
  // A writer of a principal paired by name is the head's writer of the same type for that principal.
  const headWriters = new Map<string, GraphGrantWriter>();
  for (const w of head.grantWriters) headWriters.set(`${w.principal}\u0000${w.type}`, w);
  const writers = new Map<string, string>();
  for (const w of base.grantWriters) {
    if (!principals.has(w.principal)) continue;
    const hw = headWriters.get(`${p(w.principal)}\u0000${w.type}`);
    if (hw) writers.set(w.key, hw.key);
  }
  const w = (k: string): string => writers.get(k) ?? k;
  const byKey = <T extends { key: string }>(a: T, b: T): number => cmp(a.key, b.key);
  const intent = base.intent;
  return {
    ...base,
    divisions: base.divisions.map((x) => (divisions.has(x.key) ? { ...x, key: d(x.key) } : x)).sort(byKey),
    roles: base.roles.map((x) => (roles.has(x.key) ? { ...x, key: r(x.key) } : x)).sort(byKey),
    principals: base.principals.map((x) => (principals.has(x.key) ? { ...x, key: p(x.key) } : x)).sort(byKey),
    grants: base.grants.map((g) => ({
      ...g,
      principal: p(g.principal),
      role: r(g.role),
      division: d(g.division),
      writer: w(g.writer),
    })),
    grantWriters: base.grantWriters
      .map((x) => (principals.has(x.principal) ? { ...x, key: w(x.key), principal: p(x.principal) } : x))
      .sort(byKey),
    ...(intent
      ? {
          intent: {
            ...intent,
            principals: renameRecord<PrincipalIntent>(intent.principals, p),
            roles: renameRecord<RoleIntent>(intent.roles, r),
          },
        }
      : {}),
  };
}

/** Pairs the principals, roles and divisions of `base` and `head` (either may be absent: a stack added or removed). */
export function pairGraphs(base: AccessGraph | undefined, head: AccessGraph | undefined): GraphPairing {
  const principals = base && head ? byIdentity(base.principals, head.principals, principalIdentity) : new Map();
  const roles = base && head ? byIdentity(base.roles, head.roles, roleIdentity) : new Map();
  const divisions = base && head ? byIdentity(base.divisions, head.divisions, divisionIdentity) : new Map();
  const renamed =
    base && head && (principals.size || roles.size || divisions.size)
      ? relabel(base, head, principals, roles, divisions)
      : base;
  const byName: NamePair[] = [];
  const names = <T extends { key: string; name?: string }>(
    kind: NamePair['kind'],
    map: Map<string, string>,
    list: readonly T[],
  ): void => {
    const byKey = new Map(list.map((n) => [n.key, n]));
    for (const [b, h] of map) byName.push({ kind, name: byKey.get(h)?.name ?? h, base: b, head: h });
  };
  if (head) {
    names('principal', principals, head.principals);
    names('role', roles, head.roles);
    names('division', divisions, head.divisions);
  }
  const order: Record<NamePair['kind'], number> = { principal: 0, role: 1, division: 2 };
  byName.sort((a, b) => order[a.kind] - order[b.kind] || cmp(a.head, b.head));
  const baseOf = new Map<string, string>();
  for (const [b, h] of principals) baseOf.set(h, b);
  const headKeys = new Set(head?.principals.map((x) => x.key) ?? []);
  const baseKeys = new Set(renamed?.principals.map((x) => x.key) ?? []);
  let byAddress = 0;
  let unpaired = 0;
  for (const k of new Set([...headKeys, ...baseKeys])) {
    if (headKeys.has(k) && baseKeys.has(k)) {
      if (!baseOf.has(k)) byAddress++;
    } else unpaired++;
  }
  return {
    ...(renamed ? { base: renamed } : {}),
    summary: { principals: { byAddress, byName: principals.size, unpaired }, byName },
    pairingOf(key: string): PrincipalPairing {
      const inHead = headKeys.has(key);
      const inBase = baseKeys.has(key);
      if (inHead && inBase) {
        const b = baseOf.get(key);
        return b !== undefined ? { by: 'name', base: b, head: key } : { by: 'address', base: key, head: key };
      }
      return inHead ? { by: 'unpaired', head: key } : { by: 'unpaired', base: key };
    },
  };
}
