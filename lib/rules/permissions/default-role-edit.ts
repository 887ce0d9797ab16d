import type { Rule } from '../types';
import { managedRoles } from '../util';

/** GCA-ROLE1: `default_role_id` adopts and edits a built-in role. */
export const defaultRoleEdit: Rule = {
  id: 'GCA-ROLE1',
  name: 'default-role-edit',
  area: 'permissions',
  level: 'warning',
  info: 'A role resource edits a built-in role (default_role_id).',
  explanation:
    'default_role_id takes over an existing default role (e.g. employee) and changes it in place, which changes access for everyone who holds it; destroy restores the defaults instead of deleting.',
  fix: 'Derive a custom role (AccessRole with base and remove) and grant that instead.',
  suppressible: true,
  check: (ctx) =>
    managedRoles(ctx)
      .filter((r) => r.defaultRoleId)
      .map((r) => ({
        address: r.key,
        finding: r.defaultRoleId,
        detail: `role "${r.name}" edits the built-in role "${r.defaultRoleId}" for everyone who holds it: derive a custom role instead`,
      })),
};
