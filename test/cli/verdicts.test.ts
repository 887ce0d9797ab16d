/**
 * The built `genesys-access explain` where the input cannot tell, or where a principal holds nothing of its
 * own: the verdict is `unknown` (exit 3) with the reason, or `denied` (exit 1) with the real cause, never a
 * confident wrong answer. One stack holds every case, as a user would write it with the raw bindings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, requireBuiltCli, tmpDir } from './fixtures';

const CHICAGO = '${data.genesyscloud_auth_division.chicago.id}';
const RECORDINGS = 'GET /api/v2/conversations/c-1/recordings';
const REC_VIEW = [{ domain: 'recording', entity_name: 'recording', action_set: ['view'] }];

function client(name: string, role: string, division: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    authorized_grant_type: 'CLIENT-CREDENTIALS',
    roles: [{ role_id: role, division_id: division }],
    ...extra,
  };
}

const STACK = {
  '//': { metadata: { stackName: 'verdicts' } },
  data: {
    genesyscloud_auth_division: { chicago: { name: 'Chicago' }, home_by_name: { name: 'Home' } },
    genesyscloud_auth_role: { agent: { name: 'Agent' } },
  },
  resource: {
    genesyscloud_auth_role: {
      cond: {
        name: 'Conditional',
        permission_policies: [
          {
            ...REC_VIEW[0],
            conditions: { conjunction: 'AND', terms: [{ variable_name: 'Conversation.queues', operator: 'IN' }] },
          },
        ],
      },
      cms: { name: 'CMS', permissions: ['content_management_user'] },
      rec: { name: 'Rec', permission_policies: REC_VIEW },
    },
    genesyscloud_oauth_client: {
      external: client('External', '${data.genesyscloud_auth_role.agent.id}', CHICAGO),
      literal: client('Literal', '1a2b3c4d-0000-4000-8000-000000000001', '*'),
      cond: client('Cond', '${genesyscloud_auth_role.cond.id}', '*'),
      cms: client('CMS client', '${genesyscloud_auth_role.cms.id}', '*'),
      inactive: client('Inactive', '${genesyscloud_auth_role.rec.id}', '*', { state: 'inactive' }),
      homer: client('Homer', '${genesyscloud_auth_role.rec.id}', '${data.genesyscloud_auth_division.home_by_name.id}'),
      code: { name: 'Code app', authorized_grant_type: 'CODE', scopes: ['recordings:readonly'] },
    },
    genesyscloud_group: { g: { name: 'Quality team', roles_enabled: false } },
    genesyscloud_group_roles: {
      g: {
        group_id: '${genesyscloud_group.g.id}',
        roles: [{ role_id: '${genesyscloud_auth_role.rec.id}', division_ids: ['*'] }],
      },
    },
  },
};

let tmp: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('verdicts');
  fs.writeFileSync(path.join(tmp, 'stack.json'), JSON.stringify(STACK));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Check {
  verdict: string;
  answer: string;
  reasons: Array<{ code: string; message: string }>;
  fixes: Array<{ summary: string; constructs?: string; rawBindings?: string }>;
  allowedIn: string[];
}

function explain(principal: string, op = RECORDINGS, ...extra: string[]): { status: number | null; check: Check } {
  const [method, p] = op.split(' ');
  const r = cli(
    ['explain', method, p, '--plan', 'stack.json', '--principal', principal, '--format', 'json', ...extra],
    tmp,
  );
  expect(r.stderr).toBe('');
  return { status: r.status, check: JSON.parse(r.stdout).check as Check };
}

describe('unknown (exit 3): the input cannot tell', () => {
  test.each([
    [
      'External',
      'ROLE_PERMISSIONS_UNKNOWN',
      'role "Agent" (looked up by data.genesyscloud_auth_role.agent) is defined outside the input',
    ],
    ['Literal', 'ROLE_PERMISSIONS_UNKNOWN', 'referenced by the literal id 1a2b3c4d-0000-4000-8000-000000000001'],
    ['Cond', 'CONDITIONS', 'recording:recording:view is granted only by a policy with conditions'],
  ])('%s: %s, and no fix that creates a new role', (principal, code, text) => {
    const { status, check } = explain(principal, RECORDINGS, '--division', 'Chicago');
    expect([status, check.verdict, check.reasons[0].code, check.fixes]).toEqual([3, 'unknown', code, []]);
    expect(check.answer).toContain('cannot tell whether');
    expect(check.reasons[0].message).toContain(text);
  });

  test('a user-context client with the scope: the signed-in user decides, not "Yes"', () => {
    const { status, check } = explain('Code app');
    expect([status, check.verdict, check.reasons[0].code, check.allowedIn]).toEqual([
      3,
      'unknown',
      'USER_CONTEXT_USER_DECIDES',
      ['by scope'],
    ]);
  });

  test('an operation whose scopes the catalog does not know', () => {
    const { status, check } = explain('Code app', 'DELETE /api/v2/agentic/virtualagents/v-1/jobs');
    expect([status, check.verdict, check.reasons[0].code]).toEqual([3, 'unknown', 'SCOPE_UNKNOWN']);
  });

  test('a missing scope is a 403 only where the org enforces scopes', () => {
    const op = 'GET /api/v2/users/u-1';
    const loose = explain('Code app', op);
    expect([loose.status, loose.check.verdict]).toEqual([3, 'unknown']);
    expect(loose.check.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['SCOPE_MISSING', 'SCOPES_NOT_ENFORCED']),
    );
    const strict = explain('Code app', op, '--scopes-enforced');
    expect([strict.status, strict.check.verdict, strict.check.reasons[0].code]).toEqual([1, 'denied', 'SCOPE_MISSING']);
  });

  test('explain --plan lists who can call it and who cannot be ruled out', () => {
    const r = cli(
      [
        'explain',
        'GET',
        '/api/v2/conversations/c-1/recordings',
        '--plan',
        'stack.json',
        '--division',
        'Chicago',
        '--format',
        'json',
      ],
      tmp,
    );
    const callers = JSON.parse(r.stdout).callers as Array<{ address: string; verdict: string }>;
    expect(callers.map((c) => [c.address, c.verdict])).toEqual([
      ['genesyscloud_oauth_client.code', 'unknown'],
      ['genesyscloud_oauth_client.cond', 'unknown'],
      ['genesyscloud_oauth_client.external', 'unknown'],
      ['genesyscloud_oauth_client.literal', 'unknown'],
    ]);
  });
});

describe('denied (exit 1) with the real cause', () => {
  test.each([
    ['Inactive', RECORDINGS, 'CLIENT_INACTIVE', "state: 'active' on genesyscloud_oauth_client.inactive"],
    ['Quality team', RECORDINGS, 'GROUP_ROLES_DISABLED', 'rolesEnabled: true on genesyscloud_group.g'],
    ['Homer', 'GET /api/v2/users/me', 'CLIENT_CREDENTIALS_USER_API', undefined],
  ])('%s calling %s: %s', (principal, op, code, raw) => {
    const { status, check } = explain(principal, op);
    expect([status, check.verdict, check.reasons[0].code]).toEqual([1, 'denied', code]);
    if (raw) expect(check.fixes[0].rawBindings).toBe(raw);
  });

  test('GET /api/v2/tokens/me describes the token: a client-credentials client may call it', () => {
    const { status, check } = explain('Homer', 'GET /api/v2/tokens/me');
    expect([status, check.verdict, check.reasons[0].code]).toEqual([0, 'allowed', 'NO_PERMISSION_REQUIRED']);
  });
});

describe('general role permissions and the home division looked up by name', () => {
  test('content_management_user is evaluated: allowed for the role that has it, a fix (not a crash) for the rest', () => {
    const op = 'GET /api/v2/contentmanagement/documents/d-1';
    const ok = explain('CMS client', op);
    expect([ok.status, ok.check.verdict, ok.check.answer]).toEqual([
      0,
      'allowed',
      'genesyscloud_oauth_client.cms can call GET /api/v2/contentmanagement/documents/{documentId} (getContentmanagementDocument) in "all divisions" via content_management_user',
    ]);
    const no = explain('Homer', op);
    expect([no.status, no.check.verdict]).toEqual([1, 'denied']);
    expect(no.check.fixes[0].rawBindings).toContain(
      "permissions ['content_management_user'] (general role permissions)",
    );
  });

  test('a division looked up by the name "Home" is the home division, and the answer does not contradict itself', () => {
    for (const division of ['home', 'Home']) {
      expect(explain('Homer', RECORDINGS, '--division', division).check.verdict).toBe('allowed');
    }
    const chicago = explain('Homer', RECORDINGS, '--division', 'Chicago');
    expect(chicago.status).toBe(1);
    expect(chicago.check.answer).toContain('it is allowed only in "home": grant the role in "Chicago"');
  });

  test('a division typo gets a did-you-mean in the notes', () => {
    const { check } = explain('Homer', RECORDINGS, '--division', 'Chicgo');
    expect(check.verdict).toBe('denied');
    expect((check as unknown as { notes: string[] }).notes[0]).toBe(
      'there is no division "Chicgo" in the input. Did you mean "Chicago"?',
    );
  });

  test('Markdown says "Cannot tell." for unknown, and --help documents exit 3', () => {
    const md = cli(
      ['explain', 'GET', '/api/v2/conversations/c-1/recordings', '--plan', 'stack.json', '--principal', 'External'],
      tmp,
    );
    expect([md.status, md.stdout]).toEqual([3, expect.stringContaining('**Cannot tell.** cannot tell whether')]);
    expect(cli(['explain', '--help'], tmp).stdout).toContain('3  the input cannot tell');
  });
});
