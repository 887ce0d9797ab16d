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
    ctx.graph.grantWriters
      .filter((w) => w.type !== 'oauth-client' && w.roleEntries === 0)
      .map((w) => ({
        address: w.key,
        detail: `${w.key} has no roles: applying it removes every direct grant of its subject`,
      })),
};
