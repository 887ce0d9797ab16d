import { Catalog } from '../catalog/catalog';
import type { Permission } from '../catalog/types';
import { quoteList } from '../errors';
import { Capabilities, type CapabilityRef } from '../access/capabilities';
import { describeValue } from './props';

const BUNDLE = Symbol.for('cdktf-genesyscloud-access/PermissionBundle');

/**
 * A named, validated set of permissions: the base a role is derived from (e.g. "Agent", then "Restricted =
 * Agent minus X"). Built from capabilities or typed permissions; every permission is checked against the catalog.
 * Nothing here throws: what is wrong is in `problems`, reported at synth by the `AccessRole` built on the bundle.
 */
export class PermissionBundle {
  /** True for bundles made by this library (across copies of it). */
  public static isPermissionBundle(x: unknown): x is PermissionBundle {
    return typeof x === 'object' && x !== null && BUNDLE in x;
  }

  /** A bundle of typed permissions. Unknown permissions are problems with a did-you-mean. */
  public static of(name: string, permissions: readonly Permission[]): PermissionBundle {
    const shown = typeof name === 'string' ? name : String(name);
    const r = checkPermissions(permissions, `permission bundle "${shown}"`);
    const problems =
      typeof name === 'string' && name.trim()
        ? r.problems
        : [`a permission bundle needs a name (got ${describeValue(name)})`, ...r.problems];
    return new PermissionBundle(shown, r.permissions, [], problems);
  }

  /** The permissions the given capabilities need (derived from their operations). */
  public static fromCapabilities(name: string, capabilities: readonly CapabilityRef[]): PermissionBundle {
    const list = Array.isArray(capabilities) ? capabilities : [];
    const problems = Array.isArray(capabilities)
      ? list.map((c) => Capabilities.problemOf(c)).filter((p): p is string => p !== undefined)
      : [`permission bundle "${name}": capabilities must be a list (got ${describeValue(capabilities)})`];
    const good = list.filter((c) => Capabilities.problemOf(c) === undefined);
    return new PermissionBundle(
      String(name),
      Capabilities.permissionsOf(good),
      good.map((c) => Capabilities.idOf(c)),
      problems,
      good.filter((c) => typeof c !== 'string'),
    );
  }

  private constructor(
    /** Name, for messages and the audit trail. */
    public readonly name: string,
    /** Exact permissions, sorted. */
    public readonly permissions: readonly Permission[],
    /** Ids of the capabilities it was built from. */
    public readonly capabilities: readonly string[],
    /** What is wrong with how it was built, one line each (empty when nothing is). */
    public readonly problems: readonly string[] = [],
    /** Capabilities defined in code it was built from (recorded by the role that uses it). */
    public readonly customCapabilities: readonly CapabilityRef[] = [],
  ) {
    Object.defineProperty(this, BUNDLE, { value: true });
  }

  /** A copy without `remove`; removing what the bundle never had is a problem. */
  public without(name: string, remove: readonly Permission[]): PermissionBundle {
    const r = checkPermissions(remove, `removal from "${this.name}"`);
    const missing = r.permissions.filter((p) => !this.permissions.includes(p));
    const problems = [...this.problems, ...r.problems];
    if (missing.length) {
      problems.push(
        `cannot remove ${quoteList(missing, 'and')} from "${this.name}": it never had ${missing.length === 1 ? 'it' : 'them'}; its permissions are ${quoteList(this.permissions, 'and')}`,
      );
    }
    return new PermissionBundle(
      name,
      this.permissions.filter((p) => !r.permissions.includes(p)),
      this.capabilities,
      problems,
      this.customCapabilities,
    );
  }

  /** This bundle plus `more`. */
  public with(name: string, more: readonly Permission[]): PermissionBundle {
    const r = checkPermissions(more, `bundle "${name}"`);
    return new PermissionBundle(
      name,
      [...new Set([...this.permissions, ...r.permissions])].sort(),
      this.capabilities,
      [...this.problems, ...r.problems],
      this.customCapabilities,
    );
  }
}

/**
 * Validates permissions against the catalog: returns the real ones (sorted, deduplicated) and a one-line problem
 * with suggestions for each other value (a string that is not a permission, a number, a list that is a string).
 */
export function checkPermissions(
  permissions: unknown,
  what: string,
): { permissions: Permission[]; problems: string[] } {
  if (!Array.isArray(permissions)) {
    return {
      permissions: [],
      problems: [
        `${what}: permissions must be a list of permission names, e.g. ["wfm:schedule:view"] (got ${describeValue(permissions)})`,
      ],
    };
  }
  const problems: string[] = [];
  const ok: Permission[] = [];
  for (const p of permissions as unknown[]) {
    if (typeof p !== 'string') {
      problems.push(`${what}: each permission must be a string such as "wfm:schedule:view" (got ${describeValue(p)})`);
    } else if (!Catalog.isPermission(p)) {
      problems.push(`${what}: ${Catalog.explainUnknownPermission(p)}`);
    } else ok.push(p);
  }
  return { permissions: [...new Set(ok)].sort(), problems };
}
