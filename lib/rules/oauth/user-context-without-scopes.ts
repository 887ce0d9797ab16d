import { isUserContextGrant } from '../../access/principal-access';
import type { Rule } from '../types';
import { GRANT_TYPES } from './unknown-grant-type';
import { oauthClients } from '../util';

/** GCA-OAUTH7: a user-context client with no scopes, or with roles. */
export const userContextWithoutScopes: Rule = {
  id: 'GCA-OAUTH7',
  name: 'user-context-without-scopes',
  area: 'oauth',
  level: 'error',
  info: 'A user-context OAuth client (CODE, TOKEN, SAML2-BEARER, PASSWORD) has no scopes, or has roles.',
  explanation:
    'Scopes must be set for clients not using CLIENT-CREDENTIALS, and roles apply only to CLIENT-CREDENTIALS: user-context tokens act as the signed-in user.',
  fix: 'Set scopes (UserContextClient computes them from capabilities) and grant roles to the users instead.',
  suppressible: true,
  check: (ctx) =>
    oauthClients(ctx)
      .filter((c) => isUserContextGrant(c.grantType) && (GRANT_TYPES as readonly string[]).includes(c.grantType!))
      .flatMap((c) => [
        ...(c.scopes.length === 0
          ? [
              {
                address: c.key,
                finding: 'scopes',
                detail: `${c.grantType} client "${c.name}" has no scopes: set the scopes its operations accept`,
              },
            ]
          : []),
        ...(ctx.index.grantsOf(c.key).length > 0
          ? [
              {
                address: c.key,
                finding: 'roles',
                detail: `${c.grantType} client "${c.name}" has roles, which only CLIENT-CREDENTIALS tokens use: grant them to the users`,
              },
            ]
          : []),
      ]),
};
