/**
 * The report model on really synthesized stacks: principals, divisions, permissions, capabilities, operations,
 * findings and suppressions; loading; Markdown that fits a PR comment.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../lib/catalog/catalog';
import { checkOperation } from '../../lib/access/operation-rule';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { principalAccess } from '../../lib/access/principal-access';
import { loadStacks, type LoadedStack } from '../../lib/sources/cdktf/load';
import { COMMENT_LIMIT, renderReportMarkdown } from '../../lib/review/render-report-markdown';
import { buildReport, reportFails, stackReport } from '../../lib/review/report';
import { synthDiffStack, synthExamples, synthFindingsStack, tmpDir } from '../cli/fixtures';

let tmp: string;
let examples: LoadedStack[];
const byName = (name: string): LoadedStack => examples.find((s) => s.name === name)!;

function allowedCount(held: string[]): number {
  return Catalog.operations().filter((op) => (op.anyOf.length || op.allOf.length) && checkOperation(op, held).allowed)
    .length;
}

beforeAll(() => {
  tmp = tmpDir('report');
  examples = loadStacks(synthExamples(path.join(tmp, 'examples')));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a cdktf.out directory is every stack, by name', () => {
  expect(examples.map((s) => [s.name, s.file])).toEqual([
    ['raw-bindings', path.join(tmp, 'examples/stacks/raw-bindings/cdk.tf.json')],
    ['screen-recording-qa', path.join(tmp, 'examples/stacks/screen-recording-qa/cdk.tf.json')],
    ['wfm-schedule-publisher', path.join(tmp, 'examples/stacks/wfm-schedule-publisher/cdk.tf.json')],
  ]);
});

test('screen-recording-qa: the QA client holds screen-recording and conversation-detail view in Chicago and home', () => {
  const r = stackReport(byName('screen-recording-qa'));
  const perms = ['analytics:conversationDetail:view', 'recording:screenRecording:view'];
  expect(r.principals).toEqual([
    {
      address: 'genesyscloud_oauth_client.qa_client_A2209C25',
      kind: 'oauth-client',
      name: 'QA screen recording downloader',
      grantType: 'CLIENT-CREDENTIALS',
      construct: 'screen-recording-qa/qa/client',
      userContext: false,
      divisions: [
        {
          label: 'Chicago',
          kind: 'lookup',
          key: 'data.genesyscloud_auth_division.chicago',
          roles: ['genesyscloud_auth_role.qa_role_44E83C4F'],
        },
        { label: 'home', kind: 'home', key: 'home', roles: ['genesyscloud_auth_role.qa_role_44E83C4F'] },
      ],
      allDivisionsReasons: [],
      permissions: perms,
      capabilities: {
        declared: ['analytics-conversation-detail-query', 'screen-recording-read'],
        held: ['analytics-conversation-detail-export', 'analytics-conversation-detail-query', 'screen-recording-read'],
      },
      operations: {
        count: allowedCount(perms),
        // Its declared capabilities' own operations first (writes before reads among them).
        examples: [
          'POST /api/v2/analytics/conversations/details/query',
          'POST /api/v2/recording/batchrequests',
          'GET /api/v2/analytics/conversations/{conversationId}/details',
        ],
      },
      findings: [],
    },
  ]);
  // The agents' Restricted role is defined but granted to nobody: listed with its permissions and no holder.
  expect(r.roles.map((x) => [x.address, x.name, x.origin, x.permissions, x.holders])).toEqual([
    [
      'genesyscloud_auth_role.qa_role_44E83C4F',
      'QA screen recording downloader role',
      'managed',
      perms,
      ['genesyscloud_oauth_client.qa_client_A2209C25'],
    ],
    [
      'genesyscloud_auth_role.restricted-agent',
      'Restricted',
      'managed',
      ['analytics:agentConversationDetail:view', 'recording:recording:view'],
      [],
    ],
  ]);
  expect(r.summary).toEqual({ principals: 1, roles: 2, errors: 0, warnings: 0, suppressed: 0 });
});

test('raw bindings: capabilities are derived from the permissions even without metadata', () => {
  const [p] = stackReport(byName('raw-bindings')).principals;
  expect(p.capabilities).toEqual({
    declared: [],
    held: ['analytics-conversation-detail-export', 'analytics-conversation-detail-query', 'screen-recording-read'],
  });
  expect(p.construct).toBe('raw-bindings/qa-client');
});

test('wfm-schedule-publisher: a user, a client-credentials client and a user-context client with its scopes', () => {
  const r = stackReport(byName('wfm-schedule-publisher'));
  expect(
    r.principals.map((p) => [p.kind, p.grantType, p.userContext, p.divisions.map((d) => d.label), p.scopes]),
  ).toEqual([
    ['oauth-client', 'CODE', true, [], ['workforce-management']],
    ['oauth-client', 'CLIENT-CREDENTIALS', false, ['Midwest WFM'], undefined],
    ['user', undefined, false, ['Midwest WFM'], undefined],
  ]);
  const tool = r.principals[0];
  expect(tool.scopeOperations!.count).toBe(
    Catalog.operations().filter((op) => op.scopes.includes('workforce-management' as never)).length,
  );
  expect(tool.operations).toEqual({ count: 0, examples: [] });
  // The user-context client records the capabilities its scopes come from; it holds none itself.
  expect(tool.capabilities).toEqual({ declared: ['wfm-schedule-publish', 'wfm-schedule-read'], held: [] });
  const user = r.principals[2];
  expect(user.permissions).toEqual(['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view']);
  expect(user.capabilities.held).toEqual(['wfm-schedule-publish', 'wfm-schedule-read']);
  expect(user.operations.count).toBe(allowedCount(['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view']));
});

test('findings, suppressions with their reasons, implicit home; exit status', () => {
  const stack = loadStacks(synthFindingsStack(path.join(tmp, 'findings')));
  const model = buildReport(stack);
  const [s] = model.stacks;
  expect(s.findings).toEqual([
    {
      ruleId: 'GCA-DIV1',
      level: 'error',
      address: 'genesyscloud_oauth_client.implicit',
      finding: 'Recording reader',
      path: 'findings/implicit',
      message:
        'GCA-DIV1[Recording reader] genesyscloud_oauth_client.implicit: role "Recording reader" is granted to Implicit home client with no division, so only in the home division: name the division(s) explicitly',
      source: { pointer: '/resource/genesyscloud_oauth_client/implicit' },
    },
  ]);
  expect(s.suppressed).toEqual([
    {
      ruleId: 'GCA-DIV1',
      level: 'error',
      address: 'genesyscloud_oauth_client.legacy',
      finding: 'Recording reader',
      path: 'findings/legacy',
      message:
        'GCA-DIV1[Recording reader] genesyscloud_oauth_client.legacy: role "Recording reader" is granted to Legacy client with no division, so only in the home division: name the division(s) explicitly',
      source: { pointer: '/resource/genesyscloud_oauth_client/legacy' },
      reason: 'single-division org: everything is in home',
      suppressedAt: 'findings/legacy',
    },
  ]);
  expect(s.suppressions).toEqual([
    { id: 'GCA-DIV1', path: 'findings/legacy', reason: 'single-division org: everything is in home' },
  ]);
  expect(s.principals.map((p) => [p.address, p.divisions.map((d) => [d.label, d.kind]), p.findings])).toEqual([
    [
      'genesyscloud_oauth_client.implicit',
      [['home (implicit: no division given)', 'implicit-home']],
      ['GCA-DIV1[Recording reader]'],
    ],
    ['genesyscloud_oauth_client.legacy', [['home (implicit: no division given)', 'implicit-home']], []],
  ]);
  expect(model.summary).toEqual({ stacks: 1, principals: 2, errors: 1, warnings: 0, suppressed: 1 });
  expect(reportFails(model)).toBe(true);
  expect(reportFails(buildReport(examples))).toBe(false);
});

test('all divisions are called out with the recorded reason', () => {
  const [s] = buildReport(loadStacks(synthDiffStack(path.join(tmp, 'head'), 'head'))).stacks;
  const reporting = s.principals.find((p) => p.name === 'Reporting')!;
  expect(reporting.divisions.map((d) => [d.label, d.kind, d.key])).toEqual([
    ['home', 'home', 'home'],
    ['all divisions', 'all', '*'],
  ]);
  expect(reporting.allDivisionsReasons).toEqual(['org-wide reporting across every site']);
  const md = renderReportMarkdown(buildReport(loadStacks(path.join(tmp, 'head'))));
  expect(md).toContain('- all divisions because: "org-wide reporting across every site"');
  expect(md).toContain('| home, all divisions (roles differ per division) |');
});

test('principals with the same roles share one permission set (computed once)', () => {
  const graph = readCdktf(manyClients(3, () => 'reader'));
  const [a, b, c] = graph.principals.map((p) => principalAccess(graph, p).divisions[0]);
  expect(a.granted).toBe(b.granted);
  expect(b.effective).toBe(c.effective);
});

/** A plan with `n` clients; `roleOf(i)` names the role client i holds in Chicago. */
function manyClients(n: number, roleOf: (i: number) => string): Record<string, unknown> {
  const roles: Record<string, unknown> = {};
  const clients: Record<string, unknown> = {};
  const perms = Catalog.permissions();
  for (let i = 0; i < n; i++) {
    const role = roleOf(i);
    roles[role] ??= {
      name: `Role ${role}`,
      permission_policies: Array.from({ length: 16 }, (_, k) => {
        const [domain, entity_name, action] = perms[(i * 7 + k * 101) % perms.length].split(':');
        return { domain, entity_name, action_set: [action] };
      }),
    };
    clients[`client-${i}`] = {
      name: `Client ${i}`,
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      roles: [
        {
          role_id: `\${genesyscloud_auth_role.${role}.id}`,
          division_id: '${data.genesyscloud_auth_division.chicago.id}',
        },
      ],
    };
  }
  return {
    '//': { metadata: { stackName: 'big' } },
    data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } },
    resource: { genesyscloud_auth_role: roles, genesyscloud_oauth_client: clients },
  };
}

test('Markdown fits a pull-request comment: identical access is folded, the rest shortened', () => {
  const same = readCdktf(manyClients(500, () => 'reader'));
  const folded = renderReportMarkdown(buildReport([{ name: 'big', file: 'big.json', graph: same }]));
  expect(folded).toContain('**Client 0**<br>`genesyscloud_oauth_client.client-0`<br>+499 more with the same access');
  expect(folded).not.toContain('Shortened');
  const distinct = readCdktf(manyClients(600, (i) => `role-${i}`));
  const md = renderReportMarkdown(buildReport([{ name: 'big', file: 'big.json', graph: distinct }]));
  expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT + 100);
  expect(md).toMatch(/\n\+\d+ more rows of principals: see `--format json`\n/);
  expect(md.trimEnd().endsWith('_Shortened to fit a pull-request comment: `--format json` has everything._')).toBe(
    true,
  );
});

test('roles on a user-context client grant nothing (GCA-OAUTH7 says so): no divisions, permissions or operations', () => {
  const json = {
    resource: {
      genesyscloud_auth_role: {
        admin: {
          name: 'Role admin',
          permission_policies: [{ domain: 'authorization', entity_name: 'role', action_set: ['edit'] }],
        },
      },
      genesyscloud_oauth_client: {
        tool: {
          name: 'Tool',
          authorized_grant_type: 'CODE',
          scopes: ['authorization'],
          roles: [{ role_id: '${genesyscloud_auth_role.admin.id}', division_id: '*' }],
        },
      },
    },
  };
  const r = stackReport({ name: 's', file: 's.json', graph: readCdktf(json) });
  const [tool] = r.principals;
  expect([tool.userContext, tool.divisions, tool.permissions, tool.operations.count]).toEqual([true, [], [], 0]);
  expect(tool.scopes).toEqual(['authorization']);
  expect(tool.findings).toContain('GCA-OAUTH7[roles]');
});
