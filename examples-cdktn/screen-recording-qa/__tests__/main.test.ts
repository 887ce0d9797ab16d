import { Testing } from 'cdktn';
import { synthValid } from 'cdktn-genesyscloud-access/testing';
import { ScreenRecordingQaStack } from '../main';

describe('screen-recording QA on CDK Terrain', () => {
  const stack = new ScreenRecordingQaStack(Testing.app(), 'screen-recording-qa');
  const json = synthValid(stack);

  test('the QA client holds exactly screen-recording view and conversation-detail view in Chicago and home', () => {
    for (const division of ['Chicago', 'home']) {
      expect(json).toGrantExactly(
        stack.qa.client,
        ['analytics:conversationDetail:view', 'recording:screenRecording:view'],
        {
          division,
        },
      );
    }
  });

  test('it can download Chicago agents’ screen recordings, and cannot open audio', () => {
    expect(stack).toAllowOperation(stack.qa.client, 'GET /api/v2/conversations/{conversationId}/recordings', {
      division: 'Chicago',
    });
    expect(json).not.toGrantPermission(stack.qa.client, 'recording:recording:view');
  });
});
