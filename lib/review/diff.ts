/**
 * The access change between two syntheses (`genesys-access diff --base --head`): principals added and removed,
 * role × division grants and permission × division pairs added and removed, operations newly unlocked, and
 * broadening (all divisions, admin-grade permissions, exposed secrets, wildcards) flagged for approval.
 * Plain data, stable order. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import { ADMIN_PERMISSIONS } from '../rules/permissions/admin-permission-on-integration';
import { compareDivisions } from '../access/divisions';
import type { AccessGraph, GraphPrincipal } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { isWildcard, PermissionSet } from '../access/permission-match';
import { type DivisionAccess, isUserContextClient, principalAccess } from '../access/principal-access';
import { capabilityOperations, exampleOperations, newlyUnlocked, unionOf, type Unlocked } from '../analysis/unlocked';
import { cmp } from '../util/compare';
import type { LoadedStack } from '../sources/cdktf/load';
import { compareChanges, stackChanges } from './change-list';
import type { Change } from './changes';
import type {
  Broadening,
  BroadeningKind,
  DiffModel,
  DivisionOperations,
  DivisionPermissions,
  GrantChange,
  PrincipalDiff,
  StackDiff,
} from './diff-model';
import { alignForDrift } from './drift';
import { roleDiffs } from './role-diff';
import { pairGraphs, type PrincipalPairing } from './pairing';

export type * from './diff-model';

const EMPTY_DIVISIONS: readonly DivisionAccess[] = [];

let adminScopes: ReadonlyMap<string, number> | undefined;

/**
 * Scopes that operations needing an admin-grade permission (GCA-PERM5's list) accept, with how many such
 * operations accept each; `:readonly` scopes are left out. Derived from the catalog, not listed by hand.
 */
function adminScopeCounts(): ReadonlyMap<string, number> {
  if (!adminScopes) {
    const counts = new Map<string, number>();
    const admin = new Set<string>(ADMIN_PERMISSIONS);
    for (const op of Catalog.operations()) {
      if (!op.allOf.some((p) => admin.has(p)) && !op.anyOf.some((p) => admin.has(p))) continue;
      for (const s of op.scopes) if (!s.endsWith(':readonly')) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    adminScopes = counts;
  }
  return adminScopes;
}

function isAdminScope(scope: string): boolean {
  return adminScopeCounts().has(scope);
}

function adminOperationsAccepting(scope: string): number {
  return adminScopeCounts().get(scope) ?? 0;
}

function byDivision<T extends { division: string; divisionKey: string }>(a: T, b: T): number {
  return compareDivisions(a.divisionKey, a.division, b.divisionKey, b.division);
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return [...a];
  const s = new Set(b);
  return a.filter((x) => !s.has(x));
}

/** Secret handling an OAuth client can newly turn on, and how to say it. */
const SECRETS: ReadonlyArray<[string, (p: GraphPrincipal) => boolean, (p: GraphPrincipal) => string]> = [
  [
    'expose_client_secret',
    (p) => p.secrets?.exposed === true,
    () => 'exposes its client secret (expose_client_secret: stored in state)',
  ],
  [
    'directory_client_secret',
    (p) => p.secrets?.directory !== undefined,
    (p) => `writes its client secret in plaintext to ${p.secrets?.directory} (directory_client_secret)`,
  ],
  ['client_secret', (p) => p.secrets?.inConfig === true, () => 'sets client_secret in configuration'],
];

interface Side {
  readonly stack?: LoadedStack;
  readonly graph?: AccessGraph;
}

function sideOf(stack: LoadedStack | undefined, graph: AccessGraph | undefined): Side {
  return stack && graph ? { stack, graph } : {};
}

function divisionsOf(side: Side, p: GraphPrincipal | undefined): readonly DivisionAccess[] {
  return p && side.graph ? principalAccess(side.graph, p).divisions : EMPTY_DIVISIONS;
}

/** What reaches objects in the division `key`: its grants, or the all-divisions grants when it has none. */
function effectiveIn(divisions: readonly DivisionAccess[], key: string): PermissionSet {
  return (
    divisions.find((d) => d.key === key)?.effective.all ??
    divisions.find((d) => d.key === '*')?.effective.all ??
    PermissionSet.EMPTY
  );
}

function isUnchanged(
  base: GraphPrincipal,
  head: GraphPrincipal,
  bd: readonly DivisionAccess[],
  hd: readonly DivisionAccess[],
): boolean {
  if (bd.length !== hd.length || base.grantType !== head.grantType) return false;
  for (let i = 0; i < bd.length; i++) {
    const [x, y] = [bd[i], hd[i]];
    if (x.key !== y.key || x.label !== y.label || x.granted.key !== y.granted.key) return false;
    if (x.effective.all.key !== y.effective.all.key) return false;
    if (x.roles.length !== y.roles.length || x.roles.some((r, j) => r.key !== y.roles[j].key)) return false;
  }
  if (base.scopes.join(',') !== head.scopes.join(',')) return false;
  for (const [, isSet] of SECRETS) if (isSet(head) && !isSet(base)) return false;
  return true;
}

function principalDiff(
  stackName: string,
  base: Side,
  head: Side,
  p0: GraphPrincipal | undefined,
  p1: GraphPrincipal | undefined,
  broadening: Broadening[],
  pairing: PrincipalPairing,
): PrincipalDiff | undefined {
  const bd = divisionsOf(base, p0);
  const hd = divisionsOf(head, p1);
  if (p0 && p1 && isUnchanged(p0, p1, bd, hd)) return undefined;
  const p = (p1 ?? p0)!;
  const bByKey = new Map(bd.map((d) => [d.key, d]));
  const hByKey = new Map(hd.map((d) => [d.key, d]));
  const baseEffective = (key: string): PermissionSet | undefined => (p0 ? effectiveIn(bd, key) : undefined);

  const grants = (from: readonly DivisionAccess[], other: Map<string, DivisionAccess>): GrantChange[] => {
    const out: GrantChange[] = [];
    for (const d of from) {
      const o = other.get(d.key);
      for (const r of d.roles) {
        if (o?.roles.some((x) => x.key === r.key)) continue;
        out.push({ role: r.name, roleAddress: r.key, division: d.label, divisionKey: d.key });
      }
    }
    return out.sort((a, b) => byDivision(a, b) || cmp(a.role, b.role) || cmp(a.roleAddress, b.roleAddress));
  };
  const perms = (from: readonly DivisionAccess[], other: Map<string, DivisionAccess>): DivisionPermissions[] => {
    const out: DivisionPermissions[] = [];
    for (const d of from) {
      const o = other.get(d.key);
      if (o && o.granted.key === d.granted.key) continue;
      const diff = minus(d.granted.list, o?.granted.list ?? []);
      if (diff.length) out.push({ division: d.label, divisionKey: d.key, permissions: diff });
    }
    return out;
  };

  const addedPerms = perms(hd, bByKey);
  const removedPerms = perms(bd, hByKey);
  const addedGrants = grants(hd, bByKey);
  const removedGrants = grants(bd, hByKey);

  // Operations newly unlocked, per division (what reaches objects there now that did not before).
  const byDivisionOps: DivisionOperations[] = [];
  const unlockedSets: Unlocked[] = [];
  for (const d of hd) {
    const u = newlyUnlocked(
      base.graph ?? head.graph!,
      baseEffective(d.key) ?? PermissionSet.EMPTY,
      head.graph!,
      d.effective.all,
    );
    if (u.count) {
      byDivisionOps.push({ division: d.label, divisionKey: d.key, count: u.count });
      unlockedSets.push(u);
    }
  }
  const distinct = unionOf(unlockedSets);

  const scopesAdded = p.kind === 'oauth-client' ? minus([...(p1?.scopes ?? [])].sort(cmp), p0?.scopes ?? []) : [];
  const scopesRemoved = p.kind === 'oauth-client' ? minus([...(p0?.scopes ?? [])].sort(cmp), p1?.scopes ?? []) : [];

  const secrets =
    p1 && p1.kind === 'oauth-client'
      ? SECRETS.filter(([, isSet]) => isSet(p1) && !(p0 && isSet(p0))).map(([attr]) => attr)
      : [];
  const notes: string[] = [];
  for (const d of hd) {
    const before = bByKey.get(d.key);
    if (before && before.label !== d.label) notes.push(`${before.label} is now ${d.label}`);
  }
  if (p0 && p1 && p0.grantType !== p1.grantType) {
    notes.push(`grant type changes from ${p0.grantType ?? 'none'} to ${p1.grantType ?? 'none'}`);
  }
  if (p0 && base.graph && head.graph) {
    const headIndex = GraphIndex.of(head.graph);
    for (const w of GraphIndex.of(base.graph).writersOf(p0.key)) {
      if (w.type !== 'oauth-client' && headIndex.writer(w.key) === undefined) {
        notes.push(
          `${w.key} is removed: its delete does nothing, so its grants stay until an apply with its roles removed`,
        );
      }
    }
  }

  // Broadening.
  const flagsBefore = broadening.length;
  if (p1) {
    const flag = (kind: BroadeningKind, detail: string, division?: string, permission?: string): void => {
      broadening.push({
        kind,
        stack: stackName,
        principal: p1.key,
        name: p1.name,
        ...(division !== undefined ? { division } : {}),
        ...(permission !== undefined ? { permission } : {}),
        detail,
      });
    };
    const reasons = head.graph!.intent?.principals[p1.key]?.allDivisionsReasons ?? [];
    for (const g of addedGrants.filter((x) => x.divisionKey === '*')) {
      flag(
        'all-divisions',
        `holds role "${g.role}" in all divisions (now and future)${reasons.length ? ` (reason: ${reasons.map((r) => JSON.stringify(r)).join(', ')})` : ' (no reason recorded)'}`,
        g.division,
      );
    }
    for (const d of hd) {
      const before = baseEffective(d.key);
      for (const a of ADMIN_PERMISSIONS) {
        if (d.granted.has(a) && !before?.has(a)) {
          flag('admin-permission', `can ${a.split(':').slice(1).reverse().join(' ')} (${a}) in ${d.label}`, d.label, a);
        }
      }
    }
    if (isUserContextClient(p1)) {
      // A user-context client's tokens act as the signed-in user: a new admin-grade scope lets the app manage
      // access for any admin who signs in (with a CLIENT-CREDENTIALS grant the scopes do nothing).
      const before = p0 && isUserContextClient(p0) ? p0.scopes : [];
      for (const scope of minus([...new Set(p1.scopes)].sort(cmp), before).filter(isAdminScope)) {
        broadening.push({
          kind: 'admin-scope',
          stack: stackName,
          principal: p1.key,
          name: p1.name,
          scope,
          detail: `asks signed-in users for the admin-grade scope ${scope} (${adminOperationsAccepting(scope)} operations that need an admin-grade permission accept it)`,
        });
      }
    }
    for (const dp of addedPerms) {
      for (const perm of dp.permissions.filter(isWildcard)) {
        flag('wildcard-permission', `holds the wildcard ${perm} in ${dp.division}`, dp.division, perm);
      }
    }
    for (const attr of secrets) {
      const [, , what] = SECRETS.find(([a]) => a === attr)!;
      flag('secret-exposed', what(p1));
    }
  }

  const diff: PrincipalDiff = {
    address: p.key,
    name: p.name,
    kind: p.kind,
    ...(p.grantType !== undefined ? { grantType: p.grantType } : {}),
    change: !p0 ? 'added' : !p1 ? 'removed' : 'changed',
    grants: { added: addedGrants, removed: removedGrants },
    divisions: {
      added: hd.filter((d) => !bByKey.has(d.key)).map((d) => d.label),
      removed: bd.filter((d) => !hByKey.has(d.key)).map((d) => d.label),
    },
    permissions: { added: addedPerms, removed: removedPerms },
    operations: {
      unlocked: distinct.count,
      examples: exampleOperations(distinct, ownOperations(head.graph, p1)),
      byDivision: byDivisionOps,
    },
    scopes: { added: scopesAdded, removed: scopesRemoved },
    secrets,
    notes,
    pairing,
  };
  const changed =
    diff.change !== 'changed' ||
    addedGrants.length ||
    removedGrants.length ||
    addedPerms.length ||
    removedPerms.length ||
    byDivisionOps.length ||
    scopesAdded.length ||
    scopesRemoved.length ||
    secrets.length ||
    notes.length ||
    broadening.length > flagsBefore;
  return changed ? diff : undefined;
}

/** The operations of the capabilities a principal's construct declares (ranked first among its examples). */
function ownOperations(
  graph: AccessGraph | undefined,
  p: GraphPrincipal | undefined,
): ReturnType<typeof capabilityOperations> {
  const ids = p && graph ? (graph.intent?.principals[p.key]?.capabilities ?? []) : [];
  return ids.length ? capabilityOperations(graph!, ids) : undefined;
}

/** Pairs base and head stacks: one each are compared whatever their names; otherwise by name. */
export function pairStacks(
  base: readonly LoadedStack[],
  head: readonly LoadedStack[],
): Array<{ name: string; base?: LoadedStack; head?: LoadedStack }> {
  if (base.length === 1 && head.length === 1) return [{ name: head[0].name, base: base[0], head: head[0] }];
  const names = [...new Set([...base.map((s) => s.name), ...head.map((s) => s.name)])].sort(cmp);
  return names.map((name) => ({
    name,
    base: base.find((s) => s.name === name),
    head: head.find((s) => s.name === name),
  }));
}

/** Diffs one pair of stacks; broadening flags are appended to `broadening`, every change to `changes`. */
export function stackDiff(
  name: string,
  baseStack: LoadedStack | undefined,
  headStack: LoadedStack | undefined,
  broadening: Broadening[],
  changes: Change[] = [],
): StackDiff {
  // Addresses pair by default; what they leave unpaired pairs by Genesys type and name (./pairing).
  const pairing = pairGraphs(baseStack?.graph, headStack?.graph);
  const base = sideOf(baseStack, pairing.base);
  const head = sideOf(headStack, headStack?.graph);
  const addresses = new Set<string>();
  for (const p of base.graph?.principals ?? []) addresses.add(p.key);
  for (const p of head.graph?.principals ?? []) addresses.add(p.key);
  const bi = base.graph ? GraphIndex.of(base.graph) : undefined;
  const hi = head.graph ? GraphIndex.of(head.graph) : undefined;
  const principals: PrincipalDiff[] = [];
  const flagsBefore = broadening.length;
  for (const address of [...addresses].sort(cmp)) {
    const [p0, p1] = [bi?.principal(address), hi?.principal(address)];
    const d = principalDiff(name, base, head, p0, p1, broadening, pairing.pairingOf(address));
    if (d) principals.push(d);
  }
  const roles = roleDiffs(base.graph, head.graph);
  changes.push(
    ...stackChanges({
      stack: name,
      principals,
      broadening: broadening.slice(flagsBefore),
      roles,
      ...(base.graph ? { base: base.graph } : {}),
      ...(head.graph ? { head: head.graph } : {}),
    }),
  );
  const change = !baseStack
    ? 'added'
    : !headStack
      ? 'removed'
      : principals.length || roles.length
        ? 'changed'
        : 'unchanged';
  return { stack: name, change, principals, roles, pairing: pairing.summary };
}

function broadeningOrder(a: Broadening, b: Broadening): number {
  return (
    cmp(a.stack, b.stack) ||
    cmp(a.principal, b.principal) ||
    cmp(a.kind, b.kind) ||
    cmp(a.division ?? '', b.division ?? '') ||
    cmp(a.permission ?? '', b.permission ?? '') ||
    cmp(a.detail, b.detail)
  );
}

/** Builds the diff of two sets of stacks. */
export function buildDiff(baseInput: readonly LoadedStack[], headInput: readonly LoadedStack[]): DiffModel {
  const { base, head, drift } = alignForDrift(baseInput, headInput);
  const broadening: Broadening[] = [];
  const changes: Change[] = [];
  const stacks = pairStacks(base, head).map((pair) => stackDiff(pair.name, pair.base, pair.head, broadening, changes));
  changes.sort(compareChanges);
  const all = stacks.flatMap((s) => s.principals);
  const count = (change: PrincipalDiff['change']): number => all.filter((p) => p.change === change).length;
  const pairs = (f: (p: PrincipalDiff) => readonly DivisionPermissions[]): number =>
    all.reduce((n, p) => n + f(p).reduce((m, d) => m + d.permissions.length, 0), 0);
  broadening.sort(broadeningOrder);
  return {
    summary: {
      stacks: stacks.length,
      stacksChanged: stacks.filter((s) => s.change !== 'unchanged').length,
      principalsAdded: count('added'),
      principalsRemoved: count('removed'),
      principalsChanged: count('changed'),
      permissionsAdded: pairs((p) => p.permissions.added),
      permissionsRemoved: pairs((p) => p.permissions.removed),
      operationsUnlocked: all.reduce((n, p) => n + p.operations.unlocked, 0),
      broadening: broadening.length,
      rolesChanged: stacks.reduce((n, s) => n + s.roles.length, 0),
      changes: changes.length,
      widening: changes.filter((c) => c.widening).length,
    },
    changes,
    broadening,
    stacks,
    ...(drift ? { drift } : {}),
  };
}
