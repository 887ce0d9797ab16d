import type { Rule } from '../types';
import { oauthClients } from '../util';

/** GCA-OAUTH1: a CLIENT-CREDENTIALS client with no roles. */
export const clientCredentialsWithoutRoles: Rule = {
  id: 'GCA-OAUTH1',
  name: 'client-credentials-without-roles',
  area: 'oauth',
  level: 'error',
  info: 'A CLIENT-CREDENTIALS client has no roles.',
  explanation:
    'Its tokens get permissions only from roles, so every call fails with 403. The provider accepts it anyway.',
  fix: 'Grant a role in explicit divisions (role.grant(client, division)).',
  suppressible: true,
  check: (ctx) =>
    oauthClients(ctx)
      // ClientCredentialsClient fails synth on this itself; the rule covers raw clients.
      .filter(
        (c) =>
          c.grantType === 'CLIENT-CREDENTIALS' &&
          c.grantsComplete &&
          ctx.index.grantsOf(c.key).length === 0 &&
          !ctx.graph.intent?.principals[c.key],
      )
      .map((c) => ({ address: c.key, detail: `client "${c.name}" has no roles: every call will fail with 403` })),
};
