/**
 * Who holds what, per division, computed once per distinct permission set: the shared engine of `report`,
 * `diff`, `explain` and `deployer`. Principals with the same roles share one permission set, and what a set
 * unlocks (operations, capabilities) is memoised by the set's content, across plans. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import { cmp } from '../util/compare';
import type { Operation } from '../catalog/types';
import { Capabilities } from '../model/capabilities';
import { meets } from '../model/evaluate';
import { type DivisionRef, divisionKey, divisionLabel } from '../model/division-ref';
import { type AccessPlan, isUserContextClient, PermissionSet, type PlanPrincipal, type PlanRole } from '../model/plan';

/** A permission set with a content key (equal keys mean equal sets, across plans). */
export interface PermInfo {
  /** The sorted permissions joined: the memo key. */
  readonly key: string;
  readonly list: readonly string[];
  readonly set: PermissionSet;
}

/** What a principal is granted in one division. */
export interface DivisionAccess {
  /** {@link divisionKey}: `*`, `home`, an address or an id. */
  readonly key: string;
  readonly ref: DivisionRef;
  /** {@link divisionLabel}: `Chicago`, `home`, `home (implicit: no division given)`, `all divisions`, an id. */
  readonly label: string;
  /** Roles granted in exactly this division, sorted by name then address. */
  readonly roles: readonly PlanRole[];
  /** Permissions of those roles (as written: wildcards kept). */
  readonly granted: PermInfo;
  /** Permissions that reach objects in this division: these roles plus the roles granted in all divisions. */
  readonly effective: PermInfo;
}

/** Operations a permission set unlocks: indexes into {@link Catalog.operations}, ascending. */
export interface Unlocked {
  readonly count: number;
  readonly indexes: readonly number[];
}

const NO_DIVISIONS: readonly DivisionAccess[] = Object.freeze([]);

/** Home named explicitly for some roles and given implicitly (no division) for others. */
const MIXED_HOME_LABEL = 'home (explicit, and implicit for some roles: no division given)';

/** The empty permission set. */
export const NO_PERMISSIONS: PermInfo = { key: '', list: [], set: new PermissionSet([]) };

/** Orders divisions by key and label: named ones first by label, then home, then all divisions. */
export function compareDivisions(aKey: string, aLabel: string, bKey: string, bLabel: string): number {
  const rank = (key: string): number => (key === '*' ? 2 : key === 'home' ? 1 : 0);
  return rank(aKey) - rank(bKey) || cmp(aLabel, bLabel) || cmp(aKey, bKey);
}

function divisionOrder(a: DivisionAccess, b: DivisionAccess): number {
  return compareDivisions(a.key, a.label, b.key, b.label);
}

/** Per-plan index: each principal's division access, computed once and shared by equal role sets. */
export class PlanIndex {
  private readonly byPrincipal = new WeakMap<PlanPrincipal, readonly DivisionAccess[]>();
  private readonly bySignature = new Map<string, DivisionAccess[]>();
  private readonly unionByDivisions = new WeakMap<readonly DivisionAccess[], PermInfo>();
  private readonly byAddress: ReadonlyMap<string, PlanPrincipal>;

  constructor(public readonly plan: AccessPlan) {
    this.byAddress = new Map(plan.principals.map((p) => [p.address, p]));
  }

  /** The principal at `address`. */
  public principal(address: string): PlanPrincipal | undefined {
    return this.byAddress.get(address);
  }

  /**
   * The principal's grants grouped by division, sorted (named divisions, home, all divisions). Roles on a
   * user-context OAuth client grant nothing (its tokens carry the signed-in user's roles; GCA-OAUTH7 says so), so
   * such a client has no division access of its own.
   */
  public divisions(p: PlanPrincipal): readonly DivisionAccess[] {
    const hit = this.byPrincipal.get(p);
    if (hit) return hit;
    if (isUserContextClient(p)) {
      this.byPrincipal.set(p, NO_DIVISIONS);
      return NO_DIVISIONS;
    }
    // Principals with the same grants (thousands of users given one role set) share one result.
    let sig = '';
    for (const g of p.grants) sig += `${g.role.address}\u0001${g.division.kind}\u0001${divisionKey(g.division)}\u0002`;
    let out = this.bySignature.get(sig);
    if (!out) {
      out = this.group(p);
      this.bySignature.set(sig, out);
    }
    this.byPrincipal.set(p, out);
    return out;
  }

  private group(p: PlanPrincipal): DivisionAccess[] {
    const groups = new Map<string, { ref: DivisionRef; explicitHome: boolean; roles: Map<string, PlanRole> }>();
    for (const g of p.grants) {
      const key = divisionKey(g.division);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { ref: g.division, explicitHome: false, roles: new Map() }));
      // Home granted implicitly (no division given) is called out even when home is also named explicitly.
      if (g.division.kind === 'implicit-home') group.ref = g.division;
      else if (g.division.kind === 'home') group.explicitHome = true;
      group.roles.set(g.role.address, g.role);
    }
    const all = groups.get('*');
    const out: DivisionAccess[] = [];
    for (const [key, group] of groups) {
      const roles = [...group.roles.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.address, b.address));
      const granted = this.permInfo(roles);
      const effective = all && key !== '*' ? this.permInfo([...roles, ...all.roles.values()]) : granted;
      const label =
        group.ref.kind === 'implicit-home' && group.explicitHome ? MIXED_HOME_LABEL : divisionLabel(group.ref);
      out.push({ key, ref: group.ref, label, roles, granted, effective });
    }
    out.sort(divisionOrder);
    return out;
  }

  /** Effective permissions in the division `key` (the all-divisions grants when the division is not granted). */
  public effectiveIn(p: PlanPrincipal, key: string): PermInfo {
    const ds = this.divisions(p);
    return ds.find((d) => d.key === key)?.effective ?? ds.find((d) => d.key === '*')?.effective ?? NO_PERMISSIONS;
  }

  /** Union of the principal's permissions over all divisions. */
  public allPermissions(p: PlanPrincipal): PermInfo {
    const divisions = this.divisions(p);
    let info = this.unionByDivisions.get(divisions);
    if (!info) {
      const roles = new Map<string, PlanRole>();
      for (const d of divisions) for (const r of d.roles) roles.set(r.address, r);
      info = this.permInfo([...roles.values()]);
      this.unionByDivisions.set(divisions, info);
    }
    return info;
  }

  private permInfo(roles: readonly PlanRole[]): PermInfo {
    return roles.length === 0 ? NO_PERMISSIONS : infoOf(this.plan.permissionSetOf(roles));
  }
}

const infoBySet = new WeakMap<PermissionSet, PermInfo>();

/** The {@link PermInfo} of a plan's permission set: its content key makes equal sets equal across plans. */
function infoOf(set: PermissionSet): PermInfo {
  let info = infoBySet.get(set);
  if (!info) infoBySet.set(set, (info = { key: set.list.join(','), list: set.list, set }));
  return info;
}

let restricted: Array<[number, Operation]> | undefined;
let indexOf: Map<Operation, number> | undefined;

/** Operations that list at least one permission, with their index in {@link Catalog.operations}. */
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

const unlockedByKey = new Map<string, Unlocked>();
const NONE: Unlocked = { count: 0, indexes: [] };

/** The operations (that list permissions) whose ANY/ALL rule `info` meets; memoised by content. */
export function unlocked(info: PermInfo): Unlocked {
  if (info.list.length === 0) return NONE;
  const hit = unlockedByKey.get(info.key);
  if (hit) return hit;
  const ops = restrictedOperations();
  const indexes: number[] = [];
  if (info.list.some((p) => p.includes('*'))) {
    for (const [i, op] of ops) if (meets(op, info.set)) indexes.push(i);
  } else {
    // Only operations that list a held permission can be unlocked.
    const seen = new Set<Operation>();
    for (const p of info.list) {
      for (const op of Catalog.operationsListing(p)) {
        if (seen.has(op)) continue;
        seen.add(op);
        if (meets(op, info.set)) indexes.push(indexOf!.get(op)!);
      }
    }
    indexes.sort((a, b) => a - b);
  }
  const r = { count: indexes.length, indexes };
  unlockedByKey.set(info.key, r);
  return r;
}

const unionByKey = new Map<string, Unlocked>();

/** Union of what several permission sets unlock (e.g. one per division). */
export function unlockedUnion(infos: readonly PermInfo[]): Unlocked {
  const distinct = [...new Map(infos.filter((i) => i.list.length).map((i) => [i.key, i])).values()];
  if (distinct.length === 0) return NONE;
  if (distinct.length === 1) return unlocked(distinct[0]);
  const key = distinct
    .map((i) => i.key)
    .sort()
    .join('\u0000');
  const hit = unionByKey.get(key);
  if (hit) return hit;
  const all = new Set<number>();
  for (const i of distinct) for (const x of unlocked(i).indexes) all.add(x);
  const indexes = [...all].sort((a, b) => a - b);
  const r = { count: indexes.length, indexes };
  unionByKey.set(key, r);
  return r;
}

const diffByKey = new Map<string, Unlocked>();

/** Operations `head` unlocks that `base` does not. */
export function newlyUnlocked(base: PermInfo, head: PermInfo): Unlocked {
  if (head.list.length === 0 || base.key === head.key) return NONE;
  const key = `${base.key}\u0000${head.key}`;
  const hit = diffByKey.get(key);
  if (hit) return hit;
  const before = new Set(unlocked(base).indexes);
  const indexes = unlocked(head).indexes.filter((i) => !before.has(i));
  const r = indexes.length ? { count: indexes.length, indexes } : NONE;
  diffByKey.set(key, r);
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

/** Up to {@link EXAMPLES} example operations of `u` (memoised: callers must not mutate the result). */
export function exampleOperations(u: Unlocked): string[] {
  let hit = examplesOf.get(u);
  if (!hit) {
    const ops = Catalog.operations();
    examplesOf.set(u, (hit = exampleKeys(u.indexes.map((i) => ops[i]))));
  }
  return hit;
}

const capsByKey = new Map<string, string[]>();

/** Capabilities whose full permission set `info` holds (wildcards cover); memoised by content. */
export function heldCapabilities(info: PermInfo): string[] {
  if (info.list.length === 0) return [];
  const hit = capsByKey.get(info.key);
  if (hit) return hit;
  const caps = Capabilities.ids().filter((id) => Capabilities.resolve(id).permissions.every((p) => info.set.has(p)));
  capsByKey.set(info.key, caps);
  return caps;
}

/** Capabilities held in at least one division. */
export function heldCapabilitiesIn(infos: readonly PermInfo[]): string[] {
  const out = new Set<string>();
  for (const i of infos) for (const c of heldCapabilities(i)) out.add(c);
  return [...out].sort(cmp);
}
