/**
 * The pull-request gate as a reviewer meets it: `diff --fail-on` over change kinds, the policy file with reasons,
 * and the exit codes (0 pass, 1 fail, 2 usage or input, 3 the input cannot tell), on literal cdk.tf.json stacks
 * run through the CLI in-process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXIT, run } from '../../lib/cli/main';
import { memoryIo, roleJson as role, tmpDir } from './fixtures';

const CHICAGO = '${data.genesyscloud_auth_division.chicago.id}';
const DENVER = '${data.genesyscloud_auth_division.denver.id}';

function client(name: string, roles: Array<[string, string]>): Record<string, unknown> {
  return {
    name,
    authorized_grant_type: 'CLIENT-CREDENTIALS',
    roles: roles.map(([r, d]) => ({ role_id: `\${genesyscloud_auth_role.${r}.id}`, division_id: d })),
  };
}

interface Spec {
  readonly roles: Record<string, string[]>;
  readonly clients: Record<string, Record<string, unknown>>;
  readonly dataRoles?: Record<string, string>;
}

function stack({ roles, clients, dataRoles }: Spec): Record<string, unknown> {
  return {
    '//': { metadata: { stackName: 'contact-center' } },
    data: {
      genesyscloud_auth_division: { chicago: { name: 'Chicago' }, denver: { name: 'Denver' } },
      ...(dataRoles
        ? { genesyscloud_auth_role: Object.fromEntries(Object.entries(dataRoles).map(([k, n]) => [k, { name: n }])) }
        : {}),
    },
    resource: {
      genesyscloud_auth_role: Object.fromEntries(Object.entries(roles).map(([k, p]) => [k, role(k, p)])),
      genesyscloud_oauth_client: clients,
    },
  };
}

const BASE_ROLES = {
  qa: ['recording:screenRecording:view'],
  queues: ['routing:queue:view'],
  Restricted: ['routing:queue:view'],
};
const BASE = stack({
  roles: BASE_ROLES,
  clients: {
    qa: client('QA', [['qa', CHICAGO]]),
    queue: client('Queue sync', [['queues', CHICAGO]]),
  },
});

let tmp: string;

function write(file: string, json: unknown): string {
  const at = path.join(tmp, file);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.writeFileSync(at, typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  return file;
}

async function diff(head: string, ...flags: string[]): Promise<{ code: number; out: string; err: string }> {
  const m = memoryIo(tmp);
  const code = await run(['diff', '--base', 'base.json', '--head', head, ...flags], m.io);
  return { code, out: m.out(), err: m.err() };
}

beforeAll(() => {
  tmp = tmpDir('gate');
  write('base.json', BASE);
  // The QA client gets Denver and conversation details; the queue client can delete queues.
  write(
    'widen.json',
    stack({
      roles: {
        ...BASE_ROLES,
        qa: ['recording:screenRecording:view', 'analytics:conversationDetail:view'],
        queues: ['routing:queue:view', 'routing:queue:delete'],
      },
      clients: {
        qa: client('QA', [
          ['qa', CHICAGO],
          ['qa', DENVER],
        ]),
        queue: client('Queue sync', [['queues', CHICAGO]]),
      },
    }),
  );
  // Only Denver and a view permission for QA: widening, nothing high-risk.
  write(
    'denver.json',
    stack({
      roles: { ...BASE_ROLES, qa: ['recording:screenRecording:view', 'analytics:conversationDetail:view'] },
      clients: {
        qa: client('QA', [
          ['qa', CHICAGO],
          ['qa', DENVER],
        ]),
        queue: client('Queue sync', [['queues', CHICAGO]]),
      },
    }),
  );
  write(
    'new-principal.json',
    stack({
      roles: BASE_ROLES,
      clients: {
        qa: client('QA', [['qa', CHICAGO]]),
        queue: client('Queue sync', [['queues', CHICAGO]]),
        reporting: client('Reporting', [['queues', CHICAGO]]),
      },
    }),
  );
  // The agents' role, granted outside this stack: nobody here holds it.
  write(
    'restricted.json',
    stack({
      roles: { ...BASE_ROLES, Restricted: ['routing:queue:view', 'recording:recording:view', 'directory:user:*'] },
      clients: {
        qa: client('QA', [['qa', CHICAGO]]),
        queue: client('Queue sync', [['queues', CHICAGO]]),
      },
    }),
  );
  // A grant of a role looked up by name: its permissions are not in the input.
  write(
    'unknown.json',
    stack({
      roles: BASE_ROLES,
      dataRoles: { supervisor: 'Supervisor' },
      clients: {
        qa: client('QA', [['qa', CHICAGO]]),
        queue: {
          ...client('Queue sync', [['queues', CHICAGO]]),
          roles: [
            { role_id: '${genesyscloud_auth_role.queues.id}', division_id: CHICAGO },
            { role_id: '${data.genesyscloud_auth_role.supervisor.id}', division_id: CHICAGO },
          ],
        },
      },
    }),
  );
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('--fail-on', () => {
  test('a new division, a new permission and a destructive permission fail broadening, and each is shown', async () => {
    const r = await diff('widen.json', '--fail-on', 'broadening');
    expect(r.code).toBe(EXIT.findings);
    expect(r.out).toContain('**Gate: fails** (`--fail-on broadening`)');
    expect(r.out).toContain('gains access in Denver');
    expect(r.out).toContain('gains analytics:conversationDetail:view in Chicago');
    expect(r.out).toContain('can delete (routing:queue:delete) in Chicago: a destructive permission');
    const json = JSON.parse((await diff('widen.json', '--fail-on', 'broadening', '--format', 'json')).out);
    const kinds = (json.changes as Array<{ kind: string; subject: string }>).map((c) => `${c.kind} ${c.subject}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'admin-grade genesyscloud_oauth_client.queue',
        'division-added genesyscloud_oauth_client.qa',
        'permission-added genesyscloud_oauth_client.qa',
        'grant-added genesyscloud_oauth_client.qa',
        'operation-unlocked genesyscloud_oauth_client.qa',
        'role-changed genesyscloud_auth_role.qa',
      ]),
    );
    expect(json.gate.outcome).toBe('fail');
    expect(json.gate.failing.length).toBe(json.summary.widening);
  });

  test('high-risk is the narrow set: a new division and a view permission pass it; a delete does not', async () => {
    expect((await diff('denver.json', '--fail-on', 'high-risk')).code).toBe(EXIT.ok);
    expect((await diff('denver.json', '--fail-on', 'broadening')).code).toBe(EXIT.findings);
    expect((await diff('widen.json', '--fail-on', 'high-risk')).code).toBe(EXIT.findings);
  });

  test('a new principal fails broadening and principal-added, not high-risk', async () => {
    expect((await diff('new-principal.json', '--fail-on', 'broadening')).code).toBe(EXIT.findings);
    expect((await diff('new-principal.json', '--fail-on', 'principal-added')).code).toBe(EXIT.findings);
    expect((await diff('new-principal.json', '--fail-on', 'high-risk')).code).toBe(EXIT.ok);
    expect((await diff('new-principal.json', '--fail-on', 'scope-added,role-changed')).code).toBe(EXIT.ok);
  });

  test('a role no principal in the input holds: its definition change shows, widening, and fails', async () => {
    const r = await diff('restricted.json', '--fail-on', 'broadening');
    expect(r.code).toBe(EXIT.findings);
    expect(r.out).not.toContain('No access changes.');
    expect(r.out).toContain('**Role definitions changed**: 1 role');
    expect(r.out).toMatch(
      /\| changed \| \*\*Restricted\*\*<br>`genesyscloud_auth_role.Restricted` \| `directory:user:\*`, `recording:recording:view` \| — \| no principal in this input \|/,
    );
    expect(r.out).toContain('held by no principal in this input (it may be granted elsewhere)');
    // The wildcard it adds is high-risk on its own.
    expect((await diff('restricted.json', '--fail-on', 'high-risk')).code).toBe(EXIT.findings);
  });

  test('no change passes; no gate asked exits 0 whatever changed', async () => {
    const same = await diff('base.json', '--fail-on', 'broadening');
    expect([same.code, same.out.includes('Nothing changed.')]).toEqual([EXIT.ok, true]);
    expect((await diff('widen.json')).code).toBe(EXIT.ok);
  });

  test('a role the input cannot see into fails closed with exit 3; named explicitly it fails with 1', async () => {
    const r = await diff('unknown.json', '--fail-on', 'high-risk');
    expect(r.code).toBe(EXIT.unknown);
    expect(r.out).toContain('**Gate: unknown**');
    expect(r.out).toContain('is looked up (a data source): its permissions are not in the input');
    expect((await diff('unknown.json', '--fail-on', 'unknown-introduced')).code).toBe(EXIT.findings);
    expect((await diff('unknown.json', '--fail-on', 'none')).code).toBe(EXIT.ok);
  });

  test.each([
    [['--fail-on', 'broadenin'], /unknown --fail-on value "broadenin".*Did you mean "broadening"\?/],
    [['--fail-on', 'none,broadening'], /--fail-on none cannot be combined/],
    [['--fail-on', ','], /--fail-on needs a value/],
  ])('%j is a usage error in one line', async (flags, message) => {
    const r = await diff('base.json', ...flags);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the policy file', () => {
  test('exceptions let a change through with its reason; the rest still fails', async () => {
    write('p-except.json', {
      version: 1,
      failOn: ['broadening'],
      exceptions: [
        { kind: 'principal-added', principal: 'Reporting', reason: 'approved in CHG-1234' },
        { kind: 'grant-added', principal: 'genesyscloud_oauth_client.reporting', reason: 'approved in CHG-1234' },
        { kind: 'division-added', principal: 'Reporting', reason: 'approved in CHG-1234' },
        { kind: 'permission-added', principal: 'Reporting', reason: 'approved in CHG-1234' },
        { kind: 'operation-unlocked', principal: 'Reporting', reason: 'approved in CHG-1234' },
      ],
    });
    const r = await diff('new-principal.json', '--policy', 'p-except.json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('**Gate: passes** (`--fail-on broadening`, policy `p-except.json`)');
    expect(r.out).toMatch(/5 changes let through by the policy/);
    expect(r.out).toContain('(reason: approved in CHG-1234)');
    const partial = write('p-partial.json', {
      version: 1,
      exceptions: [{ kind: 'principal-added', principal: 'Reporting', reason: 'approved in CHG-1234' }],
    });
    expect((await diff('new-principal.json', '--policy', partial)).code).toBe(EXIT.findings);
  });

  test('a forbidden permission fails even under an exception and --fail-on none, also through a wildcard', async () => {
    write('p-forbid.json', {
      version: 1,
      failOn: ['none'],
      forbiddenPermissions: [
        { permission: 'directory:user:delete', reason: 'users are deleted by HR offboarding only' },
      ],
      exceptions: [{ kind: 'wildcard', reason: 'the agents team owns Restricted' }],
    });
    const r = await diff('restricted.json', '--policy', 'p-forbid.json');
    expect(r.code).toBe(EXIT.findings);
    expect(r.out).toContain('directory:user:delete is never to be granted: users are deleted by HR offboarding only');
  });

  test('adminAllowed: admin-grade access fails unless the principal is listed', async () => {
    write('p-admin-no.json', { version: 1, failOn: ['none'], adminAllowed: [{ principal: 'QA', reason: 'x' }] });
    write('p-admin-yes.json', {
      version: 1,
      failOn: ['none'],
      adminAllowed: [
        { principal: 'Queue sync', reason: 'it prunes retired queues' },
        { principal: 'genesyscloud_auth_role.queues', reason: 'the role of the queue sync client' },
      ],
    });
    const no = await diff('widen.json', '--policy', 'p-admin-no.json');
    expect(no.code).toBe(EXIT.findings);
    expect(no.out).toContain('only QA may hold admin-grade access (policy adminAllowed)');
    expect((await diff('widen.json', '--policy', 'p-admin-yes.json')).code).toBe(EXIT.ok);
  });

  test('allowUnknown lets what the input cannot tell pass', async () => {
    write('p-unknown.json', { version: 1, failOn: ['high-risk'], allowUnknown: true });
    expect((await diff('unknown.json', '--policy', 'p-unknown.json')).code).toBe(EXIT.ok);
  });

  test('the policy at the repository root is read by default; --fail-on replaces its failOn', async () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git', 'x'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'infra', 'cdktf'), { recursive: true });
    fs.writeFileSync(
      path.join(repo, 'genesys-access.policy.json'),
      JSON.stringify({ version: 1, failOn: ['principal-added'] }),
    );
    for (const f of ['base.json', 'new-principal.json'])
      fs.copyFileSync(path.join(tmp, f), path.join(repo, 'infra', 'cdktf', f));
    const m = memoryIo(path.join(repo, 'infra', 'cdktf'));
    const code = await run(['diff', '--base', 'base.json', '--head', 'new-principal.json'], m.io);
    expect(code).toBe(EXIT.findings);
    expect(m.out()).toContain('policy `../../genesys-access.policy.json`');
    const m2 = memoryIo(path.join(repo, 'infra', 'cdktf'));
    expect(
      await run(['diff', '--base', 'base.json', '--head', 'new-principal.json', '--fail-on', 'high-risk'], m2.io),
    ).toBe(EXIT.ok);
  });

  test.each([
    [{ version: 2 }, '/version must be 1'],
    [{ version: 1, failon: ['broadening'] }, '/failon is not a policy field: .* Did you mean "failOn"\\?'],
    [{ version: 1, failOn: ['broadning'] }, '/failOn/0 is "broadning".*Did you mean "broadening"\\?'],
    [
      { version: 1, exceptions: [{ kind: 'principal-added' }] },
      '/exceptions/0/reason is missing: every entry needs a reason',
    ],
    [
      { version: 1, exceptions: [{ kind: 'new-principal', reason: 'r' }] },
      '/exceptions/0/kind is "new-principal": use a change kind',
    ],
    [
      { version: 1, forbiddenPermissions: [{ permission: 'wfm:schedule:publish', reason: 'r' }] },
      '/forbiddenPermissions/0/permission unknown permission "wfm:schedule:publish"',
    ],
    [{ version: 1, allowUnknown: 'yes' }, '/allowUnknown must be true or false'],
    [[], '/ must be an object'],
    ['{"version": 1,', 'is not valid JSON'],
  ])('a bad policy is exit 2 with the pointer: %j', async (policy, message) => {
    write('bad-policy.json', typeof policy === 'string' ? policy : JSON.stringify(policy));
    const r = await diff('base.json', '--policy', 'bad-policy.json');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(new RegExp(`^genesys-access: policy file bad-policy\\.json(:| ).*${message}`));
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  test('a missing policy file named with --policy is exit 2', async () => {
    const r = await diff('base.json', '--policy', 'nope.json');
    expect([r.code, r.err]).toEqual([
      EXIT.usage,
      'genesys-access: policy file nope.json does not exist: give an existing file to --policy\n',
    ]);
  });
});
