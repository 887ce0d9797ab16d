import { isWildcard } from '../../access/permission-match';
import type { Rule } from '../types';
import { managedRoles } from '../util';

/** GCA-PERM3: a policy combines `conditions` with a wildcard. */
export const conditionsWithWildcard: Rule = {
  id: 'GCA-PERM3',
  name: 'conditions-with-wildcard',
  area: 'permissions',
  level: 'error',
  info: 'A role policy combines conditions with a wildcard entity or action.',
  explanation:
    'When the API expands a wildcard it can drop the conditions, and the provider copies them from config into state: the plan shows a narrower grant than the role really has.',
  fix: 'Name the entity and actions explicitly in any policy that has conditions.',
  suppressible: false,
  check: (ctx) =>
    managedRoles(ctx).flatMap((role) =>
      role.policies
        .filter((p) => p.conditions && (p.entity === '*' || p.actions.includes('*')))
        .map((p) => {
          const permission = `${p.domain}:${p.entity}:${p.actions.find((a) => a === '*') ?? p.actions.join(',')}`;
          return {
            address: role.key,
            finding: permission,
            detail: `role "${role.name}" puts conditions on ${permission}${isWildcard(permission) ? '' : ' (wildcard entity)'}: conditions may be dropped when the wildcard is expanded; name the entity and actions`,
          };
        }),
    ),
};
