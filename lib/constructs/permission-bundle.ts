import { Catalog } from '../catalog/catalog';
import type { Permission } from '../catalog/types';
import { AccessValidationError, quoteList } from '../errors';
import { Capabilities, type CapabilityId } from '../access/capabilities';

/**
 * A named, validated set of permissions: the base a role is derived from (e.g. "Agent", then "Restricted =
 * Agent minus X"). Built from capabilities or typed permissions; every permission is checked against the catalog.
 */
export class PermissionBundle {
  /** A bundle of typed permissions. Unknown permissions fail with a did-you-mean. */
  public static of(name: string, permissions: readonly Permission[]): PermissionBundle {
    return new PermissionBundle(name, checkPermissions(permissions, `permission bundle "${name}"`), []);
  }

  /** The permissions the given capabilities need (derived from their operations). */
  public static fromCapabilities(name: string, capabilities: readonly CapabilityId[]): PermissionBundle {
    return new PermissionBundle(name, Capabilities.permissionsOf(capabilities), capabilities);
  }

  private constructor(
    /** Name, for messages and the audit trail. */
    public readonly name: string,
    /** Exact permissions, sorted. */
    public readonly permissions: readonly Permission[],
    /** Capabilities it was built from. */
    public readonly capabilities: readonly string[],
  ) {}

  /** A copy without `remove`; fails if the bundle never had one of them. */
  public without(name: string, remove: readonly Permission[]): PermissionBundle {
    checkPermissions(remove, `removal from "${this.name}"`);
    const missing = remove.filter((p) => !this.permissions.includes(p));
    if (missing.length) {
      throw new AccessValidationError(
        `cannot remove ${quoteList(missing, 'and')} from "${this.name}": it never had ${missing.length === 1 ? 'it' : 'them'}; its permissions are ${quoteList(this.permissions, 'and')}`,
      );
    }
    return new PermissionBundle(
      name,
      this.permissions.filter((p) => !remove.includes(p)),
      this.capabilities,
    );
  }

  /** This bundle plus `more`. */
  public with(name: string, more: readonly Permission[]): PermissionBundle {
    return new PermissionBundle(
      name,
      [...new Set([...this.permissions, ...checkPermissions(more, `bundle "${name}"`)])].sort(),
      this.capabilities,
    );
  }
}

/** Validates permissions against the catalog (one-line error with suggestions), returns them sorted, deduplicated. */
export function checkPermissions(permissions: readonly string[], what: string, path?: string): Permission[] {
  for (const p of permissions) {
    if (!Catalog.isPermission(p))
      throw new AccessValidationError(`${what}: ${Catalog.explainUnknownPermission(p)}`, path);
  }
  return [...new Set(permissions as Permission[])].sort();
}
