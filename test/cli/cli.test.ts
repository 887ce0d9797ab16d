/**
 * The built `genesys-access` CLI (dist/lib/cli/main.js), run as a child process on really synthesized stacks:
 * every command against golden outputs, --help, exit codes, and one-line errors for bad input.
 * Rewrite the goldens with `UPDATE_GOLDEN=1 npx jest test/cli`.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  cli,
  expectGolden,
  expectJsonGolden,
  requireBuiltCli,
  synthDiffStack,
  synthExamples,
  synthSeed403,
  tmpDir,
} from './fixtures';

let tmp: string;
const BASE = 'base/stacks/contact-center/cdk.tf.json';
const HEAD = 'head/stacks/contact-center/cdk.tf.json';
const SEED = 'seed/stacks/qa-403/cdk.tf.json';
const RECORDINGS = 'GET /api/v2/conversations/{conversationId}/recordings';

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('cli');
  synthExamples(path.join(tmp, 'examples'));
  synthSeed403(path.join(tmp, 'seed'));
  synthDiffStack(path.join(tmp, 'base'), 'base');
  synthDiffStack(path.join(tmp, 'head'), 'head');
  fs.mkdirSync(path.join(tmp, 'empty'));
  fs.writeFileSync(path.join(tmp, 'broken.json'), '{"resource": {"genesyscloud_oauth_client": {');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return cli(args, tmp);
}

/** A one-line error on stderr, nothing that looks like a stack trace. */
function expectOneLineError(r: { stderr: string }, text: string): void {
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^genesys-access: /);
  expect(lines[0]).toContain(text);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('report', () => {
  test('a cdktf.out directory, per stack, as Markdown', () => {
    const r = run('report', 'examples');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectGolden('report-examples.md', r.stdout);
  });

  test('as JSON', () => {
    const r = run('report', 'examples', '--format', 'json');
    expect(r.status).toBe(0);
    expectJsonGolden('report-examples.json.golden', r.stdout);
    const qa = JSON.parse(r.stdout).stacks.find((s: any) => s.stack === 'screen-recording-qa').principals[0];
    expect([qa.name, qa.permissions, qa.divisions.map((d: any) => d.label)]).toEqual([
      'QA screen recording downloader',
      ['analytics:conversationDetail:view', 'recording:screenRecording:view'],
      ['Chicago', 'home'],
    ]);
  });

  test('exits 1 on an unsuppressed error finding', () => {
    const r = run('report', SEED);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('| error | `GCA-DIV1[QA recording reader]` | `genesyscloud_oauth_client.qa-client` |');
  });

  test('the output has no absolute paths and is the same on every run', () => {
    const a = run('report', 'examples', '--format', 'json');
    const b = run('report', path.join(tmp, 'examples'), '--format', 'json');
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).not.toContain(tmp);
  });
});

describe('diff', () => {
  test('Markdown for a PR comment', () => {
    const r = run('diff', '--base', BASE, '--head', HEAD);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectGolden('diff-contact-center.md', r.stdout);
  });

  test('JSON', () => {
    const r = run('diff', '--base', BASE, '--head', HEAD, '--format', 'json');
    expect(r.status).toBe(0);
    expectJsonGolden('diff-contact-center.json.golden', r.stdout);
  });

  test('--fail-on broadening exits 1 when access widens, 0 when it does not; high-risk is the narrow set', () => {
    expect(run('diff', '--base', BASE, '--head', HEAD, '--fail-on', 'broadening').status).toBe(1);
    expect(run('diff', '--base', BASE, '--head', HEAD, '--fail-on', 'high-risk').status).toBe(1);
    const same = run('diff', '--base', 'examples', '--head', 'examples', '--fail-on', 'broadening');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('**Gate: passes** (`--fail-on broadening`): no change fails it. Nothing changed.');
    expect(same.stdout).toContain('No widening');
    // In reverse, two principals come back (widening) but nothing high-risk is added.
    expect(run('diff', '--base', HEAD, '--head', BASE, '--fail-on', 'broadening').status).toBe(1);
    expect(run('diff', '--base', HEAD, '--head', BASE, '--fail-on', 'high-risk').status).toBe(0);
    expect(run('diff', '--base', HEAD, '--head', BASE, '--fail-on', 'access-removed').status).toBe(1);
  });
});

describe('explain', () => {
  test('seed 403 (a): the QA client holds recording view only in home; the fix is to grant the role in Chicago', () => {
    const r = run(
      'explain',
      'GET',
      '/api/v2/conversations/abc-123/recordings',
      '--plan',
      SEED,
      '--principal',
      'qa-client',
      '--division',
      'Chicago',
    );
    expect(r.status).toBe(1);
    expectGolden('explain-seed-403.md', r.stdout);
    expect(r.stdout).toContain(
      'it is allowed only in "home (implicit: no division given)": grant the role in "Chicago"',
    );
    expect(r.stdout).toContain("role.grant(client, Division.fromName(this, 'chicago', 'Chicago'))");
  });

  test('seed 403 (a) as JSON', () => {
    const r = run(
      'explain',
      RECORDINGS,
      '--plan',
      SEED,
      '--principal',
      'QA recording downloader',
      '--division',
      'Chicago',
      '--format',
      'json',
    );
    expect(r.status).toBe(1);
    expectJsonGolden('explain-seed-403.json.golden', r.stdout);
  });

  test('seed 403 (b): there is no publish endpoint; update and import are the real operations', () => {
    const r = run('explain', 'POST', '/api/v2/wfm/schedules/{scheduleId}/publish');
    expect(r.status).toBe(2);
    expectGolden('explain-wfm-publish.md', r.stdout);
    expectOneLineError(
      r,
      'unknown operation "POST /api/v2/wfm/schedules/{scheduleId}/publish": there is no publish endpoint',
    );
    expect(r.stderr).toContain(
      'Did you mean "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/update", "POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/import"',
    );
  });

  test('the details export job: the same least-privilege pick as the capabilities', () => {
    const r = run('explain', 'POST', '/api/v2/analytics/conversations/details/jobs', '--format', 'json');
    expect(r.status).toBe(0);
    const op = JSON.parse(r.stdout).operation;
    expect([op.pick.permission, op.leastPrivilege, op.capability]).toEqual([
      'analytics:conversationDetail:view',
      ['analytics:conversationDetail:view'],
      'analytics-conversation-detail-export',
    ]);
    expect(op.pick.why).toContain("the agent-oriented one is for agents' own conversations");
  });

  test('the fixed example: the QA client can download Chicago recordings', () => {
    const r = run(
      'explain',
      RECORDINGS,
      '--plan',
      'examples',
      '--principal',
      'QA screen recording downloader',
      '--division',
      'Chicago',
    );
    expect(r.status).toBe(0);
    expectGolden('explain-screen-recording-qa.md', r.stdout);
  });
});

describe('deployer', () => {
  test('Markdown', () => {
    const r = run('deployer', 'examples');
    expect(r.status).toBe(0);
    expectGolden('deployer-examples.md', r.stdout);
  });

  test('JSON', () => {
    const r = run('deployer', 'examples', '--format', 'json');
    expect(r.status).toBe(0);
    expectJsonGolden('deployer-examples.json.golden', r.stdout);
  });
});

describe('manners', () => {
  test('--help at the top and on every command, --version', () => {
    const top = run('--help');
    expect(top.status).toBe(0);
    expectGolden('help.txt', top.stdout);
    for (const c of ['report', 'diff', 'explain', 'deployer']) {
      const r = run(c, '--help');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^genesys-access ${c}: `));
      expect(r.stdout).toContain('Exit codes:');
    }
    const v = run('--version');
    expect(v.stdout).toBe(
      `${JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version}\n`,
    );
  });

  test.each([
    ['a missing file', ['report', 'nope.json'], 'cannot read "nope.json": no such file or directory'],
    ['malformed JSON', ['report', 'broken.json'], '"broken.json" is not valid JSON'],
    [
      'a directory with no stacks',
      ['deployer', 'empty'],
      'no input in "empty": expected a cdktf.out or stack directory',
    ],
    [
      'an unknown principal',
      ['explain', RECORDINGS, '--plan', SEED, '--principal', 'qa-clinet'],
      'no principal "qa-clinet" in stack "qa-403". Did you mean "qa-client"',
    ],
    [
      'an unknown flag',
      ['report', 'examples', '--fromat', 'json'],
      'unknown flag "--fromat" for "genesys-access report". Did you mean "--format" or "--input-format"?',
    ],
    ['an unknown command', ['reprot', 'examples'], 'unknown command "reprot". Did you mean "report"?'],
    [
      'an invented endpoint',
      ['explain', 'GET', '/api/v2/recordings/screen/{recordingId}'],
      'unknown operation "GET /api/v2/recordings/screen/{recordingId}": screen recordings are read through their conversation',
    ],
  ])('%s: exit 2 and one line on stderr', (_what, args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expectOneLineError(r, message);
  });
});
