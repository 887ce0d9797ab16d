import { AuthDivision } from '../../src/generated/provider/auth-division';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { DataGenesyscloudAuthDivisionHome } from '../../src/generated/provider/data-genesyscloud-auth-division-home';
import { AccessValidationError } from '../errors';
import { Construct, TerraformStack, type IConstruct } from './core';

const DIVISION = Symbol.for('cdktf-genesyscloud-access/Division');

/** A division that grants can name. */
export interface IDivision {
  /** The value written as `division_id`: an id, a `${...}` reference, or `*` for all divisions. */
  readonly divisionId: string;
  /** A stable key for sorting and deduplication (construct path, literal id, or `*`). */
  readonly divisionKey: string;
  /** A human label: the name where known, `home`, `all divisions`, or the id. */
  readonly label: string;
  /** True only for `Division.all(...)`. */
  readonly isAllDivisions: boolean;
  /** Why all divisions were granted (only for `Division.all`). */
  readonly allDivisionsReason?: string;
}

/** Options of {@link Division.all}. */
export interface AllDivisionsOptions {
  /** Why every division (including ones created later) must be granted; at least 10 characters. Recorded in the synthesized output. */
  readonly reason: string;
}

/** Props of a managed {@link Division}. */
export interface DivisionProps {
  /** Division name. */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
}

function divisionOf(divisionId: string, divisionKey: string, label: string, reason?: string): IDivision {
  const d: IDivision = {
    divisionId,
    divisionKey,
    label,
    isAllDivisions: divisionId === '*',
    ...(reason ? { allDivisionsReason: reason } : {}),
  };
  Object.defineProperty(d, DIVISION, { value: true });
  return d;
}

/**
 * A Genesys Cloud division (`genesyscloud_auth_division`). Grants are role × division pairs: a role granted in
 * the wrong division fails exactly like a missing permission. Use the static factories to reference existing
 * divisions; there is deliberately no default division.
 */
export class Division extends Construct implements IDivision {
  /** True for divisions made by this library (across copies of it). */
  public static isDivision(x: unknown): x is IDivision {
    return typeof x === 'object' && x !== null && DIVISION in x;
  }

  /** An existing division by id (passed through unchanged). */
  public static fromId(_scope: IConstruct, _id: string, divisionId: string): IDivision {
    if (!divisionId || divisionId === '*') {
      throw new AccessValidationError(
        divisionId === '*'
          ? 'Division.fromId("*") would grant every division: use Division.all({ reason }) to say why'
          : 'Division.fromId needs a division id; use Division.fromName(scope, id, "Name") to look one up by name',
      );
    }
    return divisionOf(divisionId, `id:${divisionId}`, divisionId);
  }

  /** An existing division looked up by name (a `genesyscloud_auth_division` data source). */
  public static fromName(scope: IConstruct, id: string, name: string): IDivision {
    if (!name.trim()) throw new AccessValidationError('Division.fromName needs a division name, e.g. "Chicago"');
    const data = new DataGenesyscloudAuthDivision(scope as Construct, id, { name });
    return divisionOf(data.id, data.node.path, name);
  }

  /**
   * The home division (the `genesyscloud_auth_division_home` data source; one per stack). Grant in home only
   * when the objects really live there: a grant with no division silently means home, which is why this
   * library never omits the division.
   */
  public static home(scope: IConstruct): IDivision {
    const stack = TerraformStack.of(scope);
    const id = 'home-division';
    const data =
      (stack.node.tryFindChild(id) as DataGenesyscloudAuthDivisionHome | undefined) ??
      new DataGenesyscloudAuthDivisionHome(stack, id, {});
    return divisionOf(data.id, data.node.path, 'home');
  }

  /**
   * Every division, now and in the future (`*`). The only way to grant all divisions, so the broad form looks
   * different from the narrow one; the reason is recorded in the synthesized output for review.
   */
  public static all(options: AllDivisionsOptions): IDivision {
    const reason = (options?.reason ?? '').trim();
    if (reason.length < 10) {
      throw new AccessValidationError(
        `Division.all needs a reason of at least 10 characters (got ${JSON.stringify(reason)}): say why every division, including future ones, must be granted`,
      );
    }
    return divisionOf('*', '*', 'all divisions', reason);
  }

  public readonly divisionId: string;
  public readonly divisionKey: string;
  public readonly label: string;
  public readonly isAllDivisions = false;
  /** The underlying resource. */
  public readonly resource: AuthDivision;

  constructor(scope: Construct, id: string, props: DivisionProps) {
    super(scope, id);
    if (!props.name?.trim()) throw new AccessValidationError('a Division needs a name', this.node.path);
    this.resource = new AuthDivision(this, 'Default', { name: props.name, description: props.description });
    this.divisionId = this.resource.id;
    this.divisionKey = this.node.path;
    this.label = props.name;
    Object.defineProperty(this, DIVISION, { value: true });
  }
}

/** Checks a list of divisions for a grant: at least one, no duplicates, `*` only from Division.all. */
export function checkDivisions(divisions: readonly IDivision[] | undefined, what: string, path?: string): IDivision[] {
  const list = divisions ?? [];
  if (list.length === 0) {
    throw new AccessValidationError(
      `${what} needs at least one division: pass Division.fromName(this, "chicago", "Chicago"), Division.home(this) or Division.all({ reason }) (a grant without a division silently means the home division)`,
      path,
    );
  }
  for (const d of list) {
    if (!Division.isDivision(d)) {
      throw new AccessValidationError(
        `${what}: divisions must come from Division.fromName/fromId/home/all or new Division(...)`,
        path,
      );
    }
  }
  const byKey = new Map(list.map((d) => [d.divisionKey, d]));
  if (byKey.has('*') && byKey.size > 1) {
    throw new AccessValidationError(
      `${what}: Division.all(...) already covers every division; remove the others`,
      path,
    );
  }
  return [...byKey.values()].sort((a, b) =>
    a.divisionKey < b.divisionKey ? -1 : a.divisionKey > b.divisionKey ? 1 : 0,
  );
}
