import { Catalog } from '../catalog/catalog';
import type { Permission } from '../catalog/types';
import { AccessValidationError, quoteList } from '../errors';
import { Capabilities, type CapabilityRef } from '../access/capabilities';
import { describeValue } from './props';

const BUNDLE = Symbol.for('cdktf-genesyscloud-access/PermissionBundle');
import { isWildcard } from '../access/permission-match';
import { type OrgSnapshot, readSnapshot, readSnapshotFile } from '../sources/genesys-org/snapshot-file';

/** What {@link PermissionBundle.fromSnapshot} may leave out of a live role. */
export type SnapshotOmission = 'conditional' | 'general' | 'uncatalogued';

/** Options of {@link PermissionBundle.fromSnapshot}. */
export interface FromSnapshotOptions {
  /**
   * The bundle's name.
   * @default - the role's name
   */
  readonly name?: string;
  /**
   * What to leave out instead of failing: `conditional` (permissions the role grants only under conditions,
   * which an AccessRole cannot carry: leaving them out narrows), `general` (general permissions such as
   * `admin`), `uncatalogued` (permissions the pinned catalog does not know; the org's licences can add some).
   * @default - none: each of them is an error naming the permissions
   */
  readonly omit?: readonly SnapshotOmission[];
}

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

  /**
   * The permissions of a role of a live org, from a snapshot (`genesys-access snapshot`): a committed snapshot
   * file (a path, resolved against the working directory of the synth) or the parsed snapshot. The role is found
   * by name (or `role:<id>` / its id). Deterministic: the same snapshot gives the same bundle. Use it for "the
   * org's real Agent role minus X": `new AccessRole(this, 'restricted', { name: 'Restricted', base:
   * PermissionBundle.fromSnapshot('org.json', 'Agent'), remove: ['recording:recording:view'] })`.
   */
  public static fromSnapshot(
    snapshot: string | OrgSnapshot,
    role: string,
    options: FromSnapshotOptions = {},
  ): PermissionBundle {
    const s = typeof snapshot === 'string' ? readSnapshotFile(snapshot) : readSnapshot(snapshot, 'the snapshot');
    const shown = typeof snapshot === 'string' ? `snapshot "${snapshot}"` : 'the snapshot';
    const hits = s.graph.roles.filter((r) => r.name === role || r.key === role || r.provenance?.genesysId === role);
    if (hits.length !== 1) {
      const names = s.graph.roles.map((r) => r.name);
      const near = names.filter((n) => n.toLowerCase() === role.toLowerCase());
      throw new AccessValidationError(
        hits.length
          ? `${shown} has ${hits.length} roles named "${role}": give its id (${hits.map((r) => r.provenance?.genesysId ?? r.key).join(', ')})`
          : `${shown} has no role "${role}"${near.length ? `. Did you mean ${quoteList(near)}?` : `: its roles are ${quoteList(names.slice(0, 10))}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`}`,
      );
    }
    const r = hits[0]!;
    const omit = new Set(options.omit ?? []);
    const firm = new Set<string>();
    const conditional = new Set<string>();
    for (const p of r.policies) {
      for (const a of p.actions) (p.conditions ? conditional : firm).add(`${p.domain}:${p.entity}:${a}`);
    }
    const onlyConditional = [...conditional].filter((p) => !firm.has(p)).sort();
    const problems: string[] = [];
    if (onlyConditional.length && !omit.has('conditional')) {
      problems.push(
        `grants ${quoteList(onlyConditional, 'and')} only under conditions, which an AccessRole cannot carry (omit: ['conditional'] leaves them out)`,
      );
    }
    if (r.generalPermissions.length && !omit.has('general')) {
      problems.push(
        `has the general permissions ${quoteList(r.generalPermissions, 'and')}, which a bundle cannot carry (omit: ['general'] leaves them out)`,
      );
    }
    const kept = [...firm].filter((p) => !isWildcard(p));
    const wild = [...firm].filter(isWildcard);
    const uncatalogued = kept.filter((p) => !Catalog.isPermission(p)).sort();
    if (wild.length) {
      problems.push(
        `has the wildcards ${quoteList(wild.sort(), 'and')}: the org expands them when the role is saved; take a new snapshot, or list the permissions`,
      );
    }
    if (uncatalogued.length && !omit.has('uncatalogued')) {
      problems.push(
        `has ${quoteList(uncatalogued, 'and')}, which the pinned catalog does not know (omit: ['uncatalogued'] leaves them out)`,
      );
    }
    if (problems.length) throw new AccessValidationError(`role "${r.name}" in ${shown} ${problems.join('; ')}`);
    const permissions = kept.filter((p) => Catalog.isPermission(p)).sort() as Permission[];
    return new PermissionBundle(options.name ?? r.name, permissions, []);
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
    if (typeof name !== 'string' || !name.trim()) {
      problems.push(
        `bundle.without(name, permissions) needs a name for the new bundle, e.g. "${this.name} (restricted)" (got ${describeValue(name)})`,
      );
    }
    if (missing.length) {
      problems.push(
        `cannot remove ${quoteList(missing, 'and')} from "${this.name}": it never had ${missing.length === 1 ? 'it' : 'them'}; its permissions are ${quoteList(this.permissions, 'and')}`,
      );
    }
    return new PermissionBundle(
      typeof name === 'string' ? name : String(name),
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
