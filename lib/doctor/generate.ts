/**
 * `genesys-access generate`: the least-privilege role for a list of operations (given, from a file, or the API
 * usage of one client in a snapshot), as construct code, HCL and Terraform JSON. The ANY-of pick is the ranking
 * capabilities and explain use (./least-privilege). No cdktf import, no network.
 */
import type { Operation } from '../catalog/types';
import { isAllQuery, isHomeQuery } from '../access/divisions';
import { AccessValidationError } from '../errors';
import type { OrgSnapshot, SnapshotUsageRow } from '../sources/genesys-org/snapshot-file';
import { buildAudit, findSnapshotClient, usageOperation } from './audit';
import type { AnyOfChoice } from './deployer';
import { leastPrivilegeSet, type OperationNeed } from './least-privilege';
import { type DivisionSpec, roleCode, type RoleCode, type RoleCodeSpec } from './role-code';

/** The model of `generate`. */
export interface GenerateModel {
  /** Where the operations came from, in words. */
  readonly source: string;
  readonly roleName: string;
  readonly operations: readonly OperationNeed[];
  readonly permissions: readonly string[];
  readonly generalPermissions: readonly string[];
  readonly choices: readonly AnyOfChoice[];
  /** Operations that list no permission. */
  readonly open: readonly string[];
  /** Division labels the role is granted in (with a client). */
  readonly divisions: readonly string[];
  /** Usage rows the catalog does not know (from a snapshot). */
  readonly unknownCalls: readonly SnapshotUsageRow[];
  readonly code: RoleCode;
  readonly notes: readonly string[];
}

/** Options of {@link generateForOperations}. */
export interface GenerateOptions {
  /**
   * The role's name.
   * @default "Least privilege role"
   */
  readonly roleName?: string;
  /**
   * Also create a CLIENT-CREDENTIALS client of this name and grant it the role.
   * @default - the role only
   */
  readonly clientName?: string;
  /**
   * Where to grant the role (with `clientName`): division names, `home`, or `*`.
   * @default - required with clientName
   */
  readonly divisions?: readonly string[];
  /** Why every division, when `divisions` has `*`. @default - a placeholder to fill in */
  readonly allDivisionsReason?: string;
}

function divisionSpecs(names: readonly string[]): DivisionSpec[] {
  return names.map((n) =>
    isAllQuery(n) ? { kind: 'all' } : isHomeQuery(n) ? { kind: 'home' } : { kind: 'name', name: n.trim() },
  );
}

function label(d: DivisionSpec): string {
  return d.kind === 'all' ? 'all divisions' : d.kind === 'home' ? 'home' : d.kind === 'name' ? d.name : d.id;
}

/** The role for `operations`. */
export function generateForOperations(
  operations: readonly Operation[],
  options: GenerateOptions = {},
  source = `${operations.length} operation${operations.length === 1 ? '' : 's'}`,
): GenerateModel {
  if (operations.length === 0)
    throw new AccessValidationError('no operations: give METHOD /path, operation ids or --file');
  const set = leastPrivilegeSet(operations);
  const roleName = options.roleName?.trim() || 'Least privilege role';
  const notes: string[] = [];
  if (options.clientName !== undefined && !options.divisions?.length) {
    throw new AccessValidationError(
      '--grant-to needs --divisions: name where its objects are (e.g. --divisions Chicago,home), or * with a reason',
    );
  }
  const divisions = divisionSpecs(options.divisions ?? []);
  if (!set.permissions.length && !set.generalPermissions.length) {
    notes.push(
      'none of the operations lists a permission: no role is needed (a CLIENT-CREDENTIALS token calls them as it is)',
    );
  } else if (!set.permissions.length) {
    notes.push('AccessRole needs at least one domain:entity:action permission: use the HCL');
  }
  if (set.generalPermissions.length) {
    notes.push(
      `some operations accept only a general permission (${set.generalPermissions.join(', ')}): AccessRole cannot set it; the HCL and JSON do`,
    );
  }
  const spec: RoleCodeSpec = {
    roleName,
    description: `Least privilege for ${set.operations.length} operation${set.operations.length === 1 ? '' : 's'} (genesys-access generate)`,
    permissions: set.permissions,
    generalPermissions: set.generalPermissions,
    ...(options.clientName !== undefined ? { client: { name: options.clientName } } : {}),
    divisions,
    ...(options.allDivisionsReason ? { allDivisionsReason: options.allDivisionsReason } : {}),
    header: [`Least privilege for: ${set.operations.map((o) => o.operationId).join(', ')}`],
  };
  return {
    source,
    roleName,
    operations: set.operations,
    permissions: set.permissions,
    generalPermissions: set.generalPermissions,
    choices: set.choices,
    open: set.open,
    divisions: options.clientName !== undefined ? divisions.map(label) : [],
    unknownCalls: [],
    code: roleCode(spec),
    notes,
  };
}

/** The role for the API usage of one client of a snapshot: the audit's tightened role. */
export function generateFromSnapshot(
  snapshot: OrgSnapshot,
  clientRef: string,
  options: Pick<GenerateOptions, 'roleName'> = {},
): GenerateModel {
  const p = findSnapshotClient(snapshot, clientRef);
  const model = buildAudit(snapshot, { client: p.key });
  const audit = model.clients[0]!;
  const usage = snapshot.usage!;
  const source = `the API usage of OAuth client "${p.name}" (${audit.requests} requests, ${usage.from} to ${usage.to}, ${usage.days} days) in ${snapshot.graph.source.name}`;
  const rows = usage.clients[p.key] ?? [];
  const ops = rows.map(usageOperation).filter((o): o is Operation => o !== undefined);
  if (!audit.tightened) {
    throw new AccessValidationError(
      `no role to generate for "${p.name}": ${audit.notes.join('; ') || 'it made no calls in the window that need a permission'}`,
    );
  }
  const t = audit.tightened;
  const spec: RoleCodeSpec = { ...t.spec, roleName: options.roleName?.trim() || t.spec.roleName };
  const set = leastPrivilegeSet(ops);
  return {
    source,
    roleName: spec.roleName,
    operations: set.operations,
    permissions: t.permissions,
    generalPermissions: t.generalPermissions,
    choices: t.choices,
    open: set.open,
    divisions: t.divisions,
    unknownCalls: audit.unknownCalls,
    code: roleCode(spec),
    notes: [model.warning, ...audit.notes],
  };
}
