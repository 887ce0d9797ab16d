/**
 * Pairing base and head: by address by default, else by Genesys type and name. The drift check compares a
 * `genesyscloud_tf_export` of the live org (Terraform JSON naming resources by exported names, read with the
 * one document reader) with the code: a synthesized stack, or a plan.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AccessGraph } from '../../lib/access/graph';
import { buildDiff } from '../../lib/review/diff';
import { pairGraphs } from '../../lib/review/pairing';
import { renderDiffMarkdown } from '../../lib/review/render-diff-markdown';
import type { LoadedStack } from '../../lib/sources';
import { loadStacks } from '../../lib/sources/cdktf/load';
import { readTerraformDocument } from '../../lib/sources/terraform/document';
import { loadPlan } from '../../lib/sources/terraform-plan';
import { synthDiffStack, synthExamples, tmpDir } from '../cli/fixtures';

const FIXTURES = path.join(__dirname, '../sources/terraform-plan/fixtures');

let tmp: string;
let screenRecording: LoadedStack;

beforeAll(() => {
  tmp = tmpDir('pairing');
  synthExamples(path.join(tmp, 'examples'));
  screenRecording = loadStacks(path.join(tmp, 'examples/stacks/screen-recording-qa'))[0];
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function exported(doc: Record<string, unknown>, name = 'genesyscloud'): LoadedStack {
  const graph = readTerraformDocument(doc, { format: 'tf-export', name, file: 'genesyscloud.tf.json' });
  return { name, file: 'genesyscloud.tf.json', graph };
}

/** What genesyscloud_tf_export writes for the live org the screen-recording-qa example deployed. */
function screenRecordingExport(extraGrant = false): Record<string, unknown> {
  const role = (name: string, policies: Array<[string, string]>): Record<string, unknown> => ({
    name,
    permission_policies: policies.map(([domain, entity_name]) => ({ action_set: ['view'], domain, entity_name })),
  });
  return {
    resource: {
      genesyscloud_auth_division: {
        Chicago: { name: 'Chicago' },
        Home: { home: true, name: 'Home' },
      },
      genesyscloud_auth_role: {
        QA_screen_recording_downloader_role: role('QA screen recording downloader role', [
          ['analytics', 'conversationDetail'],
          ['recording', 'screenRecording'],
        ]),
        Restricted: role('Restricted', [
          ['analytics', 'agentConversationDetail'],
          ['recording', 'recording'],
        ]),
      },
      genesyscloud_oauth_client: {
        QA_screen_recording_downloader: {
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          name: 'QA screen recording downloader',
          roles: [
            {
              division_id: '${genesyscloud_auth_division.Chicago.id}',
              role_id: '${genesyscloud_auth_role.QA_screen_recording_downloader_role.id}',
            },
            {
              division_id: '${genesyscloud_auth_division.Home.id}',
              role_id: '${genesyscloud_auth_role.QA_screen_recording_downloader_role.id}',
            },
            ...(extraGrant
              ? [
                  {
                    division_id: '${genesyscloud_auth_division.Home.id}',
                    role_id: '${genesyscloud_auth_role.Restricted.id}',
                  },
                ]
              : []),
          ],
          state: 'active',
        },
      },
    },
  };
}

test('the live org as the code made it: every principal, role and division pairs by name, nothing changes', () => {
  const m = buildDiff([exported(screenRecordingExport())], [screenRecording]);
  expect(m.stacks[0]).toEqual({
    stack: 'screen-recording-qa',
    change: 'unchanged',
    principals: [],
    roles: [],
    pairing: {
      principals: { byAddress: 0, byName: 1, unpaired: 0 },
      byName: [
        {
          kind: 'principal',
          name: 'QA screen recording downloader',
          base: 'genesyscloud_oauth_client.QA_screen_recording_downloader',
          head: 'genesyscloud_oauth_client.qa_client_A2209C25',
        },
        {
          kind: 'role',
          name: 'QA screen recording downloader role',
          base: 'genesyscloud_auth_role.QA_screen_recording_downloader_role',
          head: 'genesyscloud_auth_role.qa_role_44E83C4F',
        },
        {
          kind: 'role',
          name: 'Restricted',
          base: 'genesyscloud_auth_role.Restricted',
          head: 'genesyscloud_auth_role.restricted-agent',
        },
        {
          kind: 'division',
          name: 'Chicago',
          base: 'genesyscloud_auth_division.Chicago',
          head: 'data.genesyscloud_auth_division.chicago',
        },
      ],
    },
  });
  // Without pairing by name the same two inputs would be a removed and an added client.
  const renamed = exported(screenRecordingExport());
  expect(renamed.graph.principals.map((p) => p.key)).not.toContain('genesyscloud_oauth_client.qa_client_A2209C25');
});

test('a grant made by hand in the live org shows as drift on the paired principal', () => {
  const m = buildDiff([exported(screenRecordingExport(true))], [screenRecording]);
  const [qa] = m.stacks[0].principals;
  expect(qa).toMatchObject({
    address: 'genesyscloud_oauth_client.qa_client_A2209C25',
    change: 'changed',
    pairing: {
      by: 'name',
      base: 'genesyscloud_oauth_client.QA_screen_recording_downloader',
      head: 'genesyscloud_oauth_client.qa_client_A2209C25',
    },
    grants: {
      added: [],
      removed: [
        {
          role: 'Restricted',
          roleAddress: 'genesyscloud_auth_role.restricted-agent',
          division: 'home',
          divisionKey: 'home',
        },
      ],
    },
  });
  expect(renderDiffMarkdown(m)).toContain(
    '- paired by name: the base names it `genesyscloud_oauth_client.QA_screen_recording_downloader`',
  );
});

test('address pairing is the default: a name shared with another address does not re-pair', () => {
  const graph = (clients: Array<[string, string]>): AccessGraph =>
    readTerraformDocument({
      resource: {
        genesyscloud_oauth_client: Object.fromEntries(
          clients.map(([n, name]) => [n, { name, authorized_grant_type: 'CLIENT-CREDENTIALS' }]),
        ),
      },
    });
  const p = pairGraphs(
    graph([
      ['a', 'Exporter'],
      ['x1', 'Same name'],
      ['x2', 'Same name'],
    ]),
    graph([
      ['a', 'Renamed exporter'],
      ['b', 'Exporter'],
      ['y', 'Same name'],
    ]),
  );
  expect(p.pairingOf('genesyscloud_oauth_client.a')).toEqual({
    by: 'address',
    base: 'genesyscloud_oauth_client.a',
    head: 'genesyscloud_oauth_client.a',
  });
  // "Exporter" is already paired by address on the base side; two base clients are named "Same name".
  expect(p.pairingOf('genesyscloud_oauth_client.b')).toEqual({ by: 'unpaired', head: 'genesyscloud_oauth_client.b' });
  expect(p.pairingOf('genesyscloud_oauth_client.y')).toEqual({ by: 'unpaired', head: 'genesyscloud_oauth_client.y' });
  expect(p.summary).toEqual({ principals: { byAddress: 1, byName: 0, unpaired: 4 }, byName: [] });
});

test('two syntheses of one stack pair by address only, and the base graph is left as it is', () => {
  const base = loadStacks(synthDiffStack(path.join(tmp, 'base'), 'base'))[0];
  const head = loadStacks(synthDiffStack(path.join(tmp, 'head'), 'head'))[0];
  const p = pairGraphs(base.graph, head.graph);
  expect(p.base).toBe(base.graph);
  expect(p.summary).toEqual({ principals: { byAddress: 1, byName: 0, unpaired: 4 }, byName: [] });
});

test('drift of a team plan against the export of the live org', () => {
  const live = exported(
    JSON.parse(fs.readFileSync(path.join(FIXTURES, 'contact-center.export.tf.json'), 'utf8')) as Record<
      string,
      unknown
    >,
  );
  const code = loadPlan('contact-center.plan.json', FIXTURES);
  const m = buildDiff([live], code);
  const s = m.stacks[0];
  expect(s.pairing.principals).toEqual({ byAddress: 0, byName: 5, unpaired: 4 });
  expect(s.pairing.byName.map((x) => `${x.kind} ${x.base} -> ${x.head}`)).toEqual([
    'principal genesyscloud_group.Supervisors -> genesyscloud_group.supervisors',
    'principal genesyscloud_oauth_client.Test_OAuth_Client -> genesyscloud_oauth_client.test-client',
    'principal genesyscloud_user.alice_example_com -> genesyscloud_user.agents["alice@example.com"]',
    'principal genesyscloud_user.bob_example_com -> genesyscloud_user.agents["bob@example.com"]',
    'principal genesyscloud_oauth_client.WFM_schedule_publisher -> module.wfm.genesyscloud_oauth_client.publisher',
    'role genesyscloud_auth_role.Employee -> data.genesyscloud_auth_role.employee',
    'role genesyscloud_auth_role.Agent_Role -> genesyscloud_auth_role.agent_role',
    'role genesyscloud_auth_role.Task_Management_Work_Items_Role -> genesyscloud_auth_role.workitems_role',
    'role genesyscloud_auth_role.WFM_schedule_publisher -> module.wfm.genesyscloud_auth_role.scheduler',
    'division genesyscloud_auth_division.Chicago -> data.genesyscloud_auth_division.chicago',
    'division genesyscloud_auth_division.Marketing -> genesyscloud_auth_division.marketing',
  ]);
  expect(s.principals.map((p) => `${p.change} ${p.pairing.by} ${p.address}`)).toEqual([
    'changed name genesyscloud_group.supervisors',
    'removed unpaired genesyscloud_oauth_client.Ad-hoc_admin_script',
    'removed unpaired genesyscloud_oauth_client.Legacy_schedule_export',
    'added unpaired genesyscloud_oauth_client.reporting',
    'changed name genesyscloud_user.agents["bob@example.com"]',
    'added unpaired genesyscloud_user.agents["carol@example.com"]',
  ]);
  // Bob was granted the work items role in Chicago by hand: the code does not grant it.
  const bob = s.principals.find((p) => p.address.includes('bob'))!;
  expect(bob.grants).toEqual({
    added: [],
    removed: [
      {
        role: 'Task Management Work Items Role',
        roleAddress: 'genesyscloud_auth_role.workitems_role',
        division: 'Chicago',
        divisionKey: 'data.genesyscloud_auth_division.chicago',
      },
    ],
  });
  expect(bob.notes).toEqual([]);
  expect(m.broadening.map((b) => `${b.kind} ${b.principal}`)).toEqual([
    'wildcard-permission genesyscloud_group.supervisors',
    'all-divisions genesyscloud_oauth_client.reporting',
  ]);
});
