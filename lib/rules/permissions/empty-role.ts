import type { Rule } from '../types';
import { managedRoles } from '../util';

/** GCA-PERM5: a role with no permissions. */
export const emptyRole: Rule = {
  id: 'GCA-PERM5',
  name: 'empty-role',
  area: 'permissions',
  level: 'error',
  info: 'A role has no permissions.',
  explanation:
    'Granting an empty role does nothing; it usually means the permissions were lost in a refactor, and every call will fail with 403.',
  fix: 'Give the role capabilities or permissions, or remove it.',
  suppressible: true,
  check: (ctx) =>
    managedRoles(ctx)
      .filter(
        (r) => r.policies.every((p) => p.actions.length === 0) && r.generalPermissions.length === 0 && !r.defaultRoleId,
      )
      .map((r) => ({ address: r.key, detail: `role "${r.name}" has no permission_policies and no permissions` })),
};
