import type { Rule } from '../types';
import { oauthClients } from '../util';

/** GCA-OAUTH5: directory_client_secret writes the secret to a plaintext file. */
export const directoryClientSecret: Rule = {
  id: 'GCA-OAUTH5',
  name: 'directory-client-secret',
  area: 'oauth',
  level: 'warning',
  info: 'directory_client_secret writes the client secret to a plaintext file.',
  explanation:
    'The provider writes <directory>/<client id> with mode 0777 before umask on whatever machine runs the apply.',
  fix: 'Use integration_credential_name or a sensitive output instead.',
  suppressible: true,
  check: (ctx) =>
    oauthClients(ctx)
      .filter((c) => c.secrets?.directory !== undefined)
      .map((c) => ({
        address: c.key,
        detail: `client "${c.name}" writes its secret in plaintext to ${c.secrets!.directory} on the applying machine`,
      })),
};
