import { clientCredentialsWithoutRoles } from '../../lib/rules/oauth/client-credentials-without-roles';
import { clientSecretInConfig } from '../../lib/rules/oauth/client-secret-in-config';
import { directoryClientSecret } from '../../lib/rules/oauth/directory-client-secret';
import { tokenValidityCeiling } from '../../lib/rules/oauth/token-validity-ceiling';
import { tokenValidityRange } from '../../lib/rules/oauth/token-validity-range';
import { unknownGrantType } from '../../lib/rules/oauth/unknown-grant-type';
import { userContextWithoutScopes } from '../../lib/rules/oauth/user-context-without-scopes';
import { scopesOnClientCredentials } from '../../lib/rules/scopes/scopes-on-client-credentials';
import { unknownScope } from '../../lib/rules/scopes/unknown-scope';
import { client, doc, findings, role } from './harness';

const roles = { genesyscloud_auth_role: { r: role('R', ['wfm:schedule:view']) } };
const withClient = (c: Record<string, unknown>): unknown => doc({ ...roles, genesyscloud_oauth_client: { c } });

describe('GCA-OAUTH1 client-credentials-without-roles', () => {
  test('Noncompliance 1', () => {
    expect(
      findings(clientCredentialsWithoutRoles, withClient({ name: 'N', authorized_grant_type: 'CLIENT-CREDENTIALS' })),
    ).toEqual(['GCA-OAUTH1 genesyscloud_oauth_client.c: client "N" has no roles: every call will fail with 403']);
  });
  test('Compliance', () => expect(findings(clientCredentialsWithoutRoles, withClient(client('r')))).toEqual([]));
});

describe('GCA-OAUTH2 token-validity-range / GCA-OAUTH3 token-validity-ceiling', () => {
  test.each([[60], [299], [38880001], [1.5]])('Noncompliance: %p', (v) => {
    expect(
      findings(tokenValidityRange, withClient(client('r', undefined, { access_token_validity_seconds: v }))),
    ).toEqual([
      `GCA-OAUTH2 genesyscloud_oauth_client.c: access_token_validity_seconds is ${v}: use a whole number from 300 to 38880000`,
    ]);
  });
  test('Noncompliance: above the ceiling is a warning, configurable', () => {
    const json = withClient(client('r', undefined, { access_token_validity_seconds: 172800 }));
    expect(findings(tokenValidityRange, json)).toEqual([]);
    expect(findings(tokenValidityCeiling, json)).toEqual([
      'GCA-OAUTH3 genesyscloud_oauth_client.c: tokens of "Integration" live 172800 s, above the ceiling of 86400 s',
    ]);
    expect(findings(tokenValidityCeiling, json, { maxTokenValiditySeconds: 172800 })).toEqual([]);
  });
  test('Compliance: in range, or a reference', () => {
    expect(
      findings(tokenValidityRange, withClient(client('r', undefined, { access_token_validity_seconds: 3600 }))),
    ).toEqual([]);
    expect(
      findings(tokenValidityRange, withClient(client('r', undefined, { access_token_validity_seconds: '${var.ttl}' }))),
    ).toEqual([]);
  });
});

describe('GCA-OAUTH4 client-secret-in-config', () => {
  test('Noncompliance 1', () => {
    expect(findings(clientSecretInConfig, withClient(client('r', undefined, { client_secret: 'hunter2' })))).toEqual([
      'GCA-OAUTH4 genesyscloud_oauth_client.c: client "Integration" writes client_secret in config: remove it (secrets are generated on create)',
    ]);
  });
  test('Compliance: expose_client_secret is fine', () => {
    expect(findings(clientSecretInConfig, withClient(client('r', undefined, { expose_client_secret: true })))).toEqual(
      [],
    );
  });
});

describe('GCA-OAUTH5 directory-client-secret', () => {
  test('Noncompliance 1', () => {
    expect(
      findings(directoryClientSecret, withClient(client('r', undefined, { directory_client_secret: '/tmp/secrets' }))),
    ).toEqual([
      'GCA-OAUTH5 genesyscloud_oauth_client.c: client "Integration" writes its secret in plaintext to /tmp/secrets on the applying machine',
    ]);
  });
  test('Compliance', () => expect(findings(directoryClientSecret, withClient(client('r')))).toEqual([]));
});

describe('GCA-OAUTH6 unknown-grant-type', () => {
  test('Noncompliance 1: underscore instead of dash', () => {
    expect(
      findings(unknownGrantType, withClient({ ...client('r'), authorized_grant_type: 'CLIENT_CREDENTIALS' })),
    ).toEqual([
      'GCA-OAUTH6[CLIENT_CREDENTIALS] genesyscloud_oauth_client.c: grant type "CLIENT_CREDENTIALS" is not accepted. Did you mean "CLIENT-CREDENTIALS"?',
    ]);
  });
  test('Compliance', () => expect(findings(unknownGrantType, withClient(client('r')))).toEqual([]));
});

describe('GCA-OAUTH7 user-context-without-scopes', () => {
  test('Noncompliance 1: CODE without scopes, with roles', () => {
    expect(findings(userContextWithoutScopes, withClient({ ...client('r'), authorized_grant_type: 'CODE' }))).toEqual([
      'GCA-OAUTH7[roles] genesyscloud_oauth_client.c: CODE client "Integration" has roles, which only CLIENT-CREDENTIALS tokens use: grant them to the users',
      'GCA-OAUTH7[scopes] genesyscloud_oauth_client.c: CODE client "Integration" has no scopes: set the scopes its operations accept',
    ]);
  });
  test('Compliance', () => {
    expect(
      findings(
        userContextWithoutScopes,
        withClient({ name: 'U', authorized_grant_type: 'CODE', scopes: ['workforce-management'] }),
      ),
    ).toEqual([]);
  });
});

describe('GCA-SCOPE1 unknown-scope / GCA-SCOPE2 scopes-on-client-credentials', () => {
  test('Noncompliance 1: an invented scope on a user-context client', () => {
    expect(
      findings(
        unknownScope,
        withClient({ name: 'U', authorized_grant_type: 'CODE', scopes: ['screen_recording:read'] }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^GCA-SCOPE1\[screen_recording:read\] genesyscloud_oauth_client.c: unknown OAuth scope "screen_recording:read".*Did you mean "recordings:readonly"/,
      ),
    ]);
  });
  test('Noncompliance 2: scopes on client credentials', () => {
    expect(
      findings(scopesOnClientCredentials, withClient(client('r', undefined, { scopes: ['recordings:readonly'] }))),
    ).toEqual([
      'GCA-SCOPE2 genesyscloud_oauth_client.c: client "Integration" sets scopes recordings:readonly, which CLIENT-CREDENTIALS tokens ignore: remove them; its roles x divisions decide',
    ]);
  });
  test('Compliance', () => {
    expect(
      findings(unknownScope, withClient({ name: 'U', authorized_grant_type: 'CODE', scopes: ['recordings:readonly'] })),
    ).toEqual([]);
    expect(findings(scopesOnClientCredentials, withClient(client('r')))).toEqual([]);
  });
});
