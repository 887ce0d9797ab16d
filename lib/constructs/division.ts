import { AuthDivision } from '../../src/generated/provider/auth-division';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { DataGenesyscloudAuthDivisionHome } from '../../src/generated/provider/data-genesyscloud-auth-division-home';
import { Construct, TerraformStack, type IConstruct } from './core';
import { mistakesOf, reportMistake } from './mistakes';
import { checkProps, describeValue } from './props';
import { requireScope } from './scope-check';

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
  /**
   * What is wrong with how this division was made (e.g. `Division.all` with a short reason), one line. A grant in
   * it is not made, and the mistake is reported at synth by the role that tries it.
   * @default - nothing: the division is usable
   */
  readonly problem?: string;
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

function divisionOf(
  divisionId: string,
  divisionKey: string,
  label: string,
  reason?: string,
  problem?: string,
): IDivision {
  const d: IDivision = {
    divisionId,
    divisionKey,
    label,
    isAllDivisions: divisionId === '*',
    ...(reason ? { allDivisionsReason: reason } : {}),
    ...(problem ? { problem } : {}),
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

  /** An existing division by id (passed through unchanged). A mistake is reported by the grant that uses it. */
  public static fromId(_scope: IConstruct, _id: string, divisionId: string): IDivision {
    if (typeof divisionId !== 'string' || !divisionId.trim() || divisionId === '*') {
      const problem =
        divisionId === '*'
          ? 'Division.fromId("*") would grant every division: use Division.all({ reason }) to say why'
          : `Division.fromId needs a division id (got ${describeValue(divisionId)}); use Division.fromName(scope, id, "Name") to look one up by name`;
      return divisionOf('', `invalid:${String(divisionId)}`, String(divisionId), undefined, problem);
    }
    return divisionOf(divisionId, `id:${divisionId}`, divisionId);
  }

  /**
   * An existing division looked up by name (a `genesyscloud_auth_division` data source). A mistake is reported by
   * the grant that uses it.
   */
  public static fromName(scope: IConstruct, id: string, name: string): IDivision {
    requireScope(scope, 'Division.fromName(this, id, name)');
    if (typeof name !== 'string' || !name.trim()) {
      const problem = `Division.fromName needs a division name, e.g. "Chicago" (got ${describeValue(name)})`;
      return divisionOf('', `invalid:${String(id)}`, String(name), undefined, problem);
    }
    const data = new DataGenesyscloudAuthDivision(scope as Construct, id, { name });
    return divisionOf(data.id, data.node.path, name);
  }

  /**
   * The home division (the `genesyscloud_auth_division_home` data source; one per stack). Grant in home only
   * when the objects really live there: a grant with no division silently means home, which is why this
   * library never omits the division.
   */
  public static home(scope: IConstruct): IDivision {
    const stack = TerraformStack.of(requireScope(scope, 'Division.home(this)'));
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
    const given =
      typeof options === 'object' && options !== null ? (options as { reason?: unknown }).reason : undefined;
    const reason = typeof given === 'string' ? given.trim() : '';
    const raw: unknown = options;
    if (typeof raw === 'string' || (given !== undefined && typeof given !== 'string')) {
      const problem =
        typeof raw === 'string'
          ? `Division.all takes { reason }, not a string: write Division.all({ reason: ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw)} })`
          : `Division.all: reason must be a string of at least 10 characters saying why every division must be granted (got ${describeValue(given)})`;
      return divisionOf('*', 'invalid:*', 'all divisions', undefined, problem);
    }
    if (reason.length < 10) {
      const problem = `Division.all needs a reason of at least 10 characters (got ${JSON.stringify(reason)}): say why every division, including future ones, must be granted`;
      return divisionOf('*', 'invalid:*', 'all divisions', undefined, problem);
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
    const p = checkProps<DivisionProps>(this, 'Division', props, {
      name: { kind: 'string' },
      description: { kind: 'string' },
    });
    const name = p.name ?? '';
    // A wrong-typed name (or no props at all) is reported already.
    if (!name.trim() && mistakesOf(this).length === 0) reportMistake(this, 'a Division needs a name');
    this.resource = new AuthDivision(this, 'Default', { name, description: p.description });
    this.divisionId = this.resource.id;
    this.divisionKey = this.node.path;
    this.label = name;
    Object.defineProperty(this, DIVISION, { value: true });
  }
}

/**
 * Checks the divisions of a grant: at least one, each made by `Division`, none with a problem, `*` only from
 * Division.all and then alone. Returns the usable ones (deduplicated, sorted) and the problems, one line each;
 * with any problem the grant must not be made.
 */
export function checkDivisions(divisions: unknown, what: string): { list: IDivision[]; problems: string[] } {
  if (divisions !== undefined && !Array.isArray(divisions)) {
    return {
      list: [],
      problems: [
        `${what}: divisions must be a list, e.g. [Division.fromName(this, "chicago", "Chicago")] (got ${describeValue(divisions)})`,
      ],
    };
  }
  const given = (divisions ?? []) as unknown[];
  if (given.length === 0) {
    return {
      list: [],
      problems: [
        `${what} needs at least one division: pass Division.fromName(this, "chicago", "Chicago"), Division.home(this) or Division.all({ reason }) (a grant without a division silently means the home division)`,
      ],
    };
  }
  const problems: string[] = [];
  const ok: IDivision[] = [];
  for (const d of given) {
    if (Array.isArray(d)) {
      problems.push(`${what}: pass divisions one by one, not as a list: role.grant(client, chicago, home)`);
    } else if (!Division.isDivision(d)) {
      problems.push(`${what}: divisions must come from Division.fromName/fromId/home/all or new Division(...)`);
    } else if (d.problem) {
      problems.push(d.problem);
    } else ok.push(d);
  }
  const byKey = new Map(ok.map((d) => [d.divisionKey, d]));
  if (byKey.has('*') && byKey.size > 1) {
    problems.push(`${what}: Division.all(...) already covers every division; remove the others`);
  }
  if (problems.length) return { list: [], problems: [...new Set(problems)] };
  const list = [...byKey.values()].sort((a, b) =>
    a.divisionKey < b.divisionKey ? -1 : a.divisionKey > b.divisionKey ? 1 : 0,
  );
  return { list, problems: [] };
}
