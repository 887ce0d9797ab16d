/**
 * What one Platform API operation needs, with the least-privilege pick among its ANY-of permissions and the
 * capabilities that contain it. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation } from '../catalog/types';
import { Capabilities } from '../access/capabilities';
import { cmp } from '../util/compare';

/** An operation's access requirements, explained. */
export interface OperationInfo {
  readonly key: string;
  readonly operationId: string;
  readonly summary: string;
  readonly deprecated: boolean;
  /** Every one is required. */
  readonly allOf: readonly string[];
  /** One is enough. */
  readonly anyOf: readonly string[];
  /** The ANY-of alternative to grant, and why (absent without an ANY-of list). */
  readonly pick?: { readonly permission: string; readonly why: string };
  /** ALL-of plus the pick: the least-privilege permission set for this operation, sorted. */
  readonly leastPrivilege: readonly string[];
  /** Capabilities whose operations include this one, sorted. */
  readonly capabilities: readonly string[];
  /** The capability to grant for this operation (the one whose pick is the least privilege). */
  readonly capability?: string;
  /** Scopes a user-context token needs one of. */
  readonly scopes: readonly string[];
  /** `openapi` (documented), `inferred` (a hint) or `unknown`. */
  readonly scopesSource: string;
  /** The narrowest of the scopes (read-only first). */
  readonly leastScope?: string;
  /** Permissions the docs mention without requiring them. */
  readonly mentioned: readonly string[];
  /** Notes from the catalog and the capability. */
  readonly notes: readonly string[];
}

let capsByOperation: Map<string, string[]> | undefined;

/** Capability ids whose operations include `op`, sorted. */
export function capabilitiesWith(op: Operation): string[] {
  if (!capsByOperation) {
    capsByOperation = new Map();
    for (const id of Capabilities.ids()) {
      for (const o of Capabilities.resolve(id).operations) {
        const list = capsByOperation.get(o.key) ?? [];
        if (!list.includes(id)) list.push(id);
        capsByOperation.set(o.key, list);
      }
    }
  }
  return [...(capsByOperation.get(op.key) ?? [])].sort(cmp);
}

/** How many operations list `permission`: fewer means narrower. */
export function breadth(permission: string): number {
  return Catalog.operationsListing(permission).length;
}

/**
 * Of ANY-of alternatives, the real permission listed by the fewest operations (first listed on ties): broad ones
 * (directory:organization:admin) and general role permissions (`admin`) lose to a narrower one.
 */
export function narrowestOf(alternatives: readonly string[]): string {
  const real = alternatives.filter((p) => Catalog.isPermission(p));
  const pool = real.length ? real : alternatives;
  let best = pool[0];
  for (const p of pool) if (breadth(p) < breadth(best)) best = p;
  return best;
}

/**
 * The ANY-of alternative to grant: the one a capability containing the operation prefers (the narrowest of
 * those), else the real permission listed by the fewest operations (first listed on ties).
 */
export function leastPrivilegePick(
  op: Operation,
): { permission: string; why: string; capability?: string } | undefined {
  const caps = capabilitiesWith(op);
  if (op.anyOf.length <= 1) {
    // No choice to make: the smallest capability containing the operation, if any.
    const capability = [...caps].sort(
      (a, b) => Capabilities.resolve(a).permissions.length - Capabilities.resolve(b).permissions.length || cmp(a, b),
    )[0];
    if (op.anyOf.length === 0) return capability ? { permission: '', why: '', capability } : undefined;
    return { permission: op.anyOf[0], why: 'the only documented alternative', ...(capability ? { capability } : {}) };
  }
  const fromCaps = caps
    .map((id) => {
      const choice = Capabilities.resolve(id).choices.find((c) => c.operationId === op.operationId && c.rule === 'any');
      return choice ? { id, permission: choice.permission as string, why: choice.why } : undefined;
    })
    .filter((x): x is { id: string; permission: string; why: string } => x !== undefined)
    .sort(
      (a, b) =>
        breadth(a.permission) - breadth(b.permission) ||
        Capabilities.resolve(a.id).permissions.length - Capabilities.resolve(b.id).permissions.length ||
        cmp(a.id, b.id),
    );
  if (fromCaps.length) {
    const c = fromCaps[0];
    return { permission: c.permission, why: `capability ${c.id}: ${c.why}`, capability: c.id };
  }
  const best = narrowestOf(op.anyOf);
  return {
    permission: best,
    why: `listed by the fewest operations (${breadth(best)}) of the ${op.anyOf.length} alternatives`,
  };
}

/** The narrowest scope: a read-only one if the operation accepts one, else the first. */
export function leastScope(op: Operation): string | undefined {
  const sorted = [...op.scopes].sort(cmp);
  return sorted.find((s) => s.endsWith(':readonly')) ?? sorted[0];
}

/** Describes `op`. */
export function operationInfo(op: Operation): OperationInfo {
  const pick = leastPrivilegePick(op);
  const caps = capabilitiesWith(op);
  const notes: string[] = [];
  if (op.permissionsNote) notes.push(op.permissionsNote);
  if (pick?.capability) notes.push(...Capabilities.resolve(pick.capability).notes);
  const ls = leastScope(op);
  return {
    key: op.key,
    operationId: op.operationId,
    summary: op.summary,
    deprecated: op.deprecated,
    allOf: op.allOf,
    anyOf: op.anyOf,
    ...(pick && pick.permission ? { pick: { permission: pick.permission, why: pick.why } } : {}),
    leastPrivilege: [...new Set([...op.allOf, ...(pick?.permission ? [pick.permission] : [])])].sort(cmp),
    capabilities: caps,
    ...(pick?.capability ? { capability: pick.capability } : {}),
    scopes: [...op.scopes].sort(cmp),
    scopesSource: op.scopesSource,
    ...(ls ? { leastScope: ls } : {}),
    mentioned: op.mentionedPermissions,
    notes,
  };
}

/** The sentence on scopes for an operation. */
export function scopesMatter(op: Operation): string {
  const which = op.scopes.length
    ? `one of ${op.scopes.map((s) => `"${s}"`).join(', ')}${op.scopesSource === 'inferred' ? ' (inferred, not documented)' : ''}`
    : 'a scope the catalog does not know';
  return `Scopes matter only for user-context tokens (CODE, TOKEN, SAML2BEARER, PASSWORD): the client needs ${which}, and the signed-in user's roles and divisions decide the permissions. A CLIENT-CREDENTIALS token ignores scopes: its role × division grants decide.`;
}
