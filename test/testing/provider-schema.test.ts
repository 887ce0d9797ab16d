import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { DataGenesyscloudAuthDivisionHome } from '../../src/generated/provider/data-genesyscloud-auth-division-home';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { assertValidTerraformJson, synthValid, validateTerraformJson } from '../../lib/testing';

/** A role with permission_policies (one with conditions) and a CLIENT-CREDENTIALS client on explicit divisions. */
function roleAndClientStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'role-and-client');
  new GenesyscloudProvider(stack, 'gc', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  const chicago = new DataGenesyscloudAuthDivision(stack, 'chicago', { name: 'Chicago' });
  const home = new DataGenesyscloudAuthDivisionHome(stack, 'home', {});
  const role = new AuthRole(stack, 'role', {
    name: 'QA',
    permissionPolicies: [
      { domain: 'recording', entityName: 'screenRecording', actionSet: ['view'] },
      {
        domain: 'quality',
        entityName: 'evaluation',
        actionSet: ['view'],
        conditions: {
          conjunction: 'AND',
          terms: [
            { variableName: 'Conversation.queues', operator: 'IN', operands: [{ type: 'QUEUE', queueId: 'q-1' }] },
          ],
        },
      },
    ],
  });
  new OauthClient(stack, 'client', {
    name: 'QA client',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [
      { roleId: role.id, divisionId: chicago.id },
      { roleId: role.id, divisionId: home.id },
    ],
  });
  return stack;
}

describe('validateTerraformJson on real synth output', () => {
  test('a role with permission_policies and a CLIENT-CREDENTIALS client on explicit divisions is valid', () => {
    const json = synthValid(roleAndClientStack()) as any;
    const client = json.resource.genesyscloud_oauth_client.client;
    expect(client.authorized_grant_type).toBe('CLIENT-CREDENTIALS');
    expect(client.roles).toEqual([
      { division_id: '${data.genesyscloud_auth_division.chicago.id}', role_id: '${genesyscloud_auth_role.role.id}' },
      { division_id: '${data.genesyscloud_auth_division_home.home.id}', role_id: '${genesyscloud_auth_role.role.id}' },
    ]);
    expect(client.scopes).toBeUndefined();
    expect(json.resource.genesyscloud_auth_role.role.permission_policies).toHaveLength(2);
    expect(json.terraform.required_providers.genesyscloud).toEqual({
      source: 'mypurecloud/genesyscloud',
      version: '1.84.1',
    });
  });

  test('synth is byte-identical across runs and has no absolute paths', () => {
    const a = Testing.synth(roleAndClientStack(), true);
    const b = Testing.synth(roleAndClientStack(), true);
    expect(a).toBe(b);
    expect(a).not.toContain(process.cwd());
    expect(JSON.parse(a).terraform.backend.local.path).toBe('terraform.tfstate');
  });
});

describe('validateTerraformJson finds injected faults', () => {
  const valid = (): any => JSON.parse(Testing.synth(roleAndClientStack(), true));
  const problems = (mutate: (j: any) => void): string[] => {
    const j = valid();
    mutate(j);
    return validateTerraformJson(j).map((p) => `${p.address} ${p.message}`);
  };

  test('the untouched stack has no problem', () => expect(problems(() => undefined)).toEqual([]));

  test('fails when the resource type is invented, naming the real ones', () => {
    expect(problems((j) => (j.resource.genesyscloud_security_profile = { x: { name: 'n' } }))).toEqual([
      expect.stringMatching(
        /^genesyscloud_security_profile unknown resource type: Genesys Cloud has no security profiles.*Did you mean "genesyscloud_auth_role"/,
      ),
    ]);
  });

  test('fails on an unknown data source type', () => {
    expect(problems((j) => (j.data.genesyscloud_divisions = { x: {} }))).toEqual([
      expect.stringMatching(
        /^data.genesyscloud_divisions unknown data source type.*Did you mean "genesyscloud_auth_division/,
      ),
    ]);
  });

  test('fails on an unknown argument with a suggestion', () => {
    expect(problems((j) => (j.resource.genesyscloud_oauth_client.client.grant_type = 'x'))).toEqual([
      expect.stringMatching(/client.grant_type unknown argument. Did you mean "authorized_grant_type"/),
    ]);
  });

  test('fails when a read-only argument is set', () => {
    expect(problems((j) => (j.resource.genesyscloud_oauth_client.client.client_id = 'abc'))).toEqual([
      'genesyscloud_oauth_client.client.client_id is read-only (computed by the provider); remove it',
    ]);
  });

  test('fails when a required argument is missing', () => {
    expect(problems((j) => delete j.resource.genesyscloud_auth_role.role.name)).toEqual([
      'genesyscloud_auth_role.role.name is required',
    ]);
  });

  test('fails on wrong types', () => {
    expect(
      problems((j) => {
        j.resource.genesyscloud_oauth_client.client.access_token_validity_seconds = 'soon';
        j.resource.genesyscloud_auth_role.role.permission_policies[0].action_set = 'view';
      }),
    ).toEqual([
      expect.stringMatching(/permission_policies\[0\].action_set expects set of string, got string/),
      expect.stringMatching(/client.access_token_validity_seconds expects number/),
    ]);
  });

  test('fails on max_items and min_items', () => {
    expect(
      problems((j) => {
        const p = j.resource.genesyscloud_auth_role.role.permission_policies[1];
        p.conditions = [p.conditions, p.conditions];
      }),
    ).toEqual([expect.stringMatching(/permission_policies\[1\].conditions allows at most 1 block\(s\), got 2/)]);
    expect(
      problems((j) => {
        j.resource.genesyscloud_auth_role.role.permission_policies[1].conditions.terms = [];
      }),
    ).toEqual([expect.stringMatching(/conditions\[0\].terms needs at least 1 block\(s\), got 0/)]);
  });

  test('checks the provider block', () => {
    expect(problems((j) => (j.provider.genesyscloud[0].region = 'us-east-1'))).toEqual([
      expect.stringMatching(/^provider.genesyscloud\[0\].region unknown argument/),
    ]);
  });

  test('assertValidTerraformJson lists every problem', () => {
    const j = valid();
    delete j.resource.genesyscloud_auth_role.role.name;
    j.resource.genesyscloud_oauth_client.client.client_id = 'abc';
    expect(() => assertValidTerraformJson(j)).toThrow(/auth_role.role.name is required\n.*client_id is read-only/);
  });
});
