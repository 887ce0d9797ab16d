/**
 * The least-privilege pick for operations outside any one job, as `explain` and `deployer` need it: the built-in
 * capabilities that contain an operation say which alternative their job grants (each by the one ranking with its
 * own preferences), and the one ranking picks among those; with no capability, the ranking picks among the
 * operation's alternatives. No cdktf import.
 */
import type { Operation } from '../catalog/types';
import { cmp } from '../util/compare';
import { Capabilities } from './capabilities';
import { rankAlternatives } from './ranking';

let byOperation: Map<string, string[]> | undefined;

/** Built-in capability ids whose operations include the operation with this key, sorted. */
export function capabilitiesContaining(operationKey: string): string[] {
  if (!byOperation) {
    byOperation = new Map();
    for (const id of Capabilities.ids()) {
      for (const o of Capabilities.resolve(id).operations) {
        const list = byOperation.get(o.key) ?? [];
        if (!list.includes(id)) list.push(id);
        byOperation.set(o.key, list);
      }
    }
  }
  return [...(byOperation.get(operationKey) ?? [])].sort(cmp);
}

/** The pick among ANY-of alternatives, why, and the capability whose job it is (if one decided). */
export interface LeastPrivilegeChoice {
  readonly permission: string;
  readonly why: string;
  readonly capability?: string;
}

/** Capabilities ordered smallest first (fewest permissions), then by id. */
function smallestFirst(a: string, b: string): number {
  return Capabilities.resolve(a).permissions.length - Capabilities.resolve(b).permissions.length || cmp(a, b);
}

/**
 * The alternative to grant for `operations` (which share the ANY-of list `alternatives`): the one ranking over
 * what the built-in capabilities containing them grant for them, else over the alternatives themselves.
 */
export function leastPrivilegeChoice(
  alternatives: readonly string[],
  operations: readonly Operation[],
): LeastPrivilegeChoice {
  const decided = new Map<string, Array<{ id: string; why: string }>>();
  const granting = new Map<string, string[]>();
  for (const op of operations) {
    for (const id of capabilitiesContaining(op.key)) {
      const c = Capabilities.resolve(id).choices.find((x) => x.operationId === op.operationId && x.rule === 'any');
      if (!c || !alternatives.includes(c.permission)) continue;
      granting.set(c.permission, [...(granting.get(c.permission) ?? []), id]);
      // A pick made because the job needs it for another operation says nothing about this one.
      if (c.source === 'needed-anyway') continue;
      decided.set(c.permission, [...(decided.get(c.permission) ?? []), { id, why: c.why }]);
    }
  }
  if (decided.size) {
    const best = rankAlternatives([...decided.keys()])[0].permission;
    const cap = [...decided.get(best)!].sort((a, b) => smallestFirst(a.id, b.id))[0];
    return { permission: best, why: `capability ${cap.id}: ${cap.why}`, capability: cap.id };
  }
  const r = rankAlternatives(alternatives)[0];
  // The capability whose job grants exactly this pick (for another of its operations), if any.
  const capability = [...(granting.get(r.permission) ?? [])].sort(smallestFirst)[0];
  return { permission: r.permission, why: r.why, ...(capability ? { capability } : {}) };
}

/** The smallest built-in capability containing `op`, if any. */
export function smallestCapabilityWith(op: Operation): string | undefined {
  return capabilitiesContaining(op.key).sort(smallestFirst)[0];
}
