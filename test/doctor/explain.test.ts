/**
 * The 403 explainer on really synthesized stacks: the two seed 403s, and what is missing (permission, division,
 * scope) with the construct change that fixes it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../lib/catalog/catalog';
import { readCdktf } from '../../lib/sources/cdktf/read';
import {
  callersOf,
  checkPrincipal,
  explainOperation,
  findPrincipal,
  resolveOperation,
  type UnknownOperationModel,
} from '../../lib/doctor/explain';
import { leastPrivilegePick, operationInfo } from '../../lib/doctor/operation-info';
import { loadStacks, type LoadedStack } from '../../lib/sources/cdktf/load';
import { synthExamples, synthSeed403, tmpDir } from '../cli/fixtures';

const RECORDINGS = 'GET /api/v2/conversations/{conversationId}/recordings';
const UPDATE =
  'POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/{scheduleId}/update';
const IMPORT = 'POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/weeks/{weekId}/schedules/import';

let tmp: string;
let seed: LoadedStack[];
let examples: LoadedStack[];

beforeAll(() => {
  tmp = tmpDir('explain');
  seed = loadStacks(synthSeed403(path.join(tmp, 'seed')));
  examples = loadStacks(synthExamples(path.join(tmp, 'examples')));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function explain(query: string, stacks: LoadedStack[], principal: string, division?: string) {
  return explainOperation(query, Catalog.operation(query)!, { stacks, principal, division }).check!;
}

describe('seed 403 (a): recording view only in the home division', () => {
  test('in Chicago: allowed only in home; grant the role in Chicago', () => {
    expect(explain('GET /api/v2/conversations/c-1/recordings', seed, 'qa-client', 'Chicago')).toEqual({
      stack: 'qa-403',
      principal: {
        address: 'genesyscloud_oauth_client.qa-client',
        name: 'QA recording downloader',
        kind: 'oauth-client',
        grantType: 'CLIENT-CREDENTIALS',
        construct: 'qa-403/qa-client',
      },
      userContext: false,
      division: 'Chicago',
      verdict: 'denied',
      reasons: [
        {
          code: 'WRONG_DIVISION',
          message: 'its roles allow it only in "home (implicit: no division given)", not in "Chicago"',
        },
        {
          code: 'IMPLICIT_HOME',
          message:
            'role "QA recording reader" is granted with no division, which the provider turns into the home division only',
        },
      ],
      answer:
        'genesyscloud_oauth_client.qa-client cannot call GET /api/v2/conversations/{conversationId}/recordings (getConversationRecordings) in division "Chicago": missing one of recording:recording:view, recording:recordingSegment:view, recording:snippetRecording:view, recording:screenRecording:view; it is allowed only in "home (implicit: no division given)": grant the role in "Chicago"',
      allowedIn: ['home (implicit: no division given)'],
      satisfiedBy: [],
      missing: [
        {
          kind: 'division',
          detail: 'its roles allow it only in "home (implicit: no division given)", not in "Chicago"',
          allowedIn: ['home (implicit: no division given)'],
        },
      ],
      fixes: [
        {
          summary: 'grant role "QA recording reader" in "Chicago"',
          rawBindings:
            "const chicago = new DataGenesyscloudAuthDivision(this, 'chicago', { name: 'Chicago' }); add { roleId: qaRole.id, divisionId: chicago.id } to the roles of genesyscloud_oauth_client.qa-client",
          constructs: "role.grant(client, Division.fromName(this, 'chicago', 'Chicago'))",
        },
      ],
      notes: [
        'role "QA recording reader" is granted with no division, which the provider turns into the home division only: name the divisions explicitly',
      ],
    });
  });

  test('in home, or without a division: allowed, via recording:recording:view', () => {
    for (const division of ['home', undefined]) {
      const c = explain(RECORDINGS, seed, 'QA recording downloader', division);
      expect([c.verdict, c.satisfiedBy, c.allowedIn]).toEqual([
        'allowed',
        ['recording:recording:view'],
        ['home (implicit: no division given)'],
      ]);
    }
  });
});

describe('seed 403 (b): there is no publish endpoint', () => {
  test('the invented endpoint maps to the schedule update and import', () => {
    const r = resolveOperation('POST /api/v2/wfm/schedules/{scheduleId}/publish') as UnknownOperationModel;
    expect(r.error).toBe(Catalog.explainUnknownOperation('POST /api/v2/wfm/schedules/{scheduleId}/publish'));
    expect(r.error).toContain('there is no publish endpoint');
    expect(r.suggestions.slice(0, 2).map((s) => [s.key, s.leastPrivilege, s.capability, s.scopes])).toEqual([
      [UPDATE, ['wfm:schedule:edit'], 'wfm-schedule-publish', ['workforce-management']],
      [IMPORT, ['wfm:schedule:add'], 'wfm-schedule-publish', ['workforce-management']],
    ]);
  });

  test('the real operation: the Compliance Auditor can publish in Midwest WFM, not in home', () => {
    const ok = explain(UPDATE, examples, 'Compliance Auditor', 'Midwest WFM');
    expect([ok.verdict, ok.satisfiedBy]).toEqual(['allowed', ['wfm:schedule:edit']]);
    const home = explain(UPDATE, examples, 'Compliance Auditor', 'home');
    expect([home.verdict, home.missing, home.fixes]).toEqual([
      'denied',
      [
        {
          kind: 'division',
          detail: 'its roles allow it only in "Midwest WFM", not in "home"',
          allowedIn: ['Midwest WFM'],
        },
      ],
      [
        {
          summary: 'grant role "Compliance Auditor - schedule publishing" in "home"',
          constructs: 'role.grant(user, Division.home(this))',
        },
      ],
    ]);
    expect(home.notes).toEqual(['grants through the groups Compliance Auditor belongs to are not in the input']);
  });

  test('the user-context tool has the scope; its user decides the permissions', () => {
    const c = explain(UPDATE, examples, 'Compliance schedule tool');
    expect([c.verdict, c.userContext, c.allowedIn, c.reasons[0].code]).toEqual([
      'unknown',
      true,
      ['by scope'],
      'USER_CONTEXT_USER_DECIDES',
    ]);
  });
});

describe('missing permissions', () => {
  test('a capability that contains the operation is the fix', () => {
    const c = explain(UPDATE, examples, 'qa-client', 'Chicago');
    expect([c.verdict, c.allowedIn, c.missing, c.fixes]).toEqual([
      'denied',
      [],
      [{ kind: 'permission', detail: 'wfm:schedule:edit', permissions: ['wfm:schedule:edit'] }],
      [
        {
          summary: 'grant wfm:schedule:edit in "Chicago" (capability wfm-schedule-publish)',
          constructs:
            "new AccessRole(this, 'wfm-schedule-publish', { name: 'wfm-schedule-publish', capabilities: ['wfm-schedule-publish'] }).grant(client, Division.fromName(this, 'chicago', 'Chicago'))",
          rawBindings:
            "a role with permissionPolicies [{ domain: 'wfm', entityName: 'schedule', actionSet: ['edit'] }] granted to genesyscloud_oauth_client.qa-client in chicago.id",
        },
      ],
    ]);
  });

  test('else the exact permissions, with the least-privilege pick of an ANY-of list', () => {
    const c = explain('POST /api/v2/oauth/clients', examples, 'qa-client', 'Chicago');
    expect(c.fixes.map((f) => f.constructs)).toEqual([
      "new AccessRole(this, 'oauth-client-add', { name: 'oauth-client-add', permissions: ['oauth:client:add'] }).grant(client, Division.fromName(this, 'chicago', 'Chicago'))",
    ]);
    const q = explain('POST /api/v2/analytics/conversations/details/query', seed, 'qa-client', 'Chicago');
    expect(q.missing).toEqual([
      {
        kind: 'permission',
        detail:
          'analytics:conversationDetail:view (analytics:conversationDetail:view is the least-privilege one of analytics:conversationDetail:view, analytics:agentConversationDetail:view)',
        permissions: ['analytics:conversationDetail:view'],
      },
    ]);
  });

  test('a division the plan creates is referenced as its Division construct; a division id with fromId', () => {
    const c = explain(RECORDINGS, examples, 'publisher_client_1C6E1932', 'Midwest WFM');
    expect(c.fixes[0].constructs).toBe(
      "new AccessRole(this, 'screen-recording-read', { name: 'screen-recording-read', capabilities: ['screen-recording-read'] }).grant(client, midwestWfm /* the Division \"Midwest WFM\" (genesyscloud_auth_division.midwest-wfm) */)",
    );
    const id = explain(RECORDINGS, examples, 'qa_client_A2209C25', '6b1a0e52-4a39-4e0f-9d3c-0f3a2a4a5b6c');
    expect(id.fixes[0]).toEqual({
      summary: 'grant role "QA screen recording downloader role" in "6b1a0e52-4a39-4e0f-9d3c-0f3a2a4a5b6c"',
      constructs: "role.grant(client, Division.fromId(this, 'division', '6b1a0e52-4a39-4e0f-9d3c-0f3a2a4a5b6c'))",
    });
  });
});

describe('without a division', () => {
  const stack: LoadedStack = {
    name: 's',
    file: 's.json',
    graph: readCdktf({
      data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } },
      resource: {
        genesyscloud_auth_role: {
          'division-add': {
            name: 'Division add',
            permission_policies: [{ domain: 'authorization', entity_name: 'division', action_set: ['add'] }],
          },
          'grant-add': {
            name: 'Grant add',
            permission_policies: [{ domain: 'authorization', entity_name: 'grant', action_set: ['add'] }],
          },
        },
        genesyscloud_oauth_client: {
          c: {
            name: 'Admin client',
            authorized_grant_type: 'CLIENT-CREDENTIALS',
            roles: [
              {
                role_id: '${genesyscloud_auth_role.division-add.id}',
                division_id: '${data.genesyscloud_auth_division.chicago.id}',
              },
              { role_id: '${genesyscloud_auth_role.grant-add.id}' },
            ],
          },
        },
      },
    }),
  };

  test('ALL-of permissions held only in different divisions: grant the roles together', () => {
    const { principal } = findPrincipal([stack], 'Admin client');
    const c = checkPrincipal(stack, principal, Catalog.operation('POST /api/v2/authorization/divisions')!);
    expect([c.verdict, c.answer, c.missing, c.fixes]).toEqual([
      'denied',
      'genesyscloud_oauth_client.c cannot call POST /api/v2/authorization/divisions (postAuthorizationDivisions) in any one division: it holds authorization:division:add, authorization:grant:add only in different divisions',
      [
        {
          kind: 'division',
          detail:
            'authorization:division:add, authorization:grant:add are held in different divisions; no division has them all',
          allowedIn: [],
        },
      ],
      [
        {
          summary: 'grant roles "Division add" and "Grant add" in "Chicago"',
          rawBindings:
            'add { roleId: divisionAdd.id, divisionId: chicago.id } to the roles of genesyscloud_oauth_client.c; add { roleId: grantAdd.id, divisionId: chicago.id } to the roles of genesyscloud_oauth_client.c',
          constructs:
            "divisionAdd.grant(client, Division.fromName(this, 'chicago', 'Chicago')); grantAdd.grant(client, Division.fromName(this, 'chicago', 'Chicago'))",
        },
      ],
    ]);
  });

  test("a permission held nowhere: grant it in the first of the principal's divisions", () => {
    const c = explain(UPDATE, seed, 'qa-client');
    expect([c.verdict, c.allowedIn, c.missing.map((m) => m.kind), c.fixes.map((f) => f.constructs)]).toEqual([
      'denied',
      [],
      ['permission'],
      [
        "new AccessRole(this, 'wfm-schedule-publish', { name: 'wfm-schedule-publish', capabilities: ['wfm-schedule-publish'] }).grant(client, Division.home(this))",
      ],
    ]);
  });
});

describe('operation requirements', () => {
  test('the recording read: ANY-of, least privilege from the screen-recording capability, scopes', () => {
    const info = operationInfo(Catalog.operation('GET /api/v2/conversations/abc/recordings')!);
    expect(info).toMatchObject({
      key: RECORDINGS,
      operationId: 'getConversationRecordings',
      allOf: [],
      pick: { permission: 'recording:screenRecording:view' },
      leastPrivilege: ['recording:screenRecording:view'],
      capabilities: ['audio-recording-read', 'screen-recording-read'],
      capability: 'screen-recording-read',
      scopes: ['recordings', 'recordings:readonly'],
      leastScope: 'recordings:readonly',
    });
  });

  test('without a capability: the real permission listed by the fewest operations, never a general one', () => {
    const op = Catalog.operation('DELETE /api/v2/users/{userId}')!;
    expect(op.anyOf).toContain('admin');
    const pick = leastPrivilegePick(op)!;
    expect(Catalog.isPermission(pick.permission)).toBe(true);
    for (const other of op.anyOf.filter((p) => Catalog.isPermission(p))) {
      expect(Catalog.operationsListing(pick.permission).length).toBeLessThanOrEqual(
        Catalog.operationsListing(other).length,
      );
    }
  });

  test('ALL-of permissions are all required', () => {
    const info = operationInfo(Catalog.operation('POST /api/v2/authorization/divisions')!);
    expect(info.leastPrivilege).toEqual(['authorization:division:add', 'authorization:grant:add']);
  });

  test('wildcards cover; an operation that lists no permission is open to any principal', () => {
    const stack: LoadedStack = {
      name: 's',
      file: 's.json',
      graph: readCdktf({
        resource: {
          genesyscloud_auth_role: {
            ops: { name: 'Ops', permission_policies: [{ domain: 'wfm', entity_name: '*', action_set: ['*'] }] },
          },
          genesyscloud_oauth_client: {
            c: {
              name: 'Ops client',
              authorized_grant_type: 'CLIENT-CREDENTIALS',
              roles: [{ role_id: '${genesyscloud_auth_role.ops.id}', division_id: '*' }],
            },
          },
        },
      }),
    };
    const { principal } = findPrincipal([stack], 'c');
    const c = checkPrincipal(stack, principal, Catalog.operation(UPDATE)!, 'Anywhere');
    expect([c.verdict, c.satisfiedBy, c.allowedIn]).toEqual(['allowed', ['wfm:schedule:edit'], ['all divisions']]);
    const open = checkPrincipal(stack, principal, Catalog.operation('GET /api/v2/tokens/me')!);
    expect([open.verdict, open.answer]).toEqual([
      'allowed',
      'genesyscloud_oauth_client.c can call GET /api/v2/tokens/me (getTokensMe): it lists no permission (any authenticated principal)',
    ]);
  });
});

test('a user-context client and an operation that lists no scope: the check and the callers list agree', () => {
  const op = Catalog.operation('DELETE /api/v2/agentic/virtualagents/{virtualAgentId}/jobs')!;
  expect(op.scopes).toEqual([]);
  const wfm = examples.find((s) => s.name === 'wfm-schedule-publisher')!;
  const tool = findPrincipal([wfm], 'Compliance schedule tool').principal;
  // The catalog does not know its scopes, and the signed-in user's roles decide: the input cannot tell.
  const c = checkPrincipal(wfm, tool, op);
  expect([c.verdict, c.reasons[0].code]).toEqual(['unknown', 'SCOPE_UNKNOWN']);
  expect(callersOf([wfm], op)).toEqual([
    {
      stack: wfm.name,
      address: tool.key,
      name: 'Compliance schedule tool',
      verdict: 'unknown',
      allowedIn: [],
      reason: c.reasons[0].message,
    },
  ]);
});
