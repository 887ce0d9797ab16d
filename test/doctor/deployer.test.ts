/**
 * Deployer requirements: what the OAuth client running `cdktf deploy` must hold, from the provider's API usage
 * per resource type and the role × division grants the plan gives, on the really synthesized examples.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../lib/catalog/catalog';
import { readCdktf } from '../../lib/sources/cdktf/read';
import {
  buildDeployer,
  type DeployerOperation,
  deployerRequirements,
  minimalPermissions,
} from '../../lib/doctor/deployer';
import { loadStacks, type LoadedStack } from '../../lib/sources/cdktf/load';
import { dataFile } from '../../lib/util/package-root';
import { synthExamples, tmpDir } from '../cli/fixtures';

let tmp: string;
let examples: LoadedStack[];
const byName = (name: string): LoadedStack => examples.find((s) => s.name === name)!;

beforeAll(() => {
  tmp = tmpDir('deployer');
  examples = loadStacks(synthExamples(path.join(tmp, 'examples')));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function stack(json: Record<string, unknown>): LoadedStack {
  return { name: 's', file: 's.json', graph: readCdktf(json) };
}

function op(key: string, anyOf: string[], allOf: string[] = [], condition?: string): DeployerOperation {
  return { key, operationId: key, anyOf, allOf, ...(condition ? { condition } : {}) };
}

test('screen-recording-qa: roles and OAuth clients, and the role in Chicago and home', () => {
  const r = deployerRequirements(byName('screen-recording-qa'));
  expect(r.permissions).toEqual([
    'authorization:role:add',
    'authorization:role:delete',
    'authorization:role:edit',
    'authorization:role:view',
    'oauth:client:add',
    'oauth:client:delete',
    'oauth:client:edit',
    'oauth:client:view',
  ]);
  expect(r.types.map((t) => [t.kind, t.type, t.count])).toEqual([
    ['resource', 'genesyscloud_auth_role', 2],
    ['resource', 'genesyscloud_oauth_client', 1],
    ['data', 'genesyscloud_auth_division', 1],
    ['data', 'genesyscloud_auth_division_home', 1],
  ]);
  expect(r.grants).toEqual([
    {
      role: 'QA screen recording downloader role',
      roleAddress: 'genesyscloud_auth_role.qa_role_44E83C4F',
      createdByPlan: true,
      division: 'Chicago',
      divisionKey: 'data.genesyscloud_auth_division.chicago',
      grantedTo: ['genesyscloud_oauth_client.qa_client_A2209C25'],
    },
    {
      role: 'QA screen recording downloader role',
      roleAddress: 'genesyscloud_auth_role.qa_role_44E83C4F',
      createdByPlan: true,
      division: 'home',
      divisionKey: 'home',
      grantedTo: ['genesyscloud_oauth_client.qa_client_A2209C25'],
    },
  ]);
  expect(r.unknownTypes).toEqual([]);
});

test('every endpoint of the usage data is looked up; user-login and integration-credential calls are not counted', () => {
  const usage = JSON.parse(fs.readFileSync(dataFile('genesyscloud', 'resource-api-usage.json'), 'utf8'));
  const r = deployerRequirements(byName('screen-recording-qa'));
  const client = r.types.find((t) => t.type === 'genesyscloud_oauth_client')!;
  expect(client.operations.map((o) => o.key).sort()).toEqual(
    usage.resources.genesyscloud_oauth_client.endpoints.map((e: any) => `${e.method} ${e.path}`).sort(),
  );
  expect(client.operations.filter((o) => o.condition).map((o) => o.key)).toEqual([
    'DELETE /api/v2/integrations/credentials/{credentialId}',
    'GET /api/v2/integrations/credentials/{credentialId}',
    'GET /api/v2/users/me',
    'GET /api/v2/users/{subjectId}/roles',
    'POST /api/v2/integrations/credentials',
    'PUT /api/v2/integrations/credentials/{credentialId}',
    'PUT /api/v2/users/{subjectId}/roles',
  ]);
  for (const o of client.operations) {
    const real = Catalog.operation(o.key)!;
    expect([o.anyOf, o.allOf]).toEqual([real.anyOf, real.allOf]);
  }
  const withCredential = deployerRequirements(
    stack({
      resource: {
        genesyscloud_oauth_client: {
          c: { name: 'c', authorized_grant_type: 'CLIENT-CREDENTIALS', integration_credential_name: 'cred' },
        },
      },
    }),
  );
  expect(withCredential.permissions).toEqual([
    'integrations:integration:add',
    'integrations:integration:delete',
    'integrations:integration:edit',
    'integrations:integration:view',
    'oauth:client:add',
    'oauth:client:delete',
    'oauth:client:edit',
    'oauth:client:view',
  ]);
});

test('wfm-schedule-publisher: users, user_roles, divisions and business units; ANY-of picks', () => {
  const r = deployerRequirements(byName('wfm-schedule-publisher'));
  expect(r.permissions).toEqual([
    'authorization:division:add',
    'authorization:division:delete',
    'authorization:division:edit',
    'authorization:grant:add',
    'authorization:grant:delete',
    'authorization:grant:view',
    'authorization:role:add',
    'authorization:role:delete',
    'authorization:role:edit',
    'authorization:role:view',
    'directory:user:add',
    'directory:user:delete',
    'directory:user:edit',
    'directory:user:setPassword',
    'directory:user:view',
    'directory:userProfile:edit',
    'oauth:client:add',
    'oauth:client:delete',
    'oauth:client:edit',
    'oauth:client:view',
    'routing:skill:assign',
    'routing:utilization:manage',
    'telephony:extensionPool:view',
    'voicemail:userPolicy:viewOther',
    'wfm:businessUnit:add',
    'wfm:businessUnit:delete',
    'wfm:businessUnit:edit',
  ]);
  expect(r.choices.map((c) => [c.operations[0], c.pick, c.why])).toEqual([
    [
      'DELETE /api/v2/users/{userId}',
      'directory:user:delete',
      'listed by the fewest operations (4) of the 3 alternatives',
    ],
    ['DELETE /api/v2/users/{userId}/routinglanguages/{languageId}', 'routing:skill:assign', 'needed anyway'],
    ['GET /api/v2/routing/users/{userId}/utilization', 'routing:utilization:manage', 'needed anyway'],
    // Not telephony:plugin:all, which 112 operations list.
    [
      'GET /api/v2/voicemail/userpolicies/{userId}',
      'voicemail:userPolicy:viewOther',
      'listed by the fewest operations (3) of the 2 alternatives',
    ],
    ['GET /api/v2/workforcemanagement/businessunits/{businessUnitId}', 'wfm:businessUnit:add', 'needed anyway'],
    [
      'PATCH /api/v2/users/{userId}',
      'directory:user:edit',
      'listed by the fewest operations (13) of the 3 alternatives',
    ],
  ]);
  expect(r.grants.map((g) => [g.role, g.division, g.grantedTo])).toEqual([
    ['Compliance Auditor - schedule publishing', 'Midwest WFM', ['genesyscloud_user.compliance-auditor_user_F515F638']],
    ['WFM schedule publisher', 'Midwest WFM', ['genesyscloud_oauth_client.publisher_client_1C6E1932']],
  ]);
});

describe('minimalPermissions', () => {
  test('ALL-of always; an ANY-of list is met by a permission already needed, else its narrowest', () => {
    expect(
      minimalPermissions([
        op('A', ['x:y:view', 'x:y:edit']),
        op('B', [], ['x:y:edit']),
        op('C', ['p:q:add', 'p:q:edit']),
        op('D', ['p:q:edit', 'p:q:add']),
        op('E', ['z:z:z'], [], 'not needed here'),
      ]),
    ).toEqual({
      permissions: ['p:q:add', 'x:y:edit'],
      choices: [
        { of: ['x:y:view', 'x:y:edit'], pick: 'x:y:edit', why: 'needed anyway', operations: ['A'] },
        {
          of: ['p:q:add', 'p:q:edit'],
          pick: 'p:q:add',
          why: 'listed by the fewest operations (0) of the 2 alternatives',
          operations: ['C'],
        },
        { of: ['p:q:edit', 'p:q:add'], pick: 'p:q:add', why: 'needed anyway', operations: ['D'] },
      ],
    });
  });
});

test('types without usage data and endpoints the catalog does not know are listed, not guessed', () => {
  const r = deployerRequirements(
    stack({ resource: { genesyscloud_script: { s: { script_name: 's' } }, terraform_data: { t: {} } } }),
  );
  expect(r.unknownTypes).toEqual(['terraform_data']);
  expect(r.types[0].unknownEndpoints).toEqual([
    'DELETE /api/v2/scripts/{scriptId}',
    'POST /api/v2/authorization/divisions/{divisionId}',
  ]);
  expect(r.notes).toContain(
    'Some endpoints in the usage data are not in the pinned catalog: their permissions are not counted.',
  );
});

test('several stacks: one set for a client that deploys them all, grants tagged by stack', () => {
  const m = buildDeployer(examples);
  expect(m.stacks.map((s) => s.stack)).toEqual(['raw-bindings', 'screen-recording-qa', 'wfm-schedule-publisher']);
  const union = [...new Set(m.stacks.flatMap((s) => s.permissions))].sort();
  expect(m.combined!.permissions).toEqual(union);
  expect(m.combined!.grants.map((g) => `${g.stack}: ${g.role} in ${g.division}`)).toEqual([
    'raw-bindings: QA recording reader in Chicago',
    'screen-recording-qa: QA screen recording downloader role in Chicago',
    'screen-recording-qa: QA screen recording downloader role in home',
    'wfm-schedule-publisher: Compliance Auditor - schedule publishing in Midwest WFM',
    'wfm-schedule-publisher: WFM schedule publisher in Midwest WFM',
  ]);
  expect(buildDeployer([byName('raw-bindings')]).combined).toBeUndefined();
});
