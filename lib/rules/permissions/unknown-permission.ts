import { Catalog } from '../../catalog/catalog';
import type { Rule } from '../types';
import { managedRoles, policyPermissions } from '../util';

function known(permission: string): boolean {
  const [d, e, a] = permission.split(':');
  if (e === '*') return Catalog.permissions().some((p) => p.startsWith(`${d}:`));
  if (a === '*') return Catalog.actionsOf(d, e).length > 0;
  return Catalog.isPermission(permission);
}

/** GCA-PERM1: a role policy names a permission the catalog does not have. */
export const unknownPermission: Rule = {
  id: 'GCA-PERM1',
  name: 'unknown-permission',
  area: 'permissions',
  level: 'error',
  info: 'A role grants a permission that does not exist in Genesys Cloud.',
  explanation:
    'The provider accepts invalid permission_policies at apply (it only logs a warning), so the mistake surfaces as a 403 at run time. Forum answers often invent names such as wfm:schedule:publish.',
  fix: 'Use the suggested real permission, or a capability that derives it from the API operation you need.',
  suppressible: false,
  check: (ctx) =>
    managedRoles(ctx).flatMap((role) =>
      policyPermissions(role)
        .filter(({ permission }) => !known(permission))
        .map(({ permission }) => ({
          address: role.key,
          finding: permission,
          detail: Catalog.explainUnknownPermission(permission),
        })),
    ),
};
