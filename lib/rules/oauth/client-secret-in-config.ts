import type { Rule } from '../types';
import { oauthClients } from '../util';

/** GCA-OAUTH4: client_secret written in config. */
export const clientSecretInConfig: Rule = {
  id: 'GCA-OAUTH4',
  name: 'client-secret-in-config',
  area: 'oauth',
  level: 'error',
  info: 'An OAuth client sets client_secret in configuration.',
  explanation:
    'A secret in config is in the repository, the synthesized plan and the state; Genesys generates secrets itself.',
  fix: 'Remove client_secret; use exposeSecret (a sensitive output) or integration_credential_name to hand the secret on.',
  suppressible: false,
  check: (ctx) =>
    oauthClients(ctx)
      .filter((c) => c.secrets?.inConfig)
      .map((c) => ({
        address: c.key,
        detail: `client "${c.name}" writes client_secret in config: remove it (secrets are generated on create)`,
      })),
};
