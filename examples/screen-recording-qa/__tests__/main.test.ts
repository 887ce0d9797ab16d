import { Testing } from 'cdktf';
import { Capabilities } from '../../../lib';
import { synthValid } from '../../../lib/testing';
import { ScreenRecordingQaStack } from '../main';

describe('examples/screen-recording-qa', () => {
  const stack = new ScreenRecordingQaStack(Testing.app(), 'screen-recording-qa');
  const json = synthValid(stack) as any;
  const client = stack.qa.client;

  test('the QA client is CLIENT-CREDENTIALS with no scopes, holding its role in Chicago and home', () => {
    const body = json.resource.genesyscloud_oauth_client[client.resource.friendlyUniqueId];
    expect(body.authorized_grant_type).toBe('CLIENT-CREDENTIALS');
    expect(body.scopes).toBeUndefined();
    expect(body.roles.map((r: any) => r.division_id).sort()).toEqual([
      '${data.genesyscloud_auth_division.chicago.id}',
      '${data.genesyscloud_auth_division_home.home-division.id}',
    ]);
  });

  test('the QA client holds exactly screen-recording view and conversation-detail view, in Chicago', () => {
    expect(json).toGrantExactly(client, ['analytics:conversationDetail:view', 'recording:screenRecording:view'], {
      division: 'Chicago',
    });
    expect(json).toGrantExactly(client, ['analytics:conversationDetail:view', 'recording:screenRecording:view'], {
      division: 'home',
    });
  });

  test.each(Capabilities.resolve('screen-recording-read').operations.map((o) => o.key))(
    'the QA client can call %s for Chicago agents',
    (op) => expect(json).toAllowOperation(client, op, { division: 'Chicago' }),
  );

  test('it can find the conversations to review', () => {
    expect(json).toAllowOperation(client, 'POST /api/v2/analytics/conversations/details/query', {
      division: 'Chicago',
    });
  });

  test('it cannot call audio-only or export operations', () => {
    expect(json).not.toAllowOperation(client, 'POST /api/v2/recording/jobs', { division: 'Chicago' });
    expect(json).not.toGrantPermission(client, 'recording:recording:view');
  });

  test('the Restricted agent role is Agent minus screen-recording view, and that is what it loses', () => {
    expect(stack.restrictedAgentRole.permissions).toEqual([
      'analytics:agentConversationDetail:view',
      'recording:recording:view',
    ]);
    const role = json.resource.genesyscloud_auth_role['restricted-agent'];
    expect(role.permission_policies).toEqual([
      { action_set: ['view'], domain: 'analytics', entity_name: 'agentConversationDetail' },
      { action_set: ['view'], domain: 'recording', entity_name: 'recording' },
    ]);
    expect(json.locals.genesyscloud_access.roles['genesyscloud_auth_role.restricted-agent']).toEqual({
      base: 'Agent (recording slice)',
      capabilities: [],
      construct: 'screen-recording-qa/restricted-agent',
      removed: ['recording:screenRecording:view'],
    });
  });
});
