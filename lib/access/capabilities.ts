/**
 * Capabilities: a job an integration does, as the Platform API operations it calls, resolved into the exact
 * permissions by the one ranking of ANY-of alternatives (ranking.ts). Built-in ones come from
 * data/capabilities.json; users declare their own with {@link Capabilities.define}, resolved the same way.
 * No cdktf import.
 */
import { Catalog } from '../catalog/catalog';
import type { Operation, OperationId, OperationKey, Permission, Scope } from '../catalog/types';
import type { CapabilityId } from '../../src/generated/catalog/capabilities';
import { AccessValidationError, didYouMean, oneLine } from '../errors';
import { rankBySimilarity } from '../catalog/similarity';
import { minimalScopes } from './operation-rule';
import { coverOperations } from './ranking';

export type { CapabilityId };

interface RawCapability {
  summary: string;
  operations: string[];
  prefer?: Array<{ permission: string; why: string }>;
  notes?: string[];
}

/** A job's preference for one ANY-of alternative, with the reason. */
export interface CapabilityPreference {
  /** The alternative to grant where an operation accepts it among others. */
  readonly permission: Permission;
  /** Why this one (recorded, and shown by `explain`). */
  readonly why: string;
}

/** A capability declared in code: {@link Capabilities.define}. */
export interface CapabilityDefinition {
  /** Kebab-case id, e.g. `queue-dashboard`; must not be a built-in capability's id. */
  readonly id: string;
  /** What the job does, in one sentence. */
  readonly summary: string;
  /**
   * The operations the job calls: `METHOD /api/v2/path/{template}` (a concrete path works too) or operation ids.
   * Permissions are derived from them, never listed.
   */
  readonly operations: readonly (OperationKey | OperationId)[];
  /**
   * Which alternative to grant where an operation accepts any one of several permissions, and why.
   * @default - none: the built-in ranking decides (data/any-of-preferences.json, then the narrowest)
   */
  readonly prefer?: readonly CapabilityPreference[];
  /**
   * Notes shown with the capability.
   * @default - none
   */
  readonly notes?: readonly string[];
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
  /**
   * What decided: `required` (ALL-of), `only` (a single alternative), `job` (the capability's own preference),
   * `rule` (data/any-of-preferences.json), `narrowest`, or `needed-anyway` (another of its operations needs it).
   */
  readonly source: 'required' | 'only' | 'job' | 'rule' | 'narrowest' | 'needed-anyway';
}

/** A capability with everything derived from its operations. */
export interface ResolvedCapability {
  /** A built-in {@link CapabilityId}, or the id of a capability defined in code. */
  readonly id: string;
  /** True for the built-in capabilities of data/capabilities.json. */
  readonly builtIn: boolean;
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

const CUSTOM = Symbol.for('cdktf-genesyscloud-access/CustomCapability');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A capability declared in code ({@link Capabilities.define}). Use it wherever a built-in capability id works:
 * `AccessRole` and `UserContextClient` `capabilities`, `PermissionBundle.fromCapabilities`. Its resolved
 * permissions are recorded in the synthesized `cdk.tf.json`, so `genesys-access report` shows it too.
 */
export class CustomCapability {
  /** True for capabilities made by {@link Capabilities.define} (across copies of this library). */
  public static isCustomCapability(x: unknown): x is CustomCapability {
    return typeof x === 'object' && x !== null && CUSTOM in x;
  }

  /** @internal */
  public static create(definition: CapabilityDefinition, problems: readonly string[]): CustomCapability {
    return new CustomCapability(definition, problems);
  }

  /** The id (as given, even when invalid). */
  public readonly id: string;
  private resolvedCache?: ResolvedCapability;

  private constructor(
    /** The definition as given. */
    public readonly definition: CapabilityDefinition,
    /**
     * What is wrong with the definition, one line each (empty when it is valid). Constructs report these at
     * synth; {@link CustomCapability.resolve} throws the first.
     */
    public readonly problems: readonly string[],
  ) {
    this.id = typeof definition?.id === 'string' ? definition.id : String(definition?.id);
    Object.defineProperty(this, CUSTOM, { value: true });
  }

  /** Operations, exact permissions and scopes; throws a one-line error if the definition has a problem. */
  public resolve(): ResolvedCapability {
    if (this.problems.length) throw new AccessValidationError(this.problems[0]);
    return (this.resolvedCache ??= resolveFrom(this.id, false, {
      summary: this.definition.summary,
      operations: [...this.definition.operations],
      prefer: (this.definition.prefer ?? []).map((p) => ({ permission: p.permission, why: p.why })),
      notes: [...(this.definition.notes ?? [])],
    }));
  }
}

/** A built-in capability id or a capability defined in code. */
export type CapabilityRef = CapabilityId | CustomCapability;

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

/** Derives permissions from operations by the one ranking (ranking.ts) with the capability's own preferences. */
function resolveFrom(id: string, builtIn: boolean, cap: RawCapability): ResolvedCapability {
  const operations = [
    ...new Map(cap.operations.map((o) => Catalog.requireOperation(o)).map((o) => [o.key, o])).values(),
  ];
  const prefer = cap.prefer ?? [];
  const cover = coverOperations(operations, { prefer });
  const pickOf = new Map(cover.choices.map((c) => [c.of.join(','), c] as const));
  const choices: PermissionChoice[] = [];
  for (const op of operations) {
    for (const p of op.allOf) {
      choices.push({
        operationId: op.operationId,
        rule: 'all',
        permission: p as Permission,
        alternatives: [],
        why: 'required (ALL-of)',
        source: 'required',
      });
    }
    if (op.anyOf.length === 1) {
      choices.push({
        operationId: op.operationId,
        rule: 'any',
        permission: op.anyOf[0] as Permission,
        alternatives: op.anyOf,
        why: 'the only documented permission',
        source: 'only',
      });
    } else if (op.anyOf.length > 1) {
      const c = pickOf.get(op.anyOf.join(','))!;
      choices.push({
        operationId: op.operationId,
        rule: 'any',
        permission: c.pick as Permission,
        alternatives: op.anyOf,
        why: c.why,
        source: c.source,
      });
    }
  }
  return {
    id,
    builtIn,
    summary: cap.summary,
    operations,
    permissions: cover.permissions as Permission[],
    scopes: minimalScopes(operations).scopes,
    choices,
    unrestricted: operations.filter((o) => o.anyOf.length === 0 && o.allOf.length === 0),
    notes: cap.notes ?? [],
  };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v);
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/** What is wrong with a definition (one line each), checked against the catalog. */
function definitionProblems(def: unknown): string[] {
  const what = 'Capabilities.define';
  if (typeof def !== 'object' || def === null || Array.isArray(def)) {
    return [`${what} needs { id, summary, operations, prefer?, notes? } (got ${describe(def)})`];
  }
  const d = def as Record<string, unknown>;
  const problems: string[] = [];
  const id = d.id;
  const name = typeof id === 'string' ? `capability "${id}"` : 'a capability';
  if (typeof id !== 'string' || !KEBAB.test(id)) {
    problems.push(`${what}: id must be a kebab-case string such as "queue-dashboard" (got ${describe(id)})`);
  } else if (Capabilities.isCapability(id)) {
    problems.push(`${what}: "${id}" is a built-in capability: use it by its id, or give yours another id`);
  }
  for (const k of Object.keys(d)) {
    if (!['id', 'summary', 'operations', 'prefer', 'notes'].includes(k)) {
      const hint =
        k === 'permissions'
          ? ': permissions are derived from the operations, never listed (add the operation that needs it)'
          : `; it takes id, summary, operations, prefer and notes${didYouMean(rankBySimilarity(k, ['id', 'summary', 'operations', 'prefer', 'notes'], 1, 0.4))}`;
      problems.push(`${what}: ${name} does not take "${k}"${hint}`);
    }
  }
  if (typeof d.summary !== 'string' || !d.summary.trim()) {
    problems.push(
      `${what}: ${name} needs a summary: one sentence saying what the job does (got ${describe(d.summary)})`,
    );
  }
  const ops = d.operations;
  if (!Array.isArray(ops) || ops.length === 0) {
    problems.push(
      `${what}: ${name} needs operations: a list of "METHOD /api/v2/..." or operation ids, e.g. ["GET /api/v2/routing/queues"] (got ${describe(ops)})`,
    );
  } else {
    for (const o of ops) {
      if (typeof o !== 'string')
        problems.push(`${what}: ${name}: each operation must be a string (got ${describe(o)})`);
      else if (!Catalog.operation(o)) problems.push(`${what}: ${name}: ${Catalog.explainUnknownOperation(o)}`);
    }
  }
  const known = Array.isArray(ops)
    ? ops.filter((o): o is string => typeof o === 'string').map((o) => Catalog.operation(o))
    : [];
  if (d.prefer !== undefined) {
    if (!Array.isArray(d.prefer)) {
      problems.push(`${what}: ${name}: prefer must be a list of { permission, why } (got ${describe(d.prefer)})`);
    } else {
      for (const p of d.prefer as unknown[]) {
        const e = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
        if (typeof e.permission !== 'string') {
          problems.push(`${what}: ${name}: each prefer entry needs a permission name (got ${describe(e.permission)})`);
          continue;
        }
        if (!Catalog.isPermission(e.permission)) {
          problems.push(`${what}: ${name} prefers ${Catalog.explainUnknownPermission(e.permission)}`);
          continue;
        }
        if (typeof e.why !== 'string' || e.why.trim().length < 10) {
          problems.push(`${what}: ${name} must say why it prefers ${e.permission} (at least 10 characters)`);
        }
        const permission = e.permission;
        if (known.length && !known.some((op) => op && op.anyOf.length > 1 && op.anyOf.includes(permission))) {
          problems.push(
            `${what}: ${name} prefers ${permission}, which none of its operations accepts among several ANY-of alternatives: remove the preference or add the operation`,
          );
        }
      }
    }
  }
  if (d.notes !== undefined && (!Array.isArray(d.notes) || d.notes.some((n) => typeof n !== 'string'))) {
    problems.push(`${what}: ${name}: notes must be a list of strings (got ${describe(d.notes)})`);
  }
  return problems.map(oneLine);
}

/** The declared capabilities (data/capabilities.json), resolved on first use, and capabilities defined in code. */
export class Capabilities {
  /** Every built-in capability id, sorted. */
  public static ids(): CapabilityId[] {
    return Object.keys(rawCapabilities()).sort() as CapabilityId[];
  }

  /** True if `id` is a built-in capability. */
  public static isCapability(id: unknown): id is CapabilityId {
    return typeof id === 'string' && Object.prototype.hasOwnProperty.call(rawCapabilities(), id);
  }

  /**
   * Declares a capability in code: a job as the operations it calls, with an optional preference among ANY-of
   * alternatives. Never throws: what is wrong is in `problems`, reported at synth (one line each) by the
   * constructs that use it, and thrown by `resolve()`.
   *
   * @example
   * const queueDashboard = Capabilities.define({
   *   id: 'queue-dashboard',
   *   summary: 'Show live queue activity with the queues\' names.',
   *   operations: ['POST /api/v2/analytics/queues/observations/query', 'GET /api/v2/routing/queues'],
   * });
   * new AccessRole(this, 'dashboard', { name: 'Queue dashboard', capabilities: [queueDashboard] });
   */
  public static define(definition: CapabilityDefinition): CustomCapability {
    return CustomCapability.create(definition, definitionProblems(definition));
  }

  /** The id of a capability reference (a built-in id or a defined capability). */
  public static idOf(ref: CapabilityRef | string): string {
    return CustomCapability.isCustomCapability(ref) ? ref.id : String(ref);
  }

  /**
   * What is wrong with a capability reference, one line (`undefined` when it resolves): an unknown id (with a
   * did-you-mean), a value that is not a capability, or a defined capability's first problem.
   */
  public static problemOf(ref: unknown): string | undefined {
    if (CustomCapability.isCustomCapability(ref)) return ref.problems[0];
    if (typeof ref !== 'string') {
      return `a capability must be a built-in capability id such as "routing-queue-read" or a capability from Capabilities.define (got ${describe(ref)})`;
    }
    if (!Capabilities.isCapability(ref)) {
      return `unknown capability "${ref}".${didYouMean(rankBySimilarity(ref, Capabilities.ids(), 3, 0.2))}`;
    }
    return undefined;
  }

  /** Resolves a capability into operations, exact permissions and scopes; throws a one-line error if unknown. */
  public static resolve(ref: CapabilityRef | string): ResolvedCapability {
    if (CustomCapability.isCustomCapability(ref)) return ref.resolve();
    const id = ref;
    const hit = resolved.get(id);
    if (hit) return hit;
    const problem = Capabilities.problemOf(id);
    if (problem) throw new AccessValidationError(problem);
    const r = resolveFrom(id, true, rawCapabilities()[id]);
    resolved.set(id, r);
    return r;
  }

  /** Union of the permissions of several capabilities, sorted. */
  public static permissionsOf(refs: readonly (CapabilityRef | string)[]): Permission[] {
    return [...new Set(refs.flatMap((i) => Capabilities.resolve(i).permissions))].sort();
  }

  /** Smallest scope set covering every operation of the given capabilities. */
  public static scopesOf(refs: readonly (CapabilityRef | string)[]): Scope[] {
    return minimalScopes(refs.flatMap((i) => Capabilities.resolve(i).operations)).scopes;
  }

  private constructor() {}
}
