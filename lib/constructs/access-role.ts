import { AuthRole, type AuthRolePermissionPolicies } from '../../src/generated/provider/auth-role';
import type { Permission } from '../catalog/types';
import { AccessValidationError } from '../errors';
import { AccessGrant } from '../access/access-grant';
import { Capabilities, type CapabilityId } from '../access/capabilities';
import { AccessMetadataRecorder, terraformAddress } from './access-metadata';
import { Construct } from './core';
import { checkDivisions, type IDivision } from './division';
import type { IAccessRole, IGrantable } from './grantable';
import { checkPermissions, PermissionBundle } from './permission-bundle';
import { cmp } from '../util/compare';

const ACCESS_ROLE = Symbol.for('cdktf-genesyscloud-access/AccessRole');

/** Props of {@link AccessRole}. */
export interface AccessRoleProps {
  /** Role name in Genesys Cloud. */
  readonly name: string;
  /**
   * Role description.
   * @default - a description listing the role's capabilities
   */
  readonly description?: string;
  /**
   * Capabilities whose permissions the role grants (derived from their API operations).
   * @default - none
   */
  readonly capabilities?: readonly CapabilityId[];
  /**
   * Extra permissions, typed: an invented name is a compile error (and a synth error with a suggestion in JS).
   * @default - none
   */
  readonly permissions?: readonly Permission[];
  /**
   * A bundle to start from (e.g. the Agent bundle for a "Restricted" agent role).
   * @default - none
   */
  readonly base?: PermissionBundle;
  /**
   * Permissions to strip from `base`; each must be in `base`.
   * @default - none
   */
  readonly remove?: readonly Permission[];
}

/**
 * A custom role (`genesyscloud_auth_role`) whose `permission_policies` are built from capabilities and typed
 * permissions, grouped by domain and entity and sorted. Grant it with {@link AccessRole.grant}, always in
 * explicit divisions.
 */
export class AccessRole extends Construct implements IAccessRole {
  /** True for roles made by this library. */
  public static isAccessRole(x: unknown): x is AccessRole {
    return typeof x === 'object' && x !== null && ACCESS_ROLE in x;
  }

  /** The underlying resource. */
  public readonly resource: AuthRole;
  public readonly roleId: string;
  /** Exact permissions, sorted. */
  public readonly permissions: readonly Permission[];
  public readonly capabilities: readonly CapabilityId[];
  /** The role name. */
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: AccessRoleProps) {
    super(scope, id);
    Object.defineProperty(this, ACCESS_ROLE, { value: true });
    const path = this.node.path;
    if (!props.name?.trim()) throw new AccessValidationError('an AccessRole needs a name', path);
    for (const c of props.capabilities ?? []) {
      if (!Capabilities.isCapability(c)) Capabilities.resolve(c); // throws with did-you-mean
    }
    if (props.remove?.length && !props.base) {
      throw new AccessValidationError(
        `remove needs a base bundle to remove from: set base (e.g. PermissionBundle.of("Agent", [...]))`,
        path,
      );
    }
    let base = props.base ?? PermissionBundle.of(props.name, []);
    try {
      if (props.remove?.length) base = base.without(props.name, props.remove);
    } catch (e) {
      throw new AccessValidationError((e as Error).message, path);
    }
    const caps = [...new Set(props.capabilities ?? [])].sort() as CapabilityId[];
    const extra = checkPermissions(props.permissions ?? [], `role "${props.name}"`, path);
    this.permissions = [...new Set([...base.permissions, ...Capabilities.permissionsOf(caps), ...extra])].sort();
    if (this.permissions.length === 0) {
      throw new AccessValidationError(
        `role "${props.name}" has no permissions: give it capabilities or permissions`,
        path,
      );
    }
    this.capabilities = [...new Set([...(base.capabilities as CapabilityId[]), ...caps])].sort() as CapabilityId[];
    this.roleName = props.name;
    this.resource = new AuthRole(this, 'Default', {
      name: props.name,
      description: props.description ?? defaultDescription(this.capabilities),
      permissionPolicies: toPolicies(this.permissions),
    });
    this.roleId = this.resource.id;
    AccessMetadataRecorder.of(this).recordRole(() => terraformAddress(this.resource), {
      construct: path,
      capabilities: [...this.capabilities],
      ...(props.base ? { base: props.base.name } : {}),
      ...(props.remove?.length ? { removed: [...props.remove].sort() } : {}),
    });
  }

  /**
   * Grants this role to `grantee` in each of `divisions` (at least one; `Division.all({ reason })` for all).
   * Returns what was added.
   */
  public grant(grantee: IGrantable, ...divisions: IDivision[]): AccessGrant {
    const what = `grant of role "${this.roleName}" to ${grantee.grantPrincipal.principalPath}`;
    const list = checkDivisions(divisions, what, this.node.path);
    grantee.grantPrincipal.addRoleGrant(this, list);
    grantee.grantPrincipal.recordCapabilities?.(this.capabilities);
    return AccessGrant.added({
      grantee: grantee.grantPrincipal.principalPath,
      role: this.node.path,
      permissions: this.permissions,
      divisions: list.map((d) => d.label).sort(),
      capabilities: this.capabilities,
    });
  }
}

/** `domain:entity:action` list → one policy per domain:entity, sorted, actions sorted. */
export function toPolicies(permissions: readonly string[]): AuthRolePermissionPolicies[] {
  const groups = new Map<string, { domain: string; entity: string; actions: Set<string> }>();
  for (const p of permissions) {
    const [domain, entity, action] = p.split(':');
    const k = `${domain}:${entity}`;
    const g = groups.get(k) ?? groups.set(k, { domain, entity, actions: new Set() }).get(k)!;
    g.actions.add(action);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([, g]) => ({ domain: g.domain, entityName: g.entity, actionSet: [...g.actions].sort() }));
}

function defaultDescription(capabilities: readonly string[]): string {
  return capabilities.length
    ? `Managed by cdktf-genesyscloud-access: ${capabilities.join(', ')}`
    : 'Managed by cdktf-genesyscloud-access';
}
