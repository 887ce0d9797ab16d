import { AuthRole, type AuthRolePermissionPolicies } from '../../src/generated/provider/auth-role';
import type { Permission } from '../catalog/types';
import { AccessGrant } from '../access/access-grant';
import { Capabilities, type CapabilityRef } from '../access/capabilities';
import { AccessMetadataRecorder, terraformAddress } from './access-metadata';
import { useCapabilities } from './capability-refs';
import { Construct } from './core';
import { checkDivisions, type IDivision } from './division';
import type { IAccessRole, IGrantable } from './grantable';
import { mistakesOf, reportMistake } from './mistakes';
import { checkPermissions, PermissionBundle } from './permission-bundle';
import { checkProps, describeValue } from './props';
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
   * Capabilities whose permissions the role grants (derived from their API operations): built-in ids, or
   * capabilities defined in code with `Capabilities.define`.
   * @default - none
   */
  readonly capabilities?: readonly CapabilityRef[];
  /**
   * Extra permissions, typed: an invented name is a compile error (and a synth error with a suggestion in JS).
   * @default - none
   */
  readonly permissions?: readonly Permission[];
  /**
   * A bundle to start from (e.g. `PermissionBundle.of("Agent", [...])` for a "Restricted" agent role).
   * @default - none
   */
  readonly base?: PermissionBundle;
  /**
   * Permissions to strip from `base`; each must be in `base`.
   * @default - none
   */
  readonly remove?: readonly Permission[];
}

const NOT_TAKEN: Readonly<Record<string, string>> = {
  divisions:
    'a role has no division of its own: grant it in divisions with role.grant(principal, Division.fromName(...), ...)',
  division:
    'a role has no division of its own: grant it in divisions with role.grant(principal, Division.fromName(...), ...)',
  scopes:
    'roles hold permissions; scopes belong to user-context OAuth clients (UserContextClient computes them from capabilities)',
  permissionPolicies: 'give permissions (typed) or capabilities; the role writes its permission_policies itself',
};

/**
 * A custom role (`genesyscloud_auth_role`) whose `permission_policies` are built from capabilities and typed
 * permissions, grouped by domain and entity and sorted. Grant it with {@link AccessRole.grant}, always in
 * explicit divisions. Mistakes (an invented permission, no name, an unknown capability) are reported at synth,
 * one line each.
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
  /** Ids of the capabilities the role was built from (built-in or defined in code), sorted. */
  public readonly capabilities: readonly string[];
  /** The role name. */
  public readonly roleName: string;

  constructor(scope: Construct, id: string, props: AccessRoleProps) {
    super(scope, id);
    Object.defineProperty(this, ACCESS_ROLE, { value: true });
    const p = checkProps<AccessRoleProps>(
      this,
      'AccessRole',
      props,
      {
        name: { kind: 'string' },
        description: { kind: 'string' },
        capabilities: { kind: 'list', must: 'a list of capabilities', example: '["routing-queue-read"]' },
        permissions: { kind: 'list', must: 'a list of permission names', example: '["wfm:schedule:view"]' },
        base: { kind: 'object', must: 'a PermissionBundle', example: 'PermissionBundle.of("Agent", [...])' },
        remove: { kind: 'list', must: 'a list of permission names', example: '["recording:screenRecording:view"]' },
      },
      NOT_TAKEN,
    );
    const name = p.name ?? '';
    // A wrong-typed name (or no props at all) is reported already.
    if (!name.trim() && mistakesOf(this).length === 0) reportMistake(this, 'an AccessRole needs a name');
    const role = `role "${name}"`;
    const caps = useCapabilities(this, p.capabilities, role);
    let base: PermissionBundle | undefined;
    if (p.base !== undefined) {
      if (PermissionBundle.isPermissionBundle(p.base)) base = p.base;
      else
        reportMistake(
          this,
          `${role}: base must be a PermissionBundle, e.g. PermissionBundle.of("Agent", [...]) (got ${describeValue(p.base)})`,
        );
    }
    if (p.remove?.length && !p.base) {
      reportMistake(
        this,
        'remove needs a base bundle to remove from: set base (e.g. PermissionBundle.of("Agent", [...]))',
      );
    }
    const baseName = base?.name;
    if (base && p.remove?.length) base = base.without(name, p.remove);
    for (const problem of base?.problems ?? []) reportMistake(this, problem);
    const customFromBase = useCapabilities(this, base?.customCapabilities ?? [], role);
    const extra = checkPermissions(p.permissions ?? [], role);
    for (const problem of extra.problems) reportMistake(this, problem);
    this.permissions = [
      ...new Set([...(base?.permissions ?? []), ...Capabilities.permissionsOf(caps), ...extra.permissions]),
    ].sort();
    if (this.permissions.length === 0 && mistakesOf(this).length === 0) {
      reportMistake(this, `${role} has no permissions: give it capabilities or permissions`);
    }
    this.capabilities = [
      ...new Set([
        ...(base?.capabilities ?? []),
        ...caps.map((c) => Capabilities.idOf(c)),
        ...customFromBase.map((c) => Capabilities.idOf(c)),
      ]),
    ].sort(cmp);
    this.roleName = name;
    this.resource = new AuthRole(this, 'Default', {
      name,
      description: p.description ?? defaultDescription(this.capabilities),
      permissionPolicies: toPolicies(this.permissions),
    });
    this.roleId = this.resource.id;
    AccessMetadataRecorder.of(this).recordRole(() => terraformAddress(this.resource), {
      construct: this.node.path,
      capabilities: [...this.capabilities],
      ...(baseName !== undefined ? { base: baseName } : {}),
      ...(p.remove?.length ? { removed: p.remove.filter((x) => typeof x === 'string').sort() } : {}),
    });
  }

  /**
   * Grants this role to `grantee` in each of `divisions` (at least one; `Division.all({ reason })` for all).
   * Returns what was added; with a mistake (no division, a division with a problem, a grantee that holds no
   * roles) nothing is granted and the mistake is reported at synth.
   */
  public grant(grantee: IGrantable, ...divisions: IDivision[]): AccessGrant {
    const principal = (grantee as { grantPrincipal?: unknown } | undefined)?.grantPrincipal as
      IGrantable['grantPrincipal'] | undefined;
    if (!principal || typeof principal.addRoleGrant !== 'function') {
      const userContext =
        typeof grantee === 'object' && grantee !== null && 'scopes' in grantee && 'resource' in grantee;
      reportMistake(
        this,
        userContext
          ? `a UserContextClient holds no roles: its tokens carry the signed-in user's permissions; grant role "${this.roleName}" to the users (ServiceAccountUser) instead`
          : `grant of role "${this.roleName}" needs a principal: a ClientCredentialsClient or a ServiceAccountUser (got ${describeValue(grantee)})`,
      );
      return AccessGrant.none();
    }
    const what = `grant of role "${this.roleName}" to ${principal.principalPath}`;
    const { list, problems } = checkDivisions(divisions, what);
    if (problems.length) {
      for (const problem of problems) reportMistake(this, problem);
      principal.noteFailedGrant?.();
      return AccessGrant.none();
    }
    principal.addRoleGrant(this, list);
    principal.recordCapabilities?.(this.capabilities);
    return AccessGrant.added({
      grantee: principal.principalPath,
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
