/**
 * The one ranking of ANY-of alternatives (lib/access/ranking.ts): its order, the smallest cover, and that
 * capabilities, explain and deployer agree on every operation of every built-in capability.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Capabilities, Catalog, pickAlternative, preferenceRules, rankAlternatives } from '../../lib';
import { coverOperations } from '../../lib/access/ranking';
import { minimalPermissions } from '../../lib/doctor/deployer';
import { operationInfo } from '../../lib/doctor/operation-info';

const JOBS = 'POST /api/v2/analytics/conversations/details/jobs';

describe('rankAlternatives', () => {
  test('a job preference first, then a built-in preference, then the narrowest', () => {
    const alts = ['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view'];
    // The agent-oriented one is listed by fewer operations: the narrowest alone would pick it.
    expect(Catalog.operationsListing(alts[1]).length).toBeLessThan(Catalog.operationsListing(alts[0]).length);
    expect(rankAlternatives(alts).map((r) => [r.permission, r.source])).toEqual([
      ['analytics:conversationDetail:view', 'rule'],
      ['analytics:agentConversationDetail:view', 'narrowest'],
    ]);
    expect(pickAlternative(alts).why).toMatch(
      /^preferred over analytics:agentConversationDetail:view: the agent-oriented/,
    );
    const job = [{ permission: 'analytics:agentConversationDetail:view', why: 'agents export their own' }];
    expect(pickAlternative(alts, job)).toEqual({ ...job[0], source: 'job' });
  });

  test('real permissions before general role permissions, fewest listing operations first', () => {
    const r = rankAlternatives(['admin', 'directory:user:edit', 'directory:organization:admin']);
    expect(r.map((x) => x.permission)).toEqual(['directory:user:edit', 'directory:organization:admin', 'admin']);
    expect(r[0].why).toBe(
      `listed by the fewest operations (${Catalog.operationsListing('directory:user:edit').length}) of the 3 alternatives`,
    );
  });

  test('every built-in preference names alternatives of one real operation, with a reason', () => {
    expect(preferenceRules().length).toBeGreaterThanOrEqual(5);
    for (const r of preferenceRules()) {
      expect(r.why.length).toBeGreaterThan(20);
      for (const o of r.over) {
        const op = Catalog.operations().find((x) => x.anyOf.includes(r.prefer) && x.anyOf.includes(o));
        expect([r.prefer, o, op !== undefined]).toEqual([r.prefer, o, true]);
        expect(pickAlternative(op!.anyOf).permission).not.toBe(o);
      }
    }
  });
});

describe('coverOperations', () => {
  const op = (key: string, anyOf: string[], allOf: string[] = []) => ({ key, anyOf, allOf });

  test('uses a permission already needed, and drops a pick a later one makes redundant', () => {
    const r = coverOperations([op('A', ['a:a:a', 'b:b:b']), op('B', ['b:b:b', 'c:c:c']), op('C', ['b:b:b'])]);
    // C needs b:b:b alone, so A and B are met by it: nothing else is granted.
    expect(r.permissions).toEqual(['b:b:b']);
    expect(r.choices.map((c) => [c.pick, c.source])).toEqual([
      ['b:b:b', 'needed-anyway'],
      ['b:b:b', 'needed-anyway'],
    ]);
    const later = coverOperations([op('A', ['x:x:x', 'y:y:y']), op('B', ['y:y:y', 'z:z:z'])], {
      prefer: [
        { permission: 'x:x:x', why: 'first' },
        { permission: 'y:y:y', why: 'second' },
      ],
    });
    // x first for A, y for B; y meets A too, so x would be a permission no operation needs.
    expect(later.permissions).toEqual(['y:y:y']);
    const pruned = coverOperations([op('A', ['x:x:x', 'y:y:y']), op('B', ['y:y:y', 'z:z:z'])], {
      pickFor: (alts) => ({ permission: alts.includes('z:z:z') ? 'y:y:y' : 'x:x:x', why: 'test' }),
    });
    // A picked x first; B then needed y, which also meets A: x is dropped.
    expect(pruned.permissions).toEqual(['y:y:y']);
  });
});

describe('one ranking: capabilities, explain and deployer agree', () => {
  const groups = Capabilities.ids().flatMap((id) =>
    Capabilities.resolve(id)
      .choices.filter((c) => c.rule === 'any' && c.alternatives.length > 1)
      .map((c) => [id, c.operationId, c] as const),
  );

  test('there are ANY-of groups to compare', () => expect(groups.length).toBeGreaterThan(40));

  test.each(groups.filter(([, , c]) => c.source === 'rule' || c.source === 'narrowest'))(
    '%s: %s is decided by the ranking alone, and explain and deployer pick the same',
    (_id, operationId, c) => {
      const op = Catalog.requireOperation(operationId);
      expect(c.permission).toBe(pickAlternative(op.anyOf).permission);
      expect(operationInfo(op).pick?.permission).toBe(c.permission);
      expect(minimalPermissions([{ ...op }]).choices[0].pick).toBe(c.permission);
    },
  );

  test.each(groups.filter(([, , c]) => c.source === 'job'))(
    "%s: %s follows the job preference; explain ranks the jobs' picks the same way",
    (id, operationId, c) => {
      const op = Catalog.requireOperation(operationId);
      const picks = Capabilities.ids()
        .map((x) => Capabilities.resolve(x).choices.find((y) => y.operationId === operationId && y.rule === 'any'))
        .filter((y) => y && y.source !== 'needed-anyway')
        .map((y) => y!.permission);
      expect(picks).toContain(c.permission);
      expect(operationInfo(op).pick?.permission).toBe(pickAlternative(picks).permission);
      expect(minimalPermissions([{ ...op }]).choices[0].pick).toBe(operationInfo(op).pick?.permission);
      expect(id).toBeTruthy();
    },
  );

  test(`${JOBS}: capabilities, explain and deployer all pick analytics:conversationDetail:view`, () => {
    const op = Catalog.requireOperation(JOBS);
    const cap = Capabilities.resolve('analytics-conversation-detail-export');
    expect(cap.choices.find((c) => c.operationId === op.operationId)?.permission).toBe(
      'analytics:conversationDetail:view',
    );
    expect(cap.permissions).toEqual(['analytics:conversationDetail:view']);
    const info = operationInfo(op);
    expect(info.pick?.permission).toBe('analytics:conversationDetail:view');
    expect(info.capability).toBe('analytics-conversation-detail-export');
    expect(minimalPermissions([{ ...op }]).permissions).toEqual(['analytics:conversationDetail:view']);
    // Even with no capability containing it, the ranking decides the same.
    expect(pickAlternative(op.anyOf).permission).toBe('analytics:conversationDetail:view');
  });

  test('no other module ranks alternatives: the breadth of a permission is computed in ranking.ts only', () => {
    const lib = path.resolve(__dirname, '../../lib');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (f.name.endsWith('.ts') && !p.endsWith(path.join('access', 'ranking.ts'))) {
          const src = fs.readFileSync(p, 'utf8');
          if (/operationsListing\([^)]*\)\.length|function narrowestOf|function breadth/.test(src))
            offenders.push(path.relative(lib, p));
        }
      }
    };
    walk(lib);
    expect(offenders).toEqual([]);
  });
});
