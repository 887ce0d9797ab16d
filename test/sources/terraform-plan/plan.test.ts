/**
 * `terraform show -json` plans (fixtures/*.plan.json, written after the provider's examples and Terraform's
 * JSON output format): the same access written as a cdktf synthesis and as a plan gives the same report;
 * values unknown until apply resolve through the configuration, or stay unknown; instances in modules and of
 * count / for_each keep their Terraform addresses; and the prior state reads as what holds now.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../../../lib/catalog/catalog';
import { evaluate } from '../../../lib/access/evaluate';
import type { AccessGraph } from '../../../lib/access/graph';
import { buildDeployer } from '../../../lib/doctor/deployer';
import { buildDiff } from '../../../lib/review/diff';
import { buildReport } from '../../../lib/review/report';
import { loadInputs, type LoadedStack } from '../../../lib/sources';
import { loadStacks } from '../../../lib/sources/cdktf/load';
import { readTerraformPlan } from '../../../lib/sources/terraform-plan';
import { synthExamples, synthSeed403, tmpDir } from '../../cli/fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');
type Json = Record<string, any>;

function fixture(name: string): Json {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Json;
}

function sides(json: Json, file = 'plan.json'): { before: AccessGraph; after: AccessGraph } {
  const g = readTerraformPlan(json, { file });
  return { before: g.before!, after: g.after! };
}

function stack(graph: AccessGraph, name = graph.source.name): LoadedStack {
  return { name, file: `${name}.json`, graph };
}

let tmp: string;
let synthesized: Map<string, LoadedStack>;

beforeAll(() => {
  tmp = tmpDir('plan');
  synthExamples(path.join(tmp, 'examples'));
  synthSeed403(path.join(tmp, 'seed'));
  synthesized = new Map(
    [...loadStacks(path.join(tmp, 'examples')), ...loadStacks(path.join(tmp, 'seed'))].map((s) => [s.name, s]),
  );
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * The report and deployer models without what only a synthesis records (construct paths, the capabilities our
 * constructs declare, the construct path of a finding), without what only a plan knows (whether a granted role
 * exists already) and without the stack name and source format.
 */
function comparable(s: LoadedStack): unknown {
  const report = buildReport([{ ...s, name: 'stack' }]).stacks[0];
  const deployer = buildDeployer([{ ...s, name: 'stack' }]).stacks[0];
  return {
    principals: report.principals.map((p) => ({
      ...p,
      construct: undefined,
      capabilities: { held: p.capabilities.held },
      // The declared capabilities (intent a plan does not carry) rank their own operations first among the examples.
      operations: { count: p.operations.count },
      ...(p.scopeOperations ? { scopeOperations: { count: p.scopeOperations.count } } : {}),
    })),
    roles: report.roles,
    // Where a finding is written: a construct path in a synthesis, a JSON pointer into the plan file in a plan.
    findings: report.findings.map((f) => ({ ...f, path: undefined, location: undefined, source: undefined })),
    summary: report.summary,
    deployer: {
      ...deployer,
      stack: undefined,
      grants: deployer.grants.map((g) => ({ ...g, createdByPlan: undefined })),
      notes: deployer.notes.filter((n) => !n.startsWith('Roles created by this plan')),
    },
  };
}

describe('a plan gives the same answers as the cdktf synthesis it was planned from', () => {
  test.each([
    ['qa-403', 'qa-403.plan.json', 'a create plan: every id known only after apply, no division given'],
    ['screen-recording-qa', 'screen-recording-qa.plan.json', 'an update plan: Chicago added to an existing client'],
    ['wfm-schedule-publisher', 'wfm-schedule-publisher.plan.json', 'a create plan with a managed division and a user'],
  ])('%s (%s: %s)', async (name, file) => {
    const [plan] = await loadInputs(path.join(FIXTURES, file));
    expect(plan.graph.source.format).toBe('terraform-plan');
    const synth = synthesized.get(name)!;
    expect(comparable(plan)).toEqual(comparable(synth));
    // Only the plan knows which roles exist already: the update plan's role does, the create plans' do not.
    const created = buildDeployer([plan]).stacks[0].grants.map((g) => g.createdByPlan);
    expect(created.length > 0 && created.every((c) => c === (name !== 'screen-recording-qa'))).toBe(true);
    // Not vacuous: every principal holds what the synthesis says it holds.
    expect(buildReport([plan]).stacks[0].principals.map((p) => p.permissions.length)).toEqual(
      buildReport([synth]).stacks[0].principals.map((p) => p.permissions.length),
    );
  });

  test('the grant of an existing client reads the same before and after a no-op plan (implicit home kept)', () => {
    // qa-403 after apply: the role and client exist, state holds the home id the provider filled in.
    const plan = fixture('qa-403.plan.json');
    const ROLE = '5c4b3a29-1807-4f6e-9d5c-4b3a29180706';
    const HOME = '1f3e0b7a-2c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const [role, client] = plan.planned_values.root_module.resources as Json[];
    role.values.id = ROLE;
    client.values.id = '6d5c4b3a-2918-4076-8e5d-4c3b2a190807';
    client.values.roles = [{ division_id: HOME, role_id: ROLE }];
    plan.prior_state = { format_version: '1.0', values: { root_module: { resources: [role, client] } } };
    for (const c of plan.resource_changes as Json[]) {
      const values = c.address === role.address ? role.values : client.values;
      c.change = { actions: ['no-op'], before: values, after: values, after_unknown: {} };
    }
    const { before, after } = sides(plan);
    for (const g of [before, after]) {
      expect(g.grants).toEqual([
        {
          principal: 'genesyscloud_oauth_client.qa-client',
          role: 'genesyscloud_auth_role.qa-role',
          division: 'home',
          implicitHome: true,
          writer: 'genesyscloud_oauth_client.qa-client',
        },
      ]);
    }
    expect(buildDiff([stack(before)], [stack(after)]).stacks[0].change).toBe('unchanged');
  });
});

describe('values unknown until apply', () => {
  test('a role and a division created by the same plan become references to them', () => {
    const { after } = sides(fixture('wfm-schedule-publisher.plan.json'));
    expect(after.grants.filter((g) => g.principal.startsWith('genesyscloud_oauth_client'))).toEqual([
      {
        principal: 'genesyscloud_oauth_client.publisher_client_1C6E1932',
        role: 'genesyscloud_auth_role.publisher_role_6A2BE190',
        division: 'genesyscloud_auth_division.midwest-wfm',
        writer: 'genesyscloud_oauth_client.publisher_client_1C6E1932',
      },
    ]);
    expect(after.divisions.find((d) => d.key === 'genesyscloud_auth_division.midwest-wfm')).toMatchObject({
      kind: 'managed',
      name: 'Midwest WFM',
      ref: '${genesyscloud_auth_division.midwest-wfm.id}',
    });
    // The user's id, the role's id and the division id of its user_roles were all unknown.
    expect(after.grants.find((g) => g.principal === 'genesyscloud_user.compliance-auditor_user_F515F638')).toEqual({
      principal: 'genesyscloud_user.compliance-auditor_user_F515F638',
      role: 'genesyscloud_auth_role.compliance-auditor_role_36FC048E',
      division: 'genesyscloud_auth_division.midwest-wfm',
      writer: 'genesyscloud_user_roles.compliance-auditor_user_roles_83C7A468',
    });
  });

  test('ids the plan knows become references: a division looked up by a data source is named by it', () => {
    const { after } = sides(fixture('contact-center.plan.json'));
    const publisher = after.grants.filter((g) => g.principal === 'module.wfm.genesyscloud_oauth_client.publisher');
    expect(publisher).toEqual([
      {
        principal: 'module.wfm.genesyscloud_oauth_client.publisher',
        role: 'module.wfm.genesyscloud_auth_role.scheduler',
        division: 'data.genesyscloud_auth_division.chicago',
        writer: 'module.wfm.genesyscloud_oauth_client.publisher',
      },
    ]);
    expect(after.divisions.map((d) => [d.key, d.kind, d.name])).toEqual([
      ['*', 'all', undefined],
      ['data.genesyscloud_auth_division.chicago', 'lookup', 'Chicago'],
      ['genesyscloud_auth_division.marketing', 'managed', 'Marketing'],
      ['home', 'home', 'home'],
    ]);
  });

  test('a new for_each user is found through `r[each.key]`; the role created by the plan through its reference', () => {
    const { after } = sides(fixture('contact-center.plan.json'));
    expect(after.grants.filter((g) => g.principal.includes('carol'))).toEqual([
      {
        principal: 'genesyscloud_user.agents["carol@example.com"]',
        role: 'genesyscloud_auth_role.agent_role',
        division: 'home',
        writer: 'genesyscloud_user_roles.agents["carol@example.com"]',
      },
      {
        principal: 'genesyscloud_user.agents["carol@example.com"]',
        role: 'genesyscloud_auth_role.agent_role',
        division: 'genesyscloud_auth_division.marketing',
        writer: 'genesyscloud_user_roles.agents["carol@example.com"]',
      },
    ]);
    expect(after.grants.find((g) => g.principal === 'genesyscloud_oauth_client.reporting')).toMatchObject({
      role: 'genesyscloud_auth_role.reporting',
      division: '*',
    });
  });

  test('what the configuration cannot resolve (a local) stays unresolved, and the evaluator says unknown', () => {
    const { after } = sides(fixture('contact-center.plan.json'));
    const role = after.roles.find((r) => r.key === 'role:${local.supervisor_role}')!;
    expect(role).toMatchObject({ origin: 'unresolved', complete: false });
    const d = evaluate(
      after,
      'genesyscloud_group.supervisors',
      { operation: Catalog.requireOperation('GET /api/v2/routing/queues/{queueId}') },
      { division: 'Chicago' },
    );
    expect(d.verdict).toBe('unknown');
    expect(d.reasons.map((r) => r.code)).toContain('ROLE_PERMISSIONS_UNKNOWN');
  });

  test('without the configuration an unknown role or division stays unknown, never a guess', () => {
    const plan = fixture('wfm-schedule-publisher.plan.json');
    delete plan.configuration;
    const { after } = sides(plan);
    const grant = after.grants.find((g) => g.principal === 'genesyscloud_oauth_client.publisher_client_1C6E1932')!;
    expect(grant.role).toBe(
      'role:${known after apply: genesyscloud_oauth_client.publisher_client_1C6E1932.roles[0].role_id}',
    );
    expect(grant.division).toBe(
      '${known after apply: genesyscloud_oauth_client.publisher_client_1C6E1932.roles[0].division_id}',
    );
    expect(after.divisions.find((d) => d.key === grant.division)?.kind).toBe('unresolved');
    const d = evaluate(
      after,
      grant.principal,
      { operation: Catalog.requireOperation('GET /api/v2/workforcemanagement/businessunits/{businessUnitId}') },
      { division: 'Midwest WFM' },
    );
    expect(d.verdict).toBe('unknown');
  });

  test('a whole `roles` set unknown (a dynamic block over values known after apply) makes the grants incomplete', () => {
    const plan = fixture('qa-403.plan.json');
    const change = (plan.resource_changes as Json[]).find((c) => c.type === 'genesyscloud_oauth_client')!;
    change.change.after_unknown.roles = true;
    delete plan.planned_values.root_module.resources[1].values.roles;
    delete plan.configuration.root_module.resources[1].expressions.roles;
    const client = sides(plan).after.principals[0];
    expect(client).toMatchObject({
      grantsComplete: false,
      grantsIncompleteReason: 'its roles (genesyscloud_oauth_client.qa-client.roles) are an expression',
    });
  });
});

describe('addresses, provenance and the two sides', () => {
  test('instances in modules and of for_each keep their Terraform addresses and point into the plan', () => {
    const json = fixture('contact-center.plan.json');
    const { after } = sides(json, 'contact-center.plan.json');
    expect(after.principals.map((p) => p.key)).toEqual([
      'genesyscloud_group.supervisors',
      'genesyscloud_oauth_client.reporting',
      'genesyscloud_oauth_client.test-client',
      'genesyscloud_user.agents["alice@example.com"]',
      'genesyscloud_user.agents["bob@example.com"]',
      'genesyscloud_user.agents["carol@example.com"]',
      'module.wfm.genesyscloud_oauth_client.publisher',
    ]);
    for (const p of after.principals) {
      expect(p.provenance?.file).toBe('contact-center.plan.json');
      const at = p.provenance!.pointer!.split('/').slice(1);
      const node = at.reduce((n: Json, k) => n[k] as Json, json);
      expect(node.address).toBe(p.key);
    }
  });

  test('count instances and for_each modules: `r[count.index]` and module inputs resolve per instance', () => {
    // Two sites, each a module instance with its own role and a client of two instances (count = 2); every
    // id is unknown: the roles are created by this plan.
    const role = (module: string): Json => ({
      address: `${module}.genesyscloud_auth_role.reader`,
      mode: 'managed',
      type: 'genesyscloud_auth_role',
      name: 'reader',
      values: {
        name: `Reader ${module}`,
        permission_policies: [{ domain: 'recording', entity_name: 'recording', action_set: ['view'] }],
      },
    });
    const client = (module: string, index: number): Json => ({
      address: `${module}.genesyscloud_oauth_client.qa[${index}]`,
      mode: 'managed',
      type: 'genesyscloud_oauth_client',
      name: 'qa',
      index,
      values: { name: `QA ${module} ${index}`, authorized_grant_type: 'CLIENT-CREDENTIALS', roles: [{}] },
    });
    const sites = ['module.site["chicago"]', 'module.site["denver"]'];
    const resources = sites.flatMap((m) => [role(m), client(m, 0), client(m, 1)]);
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'data.genesyscloud_auth_division.site["chicago"]',
              mode: 'data',
              type: 'genesyscloud_auth_division',
              name: 'site',
              index: 'chicago',
              values: { id: 'div-chi', name: 'Chicago' },
            },
            {
              address: 'data.genesyscloud_auth_division.site["denver"]',
              mode: 'data',
              type: 'genesyscloud_auth_division',
              name: 'site',
              index: 'denver',
              values: { id: 'div-den', name: 'Denver' },
            },
          ],
          child_modules: sites.map((m) => ({
            address: m,
            resources: resources.filter((r) => r.address.startsWith(m)),
          })),
        },
      },
      resource_changes: resources.map((r) => ({
        address: r.address,
        module_address: (r.address as string).split('.genesyscloud_')[0],
        mode: 'managed',
        type: r.type,
        name: r.name,
        change: {
          actions: ['create'],
          after: r.values,
          after_unknown:
            r.type === 'genesyscloud_oauth_client'
              ? { id: true, roles: [{ role_id: true, division_id: true }] }
              : { id: true },
        },
      })),
      configuration: {
        root_module: {
          module_calls: {
            site: {
              source: './site',
              for_each_expression: { references: ['var.sites'] },
              expressions: {
                division_id: { references: ['data.genesyscloud_auth_division.site', 'each.key'] },
              },
              module: {
                resources: [
                  {
                    address: 'genesyscloud_auth_role.reader',
                    mode: 'managed',
                    type: 'genesyscloud_auth_role',
                    name: 'reader',
                    expressions: {},
                  },
                  {
                    address: 'genesyscloud_oauth_client.qa',
                    mode: 'managed',
                    type: 'genesyscloud_oauth_client',
                    name: 'qa',
                    count_expression: { constant_value: 2 },
                    expressions: {
                      roles: [
                        {
                          role_id: {
                            references: ['genesyscloud_auth_role.reader.id', 'genesyscloud_auth_role.reader'],
                          },
                          division_id: { references: ['var.division_id'] },
                        },
                      ],
                    },
                  },
                ],
              },
            },
          },
        },
      },
    };
    const { after } = sides(plan);
    expect(after.grants).toEqual(
      ['chicago', 'denver'].flatMap((site) =>
        [0, 1].map((n) => ({
          principal: `module.site["${site}"].genesyscloud_oauth_client.qa[${n}]`,
          role: `module.site["${site}"].genesyscloud_auth_role.reader`,
          division: `data.genesyscloud_auth_division.site["${site}"]`,
          writer: `module.site["${site}"].genesyscloud_oauth_client.qa[${n}]`,
        })),
      ),
    );
    expect(after.divisions.map((d) => d.name)).toEqual(['Chicago', 'Denver']);
  });

  test('a plan with resource_changes only (no planned_values, no prior_state) reads the same', () => {
    const full = fixture('contact-center.plan.json');
    const bare = fixture('contact-center.plan.json');
    delete bare.planned_values;
    delete bare.prior_state;
    const a = sides(full);
    const b = sides(bare);
    const keys = (g: AccessGraph): string[] => g.principals.map((p) => p.key);
    expect(keys(b.after)).toEqual(keys(a.after));
    expect(keys(b.before)).toEqual(keys(a.before));
    const managed = (g: AccessGraph): unknown[] =>
      g.roles.filter((r) => r.origin === 'managed').map((r) => [r.key, r.permissions]);
    expect(managed(b.after)).toEqual(managed(a.after));
    // Data sources read during planning are only in the prior state: without it the Employee role is an id.
    expect(b.after.roles.find((r) => r.name === '2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')).toMatchObject({
      origin: 'id',
      complete: false,
    });
  });

  test('the prior state is what holds now: the deleted client is there, the created ones are not', () => {
    const { before, after } = sides(fixture('contact-center.plan.json'));
    const keys = (g: AccessGraph): string[] => g.principals.map((p) => p.key);
    expect(keys(before)).toEqual([
      'genesyscloud_group.supervisors',
      'genesyscloud_oauth_client.legacy',
      'genesyscloud_oauth_client.test-client',
      'genesyscloud_user.agents["alice@example.com"]',
      'genesyscloud_user.agents["bob@example.com"]',
      'module.wfm.genesyscloud_oauth_client.publisher',
    ]);
    expect(keys(after)).not.toContain('genesyscloud_oauth_client.legacy');
    const perms = (g: AccessGraph): readonly string[] =>
      g.roles.find((r) => r.key === 'genesyscloud_auth_role.workitems_role')!.permissions;
    expect(perms(before)).toContain('workitems:workitem:view');
    expect(perms(after)).toContain('workitems:workitem:*');
  });

  test('the secret of an exposed client is never read: only whether the configuration sets one', () => {
    const plan = fixture('qa-403.plan.json');
    const client = plan.planned_values.root_module.resources[1];
    client.values.expose_client_secret = true;
    client.values.client_secret = 'a-real-secret-value';
    const { after } = sides(plan);
    expect(after.principals[0].secrets).toEqual({ exposed: true });
    expect(JSON.stringify(after)).not.toContain('a-real-secret-value');
    plan.configuration.root_module.resources[1].expressions.client_secret = { references: ['var.secret'] };
    expect(sides(plan).after.principals[0].secrets).toEqual({ exposed: true, inConfig: true });
  });
});
