import type { Rule } from '../types';

/** GCA-SUBJ1: two user_roles / group_roles resources for one subject. */
export const duplicateRoleOwner: Rule = {
  id: 'GCA-SUBJ1',
  name: 'duplicate-role-owner',
  area: 'subjects',
  level: 'error',
  info: 'Two genesyscloud_user_roles or genesyscloud_group_roles manage one user or group.',
  explanation:
    "Each one replaces all of the subject's direct grants with its own list, so they overwrite each other on every apply and the result depends on order.",
  fix: 'Keep one roles resource per subject and list every grant in it (ServiceAccountUser enforces this).',
  suppressible: false,
  check: (ctx) =>
    ctx.plan.principals
      .filter((p) => p.kind !== 'oauth-client' && p.grantSources.length > 1)
      .map((p) => ({
        address: p.grantSources[1],
        finding: p.address,
        detail: `${p.grantSources.join(' and ')} both manage the roles of ${p.name}; each replaces all of its direct grants: merge them into one`,
      })),
};
