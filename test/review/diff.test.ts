/**
 * `diff` on a base and a head stack synthesized for real: the head adds Chicago to the QA client and exposes its
 * secret, adds a reporting client in all divisions holding an admin-grade permission, adds a raw client with a
 * wildcard role and a directory secret, and removes a client and a user.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Change } from '../../lib/review/changes';
import { buildDiff, pairStacks } from '../../lib/review/diff';
import { loadStacks, type LoadedStack } from '../../lib/sources/cdktf/load';
import { Catalog } from '../../lib/catalog/catalog';
import { checkOperation } from '../../lib/access/operation-rule';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { ADMIN_PERMISSIONS } from '../../lib/rules/permissions/admin-permission-on-integration';
import { synthDiffStack, synthExamples, tmpDir } from '../cli/fixtures';

let tmp: string;
let base: LoadedStack[];
let head: LoadedStack[];

beforeAll(() => {
  tmp = tmpDir('diff');
  base = loadStacks(synthDiffStack(path.join(tmp, 'base'), 'base'));
  head = loadStacks(synthDiffStack(path.join(tmp, 'head'), 'head'));
  synthExamples(path.join(tmp, 'examples'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function stack(name: string, json: Record<string, unknown>): LoadedStack {
  return { name, file: `${name}.json`, graph: readCdktf(json) };
}

/** One change in a line: widening (+) or not, kind, subject, division, and the permission, scope or role. */
function brief(c: Change): string {
  return [c.widening ? '+' : '-', c.kind, c.subject, c.division ?? '', c.permission ?? c.scope ?? c.role ?? '']
    .join(' ')
    .trimEnd();
}

test('the diff model, exactly', () => {
  const { changes, ...rest } = buildDiff(base, head);
  expect(rest).toEqual(EXPECTED);
  // Every change has one kind, widening first; role definitions count whether or not a principal holds them.
  expect(changes.map(brief)).toEqual([
    '+ all-divisions genesyscloud_oauth_client.reporting all divisions',
    '+ admin-grade genesyscloud_auth_role.client-admin  oauth:client:add',
    '+ admin-grade genesyscloud_oauth_client.reporting home oauth:client:add',
    '+ wildcard genesyscloud_auth_role.ops-role  wfm:schedule:*',
    '+ wildcard genesyscloud_oauth_client.ops-client Chicago wfm:schedule:*',
    '+ secret-exposed genesyscloud_oauth_client.ops-client',
    '+ secret-exposed genesyscloud_oauth_client.qa_client_A2209C25',
    '+ principal-added genesyscloud_oauth_client.ops-client',
    '+ principal-added genesyscloud_oauth_client.reporting',
    '+ grant-added genesyscloud_oauth_client.ops-client Chicago Schedule operations',
    '+ grant-added genesyscloud_oauth_client.qa_client_A2209C25 Chicago QA screen recording downloader role',
    '+ grant-added genesyscloud_oauth_client.reporting home Client admin',
    '+ division-added genesyscloud_oauth_client.ops-client Chicago',
    '+ division-added genesyscloud_oauth_client.qa_client_A2209C25 Chicago',
    '+ division-added genesyscloud_oauth_client.reporting all divisions',
    '+ division-added genesyscloud_oauth_client.reporting home',
    '+ permission-added genesyscloud_oauth_client.qa_client_A2209C25 Chicago recording:screenRecording:view',
    '+ permission-added genesyscloud_oauth_client.reporting all divisions analytics:conversationDetail:view',
    '+ operation-unlocked genesyscloud_oauth_client.ops-client',
    '+ operation-unlocked genesyscloud_oauth_client.qa_client_A2209C25',
    '+ operation-unlocked genesyscloud_oauth_client.reporting',
    '+ role-changed genesyscloud_auth_role.analytics  Conversation analytics',
    '+ role-changed genesyscloud_auth_role.client-admin  Client admin',
    '+ role-changed genesyscloud_auth_role.ops-role  Schedule operations',
    '- access-removed genesyscloud_oauth_client.legacy',
    '- access-removed genesyscloud_user.auditor_user_2FACBD38',
  ]);
  // Each change says where it is: the file, the JSON pointer and the construct path.
  expect(changes[0].location).toEqual({
    file: expect.stringMatching(/cdk\.tf\.json$/),
    pointer: '/resource/genesyscloud_oauth_client/reporting',
    constructPath: 'contact-center/reporting/Default',
  });
});

test('the reverse diff narrows access: nothing broadens', () => {
  const m = buildDiff(head, base);
  expect(m.broadening).toEqual([]);
  expect(m.summary).toEqual({
    stacks: 1,
    stacksChanged: 1,
    principalsAdded: 2,
    principalsRemoved: 2,
    principalsChanged: 1,
    permissionsAdded: 2,
    permissionsRemoved: 4,
    operationsUnlocked: 2 * allowedCount(['wfm:schedule:view']),
    broadening: 0,
    rolesChanged: 3,
    changes: 16,
    widening: 10,
  });
  // What widens in reverse: the legacy client and the auditor come back; nothing high-risk.
  expect(m.changes.filter((c) => c.widening).map((c) => c.kind)).not.toContain('all-divisions');
  // The QA client loses Chicago.
  const qa = m.stacks[0].principals.find((p) => p.address === 'genesyscloud_oauth_client.qa_client_A2209C25')!;
  expect([qa.divisions, qa.permissions.removed, qa.operations.unlocked]).toEqual([
    { added: [], removed: ['Chicago'] },
    [
      {
        division: 'Chicago',
        divisionKey: 'data.genesyscloud_auth_division.chicago',
        permissions: ['recording:screenRecording:view'],
      },
    ],
    0,
  ]);
});

test('identical syntheses have no changes', () => {
  const m = buildDiff(head, loadStacks(path.join(tmp, 'head')));
  expect(m.summary.stacksChanged).toBe(0);
  expect(m.stacks).toEqual([
    {
      stack: 'contact-center',
      change: 'unchanged',
      principals: [],
      roles: [],
      pairing: { principals: { byAddress: 3, byName: 0, unpaired: 0 }, byName: [] },
    },
  ]);
});

test('cdktf.out directories are paired by stack name; added and removed stacks diff against nothing', () => {
  const examples = loadStacks(path.join(tmp, 'examples'));
  const before = examples.slice(1);
  const after = [...examples.slice(0, 2), ...head];
  expect(pairStacks(before, after).map((p) => [p.name, p.base?.name, p.head?.name])).toEqual([
    ['contact-center', undefined, 'contact-center'],
    ['raw-bindings', undefined, 'raw-bindings'],
    ['screen-recording-qa', 'screen-recording-qa', 'screen-recording-qa'],
    ['wfm-schedule-publisher', 'wfm-schedule-publisher', undefined],
  ]);
  const m = buildDiff(before, after);
  expect(m.stacks.map((s) => [s.stack, s.change, s.principals.map((p) => `${p.change} ${p.address}`)])).toEqual([
    [
      'contact-center',
      'added',
      [
        'added genesyscloud_oauth_client.ops-client',
        'added genesyscloud_oauth_client.qa_client_A2209C25',
        'added genesyscloud_oauth_client.reporting',
      ],
    ],
    ['raw-bindings', 'added', ['added genesyscloud_oauth_client.qa-client']],
    ['screen-recording-qa', 'unchanged', []],
    [
      'wfm-schedule-publisher',
      'removed',
      [
        'removed genesyscloud_oauth_client.compliance-auditor_user-context-client_A711AD50',
        'removed genesyscloud_oauth_client.publisher_client_1C6E1932',
        'removed genesyscloud_user.compliance-auditor_user_F515F638',
      ],
    ],
  ]);
});

/** Operations (that list permissions) whose ANY/ALL rule `held` meets, counted straight from the catalog. */
function allowedCount(held: string[]): number {
  return Catalog.operations().filter((op) => (op.anyOf.length || op.allOf.length) && checkOperation(op, held).allowed)
    .length;
}

test('the operation counts match a direct count over the catalog', () => {
  const m = buildDiff(head, base);
  expect(m.summary.operationsUnlocked).toBe(2 * allowedCount(['wfm:schedule:view']));
  const qa = buildDiff(base, head).stacks[0].principals.find((p) => p.name === 'QA screen recording downloader')!;
  expect(qa.operations.unlocked).toBe(allowedCount(['recording:screenRecording:view']));
});

describe('changes that keep the grants', () => {
  const json = (perms: string[], extra: Record<string, unknown> = {}, scopes = ['analytics:readonly']) => ({
    resource: {
      genesyscloud_auth_role: {
        reader: {
          name: 'Reader',
          permission_policies: perms.map((x) => {
            const [domain, entity_name, action] = x.split(':');
            return { domain, entity_name, action_set: [action] };
          }),
        },
      },
      genesyscloud_oauth_client: {
        c: {
          name: 'Client',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [{ role_id: '${genesyscloud_auth_role.reader.id}', division_id: '*' }],
          ...extra,
        },
        tool: { name: 'Tool', authorized_grant_type: 'CODE', scopes },
      },
    },
  });

  test('a role edit shows as permissions added where the role is granted; scope changes are listed', () => {
    const m = buildDiff(
      [stack('s', json(['wfm:schedule:view']))],
      [stack('s', json(['wfm:schedule:view', 'wfm:schedule:edit'], {}, ['analytics', 'analytics:readonly']))],
    );
    const [c, tool] = m.stacks[0].principals;
    expect(c.grants).toEqual({ added: [], removed: [] });
    expect(c.permissions.added).toEqual([
      { division: 'all divisions', divisionKey: '*', permissions: ['wfm:schedule:edit'] },
    ]);
    expect(c.operations.byDivision).toEqual([
      {
        division: 'all divisions',
        divisionKey: '*',
        count: allowedCount(['wfm:schedule:view', 'wfm:schedule:edit']) - allowedCount(['wfm:schedule:view']),
      },
    ]);
    // Examples are newly unlocked operations: allowed with edit, not with view alone.
    expect(c.operations.examples).toHaveLength(3);
    for (const key of c.operations.examples) {
      const op = Catalog.operation(key)!;
      expect([
        checkOperation(op, ['wfm:schedule:view']).allowed,
        checkOperation(op, ['wfm:schedule:edit']).allowed,
      ]).toEqual([false, true]);
    }
    expect(tool).toMatchObject({ change: 'changed', scopes: { added: ['analytics'], removed: [] } });
    expect(m.broadening).toEqual([]);
  });

  test('a grant type change is noted; a client secret in config is flagged', () => {
    const m = buildDiff(
      [stack('s', json(['wfm:schedule:view']))],
      [stack('s', json(['wfm:schedule:view'], { authorized_grant_type: 'PASSWORD', client_secret: 'x' }))],
    );
    expect(m.stacks[0].principals[0].notes).toEqual(['grant type changes from CLIENT-CREDENTIALS to PASSWORD']);
    expect(m.broadening.map((b) => [b.kind, b.detail])).toEqual([
      ['secret-exposed', 'sets client_secret in configuration'],
    ]);
  });
});

describe('what grants really reach', () => {
  const plan = (client: Record<string, unknown>, perms = ['authorization:role:edit']) => ({
    data: { genesyscloud_auth_division_home: { home: {} } },
    resource: {
      genesyscloud_auth_role: {
        admin: {
          name: 'Role admin',
          permission_policies: perms.map((x) => {
            const [domain, entity_name, action] = x.split(':');
            return { domain, entity_name, action_set: [action] };
          }),
        },
        reader: {
          name: 'Reader',
          permission_policies: [{ domain: 'wfm', entity_name: 'schedule', action_set: ['view'] }],
        },
      },
      genesyscloud_oauth_client: { c: { name: 'Client', ...client } },
    },
  });
  const HOME = '${data.genesyscloud_auth_division_home.home.id}';
  const adminIn = (division_id?: string) => ({
    role_id: '${genesyscloud_auth_role.admin.id}',
    ...(division_id ? { division_id } : {}),
  });

  test('roles on a user-context client grant nothing: switching it to CLIENT-CREDENTIALS adds them, and broadens', () => {
    const code = { authorized_grant_type: 'CODE', scopes: ['authorization'], roles: [adminIn(HOME)] };
    const cc = { authorized_grant_type: 'CLIENT-CREDENTIALS', roles: [adminIn(HOME)] };
    const m = buildDiff([stack('s', plan(code))], [stack('s', plan(cc))]);
    const [c] = m.stacks[0].principals;
    expect(c.notes).toEqual(['grant type changes from CODE to CLIENT-CREDENTIALS']);
    expect(c.grants.added).toEqual([
      { role: 'Role admin', roleAddress: 'genesyscloud_auth_role.admin', division: 'home', divisionKey: 'home' },
    ]);
    expect(c.operations.unlocked).toBe(allowedCount(['authorization:role:edit']));
    expect(m.broadening.map((b) => [b.kind, b.permission])).toEqual([['admin-permission', 'authorization:role:edit']]);
    // A role added to a user-context client changes nothing its tokens can do.
    const more = buildDiff(
      [stack('s', plan({ ...code, roles: [] }))],
      [stack('s', plan({ ...code, roles: [adminIn(HOME)] }))],
    );
    expect([more.stacks[0]?.principals ?? [], more.broadening]).toEqual([[], []]);
  });

  test('an admin-grade scope added to a user-context client broadens; read-only scopes and client credentials do not', () => {
    const code = (scopes: string[], grant = 'CODE') => ({ authorized_grant_type: grant, scopes });
    const m = buildDiff(
      [stack('s', plan(code(['analytics:readonly'])))],
      [stack('s', plan(code(['analytics:readonly', 'authorization', 'users:readonly'])))],
    );
    expect(m.stacks[0].principals[0].scopes).toEqual({ added: ['authorization', 'users:readonly'], removed: [] });
    // Derived from the catalog: the operations that need an admin-grade permission and accept the scope.
    const admin = new Set<string>(ADMIN_PERMISSIONS);
    const accepting = Catalog.operations().filter(
      (op) => op.scopes.includes('authorization') && [...op.allOf, ...op.anyOf].some((p) => admin.has(p)),
    ).length;
    expect(accepting).toBeGreaterThan(0);
    expect(m.broadening).toEqual([
      {
        kind: 'admin-scope',
        stack: 's',
        principal: 'genesyscloud_oauth_client.c',
        name: 'Client',
        scope: 'authorization',
        detail: `asks signed-in users for the admin-grade scope authorization (${accepting} operations that need an admin-grade permission accept it)`,
      },
    ]);
    expect(m.broadening.length).toBeGreaterThan(0);
    // Scopes on a CLIENT-CREDENTIALS client do nothing (GCA-SCOPE1): no broadening.
    const cc = buildDiff(
      [stack('s', plan(code([], 'CLIENT-CREDENTIALS')))],
      [stack('s', plan(code(['authorization'], 'CLIENT-CREDENTIALS')))],
    );
    expect(cc.broadening).toEqual([]);
  });

  test('home named explicitly for one role and left implicit for another is called out; the change is noted', () => {
    const reader = { role_id: '${genesyscloud_auth_role.reader.id}', division_id: HOME };
    const explicit = { authorized_grant_type: 'CLIENT-CREDENTIALS', roles: [reader, adminIn(HOME)] };
    const mixed = { authorized_grant_type: 'CLIENT-CREDENTIALS', roles: [reader, adminIn()] };
    const m = buildDiff([stack('s', plan(explicit))], [stack('s', plan(mixed))]);
    const [c] = m.stacks[0].principals;
    expect(c.notes).toEqual(['home is now home (explicit, and implicit for some roles: no division given)']);
    expect([c.grants, c.operations.unlocked, m.broadening]).toEqual([{ added: [], removed: [] }, 0, []]);
  });
});

const EXPECTED = {
  summary: {
    stacks: 1,
    stacksChanged: 1,
    principalsAdded: 2,
    principalsRemoved: 2,
    principalsChanged: 1,
    permissionsAdded: 4,
    permissionsRemoved: 2,
    operationsUnlocked: 65,
    broadening: 5,
    rolesChanged: 3,
    changes: 26,
    widening: 24,
  },
  broadening: [
    {
      kind: 'secret-exposed',
      stack: 'contact-center',
      principal: 'genesyscloud_oauth_client.ops-client',
      name: 'Schedule operations',
      detail: 'writes its client secret in plaintext to /var/secrets (directory_client_secret)',
    },
    {
      kind: 'wildcard-permission',
      stack: 'contact-center',
      principal: 'genesyscloud_oauth_client.ops-client',
      name: 'Schedule operations',
      division: 'Chicago',
      permission: 'wfm:schedule:*',
      detail: 'holds the wildcard wfm:schedule:* in Chicago',
    },
    {
      kind: 'secret-exposed',
      stack: 'contact-center',
      principal: 'genesyscloud_oauth_client.qa_client_A2209C25',
      name: 'QA screen recording downloader',
      detail: 'exposes its client secret (expose_client_secret: stored in state)',
    },
    {
      kind: 'admin-permission',
      stack: 'contact-center',
      principal: 'genesyscloud_oauth_client.reporting',
      name: 'Reporting',
      division: 'home',
      permission: 'oauth:client:add',
      detail: 'can add client (oauth:client:add) in home',
    },
    {
      kind: 'all-divisions',
      stack: 'contact-center',
      principal: 'genesyscloud_oauth_client.reporting',
      name: 'Reporting',
      division: 'all divisions',
      detail:
        'holds role "Conversation analytics" in all divisions (now and future) (reason: "org-wide reporting across every site")',
    },
  ],
  stacks: [
    {
      stack: 'contact-center',
      change: 'changed',
      pairing: { principals: { byAddress: 1, byName: 0, unpaired: 4 }, byName: [] },
      principals: [
        {
          address: 'genesyscloud_oauth_client.legacy',
          name: 'Legacy schedule export',
          kind: 'oauth-client',
          grantType: 'CLIENT-CREDENTIALS',
          change: 'removed',
          grants: {
            added: [],
            removed: [
              {
                role: 'WFM schedule reader',
                roleAddress: 'genesyscloud_auth_role.wfm-reader',
                division: 'home',
                divisionKey: 'home',
              },
            ],
          },
          divisions: {
            added: [],
            removed: ['home'],
          },
          permissions: {
            added: [],
            removed: [
              {
                division: 'home',
                divisionKey: 'home',
                permissions: ['wfm:schedule:view'],
              },
            ],
          },
          operations: {
            unlocked: 0,
            examples: [],
            byDivision: [],
          },
          scopes: {
            added: [],
            removed: [],
          },
          secrets: [],
          notes: [],
          pairing: { by: 'unpaired', base: 'genesyscloud_oauth_client.legacy' },
        },
        {
          address: 'genesyscloud_oauth_client.ops-client',
          name: 'Schedule operations',
          kind: 'oauth-client',
          grantType: 'CLIENT-CREDENTIALS',
          change: 'added',
          grants: {
            added: [
              {
                role: 'Schedule operations',
                roleAddress: 'genesyscloud_auth_role.ops-role',
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
              },
            ],
            removed: [],
          },
          divisions: {
            added: ['Chicago'],
            removed: [],
          },
          permissions: {
            added: [
              {
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
                permissions: ['wfm:schedule:*'],
              },
            ],
            removed: [],
          },
          operations: {
            unlocked: 41,
            examples: [
              'DELETE /api/v2/workforcemanagement/businessunits/{businessUnitId}/scheduling/runs/{runId}',
              'DELETE /api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}',
              'POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/agentschedules/search',
            ],
            byDivision: [
              {
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
                count: 41,
              },
            ],
          },
          scopes: {
            added: [],
            removed: [],
          },
          secrets: ['directory_client_secret'],
          notes: [],
          pairing: { by: 'unpaired', head: 'genesyscloud_oauth_client.ops-client' },
        },
        {
          address: 'genesyscloud_oauth_client.qa_client_A2209C25',
          name: 'QA screen recording downloader',
          kind: 'oauth-client',
          grantType: 'CLIENT-CREDENTIALS',
          change: 'changed',
          grants: {
            added: [
              {
                role: 'QA screen recording downloader role',
                roleAddress: 'genesyscloud_auth_role.qa_role_44E83C4F',
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
              },
            ],
            removed: [],
          },
          divisions: {
            added: ['Chicago'],
            removed: [],
          },
          permissions: {
            added: [
              {
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
                permissions: ['recording:screenRecording:view'],
              },
            ],
            removed: [],
          },
          operations: {
            unlocked: 12,
            examples: [
              // The declared capability's own operation first, then writes before reads.
              'POST /api/v2/recording/batchrequests',
              'GET /api/v2/conversations/{conversationId}/recordingmetadata',
              'GET /api/v2/conversations/{conversationId}/recordingmetadata/{recordingId}',
            ],
            byDivision: [
              {
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
                count: 12,
              },
            ],
          },
          scopes: {
            added: [],
            removed: [],
          },
          secrets: ['expose_client_secret'],
          notes: [],
          pairing: {
            by: 'address',
            base: 'genesyscloud_oauth_client.qa_client_A2209C25',
            head: 'genesyscloud_oauth_client.qa_client_A2209C25',
          },
        },
        {
          address: 'genesyscloud_oauth_client.reporting',
          name: 'Reporting',
          kind: 'oauth-client',
          grantType: 'CLIENT-CREDENTIALS',
          change: 'added',
          grants: {
            added: [
              {
                role: 'Client admin',
                roleAddress: 'genesyscloud_auth_role.client-admin',
                division: 'home',
                divisionKey: 'home',
              },
              {
                role: 'Conversation analytics',
                roleAddress: 'genesyscloud_auth_role.analytics',
                division: 'all divisions',
                divisionKey: '*',
              },
            ],
            removed: [],
          },
          divisions: {
            added: ['home', 'all divisions'],
            removed: [],
          },
          permissions: {
            added: [
              {
                division: 'home',
                divisionKey: 'home',
                permissions: ['oauth:client:add'],
              },
              {
                division: 'all divisions',
                divisionKey: '*',
                permissions: ['analytics:conversationDetail:view'],
              },
            ],
            removed: [],
          },
          operations: {
            unlocked: 12,
            examples: [
              'POST /api/v2/analytics/conversations/details/query',
              'GET /api/v2/analytics/conversations/{conversationId}/details',
              'DELETE /api/v2/analytics/conversations/details/jobs/{jobId}',
            ],
            byDivision: [
              {
                division: 'home',
                divisionKey: 'home',
                count: 12,
              },
              {
                division: 'all divisions',
                divisionKey: '*',
                count: 11,
              },
            ],
          },
          scopes: {
            added: [],
            removed: [],
          },
          secrets: [],
          notes: [],
          pairing: { by: 'unpaired', head: 'genesyscloud_oauth_client.reporting' },
        },
        {
          address: 'genesyscloud_user.auditor_user_2FACBD38',
          name: 'Auditor',
          kind: 'user',
          change: 'removed',
          grants: {
            added: [],
            removed: [
              {
                role: 'WFM schedule reader',
                roleAddress: 'genesyscloud_auth_role.wfm-reader',
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
              },
            ],
          },
          divisions: {
            added: [],
            removed: ['Chicago'],
          },
          permissions: {
            added: [],
            removed: [
              {
                division: 'Chicago',
                divisionKey: 'data.genesyscloud_auth_division.chicago',
                permissions: ['wfm:schedule:view'],
              },
            ],
          },
          operations: {
            unlocked: 0,
            examples: [],
            byDivision: [],
          },
          scopes: {
            added: [],
            removed: [],
          },
          secrets: [],
          notes: [
            'genesyscloud_user_roles.auditor_roles_E5EF951F is removed: its delete does nothing, so its grants stay until an apply with its roles removed',
          ],
          pairing: { by: 'unpaired', base: 'genesyscloud_user.auditor_user_2FACBD38' },
        },
      ],
      roles: [
        {
          address: 'genesyscloud_auth_role.analytics',
          name: 'Conversation analytics',
          change: 'added',
          permissions: { added: ['analytics:conversationDetail:view'], removed: [] },
          heldBy: ['genesyscloud_oauth_client.reporting'],
        },
        {
          address: 'genesyscloud_auth_role.client-admin',
          name: 'Client admin',
          change: 'added',
          permissions: { added: ['oauth:client:add'], removed: [] },
          heldBy: ['genesyscloud_oauth_client.reporting'],
        },
        {
          address: 'genesyscloud_auth_role.ops-role',
          name: 'Schedule operations',
          change: 'added',
          permissions: { added: ['wfm:schedule:*'], removed: [] },
          heldBy: ['genesyscloud_oauth_client.ops-client'],
        },
      ],
    },
  ],
};
