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
    ctx.graph.principals
      .filter((p) => p.kind !== 'oauth-client' && ctx.index.writersOf(p.key).length > 1)
      .map((p) => ({
        address: ctx.index.writersOf(p.key)[1].key,
        finding: p.key,
        detail: `${ctx.index
          .writersOf(p.key)
          .map((w) => w.key)
          .join(
            ' and ',
          )} both manage the roles of ${p.name}; each replaces all of its direct grants: merge them into one`,
      })),
};
