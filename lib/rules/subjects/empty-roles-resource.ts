import type { Rule } from '../types';

/** GCA-SUBJ2: a user_roles / group_roles with no roles, which strips every direct grant. */
export const emptyRolesResource: Rule = {
  id: 'GCA-SUBJ2',
  name: 'empty-roles-resource',
  area: 'subjects',
  level: 'error',
  info: 'A genesyscloud_user_roles or genesyscloud_group_roles lists no roles.',
  explanation:
    "An empty or missing roles block removes all of the subject's direct grants on apply (a provider author locked himself out this way).",
  fix: 'List the roles the subject must keep, or remove the resource (destroying it revokes nothing).',
  suppressible: true,
  check: (ctx) =>
    (['genesyscloud_user_roles', 'genesyscloud_group_roles'] as const).flatMap((type) =>
      Object.entries(ctx.plan.section('resource', type))
        .filter(([, body]) => body.roles === undefined || (Array.isArray(body.roles) && body.roles.length === 0))
        .map(([name]) => ({
          address: `${type}.${name}`,
          detail: `${type}.${name} has no roles: applying it removes every direct grant of its subject`,
        })),
    ),
};
