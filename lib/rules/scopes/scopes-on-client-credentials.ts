import type { Rule } from '../types';
import { oauthClients } from '../util';

/** GCA-SCOPE2: scopes on a CLIENT-CREDENTIALS client. */
export const scopesOnClientCredentials: Rule = {
  id: 'GCA-SCOPE2',
  name: 'scopes-on-client-credentials',
  area: 'scopes',
  level: 'warning',
  info: 'A CLIENT-CREDENTIALS client sets scopes, which do nothing for its tokens.',
  explanation:
    'A client-credentials token gets its permissions only from the client roles x divisions; scopes apply to user-context grants. Setting them suggests a 403 is being "fixed" in the wrong place.',
  fix: 'Remove the scopes and fix the role permissions and divisions instead.',
  suppressible: true,
  check: (ctx) =>
    oauthClients(ctx)
      .filter((c) => c.grantType === 'CLIENT-CREDENTIALS' && c.scopes.length > 0)
      .map((c) => ({
        address: c.key,
        detail: `client "${c.name}" sets scopes ${c.scopes.join(', ')}, which CLIENT-CREDENTIALS tokens ignore: remove them; its roles x divisions decide`,
      })),
};
