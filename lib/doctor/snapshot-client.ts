/**
 * The doctor applied to the snapshot client itself: the minimal permission set `genesys-access snapshot` needs,
 * derived from the catalog's ANY/ALL rules for the operations it calls (lib/sources/genesys-org/operations.ts),
 * and the one line to print when the org answers one of them with 403. No cdktf import, no network.
 */
import { Catalog } from '../catalog/catalog';
import { SNAPSHOT_OPERATIONS } from '../sources/genesys-org/operations';
import { cmp } from '../util/compare';
import { type AnyOfChoice, minimalPermissions } from './deployer';

/** What the snapshot client must hold. */
export interface SnapshotClientNeeds {
  /** The minimal permission set, sorted. */
  readonly permissions: readonly string[];
  readonly choices: readonly AnyOfChoice[];
  /** The operations it calls, with what each needs. */
  readonly operations: ReadonlyArray<{
    readonly key: string;
    readonly operationId: string;
    readonly allOf: readonly string[];
    readonly anyOf: readonly string[];
    readonly when: 'always' | 'usage';
    readonly reads: string;
  }>;
}

/** The minimal set, with or without the usage calls of `--usage-days`. */
export function snapshotClientNeeds(withUsage: boolean): SnapshotClientNeeds {
  const operations = SNAPSHOT_OPERATIONS.filter((o) => withUsage || o.when === 'always').map((o) => {
    const op = Catalog.operation(o.key);
    if (!op || op.key !== o.key) throw new Error(`snapshot operation ${o.key} is not in the catalog`);
    return { key: op.key, operationId: op.operationId, allOf: op.allOf, anyOf: op.anyOf, when: o.when, reads: o.reads };
  });
  const { permissions, choices } = minimalPermissions(operations);
  return { permissions: [...permissions].sort(cmp), choices, operations };
}

/** A 403 the snapshot got, as the live client reports it. */
export interface SnapshotForbidden {
  readonly message: string;
  /** `METHOD /template`, when the catalog knows the call. */
  readonly operation?: string;
  /** Permissions the API said are missing. */
  readonly missing: readonly string[];
}

/**
 * One line for a 403 of the snapshot: which permission the snapshot client lacks (what the API says, else what
 * the catalog says the call needs, picked as in the minimal set) and the whole minimal set to grant.
 */
export function explainSnapshotForbidden(e: SnapshotForbidden, withUsage: boolean): string {
  const needs = snapshotClientNeeds(withUsage);
  const op = needs.operations.find((o) => o.key === e.operation);
  let lacks: readonly string[] = e.missing;
  if (!lacks.length && op) {
    const held = new Set(needs.permissions);
    lacks = [...op.allOf, ...(op.anyOf.length ? [op.anyOf.find((p) => held.has(p)) ?? op.anyOf[0]!] : [])];
  }
  const call = op ? `${op.key} (${op.operationId}, reads ${op.reads})` : (e.operation ?? 'a call of the snapshot');
  return `the snapshot client is not allowed ${call}: it lacks ${lacks.join(', ') || 'a permission the API did not name'}. Give it a role with the snapshot's minimal permission set${withUsage ? ' (with --usage-days)' : ''}: ${needs.permissions.join(', ')} (see "The live org" in the README)`;
}
