import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { allowsOperation, grantsExactly, grantsPermission } from '../../lib/testing';

/** The forum case with raw bindings: a QA client whose role holds recording view only in the home division. */
function rawStack(): any {
  const stack = new TerraformStack(Testing.app() as App, 'raw');
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  const chicago = new DataGenesyscloudAuthDivision(stack, 'chicago', { name: 'Chicago' });
  const qa = new AuthRole(stack, 'qa', {
    name: 'QA',
    permissionPolicies: [{ domain: 'recording', entityName: 'recording', actionSet: ['view'] }],
  });
  const wild = new AuthRole(stack, 'wild', {
    name: 'Analytics everything',
    permissionPolicies: [{ domain: 'analytics', entityName: '*', actionSet: ['*'] }],
  });
  new OauthClient(stack, 'client', {
    name: 'QA',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: qa.id }, { roleId: wild.id, divisionId: chicago.id }],
  });
  new OauthClient(stack, 'browser', {
    name: 'QA portal',
    authorizedGrantType: 'CODE',
    scopes: ['analytics:readonly'],
    // Inert: a user-context token carries the signed-in user's permissions (GCA-OAUTH7).
    roles: [{ roleId: qa.id }],
  });
  return JSON.parse(Testing.synth(stack));
}

describe('matchers on raw bindings', () => {
  const json = rawStack();
  const recordings = 'GET /api/v2/conversations/{conversationId}/recordings';

  test('a role entry without division_id counts as the home division only', () => {
    expect(grantsPermission(json, 'client', 'recording:recording:view', { division: 'home' }).pass).toBe(true);
    const r = grantsPermission(json, 'client', 'recording:recording:view', { division: 'Chicago' });
    expect(r).toEqual({
      pass: false,
      message:
        'genesyscloud_oauth_client.client does not hold recording:recording:view in division "Chicago"; it holds it only in "home (implicit: no division given)": grant the role in "Chicago" too',
    });
  });

  test('toAllowOperation names the missing division', () => {
    expect(allowsOperation(json, 'client', recordings, { division: 'home' }).pass).toBe(true);
    expect(allowsOperation(json, 'client', recordings, { division: 'Chicago' }).message).toBe(
      `genesyscloud_oauth_client.client cannot call ${recordings} (getConversationRecordings) in division "Chicago": missing one of recording:recording:view, recording:recordingSegment:view, recording:snippetRecording:view, recording:screenRecording:view; it is allowed only in "home (implicit: no division given)": grant the role in "Chicago"`,
    );
  });

  test('toAllowOperation names a missing ALL-of permission', () => {
    const r = allowsOperation(json, 'client', 'PUT /api/v2/recording/jobs/j-1', { division: 'home' });
    expect(r.pass).toBe(false);
    expect(r.message).toContain(
      'missing recording:job:edit (required) and recording:recording:editRetention (required)',
    );
  });

  test('wildcards in a role cover', () => {
    expect(grantsPermission(json, 'client', 'analytics:conversationDetail:view', { division: 'Chicago' }).pass).toBe(
      true,
    );
    expect(
      allowsOperation(json, 'client', 'POST /api/v2/analytics/conversations/details/query', { division: 'Chicago' })
        .pass,
    ).toBe(true);
  });

  test('user-context clients are checked on scopes', () => {
    expect(allowsOperation(json, 'browser', 'POST /api/v2/analytics/conversations/details/query').pass).toBe(true);
    expect(allowsOperation(json, 'browser', recordings).message).toBe(
      `genesyscloud_oauth_client.browser (CODE) lacks a scope for ${recordings} (getConversationRecordings): add one of "recordings" or "recordings:readonly"; it has analytics:readonly`,
    );
  });

  test('roles on a user-context client grant nothing', () => {
    const inert =
      "genesyscloud_oauth_client.browser is a CODE (user-context) client: roles on it grant nothing, its tokens carry the signed-in user's permissions";
    expect(grantsPermission(json, 'browser', 'recording:recording:view', { division: 'home' })).toEqual({
      pass: false,
      message: `${inert}; it holds no recording:recording:view of its own`,
    });
    expect(grantsExactly(json, 'browser', [])).toEqual({
      pass: true,
      message: `genesyscloud_oauth_client.browser holds no permissions (${inert})`,
    });
    expect(grantsExactly(json, 'browser', ['recording:recording:view']).message).toBe(
      `genesyscloud_oauth_client.browser permissions differ: missing: recording:recording:view; ${inert}`,
    );
  });

  test('toGrantExactly reports extra and missing permissions', () => {
    expect(grantsExactly(json, 'client', ['recording:recording:view'], { division: 'home' }).pass).toBe(true);
    expect(grantsExactly(json, 'client', ['recording:screenRecording:view'], { division: 'home' }).message).toBe(
      'genesyscloud_oauth_client.client permissions in division "home" differ: extra (least privilege): recording:recording:view; missing: recording:screenRecording:view',
    );
  });

  test('unknown principals, permissions and operations fail with suggestions', () => {
    expect(grantsPermission(json, 'clinet', 'recording:recording:view').message).toMatch(
      /^no principal "clinet" in the stack. Did you mean "genesyscloud_oauth_client.client"/,
    );
    expect(grantsPermission(json, 'client', 'recordings:view').message).toMatch(
      /^unknown permission "recordings:view"/,
    );
    expect(allowsOperation(json, 'client', 'GET /api/v2/recordings/screen/{recordingId}').message).toMatch(
      /^unknown operation.*Did you mean "GET \/api\/v2\/conversations\/\{conversationId\}\/recordings\/\{recordingId\}"/,
    );
  });

  test('the jest adapter reports the same message', () => {
    expect(() => expect(json).toAllowOperation('client', recordings, { division: 'Chicago' })).toThrow(
      /grant the role in "Chicago"/,
    );
  });
});

describe('a division typo gets a did-you-mean, not a fix for a division that does not exist', () => {
  test('toGrantPermission and toAllowOperation with { division: "Chicgo" }', () => {
    const json = {
      data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } },
      resource: {
        genesyscloud_auth_role: {
          r: {
            name: 'R',
            permission_policies: [{ domain: 'recording', entity_name: 'recording', action_set: ['view'] }],
          },
        },
        genesyscloud_oauth_client: {
          c: {
            name: 'C',
            authorized_grant_type: 'CLIENT-CREDENTIALS',
            roles: [
              {
                role_id: '${genesyscloud_auth_role.r.id}',
                division_id: '${data.genesyscloud_auth_division.chicago.id}',
              },
            ],
          },
        },
      },
    };
    for (const r of [
      grantsPermission(json, 'c', 'recording:recording:view', { division: 'Chicgo' }),
      allowsOperation(json, 'c', 'GET /api/v2/conversations/x/recordings', { division: 'Chicgo' }),
    ]) {
      expect(r).toEqual({ pass: false, message: 'no division "Chicgo" in the stack. Did you mean "Chicago"?' });
    }
    expect(grantsPermission(json, 'c', 'recording:recording:view', { division: 'Chicago' }).pass).toBe(true);
  });
});
