/**
 * Capabilities (data/capabilities.json) resolved into exact permission sets, by code: for each operation, its
 * ALL-of permissions, and for an ANY-of group the capability's preferred alternative. No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation, Permission, Scope } from '../catalog/types';
import type { CapabilityId } from '../../src/generated/catalog/capabilities';
import { AccessValidationError, didYouMean } from '../errors';
import { rankBySimilarity } from '../catalog/similarity';
import { minimalScopes } from './operation-rule';

export type { CapabilityId };

interface RawCapability {
  summary: string;
  operations: string[];
  prefer: Array<{ permission: string; why: string }>;
  notes?: string[];
}

/** Why one permission was chosen for one operation. */
export interface PermissionChoice {
  readonly operationId: string;
  /** `all` for an ALL-of requirement, `any` for a chosen ANY-of alternative. */
  readonly rule: 'all' | 'any';
  readonly permission: Permission;
  /** The alternatives of an ANY-of group (empty for ALL-of). */
  readonly alternatives: readonly string[];
  readonly why: string;
}

/** A capability with everything derived from its operations. */
export interface ResolvedCapability {
  readonly id: CapabilityId;
  readonly summary: string;
  readonly operations: readonly Operation[];
  /** Exact, sorted permission set: the union of the choices. */
  readonly permissions: readonly Permission[];
  /** Smallest scope set for user-context grants (client credentials ignore scopes). */
  readonly scopes: readonly Scope[];
  readonly choices: readonly PermissionChoice[];
  /** Operations that list no permission (allowed to any authenticated principal, per the docs). */
  readonly unrestricted: readonly Operation[];
  readonly notes: readonly string[];
}

let raw: Record<string, RawCapability> | undefined;
const resolved = new Map<string, ResolvedCapability>();

function rawCapabilities(): Record<string, RawCapability> {
  if (!raw) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CAPABILITIES_JSON } = require('../../src/generated/catalog/capabilities') as { CAPABILITIES_JSON: string };
    raw = JSON.parse(CAPABILITIES_JSON) as Record<string, RawCapability>;
  }
  return raw;
}

/** The declared capabilities, resolved on first use. */
export class Capabilities {
  /** Every capability id, sorted. */
  public static ids(): CapabilityId[] {
    return Object.keys(rawCapabilities()).sort() as CapabilityId[];
  }

  /** True if `id` is a declared capability. */
  public static isCapability(id: string): id is CapabilityId {
    return Object.prototype.hasOwnProperty.call(rawCapabilities(), id);
  }

  /** Resolves a capability into operations, exact permissions and scopes; throws a one-line error if unknown. */
  public static resolve(id: CapabilityId | string): ResolvedCapability {
    const hit = resolved.get(id);
    if (hit) return hit;
    const cap = rawCapabilities()[id];
    if (!cap || !Capabilities.isCapability(id)) {
      throw new AccessValidationError(
        `unknown capability "${id}".${didYouMean(rankBySimilarity(id, Capabilities.ids(), 3, 0.2))}`,
      );
    }
    const operations = cap.operations.map((o) => Catalog.requireOperation(o));
    const choices: PermissionChoice[] = [];
    for (const op of operations) {
      for (const p of op.allOf) {
        choices.push({
          operationId: op.operationId,
          rule: 'all',
          permission: p as Permission,
          alternatives: [],
          why: 'required (ALL-of)',
        });
      }
      if (op.anyOf.length) {
        const pick =
          op.anyOf.length === 1
            ? { permission: op.anyOf[0], why: 'the only documented permission' }
            : cap.prefer.find((x) => op.anyOf.includes(x.permission));
        if (!pick) {
          throw new AccessValidationError(
            `capability ${id}: operation ${op.operationId} needs one of ${op.anyOf.join(', ')} and data/capabilities.json prefers none of them; add a "prefer" entry`,
          );
        }
        choices.push({
          operationId: op.operationId,
          rule: 'any',
          permission: pick.permission as Permission,
          alternatives: op.anyOf,
          why: pick.why,
        });
      }
    }
    const permissions = [...new Set(choices.map((c) => c.permission))].sort();
    const r: ResolvedCapability = {
      id,
      summary: cap.summary,
      operations,
      permissions,
      scopes: minimalScopes(operations).scopes,
      choices,
      unrestricted: operations.filter((o) => o.anyOf.length === 0 && o.allOf.length === 0),
      notes: cap.notes ?? [],
    };
    resolved.set(id, r);
    return r;
  }

  /** Union of the permissions of several capabilities, sorted. */
  public static permissionsOf(ids: readonly string[]): Permission[] {
    return [...new Set(ids.flatMap((i) => Capabilities.resolve(i).permissions))].sort();
  }

  /** Smallest scope set covering every operation of the given capabilities. */
  public static scopesOf(ids: readonly string[]): Scope[] {
    return minimalScopes(ids.flatMap((i) => Capabilities.resolve(i).operations)).scopes;
  }

  private constructor() {}
}
