import { isWildcard } from '../../access/permission-match';
import type { Rule } from '../types';
import { managedRoles, policyPermissions } from '../util';

/** GCA-PERM2: a role policy uses `*` for the entity or the action. */
export const wildcardPermission: Rule = {
  id: 'GCA-PERM2',
  name: 'wildcard-permission',
  area: 'permissions',
  level: 'error',
  info: 'A role grants a wildcard permission (* entity or * action).',
  explanation:
    'A wildcard grants every current and future action or entity of the domain, the opposite of least privilege; Genesys deprecates wildcard grants for new roles, and the provider only partly validates them.',
  fix: 'List the exact permissions (or capabilities); suppress with a reason only for a deliberate admin role.',
  suppressible: true,
  check: (ctx) =>
    managedRoles(ctx).flatMap((role) =>
      policyPermissions(role)
        .filter(({ permission, hasConditions }) => isWildcard(permission) && !hasConditions) // GCA-PERM3 reports those
        .map(({ permission }) => ({
          address: role.key,
          finding: permission,
          detail: `role "${role.name}" grants ${permission}: list the exact permissions it needs instead`,
        })),
    ),
};
