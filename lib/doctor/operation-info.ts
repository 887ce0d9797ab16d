/**
 * What one Platform API operation needs, with the least-privilege pick among its ANY-of permissions and the
 * capabilities that contain it. No cdktf import.
 */
import type { Operation } from '../catalog/types';
import { Capabilities } from '../access/capabilities';
import { capabilitiesContaining, leastPrivilegeChoice, smallestCapabilityWith } from '../access/least-privilege';
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

/** Capability ids whose operations include `op`, sorted. */
export function capabilitiesWith(op: Operation): string[] {
  return capabilitiesContaining(op.key);
}

/**
 * The ANY-of alternative to grant, by the one ranking (lib/access/ranking.ts): among what the capabilities
 * containing the operation grant for it, else among its alternatives ({@link leastPrivilegeChoice}).
 */
export function leastPrivilegePick(
  op: Operation,
): { permission: string; why: string; capability?: string } | undefined {
  if (op.anyOf.length <= 1) {
    // No choice to make: the smallest capability containing the operation, if any.
    const capability = smallestCapabilityWith(op);
    if (op.anyOf.length === 0) return capability ? { permission: '', why: '', capability } : undefined;
    return { permission: op.anyOf[0], why: 'the only documented alternative', ...(capability ? { capability } : {}) };
  }
  return leastPrivilegeChoice(op.anyOf, [op]);
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
