import { Capabilities, Catalog, CustomCapability } from '../../lib';
import { checkOperation } from '../../lib/access/operation-rule';

describe.each(Capabilities.ids())('capability %s', (id) => {
  const cap = Capabilities.resolve(id);

  test('every operation is satisfied by the derived permissions', () => {
    for (const op of cap.operations)
      expect([op.operationId, checkOperation(op, cap.permissions).allowed]).toEqual([op.operationId, true]);
  });

  test('least privilege: every permission is required by at least one operation, and dropping it breaks one', () => {
    for (const p of cap.permissions) {
      const without = cap.permissions.filter((x) => x !== p);
      const broken = cap.operations.filter((op) => !checkOperation(op, without).allowed).map((o) => o.operationId);
      expect([p, broken.length > 0]).toEqual([p, true]);
    }
  });

  test('every permission is in the catalog and every choice is one of its documented alternatives', () => {
    for (const p of cap.permissions) expect(Catalog.isPermission(p)).toBe(true);
    for (const c of cap.choices) {
      const op = Catalog.operation(c.operationId)!;
      expect(c.rule === 'all' ? op.allOf : op.anyOf).toContain(c.permission);
    }
  });

  test('scopes cover every operation with known scopes', () => {
    for (const op of cap.operations) {
      if (op.scopes.length)
        expect([op.operationId, op.scopes.some((s) => cap.scopes.includes(s))]).toEqual([op.operationId, true]);
    }
  });
});

describe('derived permission sets', () => {
  test.each([
    ['screen-recording-read', ['recording:screenRecording:view'], ['quality:readonly', 'recordings:readonly']],
    ['audio-recording-read', ['recording:recording:view'], ['quality:readonly', 'recordings:readonly']],
    ['wfm-schedule-read', ['wfm:schedule:view'], ['workforce-management:readonly']],
    ['wfm-schedule-publish', ['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view'], ['workforce-management']],
    ['analytics-conversation-detail-query', ['analytics:conversationDetail:view'], ['analytics:readonly']],
    ['analytics-conversation-detail-export', ['analytics:conversationDetail:view'], ['analytics:readonly']],
    ['analytics-queue-observation-query', ['analytics:queueObservation:view'], ['analytics:readonly']],
    ['routing-queue-read', ['routing:queue:view'], ['routing:readonly']],
    [
      'routing-queue-manage',
      ['routing:queue:add', 'routing:queue:delete', 'routing:queue:edit', 'routing:queue:view'],
      ['routing'],
    ],
    ['routing-queue-membership-manage', ['routing:queue:view', 'routing:queueMember:manage'], ['routing']],
    ['recording-retention-edit', ['recording:recording:editRetention'], ['recordings']],
    [
      'recording-bulk-export',
      [
        'recording:job:add',
        'recording:job:delete',
        'recording:job:edit',
        'recording:job:view',
        'recording:recording:editRetention',
        'recording:screenRecording:editRetention',
        'recording:snippetRecording:editRetention',
      ],
      ['recordings'],
    ],
    ['architect-flow-publish', ['architect:flow:edit', 'architect:flow:publish', 'architect:flow:view'], ['architect']],
    [
      'external-contact-read',
      ['externalContacts:contact:view', 'externalContacts:externalOrganization:view'],
      ['external-contacts:readonly'],
    ],
    ['api-usage-read', ['usage:client:view', 'usage:organization:view'], ['oauth:readonly']],
    [
      'org-access-read',
      ['authorization:grant:view', 'authorization:policy:view', 'authorization:role:view', 'oauth:client:view'],
      ['authorization:readonly', 'groups:readonly', 'oauth:readonly', 'users:readonly'],
    ],
    ['notification-subscription', [], ['notifications']],
  ])('%s → %j, scopes %j', (id, permissions, scopes) => {
    expect(Capabilities.resolve(id).permissions).toEqual(permissions);
    expect(Capabilities.resolve(id).scopes).toEqual(scopes);
  });

  test('at least 30 capabilities, covering the jobs integrations really do', () => {
    expect(Capabilities.ids().length).toBeGreaterThanOrEqual(30);
    const jobs: Record<string, string[]> = {
      'routing queues': ['routing-queue-read', 'routing-queue-manage'],
      'users and presence': ['user-read', 'user-presence-read'],
      'conversation details': ['analytics-conversation-detail-query', 'analytics-conversation-detail-export'],
      'aggregates and observations': [
        'analytics-conversation-aggregate-query',
        'analytics-queue-observation-query',
        'analytics-user-observation-query',
      ],
      recordings: [
        'screen-recording-read',
        'audio-recording-read',
        'recording-bulk-export',
        'recording-retention-edit',
      ],
      quality: ['quality-evaluation-read'],
      'WFM schedules and adherence': ['wfm-schedule-read', 'wfm-schedule-publish', 'wfm-adherence-read'],
      outbound: ['outbound-campaign-manage'],
      architect: ['architect-flow-publish'],
      'external contacts': ['external-contact-read', 'external-contact-manage'],
      'speech and text analytics': ['speech-analytics-transcript-read', 'speech-analytics-topic-manage'],
      knowledge: ['knowledge-read'],
      notifications: ['notification-subscription'],
      audits: ['audit-read'],
      'API usage': ['api-usage-read'],
      "the org's access": ['org-access-read'],
    };
    for (const [job, ids] of Object.entries(jobs)) {
      for (const id of ids) expect([job, id, Capabilities.isCapability(id)]).toEqual([job, id, true]);
    }
  });

  test("org-access-read covers what a live snapshot of the org's access calls", () => {
    const keys = Capabilities.resolve('org-access-read').operations.map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/v2/authorization/divisions',
        'GET /api/v2/authorization/roles',
        'GET /api/v2/authorization/roles/{roleId}/subjectgrants',
        'GET /api/v2/oauth/clients',
        'GET /api/v2/authorization/subjects/{subjectId}',
        'GET /api/v2/users',
        'GET /api/v2/groups',
        'POST /api/v2/oauth/clients/{clientId}/usage/query',
        'GET /api/v2/authorization/permissions',
      ]),
    );
  });

  test('fails for an unknown capability with a suggestion', () => {
    expect(() => Capabilities.resolve('screen-recording-reader')).toThrow(
      /^unknown capability "screen-recording-reader". Did you mean "screen-recording-read"/,
    );
  });
});

describe('Capabilities.define', () => {
  test('resolves like a built-in one, by the same ranking', () => {
    const c = Capabilities.define({
      id: 'nightly-detail-export',
      summary: "Export yesterday's conversation details.",
      operations: ['POST /api/v2/analytics/conversations/details/jobs', 'getAnalyticsConversationsDetailsJobResults'],
    });
    expect(CustomCapability.isCustomCapability(c)).toBe(true);
    expect(c.problems).toEqual([]);
    const r = Capabilities.resolve(c);
    expect([r.id, r.builtIn, r.permissions, r.scopes]).toEqual([
      'nightly-detail-export',
      false,
      ['analytics:conversationDetail:view'],
      ['analytics:readonly'],
    ]);
    expect(r.choices[0].why).toMatch(/^preferred over analytics:agentConversationDetail:view/);
  });

  test.each([
    [null, /^Capabilities.define needs \{ id, summary, operations, prefer\?, notes\? \} \(got null\)$/],
    [
      { id: 'x', summary: 'S', operations: 'GET /api/v2/users' },
      /needs operations: a list of .* \(got "GET \/api\/v2\/users"\)/,
    ],
    [{ id: 'x', summary: 'S', operations: [42] }, /each operation must be a string \(got number 42\)/],
    [{ id: 42, summary: 'S', operations: ['getUsers'] }, /id must be a kebab-case string .* \(got number 42\)/],
    [
      { id: 'x', summary: 'S', operations: ['getUsers'], prefer: 'directory:user:view' },
      /prefer must be a list of \{ permission, why \}/,
    ],
    [
      { id: 'x', summary: 'S', operations: ['getUsers'], permissions: ['directory:user:view'] },
      /does not take "permissions": permissions are derived from the operations/,
    ],
    [
      {
        id: 'x',
        summary: 'S',
        operations: ['getUsers'],
        prefer: [{ permission: 'directory:user:read', why: 'a reason here' }],
      },
      /prefers unknown permission "directory:user:read".*Did you mean "directory:user:view"/,
    ],
  ])('a JavaScript mistake is one line: %j', (def, expected) => {
    const problems = Capabilities.define(def as never).problems;
    expect(problems).toEqual([expect.stringMatching(expected)]);
    expect(problems[0]).not.toContain('\n');
    expect(() => Capabilities.resolve(Capabilities.define(def as never))).toThrow(expected);
  });
});
