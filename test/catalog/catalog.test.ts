import { AccessValidationError, Catalog } from '../../lib';

describe('Catalog.operation', () => {
  const recordings = 'GET /api/v2/conversations/{conversationId}/recordings';

  test('finds an operation by method and path template, with its ANY-of permissions and scopes', () => {
    const op = Catalog.operation(recordings)!;
    expect(op.operationId).toBe('getConversationRecordings');
    expect([...op.anyOf].sort()).toEqual([
      'recording:recording:view',
      'recording:recordingSegment:view',
      'recording:screenRecording:view',
      'recording:snippetRecording:view',
    ]);
    expect(op.allOf).toEqual([]);
    expect(op.scopes).toEqual(expect.arrayContaining(['recordings', 'recordings:readonly']));
  });

  test.each([
    'GET /api/v2/conversations/abc-123/recordings',
    'get /api/v2/conversations/abc-123/recordings/',
    'GET https://api.mypurecloud.com/api/v2/conversations/abc-123/recordings?maxWaitMs=5000',
    'GET /api/v2/conversations/{id}/recordings',
    'getConversationRecordings',
  ])('resolves %s to the same operation', (ref) => {
    expect(Catalog.operation(ref)?.key).toBe(recordings);
  });

  test('prefers a literal segment over a placeholder', () => {
    expect(Catalog.operation('GET /api/v2/recording/jobs')?.operationId).toBe('getRecordingJobs');
    expect(Catalog.operation('GET /api/v2/recording/jobs/j-1')?.operationId).toBe('getRecordingJob');
  });

  test('keeps ALL-of lists', () => {
    expect([...Catalog.operation('PUT /api/v2/recording/jobs/j-1')!.allOf].sort()).toEqual([
      'recording:job:edit',
      'recording:recording:editRetention',
      'recording:screenRecording:editRetention',
      'recording:snippetRecording:editRetention',
    ]);
  });

  test('returns undefined for an invented endpoint', () => {
    expect(Catalog.operation('GET /api/v2/recordings/screen/{recordingId}')).toBeUndefined();
    expect(Catalog.operation('POST /api/v2/wfm/schedules/{scheduleId}/publish')).toBeUndefined();
    expect(Catalog.operation('POST /api/v2/conversations/abc/recordings')).toBeUndefined();
  });

  test('has the whole pinned catalog', () => {
    expect(Catalog.operations()).toHaveLength(3280);
    expect(Catalog.scopes()).toHaveLength(131);
  });
});

describe('Catalog.isPermission / isScope', () => {
  test.each(['recording:screenRecording:view', 'wfm:schedule:edit', 'analytics:conversationDetail:view'])(
    '%s is a permission',
    (p) => expect(Catalog.isPermission(p)).toBe(true),
  );
  test.each(['wfm:schedule:publish', 'screen_recording:read', 'recording:screenrecording:view', 'recording:*:*', ''])(
    '%s is not a permission',
    (p) => expect(Catalog.isPermission(p)).toBe(false),
  );
  test('scopes', () => {
    expect(Catalog.isScope('recordings:readonly')).toBe(true);
    expect(Catalog.isScope('workforce-management')).toBe(true);
    expect(Catalog.isScope('screen_recording:read')).toBe(false);
    expect(Catalog.isReadonlyScope('recordings:readonly')).toBe(true);
    expect(Catalog.isReadonlyScope('recordings')).toBe(false);
  });
  test('general permissions are told apart', () => {
    expect(Catalog.isGeneralPermission('admin')).toBe(true);
    expect(Catalog.isPermission('admin')).toBe(false);
  });
});

describe('did-you-mean', () => {
  test('wfm:schedule:publish suggests real wfm:schedule:* permissions and says how publishing works', () => {
    const s = Catalog.suggestPermissions('wfm:schedule:publish');
    expect(s.length).toBeGreaterThanOrEqual(3);
    for (const p of s) {
      expect(p).toMatch(/^wfm:schedule:/);
      expect(Catalog.isPermission(p)).toBe(true);
    }
    expect(s.slice(0, 2)).toEqual(['wfm:schedule:edit', 'wfm:schedule:add']);
    expect(Catalog.explainUnknownPermission('wfm:schedule:publish')).toMatch(
      /^unknown permission "wfm:schedule:publish": there is no publish permission.*published=true.*Did you mean "wfm:schedule:edit", "wfm:schedule:add"/,
    );
  });

  test('screen_recording:read suggests real recording scopes', () => {
    const s = Catalog.suggestScopes('screen_recording:read');
    expect(s[0]).toBe('recordings:readonly');
    expect(s).toContain('recordings');
    for (const x of s) expect(Catalog.isScope(x)).toBe(true);
    expect(Catalog.explainUnknownScope('screen_recording:read')).toMatch(
      /CLIENT-CREDENTIALS.*Did you mean "recordings:readonly"/,
    );
  });

  test('the invented screen-recording endpoint names the nearest real recording operations', () => {
    const s = Catalog.suggestOperations('GET /api/v2/recordings/screen/{recordingId}').map((o) => o.key);
    expect(s.slice(0, 3)).toEqual([
      'GET /api/v2/conversations/{conversationId}/recordings/{recordingId}',
      'GET /api/v2/conversations/{conversationId}/recordings',
      'GET /api/v2/recordings/screensessions/details',
    ]);
    for (const k of s) expect(k).toMatch(/record/);
  });

  test('the invented publish endpoint names the week-schedule update and import', () => {
    const s = Catalog.suggestOperations('POST /api/v2/wfm/schedules/{id}/publish').map((o) => o.operationId);
    expect(s.slice(0, 2)).toEqual([
      'postWorkforcemanagementBusinessunitWeekScheduleUpdate',
      'postWorkforcemanagementBusinessunitWeekSchedulesImport',
    ]);
  });

  test('typos and wrong case are fixed without a recorded myth', () => {
    expect(Catalog.suggestPermissions('wfm:scheduel:edit')[0]).toBe('wfm:schedule:edit');
    expect(Catalog.suggestPermissions('WFM:Schedule:View')[0]).toBe('wfm:schedule:view');
    expect(Catalog.suggestPermissions('analytics:conversationDetails:view')[0]).toBe(
      'analytics:conversationDetail:view',
    );
    expect(Catalog.suggestScopes('workforce_management')[0]).toBe('workforce-management');
    expect(Catalog.suggestOperations('getConversationRecordigs')[0].operationId).toBe('getConversationRecordings');
    expect(Catalog.suggestOperations('GET /api/v2/conversation/{id}/recording')[0].operationId).toBe(
      'getConversationRecordings',
    );
  });

  test('requirePermission throws one line with suggestions', () => {
    expect(() => Catalog.requirePermission('wfm:schedule:publish')).toThrow(AccessValidationError);
    try {
      Catalog.requirePermission('recordings:view');
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
      expect((e as Error).message).toContain('Did you mean "recording:screenRecording:view"');
    }
    expect(Catalog.requirePermission('wfm:schedule:view')).toBe('wfm:schedule:view');
  });

  test('requireOperation throws with the nearest operations', () => {
    expect(() => Catalog.requireOperation('POST /api/v2/wfm/schedules/{id}/publish')).toThrow(
      /there is no publish endpoint.*Did you mean "POST \/api\/v2\/workforcemanagement\/businessunits\/\{businessUnitId\}\/weeks\/\{weekId\}\/schedules\/\{scheduleId\}\/update"/,
    );
  });
});
