/**
 * Role definition changes between base and head: a managed role's permissions added or removed, a role added or
 * removed. Shown whether or not a principal in the input holds the role (roles are often granted elsewhere: to
 * agents in the admin console, by another stack). Plain data, stable order. No cdktf import.
 */
import type { AccessGraph, GraphRole } from '../access/graph';
import { cmp } from '../util/compare';

/** How one role's definition changed. */
export interface RoleDiff {
  /** The role's Terraform address (the head's key, or the base's when only there). */
  readonly address: string;
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly permissions: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Head principals (addresses) that hold the role; empty when none in this input does. */
  readonly heldBy: readonly string[];
  /** The role's name changed (base name), when it did. */
  readonly renamedFrom?: string;
}

/**
 * What a role's definition gives, sorted and distinct: its `domain:entity:action` permissions (those under a
 * condition marked), and its general permissions (`admin`, `group_creation`, ...) as `general permission <name>`.
 */
function definition(r: GraphRole): string[] {
  const conditional = new Set<string>();
  for (const p of r.policies) {
    if (p.conditions) for (const a of p.actions) conditional.add(`${p.domain}:${p.entity}:${a}`);
  }
  const out = new Set<string>(r.permissions.map((x) => (conditional.has(x) ? `${x} (with conditions)` : x)));
  for (const g of r.generalPermissions) out.add(`general permission ${g}`);
  return [...out].sort(cmp);
}

/** Principals by the roles they are granted, for the roles in `keys` only (grants are many, changed roles few). */
function holders(graph: AccessGraph | undefined, keys: ReadonlySet<string>): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (const g of graph?.grants ?? []) {
    if (!keys.has(g.role)) continue;
    let set = sets.get(g.role);
    if (!set) sets.set(g.role, (set = new Set()));
    set.add(g.principal);
  }
  return new Map([...sets].map(([k, v]) => [k, [...v].sort(cmp)]));
}

/**
 * The definition changes of roles the input manages (`genesyscloud_auth_role`): `base` must already be paired
 * to the head's keys (./pairing). Roles the input only references (data sources, ids) have no definition here.
 */
export function roleDiffs(base: AccessGraph | undefined, head: AccessGraph | undefined): RoleDiff[] {
  const managed = (g: AccessGraph | undefined): Map<string, GraphRole> =>
    new Map((g?.roles ?? []).filter((r) => r.origin === 'managed').map((r) => [r.key, r]));
  const [b, h] = [managed(base), managed(head)];
  const changed: Array<Omit<RoleDiff, 'heldBy'>> = [];
  for (const key of [...new Set([...b.keys(), ...h.keys()])].sort(cmp)) {
    const [r0, r1] = [b.get(key), h.get(key)];
    const before = r0 ? definition(r0) : [];
    const after = r1 ? definition(r1) : [];
    const was = new Set(before);
    const now = new Set(after);
    const added = after.filter((p) => !was.has(p));
    const removed = before.filter((p) => !now.has(p));
    const renamed = r0 && r1 && r0.name !== r1.name;
    if (r0 && r1 && added.length === 0 && removed.length === 0 && !renamed) continue;
    changed.push({
      address: key,
      name: (r1 ?? r0)!.name,
      change: !r0 ? 'added' : !r1 ? 'removed' : 'changed',
      permissions: { added, removed },
      ...(renamed ? { renamedFrom: r0.name } : {}),
    });
  }
  if (changed.length === 0) return [];
  const keys = new Set(changed.map((r) => r.address));
  const held = holders(head, keys);
  const heldBefore = holders(base, keys);
  return changed.map((r) => ({
    ...r,
    heldBy: r.change === 'removed' ? (heldBefore.get(r.address) ?? []) : (held.get(r.address) ?? []),
  }));
}
