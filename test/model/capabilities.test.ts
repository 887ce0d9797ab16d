import { Capabilities, Catalog } from '../../lib';
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
  ])('%s → %j, scopes %j', (id, permissions, scopes) => {
    expect(Capabilities.resolve(id).permissions).toEqual(permissions);
    expect(Capabilities.resolve(id).scopes).toEqual(scopes);
  });

  test('fails for an unknown capability with a suggestion', () => {
    expect(() => Capabilities.resolve('screen-recording-reader')).toThrow(
      /^unknown capability "screen-recording-reader". Did you mean "screen-recording-read"/,
    );
  });
});
