/**
 * `genesys-access snapshot` against the fake Platform API (real HTTP on 127.0.0.1, started here), and the
 * snapshot as the input of every command: report, explain --plan, deployer, diff (drift against a real
 * synthesis), audit and generate. In-process through `run(argv, io)` with the GENESYSCLOUD_* variables in
 * `io.env`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AccessRole, ClientCredentialsClient, Division } from '../../lib';
import { run } from '../../lib/cli/main';
import { readSnapshotFile } from '../../lib/sources/genesys-org/snapshot-file';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { generateOrg } from '../fake-platform-api/org';
import { type FakeApi, fakeEnv, startFakeApi } from '../fake-platform-api/server';
import { tmpDir } from './fixtures';

const SIZE = { users: 200, divisions: 8, roles: 20, clients: 15, groups: 5 };
const org = generateOrg(SIZE, 21);
let api: FakeApi;
let tmp: string;

interface Result {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = fakeEnv(api), tty = false): Promise<Result> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    cwd: tmp,
    env,
    stderrIsTTY: tty,
  });
  return { code, out, err };
}

beforeAll(async () => {
  tmp = tmpDir('snapshot');
  api = await startFakeApi(org, { usagePolls: 0 });
  const r = await cli(['snapshot', '-o', 'org.json', '--usage-days', '30']);
  if (r.code !== 0) throw new Error(r.err);
});

afterAll(async () => {
  await api.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('snapshot', () => {
  test('writes the file and says what it read on stdout; stderr stays quiet off a terminal', async () => {
    const r = await cli(['snapshot', '-o', 'again.json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^wrote again\.json: Fake Contact Center: 9 divisions, 20 roles, 15 OAuth clients, 200 users, 5 groups, \d+ grants \(\d+ requests\)\n$/,
    );
    const text = fs.readFileSync(path.join(tmp, 'again.json'), 'utf8');
    expect(text).not.toContain('snapshot-secret-s3cr3t');
    for (const t of api.tokens) expect(text).not.toContain(t);
    expect(readSnapshotFile('org.json', tmp).usage?.days).toBe(30);
  });

  test('on a terminal, a progress line on stderr; without -o the snapshot on stdout', async () => {
    const r = await cli(['snapshot'], fakeEnv(api), true);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\rgenesys-access snapshot: \d+ requests, grants of \d+\/\d+ roles read/);
    expect(r.err.endsWith(`grants of ${SIZE.roles}/${SIZE.roles} roles read\n`)).toBe(true);
    expect(JSON.parse(r.out).kind).toBe('genesys-access/org-snapshot');
  });

  test('a 403 names the missing permission and the minimal set, in one line', async () => {
    const denied = await startFakeApi(org, {
      permissions: new Set(['oauth:client:view', 'authorization:policy:view']),
    });
    try {
      const r = await cli(['snapshot', '-o', 'x.json'], fakeEnv(denied));
      expect(r.code).toBe(2);
      expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
      expect(r.err).toContain(
        'GET /api/v2/authorization/roles (getAuthorizationRoles) returned 403 missing.any.permissions: the signed-in client lacks authorization:role:view.',
      );
      expect(r.err).toContain(
        "the snapshot client is not allowed GET /api/v2/authorization/roles (getAuthorizationRoles, reads roles with their permission policies): it lacks authorization:role:view. Give it a role with the snapshot's minimal permission set: authorization:policy:view, authorization:role:view, oauth:client:view",
      );
      expect(r.err).not.toContain('snapshot-secret-s3cr3t');
      expect(fs.existsSync(path.join(tmp, 'x.json'))).toBe(false);
    } finally {
      await denied.close();
    }
  });

  test('the minimal set is enough: a client holding only it takes the whole snapshot, usage included', async () => {
    const minimal = await startFakeApi(org, {
      usagePolls: 0,
      permissions: new Set(['authorization:policy:view', 'authorization:role:view', 'oauth:client:view']),
    });
    try {
      const r = await cli(['snapshot', '-o', 'minimal.json', '--usage-days', '30'], fakeEnv(minimal));
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(minimal.log.filter((l) => l.status === 403)).toEqual([]);
    } finally {
      await minimal.close();
    }
  });

  test.each([
    [[], {}, /^genesys-access: no credentials: set GENESYSCLOUD_OAUTHCLIENT_ID/],
    [['--usage-days', '400'], {}, /--usage-days must be a whole number from 1 to 366 \(got "400"\)/],
    [['extra'], {}, /unexpected argument "extra": write the file with -o <file>/],
  ])('%j: one line, exit 2', async (args, env, message) => {
    const r = await cli(['snapshot', ...args], env);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('the snapshot as input', () => {
  const clients = org.clients;
  const snap = (): ReturnType<typeof readSnapshotFile> => readSnapshotFile('org.json', tmp);

  test('report: who can do what in the org', async () => {
    const r = await cli(['report', 'org.json', '--format', 'json']);
    expect(r.err).toBe('');
    const m = JSON.parse(r.out);
    expect(m.stacks).toHaveLength(1);
    expect(m.stacks[0].stack).toBe('Fake Contact Center');
    expect(m.stacks[0].summary.principals).toBe(SIZE.users + SIZE.clients + SIZE.groups);
    expect(m.stacks[0].summary.roles).toBe(SIZE.roles);
    // Role rules are about code: a live org's roles are not checked by them (no GCA-PERM findings).
    expect(m.stacks[0].findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('GCA-PERM'))).toEqual([]);
  });

  test('explain --plan: a client allowed in its division, denied in another, with the division fix', async () => {
    const s = snap();
    const c = s.graph.principals.find((p) => p.kind === 'oauth-client' && p.name === clients[0]!.name)!;
    const grant = s.graph.grants.find((g) => g.principal === c.key && g.division !== '*')!;
    const role = s.graph.roles.find((r) => r.key === grant.role)!;
    const division = s.graph.divisions.find((d) => d.key === grant.division)!;
    // An operation only this role's first permission satisfies, and that permission division-aware.
    const perm = role.permissions.find((p) => s.graph.org!.permissions![p]?.divisionAware)!;
    const { Catalog } = await import('../../lib/catalog/catalog');
    const op =
      Catalog.operationsListing(perm).find(
        (o) => o.allOf.length === 1 && o.allOf[0] === perm && !o.anyOf.length && !/\/me(\/|$)/.test(o.path),
      ) ??
      Catalog.operationsListing(perm).find(
        (o) => o.anyOf.length === 1 && o.anyOf[0] === perm && !o.allOf.length && !/\/me(\/|$)/.test(o.path),
      );
    expect(op).toBeDefined();
    const here = await cli([
      'explain',
      op!.key.split(' ')[0]!,
      op!.path,
      '--plan',
      'org.json',
      '--principal',
      c.name,
      '--division',
      division.name!,
      '--format',
      'json',
    ]);
    expect(JSON.parse(here.out).check.verdict).toBe('allowed');
    expect(here.code).toBe(0);
    const elsewhere = s.graph.divisions.find(
      (d) =>
        d.kind === 'org' &&
        !s.graph.grants.some((g) => g.principal === c.key && (g.division === d.key || g.division === '*')),
    );
    if (elsewhere) {
      const there = await cli([
        'explain',
        op!.key.split(' ')[0]!,
        op!.path,
        '--plan',
        'org.json',
        '--principal',
        c.name,
        '--division',
        elsewhere.name!,
      ]);
      expect(there.code).toBe(1);
      expect(there.out).toContain(`grant role "${role.name}" in "${elsewhere.name}"`);
      expect(there.out).toContain(
        `Division.fromName(this, '${elsewhere.name!.toLowerCase().replace(/ /g, '-')}', '${elsewhere.name}')`,
      );
    }
  });

  test('deployer: the grants the org gives, none of them created by a plan', async () => {
    const r = await cli(['deployer', 'org.json', '--format', 'json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.stacks[0].grants.length).toBeGreaterThan(0);
    expect(m.stacks[0].grants.every((g: { createdByPlan: boolean }) => g.createdByPlan === false)).toBe(true);
    expect(m.stacks[0].permissions).toEqual([]);
  });

  test('diff between the snapshot and a synthesis is the drift, paired by name', async () => {
    const s = snap();
    const c0 = s.graph.principals.find((p) => p.kind === 'oauth-client' && p.name === clients[0]!.name)!;
    const c0Grants = s.graph.grants.filter((g) => g.principal === c0.key);
    const role = s.graph.roles.find((r) => r.key === c0Grants[0]!.role)!;
    // The code: the same client and role, granted only in home; plus a client the org does not have.
    const outdir = path.join(tmp, 'code.out');
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'code');
    new GenesyscloudProvider(stack, 'genesyscloud', {});
    new LocalBackend(stack, { path: 'terraform.tfstate' });
    const r = new AccessRole(stack, 'role', {
      name: role.name,
      permissions: role.permissions.filter((p) => !p.includes('*')) as never,
    });
    const client = new ClientCredentialsClient(stack, 'client', { name: c0.name });
    r.grant(client, Division.home(stack));
    const extra = new ClientCredentialsClient(stack, 'extra', { name: 'Only in code' });
    r.grant(extra, Division.fromName(stack, 'site-001', 'Site 001'));
    app.synth();
    const d = await cli(['diff', '--base', 'org.json', '--head', 'code.out', '--format', 'json']);
    expect(d.err).toBe('');
    const m = JSON.parse(d.out);
    expect(m.drift).toEqual({
      org: 'base',
      orgName: 'Fake Contact Center',
      stacks: ['code'],
      principals: { matched: 1, orgOnly: SIZE.users + SIZE.clients + SIZE.groups - 1, codeOnly: 1 },
    });
    const changed = m.stacks[0].principals.find((p: { name: string }) => p.name === c0.name);
    expect(changed.change).toBe('changed');
    const added = m.stacks[0].principals.find((p: { name: string }) => p.name === 'Only in code');
    expect(added.change).toBe('added');
    expect(added.grants.added).toEqual([
      { role: role.name, roleAddress: `role:${role.name}`, division: 'Site 001', divisionKey: 'division:site 001' },
    ]);
    const md = await cli(['diff', '--base', 'org.json', '--head', 'code.out']);
    expect(md.out.split('\n')[0]).toBe('## Drift between the org and the code');
  });

  test('two snapshots diff by id: an unchanged org has no changes', async () => {
    const r = await cli(['diff', '--base', 'org.json', '--head', 'again.json', '--format', 'json']);
    expect(JSON.parse(r.out).summary.stacksChanged).toBe(0);
    expect(JSON.parse(r.out).drift).toBeUndefined();
  });
});

describe('audit and generate', () => {
  test('audit: needs usage in the snapshot', async () => {
    const r = await cli(['audit', 'again.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the snapshot has no API usage: take it with `genesys-access snapshot --usage-days 90`/);
  });

  test('audit: the window is stated with the warning about rarer jobs', async () => {
    const r = await cli(['audit', 'org.json']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('## Unused access: Fake Contact Center');
    expect(r.out).toMatch(/API usage from \S+ to \S+ \(30 days\)/);
    expect(r.out).toContain('a job that runs less often (a quarterly export');
  });

  test("generate: operations as METHOD /path, operation ids and SDK names give the ranking's pick", async () => {
    const r = await cli([
      'generate',
      'GET',
      '/api/v2/conversations/c-1/recordings',
      'post_analytics_conversations_details_query',
      'GetWorkforcemanagementBusinessunitWeekSchedule',
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const m = JSON.parse(r.out);
    expect(m.operations.map((o: { operationId: string }) => o.operationId)).toEqual([
      'getConversationRecordings',
      'getWorkforcemanagementBusinessunitWeekSchedule',
      'postAnalyticsConversationsDetailsQuery',
    ]);
    expect(m.permissions).toEqual([
      'analytics:conversationDetail:view',
      'recording:screenRecording:view',
      'wfm:schedule:view',
    ]);
    expect(m.choices.find((c: { pick: string }) => c.pick === 'recording:screenRecording:view').why).toMatch(
      /^capability screen-recording-read/,
    );
  });

  test('generate: unknown operations are one line with the nearest real ones', async () => {
    const r = await cli(['generate', 'POST', '/api/v2/wfm/schedules/{scheduleId}/publish']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /unknown operation "POST \/api\/v2\/wfm\/schedules\/\{scheduleId\}\/publish": there is no publish endpoint/,
    );
  });

  test('generate --file, --grant-to and --divisions', async () => {
    fs.writeFileSync(
      path.join(tmp, 'ops.txt'),
      '# the reporting job\nGET /api/v2/users\npostAnalyticsConversationsDetailsQuery\n',
    );
    const r = await cli([
      'generate',
      '--file',
      'ops.txt',
      '--name',
      'Reporting',
      '--grant-to',
      'Reporting',
      '--divisions',
      'Site 001,home',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "role.grant(client, Division.fromName(this, 'site-001', 'Site 001'), Division.home(this));",
    );
    expect(r.out).toContain('division_id = data.genesyscloud_auth_division.site_001.id');
    const bad = await cli(['generate', '--file', 'ops.txt', '--grant-to', 'Reporting']);
    expect(bad.err).toMatch(/--grant-to needs --divisions/);
  });

  test("generate --snapshot --client is the audit's tightened role", async () => {
    const auditJson = JSON.parse((await cli(['audit', 'org.json', '--format', 'json'])).out);
    const withRole = auditJson.clients.find((c: { tightened?: unknown }) => c.tightened);
    const g = JSON.parse(
      (await cli(['generate', '--snapshot', 'org.json', '--client', withRole.name, '--format', 'json'])).out,
    );
    expect(g.permissions).toEqual(withRole.tightened.permissions);
    expect(g.code).toEqual(withRole.tightened.code);
    const renamed = JSON.parse(
      (
        await cli([
          'generate',
          '--snapshot',
          'org.json',
          '--client',
          withRole.name,
          '--name',
          'Renamed',
          '--format',
          'json',
        ])
      ).out,
    );
    expect(renamed.roleName).toBe('Renamed');
    expect(renamed.code.hcl).toContain('name        = "Renamed"');
  });
});
