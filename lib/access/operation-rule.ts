import type { Operation, Scope } from '../catalog/types';
import { holds } from './permission-match';
import { cmp } from '../util/compare';

/** Whether a set of permissions satisfies one operation's documented rule. */
export interface OperationCheck {
  /** True when the ALL-of list is held and, if there is an ANY-of list, one of it. */
  readonly allowed: boolean;
  /** ALL-of permissions not held. */
  readonly missingAllOf: readonly string[];
  /** The ANY-of alternatives, when none is held (empty when the ANY-of rule is met or absent). */
  readonly missingAnyOf: readonly string[];
  /** The held permissions that satisfied the rule. */
  readonly satisfiedBy: readonly string[];
}

/**
 * True when `held` meets `op`'s ANY/ALL rule: the fast yes/no of {@link checkOperation}, for a set that answers
 * membership itself (a `PermissionSet`, where wildcards cover). Allocates nothing: it runs over the whole catalog.
 */
export function meets(op: Operation, held: { has(permission: string): boolean }): boolean {
  for (const p of op.allOf) if (!held.has(p)) return false;
  if (op.anyOf.length === 0) return true;
  for (const p of op.anyOf) if (held.has(p)) return true;
  return false;
}

/** Checks `op`'s ANY/ALL rule against held permissions (wildcards in held permissions cover). */
export function checkOperation(op: Operation, held: Iterable<string>): OperationCheck {
  const h = [...held];
  const missingAllOf = op.allOf.filter((p) => !holds(h, p));
  const anyHeld = op.anyOf.filter((p) => holds(h, p));
  const missingAnyOf = op.anyOf.length > 0 && anyHeld.length === 0 ? [...op.anyOf] : [];
  const satisfiedBy = [...op.allOf.filter((p) => holds(h, p)), ...anyHeld];
  return {
    allowed: missingAllOf.length === 0 && missingAnyOf.length === 0,
    missingAllOf,
    missingAnyOf,
    satisfiedBy,
  };
}

/**
 * The smallest set of scopes (greedy set cover, read-only scopes first on ties) such that every operation accepts
 * at least one of them. Operations whose scopes are unknown are skipped and returned in `unknown`.
 */
export function minimalScopes(ops: readonly Operation[]): { scopes: Scope[]; unknown: Operation[] } {
  const unknown = ops.filter((o) => o.scopes.length === 0);
  let open = ops.filter((o) => o.scopes.length > 0);
  const chosen: Scope[] = [];
  while (open.length) {
    const counts = new Map<Scope, number>();
    for (const o of open) for (const s of o.scopes) counts.set(s, (counts.get(s) ?? 0) + 1);
    const best = [...counts.entries()].sort(
      ([a, x], [b, y]) => y - x || Number(b.endsWith(':readonly')) - Number(a.endsWith(':readonly')) || cmp(a, b),
    )[0][0];
    chosen.push(best);
    open = open.filter((o) => !o.scopes.includes(best));
  }
  return { scopes: chosen.sort(), unknown };
}
