/**
 * changesSarif over hand-built diff changes (with locations in a really synthesized cdk.tf.json): valid SARIF
 * 2.1.0, one rule per change kind, levels that follow the gate, policy exceptions as external suppressions,
 * sorted and stable results, and no raw control characters in the text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHANGE_KINDS, type Change } from '../../lib/review/changes';
import { buildDiff } from '../../lib/review/diff';
import { parseFailOn } from '../../lib/review/fail-on';
import { evaluateGate } from '../../lib/review/gate';
import { parsePolicy } from '../../lib/review/policy';
import { changeLevel, changesSarif, renderSarif, type SarifResult } from '../../lib/review/sarif';
import { loadInputs } from '../../lib/sources';
import { synthDiffStack, tmpDir } from '../cli/fixtures';
import { sarifErrors } from './sarif-schema';

let root: string;
let head: string;

beforeAll(() => {
  root = tmpDir('sarif-changes');
  fs.mkdirSync(path.join(root, '.git'));
  synthDiffStack(path.join(root, 'base'), 'base');
  head = path.relative(root, synthDiffStack(path.join(root, 'head'), 'head'));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function changes(): Change[] {
  return [
    {
      kind: 'access-removed',
      widening: false,
      stack: 'contact-center',
      subject: 'genesyscloud_oauth_client.legacy',
      name: 'Legacy schedule export',
      detail: 'Legacy schedule export was removed.',
    },
    {
      kind: 'all-divisions',
      widening: true,
      stack: 'contact-center',
      subject: 'genesyscloud_oauth_client.reporting',
      name: 'Reporting',
      division: 'all divisions',
      role: 'Conversation analytics',
      detail: 'Reporting is granted Conversation analytics in all divisions.',
      location: {
        file: head,
        pointer: '/resource/genesyscloud_oauth_client/reporting',
        constructPath: 'contact-center/reporting',
      },
    },
    {
      kind: 'permission-added',
      widening: true,
      stack: 'contact-center',
      subject: 'genesyscloud_oauth_client.qa',
      name: 'QA screen recording downloader',
      division: 'Chicago',
      permission: 'recording:screenRecording:view',
      detail: 'QA screen recording downloader gains recording:screenRecording:view in Chicago.',
      location: { file: head, pointer: '/resource/genesyscloud_oauth_client/qa_client_A2209C25' },
    },
    {
      kind: 'secret-exposed',
      widening: true,
      stack: 'contact-center',
      subject: 'genesyscloud_oauth_client.qa',
      name: 'QA screen recording downloader',
      detail: 'QA screen recording downloader exposes its secret in state.',
      location: { file: 'main.tf', line: 7 },
    },
    {
      kind: 'role-changed',
      widening: true,
      stack: 'agents',
      subject: 'genesyscloud_auth_role.restricted',
      name: 'Restricted \u202Eelor\u202C',
      permission: 'directory:user:*',
      detail: 'Role "Restricted \u202Eelor\u202C"\n gains directory:user:*\u0007.',
    },
  ];
}

const RESULTS = (log: ReturnType<typeof changesSarif>): readonly SarifResult[] => log.runs[0].results;

describe('changesSarif', () => {
  test('valid SARIF 2.1.0 with one rule per change kind, described', () => {
    const log = changesSarif(changes(), { cwd: root, failing: [1], excepted: [{ index: 2, reason: 'QA review' }] });
    expect(sarifErrors(log)).toEqual([]);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(CHANGE_KINDS.map((k) => `genesys-access/${k}`));
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(10);
      expect(r.fullDescription.text.length).toBeGreaterThan(r.shortDescription.text.length);
      expect(r.help.text.length).toBeGreaterThan(10);
    }
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.shortDescription.text)).size).toBe(rules.length);
    for (const r of RESULTS(log)) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  test('levels follow the gate: error when failing, warning for other widening, note otherwise', () => {
    const log = changesSarif(changes(), { cwd: root, failing: [1, 4] });
    const byIndex = new Map(RESULTS(log).map((r) => [r.properties.changeIndex, r.level]));
    expect([...byIndex].sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [0, 'note'],
      [1, 'error'],
      [2, 'warning'],
      [3, 'warning'],
      [4, 'error'],
    ]);
    expect(RESULTS(changesSarif(changes(), { cwd: root })).map((r) => r.level)).not.toContain('error');
    // A failing narrowing change (a policy may fail on removals) is an error too.
    expect(changeLevel(changes()[0], true)).toBe('error');
  });

  test('an excepted change carries the exception as an external suppression', () => {
    const log = changesSarif(changes(), {
      cwd: root,
      excepted: [{ index: 1, reason: 'reporting reads every division by design' }],
    });
    const rs = RESULTS(log);
    const excepted = rs.filter((r) => r.suppressions);
    expect(excepted.map((r) => [r.properties.changeIndex, r.suppressions])).toEqual([
      [1, [{ kind: 'external', status: 'accepted', justification: 'reporting reads every division by design' }]],
    ]);
  });

  test('sorted by change kind, then subject; the same results whatever the input order', () => {
    const list = changes();
    const log = changesSarif(list, { cwd: root, failing: [1] });
    const order = RESULTS(log).map((r) => r.ruleId.replace('genesys-access/', ''));
    expect(order).toEqual(['all-divisions', 'secret-exposed', 'permission-added', 'role-changed', 'access-removed']);
    const reversed = [...list].reverse();
    const again = changesSarif(reversed, { cwd: root, failing: [list.length - 2] });
    const strip = (rs: readonly SarifResult[]): unknown[] =>
      rs.map((r) => ({ ...r, properties: { ...r.properties, changeIndex: undefined } }));
    expect(strip(RESULTS(again))).toEqual(strip(RESULTS(log)));
    expect(renderSarif(changesSarif(list, { cwd: root }))).toBe(renderSarif(changesSarif(list, { cwd: root })));
  });

  test('locations: the uri from the repository root and the line the JSON pointer names in the real file', () => {
    const rs = RESULTS(changesSarif(changes(), { cwd: root, stackFiles: new Map([['agents', 'agents.tf.json']]) }));
    const text = fs.readFileSync(path.join(root, head), 'utf8').split('\n');
    const all = rs.find((r) => r.ruleId === 'genesys-access/all-divisions')!;
    const loc = all.locations[0];
    expect(loc.physicalLocation!.artifactLocation).toEqual({
      uri: 'head/stacks/contact-center/cdk.tf.json',
      uriBaseId: '%SRCROOT%',
    });
    expect(text[loc.physicalLocation!.region!.startLine - 1]).toMatch(/^\s*"reporting": \{$/);
    expect(loc.logicalLocations).toEqual([
      { fullyQualifiedName: 'genesyscloud_oauth_client.reporting', kind: 'resource' },
      { fullyQualifiedName: 'contact-center/reporting', kind: 'module' },
    ]);
    expect(all.properties).toMatchObject({
      jsonPointer: '/resource/genesyscloud_oauth_client/reporting',
      constructPath: 'contact-center/reporting',
      division: 'all divisions',
      role: 'Conversation analytics',
    });
    const perm = rs.find((r) => r.ruleId === 'genesys-access/permission-added')!;
    expect(text[perm.locations[0].physicalLocation!.region!.startLine - 1]).toMatch(/^\s*"qa_client_A2209C25": \{$/);
    // A line given is used as is; a change with no location falls back to its stack's file (no line).
    const secret = rs.find((r) => r.ruleId === 'genesys-access/secret-exposed')!;
    expect(secret.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7 },
    });
    const role = rs.find((r) => r.ruleId === 'genesys-access/role-changed')!;
    expect(role.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'agents.tf.json', uriBaseId: '%SRCROOT%' },
    });
    const removed = rs.find((r) => r.ruleId === 'genesys-access/access-removed')!;
    expect(removed.locations[0].physicalLocation).toBeUndefined();
  });

  test('control and bidi characters never reach the text raw; the message is one line', () => {
    const log = changesSarif(changes(), {
      cwd: root,
      excepted: [{ index: 4, reason: 'approved \u202Eyb\u202C security\nteam' }],
    });
    const role = RESULTS(log).find((r) => r.ruleId === 'genesys-access/role-changed')!;
    const raw = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
    expect(role.message.text).not.toMatch(raw);
    expect(role.message.text).toBe(
      'role-changed genesyscloud_auth_role.restricted: Role "Restricted \\u202Eelor\\u202C"  gains directory:user:*\\u0007.',
    );
    expect(role.suppressions![0].justification).toBe('approved \\u202Eyb\\u202C security team');
    expect(sarifErrors(log)).toEqual([]);
  });

  test('fingerprints: one per change, the same for the same change at another index or with another detail', () => {
    const list = changes();
    const prints = RESULTS(changesSarif(list, { cwd: root })).map((r) => r.partialFingerprints['genesysAccess/v1']);
    expect(new Set(prints).size).toBe(list.length);
    const moved = [{ ...list[2], detail: 'reworded' }, list[0]];
    const again = RESULTS(changesSarif(moved, { cwd: root })).find((r) => r.ruleId.endsWith('permission-added'))!;
    const before = RESULTS(changesSarif(list, { cwd: root })).find((r) => r.ruleId.endsWith('permission-added'))!;
    expect(again.partialFingerprints).toEqual(before.partialFingerprints);
  });

  test('no changes: a valid log with the rules and no results', () => {
    const log = changesSarif([], { cwd: root });
    expect(sarifErrors(log)).toEqual([]);
    expect(RESULTS(log)).toEqual([]);
  });

  test.each([
    ['failing', { failing: [5] }],
    ['failing', { failing: [-1] }],
    ['excepted', { excepted: [{ index: 1.5, reason: 'x' }] }],
  ])('%s: an index that names no change is an error', (what, options) => {
    expect(() => changesSarif(changes(), { cwd: root, ...options })).toThrow(
      new RegExp(`^${what} index .* is not the index of one of the 5 changes$`),
    );
  });

  test('the schema check itself rejects what is not SARIF', () => {
    const log = changesSarif(changes(), { cwd: root });
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    broken.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'has space.json';
    delete broken.runs[0].results[2].message;
    const errors = sarifErrors(broken);
    expect(errors.join('\n')).toMatch(/results\/0\/level/);
    expect(errors.join('\n')).toMatch(/results\/1\/locations\/0\/physicalLocation\/artifactLocation\/uri/);
    expect(errors.join('\n')).toMatch(/results\/2 must have required property 'message'/);
  });

  describe('over the changes diff finds in real syntheses, gated', () => {
    async function diffOf(failOn: string[], policy?: unknown) {
      const model = buildDiff(await loadInputs('base', { cwd: root }), await loadInputs('head', { cwd: root }));
      const p = policy === undefined ? undefined : parsePolicy(policy, 'genesys-access.policy.json');
      const gate = evaluateGate(model.changes, parseFailOn(failOn), p);
      const log = changesSarif(model.changes, { cwd: root, failing: gate.failing, excepted: gate.excepted });
      expect(sarifErrors(log)).toEqual([]);
      return { changes: model.changes, gate, results: RESULTS(log) };
    }

    test('broadening: every widening change is an error, each removal a note, each at its resource', async () => {
      const { changes: list, gate, results } = await diffOf(['broadening']);
      expect(list.length).toBeGreaterThan(5);
      expect(results).toHaveLength(list.length);
      const failing = new Set(gate.failing.map((f) => f.index));
      let located = 0;
      for (const r of results) {
        const c = list[Number(r.properties.changeIndex)];
        expect(r.ruleId).toBe(`genesys-access/${c.kind}`);
        expect(r.level).toBe(failing.has(Number(r.properties.changeIndex)) ? 'error' : c.widening ? 'warning' : 'note');
        if (failing.has(Number(r.properties.changeIndex))) expect(r.message.text).toContain('Fails the gate');
        const loc = r.locations[0].physicalLocation;
        if (c.location?.pointer === undefined || !loc?.region) continue;
        // The line is the resource's (or data source's) key in the file the change names.
        const file = fs.readFileSync(path.join(root, decodeURIComponent(loc.artifactLocation.uri)), 'utf8');
        const name = c.location.pointer.split('/').pop()!;
        expect(file.split('\n')[loc.region.startLine - 1]).toMatch(new RegExp(`^\\s*"${name}": \\{$`));
        located++;
      }
      expect(located).toBeGreaterThan(5);
      expect(results.filter((r) => r.level === 'error').length).toBe(failing.size);
      expect(results.some((r) => r.level === 'note')).toBe(true);
      expect(results.some((r) => r.ruleId === 'genesys-access/all-divisions' && r.level === 'error')).toBe(true);
    });

    test('high-risk with a policy exception: the rest widening is a warning, the excepted one suppressed', async () => {
      const { gate, results } = await diffOf(['high-risk'], {
        version: 1,
        exceptions: [{ kind: 'secret-exposed', reason: 'the QA client secret is rotated daily' }],
      });
      expect(gate.excepted.length).toBeGreaterThan(0);
      const excepted = results.filter((r) => r.suppressions);
      expect(excepted.map((r) => [r.ruleId, r.suppressions])).toEqual(
        gate.excepted.map(() => [
          'genesys-access/secret-exposed',
          [{ kind: 'external', status: 'accepted', justification: 'the QA client secret is rotated daily' }],
        ]),
      );
      for (const r of excepted) expect(r.level).not.toBe('error');
      expect(results.some((r) => r.ruleId === 'genesys-access/permission-added' && r.level === 'warning')).toBe(true);
    });
  });
});
