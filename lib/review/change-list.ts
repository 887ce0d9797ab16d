/**
 * Every change of one stack as a {@link Change} with one kind: from the principals' diffs, the broadening flags,
 * the role definition changes, and what the head newly cannot tell (unknown-introduced). Widening first, in the
 * order of {@link CHANGE_KINDS}. Plain data. No cdktf import.
 */
import type { AccessGraph, Provenance } from '../access/graph';
import { GraphIndex } from '../access/graph-index';
import { isWildcard } from '../access/permission-match';
import { ADMIN_PERMISSIONS } from '../rules/permissions/admin-permission-on-integration';
import { cmp } from '../util/compare';
import { jsonPointer } from '../util/json';
import { type Change, CHANGE_KINDS, type ChangeKind, type ChangeLocation } from './changes';
import type { Broadening, PrincipalDiff } from './diff-model';
import type { RoleDiff } from './role-diff';

/** What one stack's changes are made from. */
export interface StackChangeInput {
  readonly stack: string;
  readonly principals: readonly PrincipalDiff[];
  /** This stack's broadening flags. */
  readonly broadening: readonly Broadening[];
  readonly roles: readonly RoleDiff[];
  /** The base graph, paired to the head's keys. */
  readonly base?: AccessGraph;
  readonly head?: AccessGraph;
}

const BROADENING_KIND: Record<Broadening['kind'], ChangeKind> = {
  'all-divisions': 'all-divisions',
  'admin-permission': 'admin-grade',
  'admin-scope': 'admin-grade',
  'secret-exposed': 'secret-exposed',
  'wildcard-permission': 'wildcard',
};

/** A permission whose action deletes (`routing:queue:delete`, `directory:user:deleteAll`). */
export function isDestructive(permission: string): boolean {
  const action = permission.split(':')[2] ?? '';
  return /^delete|^remove|^purge/i.test(action);
}

/**
 * The change's location, from a node's provenance and its graph's source: a cdk.tf.json records no pointer (it
 * follows from the address: `/resource/<type>/<name>`) and no file (the graph's source names it).
 */
export function locationOf(p: Provenance | undefined, graph?: AccessGraph): ChangeLocation | undefined {
  if (!p) return undefined;
  const out: { -readonly [K in keyof ChangeLocation]: ChangeLocation[K] } = {};
  const file = p.file ?? graph?.source.file;
  if (file !== undefined) out.file = file;
  if (p.pointer !== undefined) out.pointer = p.pointer;
  else if (graph?.source.format === 'cdktf' && p.address !== undefined) out.pointer = pointerOf(p.address);
  if (p.line !== undefined) out.line = p.line;
  if (p.constructPath !== undefined) out.constructPath = p.constructPath;
  return Object.keys(out).length ? out : undefined;
}

/** `/resource/<type>/<name>` or `/data/<type>/<name>` of a Terraform address. */
function pointerOf(address: string): string {
  const parts = address.split('.');
  return parts[0] === 'data'
    ? jsonPointer('data', parts[1], parts.slice(2).join('.'))
    : jsonPointer('resource', parts[0], parts.slice(1).join('.'));
}

const ADMIN: ReadonlySet<string> = new Set<string>(ADMIN_PERMISSIONS);

const RANK = new Map<ChangeKind, number>(CHANGE_KINDS.map((k, i) => [k, i]));

/** Widening first, then by kind (CHANGE_KINDS order), stack, subject and the rest. */
export function compareChanges(a: Change, b: Change): number {
  return (
    Number(b.widening) - Number(a.widening) ||
    RANK.get(a.kind)! - RANK.get(b.kind)! ||
    cmp(a.stack, b.stack) ||
    cmp(a.subject, b.subject) ||
    cmp(a.division ?? '', b.division ?? '') ||
    cmp(a.permission ?? '', b.permission ?? '') ||
    cmp(a.scope ?? '', b.scope ?? '') ||
    cmp(a.role ?? '', b.role ?? '') ||
    cmp(a.detail, b.detail)
  );
}

const UNKNOWN_ROLE: Record<string, string> = {
  data: 'is looked up (a data source): its permissions are not in the input',
  id: 'is referenced by a literal id: its permissions are not in the input',
  unresolved: 'cannot be resolved from the input',
};

/** Every change of one stack, sorted by {@link compareChanges}. */
export function stackChanges(input: StackChangeInput): Change[] {
  const out: Change[] = [];
  const hi = input.head ? GraphIndex.of(input.head) : undefined;
  const bi = input.base ? GraphIndex.of(input.base) : undefined;
  const where = (address: string, removed = false): ChangeLocation | undefined => {
    const [first, second] = removed ? [bi, hi] : [hi, bi];
    const p = first?.provenanceOf(address);
    return p ? locationOf(p, first!.graph) : locationOf(second?.provenanceOf(address), second?.graph);
  };
  const push = (c: Omit<Change, 'stack' | 'widening'> & { widening?: boolean }, removed = false): void => {
    const location = c.location ?? where(c.subject, removed);
    out.push({
      ...c,
      stack: input.stack,
      widening: c.widening ?? c.kind !== 'access-removed',
      ...(location ? { location } : {}),
    });
  };

  for (const b of input.broadening) {
    push({
      kind: BROADENING_KIND[b.kind],
      subject: b.principal,
      name: b.name,
      ...(b.division !== undefined ? { division: b.division } : {}),
      ...(b.permission !== undefined ? { permission: b.permission } : {}),
      ...(b.scope !== undefined ? { scope: b.scope } : {}),
      detail: b.detail,
    });
  }
  const flagged = new Set(
    input.broadening.map((b) => `${b.principal}\u0000${b.division ?? ''}\u0000${b.permission ?? b.scope ?? ''}`),
  );

  for (const d of input.principals) principalChanges(d, hi, bi, flagged, push);
  // A principal whose visible grants did not change can still become unknown (its count, for_each or dynamic
  // roles are no longer known statically): the gate must see it, so it fails closed.
  const diffed = new Set(input.principals.map((d) => d.address));
  for (const p1 of input.head?.principals ?? []) {
    if (p1.grantsComplete || diffed.has(p1.key)) continue;
    const p0 = bi?.principal(p1.key);
    if (!p0 || !p0.grantsComplete) continue;
    push({
      kind: 'unknown-introduced',
      subject: p1.key,
      name: p1.name,
      detail: `has grants the input cannot tell${p1.grantsIncompleteReason ? `: ${p1.grantsIncompleteReason}` : ''}`,
    });
  }
  for (const r of input.roles) roleChanges(r, push);
  return out.sort(compareChanges);
}

type Push = (c: Omit<Change, 'stack' | 'widening'> & { widening?: boolean }, removed?: boolean) => void;

function principalChanges(
  d: PrincipalDiff,
  hi: GraphIndex | undefined,
  bi: GraphIndex | undefined,
  flagged: ReadonlySet<string>,
  push: Push,
): void {
  const who = { subject: d.address, name: d.name };
  if (d.change === 'removed') {
    push({ kind: 'access-removed', ...who, detail: `is removed, with its ${d.grants.removed.length} grants` }, true);
    return;
  }
  if (d.change === 'added') {
    const what = d.kind === 'oauth-client' ? `OAuth client${d.grantType ? ` (${d.grantType})` : ''}` : d.kind;
    push({ kind: 'principal-added', ...who, detail: `is a new ${what}` });
  }
  for (const g of d.grants.added) {
    if (g.divisionKey !== '*') {
      push({
        kind: 'grant-added',
        ...who,
        role: g.role,
        division: g.division,
        detail: `is granted role "${g.role}" in ${g.division}`,
      });
    }
    const role = hi?.role(g.roleAddress);
    const why =
      role === undefined
        ? UNKNOWN_ROLE.unresolved
        : (UNKNOWN_ROLE[role.origin] ?? (role.complete ? undefined : (role.incompleteReason ?? 'is not complete')));
    if (why !== undefined) {
      push({
        kind: 'unknown-introduced',
        ...who,
        role: g.role,
        division: g.division,
        detail: `is granted role "${g.role}", which ${why}: what it unlocks cannot be told`,
      });
    }
    if (hi?.division(g.divisionKey)?.kind === 'unresolved') {
      push({
        kind: 'unknown-introduced',
        ...who,
        role: g.role,
        division: g.division,
        detail: `is granted role "${g.role}" in a division the input cannot resolve (${g.division})`,
      });
    }
  }
  const p1 = hi?.principal(d.address);
  const p0 = bi?.principal(d.address);
  if (p1 && !p1.grantsComplete && (!p0 || p0.grantsComplete)) {
    push({
      kind: 'unknown-introduced',
      ...who,
      detail: `has grants the input cannot tell${p1.grantsIncompleteReason ? `: ${p1.grantsIncompleteReason}` : ''}`,
    });
  }
  for (const division of d.divisions.added) {
    push({ kind: 'division-added', ...who, division, detail: `gains access in ${division}` });
  }
  for (const dp of d.permissions.added) {
    for (const permission of dp.permissions) {
      if (flagged.has(`${d.address}\u0000${dp.division}\u0000${permission}`)) continue;
      if (isWildcard(permission)) continue; // flagged as a wildcard
      const destructive = isDestructive(permission);
      push({
        kind: destructive ? 'admin-grade' : 'permission-added',
        ...who,
        division: dp.division,
        permission,
        detail: destructive
          ? `can delete (${permission}) in ${dp.division}: a destructive permission`
          : `gains ${permission} in ${dp.division}`,
      });
    }
  }
  if (d.operations.unlocked) {
    const per = d.operations.byDivision.map((x) => `${x.division}: ${x.count}`).join(', ');
    push({
      kind: 'operation-unlocked',
      ...who,
      detail: `can call ${d.operations.unlocked} more API operations (${per})${d.operations.examples.length ? `, e.g. ${d.operations.examples.join(', ')}` : ''}`,
    });
  }
  for (const scope of d.scopes.added) {
    if (flagged.has(`${d.address}\u0000\u0000${scope}`)) continue;
    push({ kind: 'scope-added', ...who, scope, detail: `asks for the scope ${scope}` });
  }
  const removed: string[] = [];
  if (d.grants.removed.length) removed.push(`${d.grants.removed.length} grants`);
  const perms = d.permissions.removed.reduce((n, x) => n + x.permissions.length, 0);
  if (perms) removed.push(`${perms} permission × division pairs`);
  if (d.scopes.removed.length) removed.push(`scopes ${d.scopes.removed.join(', ')}`);
  if (removed.length) push({ kind: 'access-removed', ...who, detail: `loses ${removed.join(', ')}` });
}

function roleChanges(r: RoleDiff, push: Push): void {
  const held = r.heldBy.length
    ? `held by ${r.heldBy.length} principal${r.heldBy.length === 1 ? '' : 's'} in this input`
    : 'held by no principal in this input (it may be granted elsewhere)';
  const who = { subject: r.address, name: r.name, role: r.name };
  if (r.change === 'removed') {
    push({ kind: 'access-removed', ...who, detail: `role "${r.name}" is removed (${held})` }, true);
    return;
  }
  const parts: string[] = [];
  if (r.change === 'added') parts.push(`role "${r.name}" is new`);
  else parts.push(`role "${r.name}"${r.renamedFrom !== undefined ? ` (was "${r.renamedFrom}")` : ''}`);
  if (r.permissions.added.length) parts.push(`adds ${r.permissions.added.join(', ')}`);
  if (r.permissions.removed.length) parts.push(`removes ${r.permissions.removed.join(', ')}`);
  push({
    kind: 'role-changed',
    ...who,
    widening: r.permissions.added.length > 0,
    ...(r.permissions.added.length ? { permissions: r.permissions.added } : {}),
    detail: `${parts.join('; ')} (${held})`,
  });
  for (const permission of r.permissions.added) {
    const bare = permission.replace(/ \(with conditions\)$/, '');
    const kind: ChangeKind | undefined = isWildcard(bare)
      ? 'wildcard'
      : isDestructive(bare) || ADMIN.has(bare)
        ? 'admin-grade'
        : undefined;
    if (kind) {
      push({
        kind,
        ...who,
        permission: bare,
        detail: `role "${r.name}" adds ${kind === 'wildcard' ? 'the wildcard' : 'the admin-grade permission'} ${bare} (${held})`,
      });
    }
  }
}
