/**
 * The CLI in-process through `run(argv, io)`: argument parsing, usage errors, command forms and exit codes, on
 * small literal cdk.tf.json documents (the real synthesized examples are in cli.test.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, UsageError } from '../../lib/cli/args';
import { EXIT, run } from '../../lib/cli/main';
import { memoryIo, roleJson as role, tmpDir } from './fixtures';

const CHICAGO = '${data.genesyscloud_auth_division.chicago.id}';

function doc(stackName: string, resource: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return {
    '//': { metadata: { stackName } },
    data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } },
    resource,
  };
}

const ORG = doc('org', {
  genesyscloud_auth_role: { reader: role('Reader', ['recording:screenRecording:view']) },
  genesyscloud_oauth_client: {
    qa: {
      name: 'QA',
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      roles: [{ role_id: '${genesyscloud_auth_role.reader.id}', division_id: CHICAGO }],
    },
    tool: { name: 'Tool', authorized_grant_type: 'CODE', scopes: ['analytics:readonly'] },
  },
});

let tmp: string;

beforeAll(() => {
  tmp = tmpDir('run');
  const write = (file: string, json: unknown): void => {
    fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
    fs.writeFileSync(path.join(tmp, file), typeof json === 'string' ? json : JSON.stringify(json));
  };
  write('org.json', ORG);
  write('out/stacks/org/cdk.tf.json', ORG);
  write('out/stacks/other/cdk.tf.json', { ...ORG, '//': { metadata: { stackName: 'other' } } });
  write('stackdir/cdk.tf.json', ORG);
  write('array.json', []);
  write('empty.json', {});
  write('manifest.json', { version: '0.21.0', stacks: {} });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const m = memoryIo(tmp);
  const code = await run(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

describe('parseArgs', () => {
  const flags = [
    { name: 'format', value: '<f>', choices: ['markdown', 'json'], description: '' },
    { name: 'plan', value: '<file>', description: '' },
    { name: 'help', short: 'h', description: '' },
  ];

  test('--flag value, --flag=value, short flags, -- and positionals', () => {
    const a = parseArgs(['x', '--format', 'json', '--plan=p.json', '-h', '--', '--y'], flags);
    expect(a.positionals).toEqual(['x', '--y']);
    expect([...a.flags.entries()]).toEqual([
      ['format', 'json'],
      ['plan', 'p.json'],
      ['help', true],
    ]);
  });

  test.each([
    [['--format'], '--format needs a value (markdown or json)'],
    [['--plan', '--format', 'json'], '--plan needs a value <file>'],
    [['--format', 'xml'], '--format must be markdown or json (got "xml").'],
    [['--format', 'jsno'], '--format must be markdown or json (got "jsno"). Did you mean "json"?'],
    [['--plan', 'a', '--plan', 'b'], '--plan is given more than once'],
    [['--help=yes'], '--help takes no value'],
    [['--plna', 'a'], 'unknown flag "--plna". Did you mean "--plan"?'],
    [['-x'], 'unknown flag "-x".'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseArgs(argv, flags)).toThrow(new UsageError(message));
  });
});

describe('run', () => {
  test('no command, unknown command, help', async () => {
    expect(await cli()).toEqual({
      code: EXIT.usage,
      out: '',
      err: 'genesys-access: missing command: report, diff, explain, deployer, snapshot, audit, generate (see `genesys-access --help`)\n',
    });
    const help = await cli('help', 'diff');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^genesys-access diff: /);
    expect((await cli('-h')).out).toMatch(/^genesys-access: review Genesys Cloud access/);
    expect((await cli('help')).out).toBe((await cli('--help')).out);
    expect(await cli('help', 'nope')).toMatchObject({ code: 2, out: '' });
  });

  test('report: a file, a stack directory, a cdktf.out directory and its stacks directory', async () => {
    const file = JSON.parse((await cli('report', 'org.json', '--format', 'json')).out);
    expect(file.stacks.map((s: any) => s.stack)).toEqual(['org']);
    expect((await cli('report', 'stackdir', '--format', 'json')).out).toBe(JSON.stringify(file) + '\n');
    const dir = JSON.parse((await cli('report', 'out', '--format', 'json')).out);
    expect(dir.stacks.map((s: any) => s.stack)).toEqual(['org', 'other']);
    expect((await cli('report', 'out/stacks', '--format', 'json')).out).toBe(JSON.stringify(dir) + '\n');
  });

  test('report: an empty document is a stack with nothing in it', async () => {
    const r = await cli('report', 'empty.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No principals (OAuth clients, users or groups) in this stack.');
  });

  test.each([
    [
      ['report'],
      'genesys-access: missing input: <cdktf.out | cdk.tf.json | .tf dir | .tf | .tf.json | org.json> (see `genesys-access report --help`)',
    ],
    [
      ['report', 'array.json'],
      'genesys-access: "array.json" holds a list at the top, not a synthesized cdk.tf.json (a JSON object): fix the syntax or regenerate it with `cdktf synth`',
    ],
    [
      ['report', 'manifest.json'],
      'genesys-access: "manifest.json" is not a synthesized cdk.tf.json: it has none of the sections resource, data, locals, terraform, provider, output, //',
    ],
    [['report', 'org.json', 'stackdir'], 'genesys-access: two inputs have a stack named "org": give each once'],
    [['diff', '--base', 'org.json'], 'genesys-access: missing --head <new> (see `genesys-access diff --help`)'],
    [
      ['diff', 'org.json', 'org.json'],
      'genesys-access: unexpected argument "org.json": use --base <old> --head <new>, or --plan <plan.json> (see `genesys-access diff --help`)',
    ],
    [
      ['diff', '--base', 'org.json', '--head', 'org.json', '--fail-on', 'everything'],
      'genesys-access: unknown --fail-on value "everything": give broadening, high-risk, none or change kinds (all-divisions, admin-grade, wildcard, secret-exposed, unknown-introduced, principal-added, grant-added, division-added, permission-added, operation-unlocked, scope-added, role-changed, access-removed). (see `genesys-access diff --help`)',
    ],
    [['explain'], 'genesys-access: missing operation: <METHOD> <PATH> (see `genesys-access explain --help`)'],
    [
      ['explain', 'FETCH', '/api/v2/users'],
      'genesys-access: unknown HTTP method "FETCH": use GET, HEAD, POST, PUT, PATCH, DELETE (see `genesys-access explain --help`)',
    ],
    [
      ['explain', '/api/v2/users'],
      'genesys-access: give the HTTP method: genesys-access explain GET /api/v2/users (see `genesys-access explain --help`)',
    ],
    [
      ['explain', 'GET', '/api/v2/users', 'extra'],
      'genesys-access: unexpected argument "extra": quote the path? (see `genesys-access explain --help`)',
    ],
    [
      ['explain', 'GET', '/api/v2/users', '--division', 'Chicago'],
      'genesys-access: --division needs --plan <cdk.tf.json | cdktf.out dir> (see `genesys-access explain --help`)',
    ],
    [
      ['explain', 'GET', '/api/v2/users', '--plan', 'out', '--principal', 'qa'],
      'genesys-access: principal "qa" is in stacks "org" and "other": choose one with --stack',
    ],
    [
      ['explain', 'GET', '/api/v2/users', '--plan', 'out', '--stack', 'orgg', '--principal', 'qa'],
      'genesys-access: no stack "orgg". Did you mean "org"? Stacks: org, other',
    ],
    [
      ['explain', 'wfm:schedule:publish'],
      'genesys-access: unknown permission "wfm:schedule:publish": there is no publish permission: a week schedule is published by importing it (wfm:schedule:add) or updating it (wfm:schedule:edit) with published=true, in the business unit\'s division. Did you mean "wfm:schedule:edit", "wfm:schedule:add", "wfm:schedule:view", "wfm:schedule:delete" or "wfm:schedule:generate"?',
    ],
  ])('%j: exit 2 with one line', async (argv, message) => {
    const r = await cli(...argv);
    expect(r).toEqual({ code: EXIT.usage, out: '', err: `${message}\n` });
  });

  test('explain accepts "METHOD PATH" in one argument, a concrete path, and an operation id', async () => {
    const a = await cli('explain', 'GET', '/api/v2/conversations/{conversationId}/recordings', '--format', 'json');
    const b = await cli('explain', 'get /api/v2/conversations/abc-123/recordings', '--format', 'json');
    const c = await cli('explain', 'getConversationRecordings', '--format', 'json');
    for (const r of [a, b, c]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).operation.key).toBe('GET /api/v2/conversations/{conversationId}/recordings');
    }
    expect(JSON.parse(b.out).query).toBe('get /api/v2/conversations/abc-123/recordings');
  });

  test('explain with --plan and no --principal lists who can call the operation', async () => {
    const r = await cli(
      'explain',
      'GET',
      '/api/v2/conversations/x/recordings',
      '--plan',
      'out',
      '--stack',
      'org',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).callers).toEqual([
      { stack: 'org', address: 'genesyscloud_oauth_client.qa', name: 'QA', verdict: 'allowed', allowedIn: ['Chicago'] },
      {
        stack: 'org',
        address: 'genesyscloud_oauth_client.tool',
        name: 'Tool',
        verdict: 'unknown',
        allowedIn: [],
        reason:
          'genesyscloud_oauth_client.tool has none of the scopes GET /api/v2/conversations/{conversationId}/recordings accepts (recordings, recordings:readonly); it has analytics:readonly: denied where the org enforces scopes',
      },
    ]);
    const home = await cli(
      'explain',
      'GET',
      '/api/v2/conversations/x/recordings',
      '--plan',
      'org.json',
      '--division',
      'home',
      '--scopes-enforced',
      '--format',
      'json',
    );
    expect(JSON.parse(home.out).callers).toEqual([]);
  });

  test('explain for a user-context client checks its scopes (exit 1 when none fits and scopes are enforced)', async () => {
    const args = ['explain', 'GET', '/api/v2/conversations/x/recordings', '--plan', 'org.json', '--principal', 'Tool'];
    // Orgs do not enforce scopes by default: without the scope the signed-in user's access may still apply.
    const unknown = await cli(...args, '--format', 'json');
    expect([unknown.code, JSON.parse(unknown.out).check.verdict]).toEqual([EXIT.unknown, 'unknown']);
    const r = await cli(...args, '--scopes-enforced', '--format', 'json');
    expect(r.code).toBe(EXIT.findings);
    const check = JSON.parse(r.out).check;
    expect(check.answer).toBe(
      'genesyscloud_oauth_client.tool (CODE) lacks a scope for GET /api/v2/conversations/{conversationId}/recordings: add one of "recordings" or "recordings:readonly"; it has analytics:readonly',
    );
    expect(check.fixes).toEqual([
      {
        summary: 'add scope "recordings:readonly" to genesyscloud_oauth_client.tool',
        constructs:
          "new UserContextClient(this, ..., { capabilities: ['screen-recording-read'] }) (scopes are computed), or extraScopes: ['recordings:readonly']",
        rawBindings: "scopes: [..., 'recordings:readonly'] on genesyscloud_oauth_client.tool",
      },
    ]);
    const ok = await cli(
      'explain',
      'POST',
      '/api/v2/analytics/conversations/details/query',
      '--plan',
      'org.json',
      '--principal',
      'tool',
    );
    // The scope is there; the signed-in user's roles decide the permissions, which the input does not hold.
    expect(ok.code).toBe(EXIT.unknown);
    expect(ok.out).toContain('**Cannot tell.** genesyscloud_oauth_client.tool has scope analytics:readonly');
  });

  test('explain of a real permission: what lists it and which capability grants it', async () => {
    const r = await cli('explain', 'oauth:client:add', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      permission: 'oauth:client:add',
      operations: { count: 1, examples: ['POST /api/v2/oauth/clients'] },
      capabilities: [],
      adminGrade: true,
    });
  });

  test('diff of a plan with itself changes nothing', async () => {
    const r = await cli('diff', '--base', 'org.json', '--head', 'stackdir', '--fail-on', 'broadening');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No widening');
    expect(r.out).toContain('No access changes.');
  });

  test('an unexpected error is one line too', async () => {
    const m = memoryIo(tmp);
    const io = {
      ...m.io,
      stdout: () => {
        throw new Error('disk full\n  at somewhere');
      },
    };
    expect(await run(['report', 'org.json'], io)).toBe(EXIT.usage);
    expect(m.err()).toBe(
      'genesys-access: internal error: disk full at somewhere; please report it with the command you ran (GENESYS_ACCESS_DEBUG=1 shows the stack)\n',
    );
  });

  test('error lines show control and bidi characters visibly, cut long arguments, and never echo file content', async () => {
    const m = memoryIo(tmp);
    expect(await run(['report', 'evil\u202e\u001b[31m.json'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toContain('evil\\u202E\\u001B[31m.json');
    expect(m.err()).not.toMatch(/[\u001b\u202e]/);
    const long = memoryIo(tmp);
    expect(await run(['x'.repeat(100_000)], long.io)).toBe(EXIT.usage);
    expect(long.err().length).toBeLessThan(2100);
    fs.writeFileSync(path.join(tmp, 'passwd.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const secret = memoryIo(tmp);
    expect(await run(['report', 'passwd.json'], secret.io)).toBe(EXIT.usage);
    expect(secret.err()).not.toContain('root:x');
    expect(secret.err()).toContain('"passwd.json" is not valid JSON');
  });
});
