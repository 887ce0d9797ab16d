/**
 * Every form of Terraform a Genesys team has gives the same, right answers: the same access written as a cdktf
 * synthesis (raw bindings, synthesized for real), as HCL (a module directory with variables, tfvars, locals, a
 * dynamic block and a child module) and as Terraform JSON; and what HCL cannot tell statically (count over an
 * unknown value, a variable with no value) is unknown with its location, never silently wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { evaluate } from '../../lib/access/evaluate';
import { Catalog } from '../../lib/catalog/catalog';
import { run } from '../../lib/cli/main';
import { buildReport, type PrincipalReport, type StackReport } from '../../lib/review/report';
import { loadInputs } from '../../lib/sources';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { DataGenesyscloudAuthDivisionHome } from '../../src/generated/provider/data-genesyscloud-auth-division-home';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { User } from '../../src/generated/provider/user';
import { UserRoles } from '../../src/generated/provider/user-roles';
import { memoryIo, tmpDir } from '../cli/fixtures';

const FIXTURES = path.join(__dirname, 'fixtures');
const RECORDINGS = Catalog.requireOperation('GET /api/v2/conversations/{conversationId}/recordings');

let tmp: string;

beforeAll(() => {
  tmp = tmpDir('sources');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The contact centre of test/sources/fixtures, written with the raw cdktf bindings. */
function synthContactCenter(outdir: string): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'contact-center');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  const home = new DataGenesyscloudAuthDivisionHome(stack, 'home', {});
  const chicago = new DataGenesyscloudAuthDivision(stack, 'chicago', { name: 'Chicago' });
  const qaRole = new AuthRole(stack, 'qa-role', {
    name: 'QA recording reader',
    description: 'Download audio and screen recordings for quality review',
    permissionPolicies: [
      { domain: 'recording', entityName: 'recording', actionSet: ['view'] },
      { domain: 'recording', entityName: 'screenRecording', actionSet: ['view'] },
    ],
  });
  const wfm = new AuthRole(stack, 'wfm', {
    name: 'WFM schedule reader',
    permissionPolicies: [{ domain: 'wfm', entityName: 'schedule', actionSet: ['view'] }],
  });
  new OauthClient(stack, 'qa', {
    name: 'QA recording downloader',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    accessTokenValiditySeconds: 3600,
    roles: [
      { roleId: qaRole.id, divisionId: chicago.id },
      { roleId: qaRole.id, divisionId: home.id },
    ],
  });
  new OauthClient(stack, 'portal', {
    name: 'Agent portal',
    authorizedGrantType: 'CODE',
    registeredRedirectUris: ['https://portal.example.com/callback'],
    scopes: ['recordings:readonly'],
  });
  new OauthClient(stack, 'reporting', {
    name: 'Reporting',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: wfm.id, divisionId: '*' }],
  });
  const auditor = new User(stack, 'auditor', { email: 'auditor@example.com', name: 'Auditor' });
  new UserRoles(stack, 'auditor-roles', { userId: auditor.id, roles: [{ roleId: wfm.id, divisionIds: [chicago.id] }] });
  app.synth();
  return path.join(outdir, 'stacks', 'contact-center');
}

/** What a reviewer reads, independent of addresses and formats: by principal name. */
function essence(s: StackReport): unknown {
  const roles = new Map(s.roles.map((r) => [r.address, r]));
  const principal = (p: PrincipalReport): unknown => ({
    name: p.name,
    kind: p.kind,
    grantType: p.grantType,
    divisions: p.divisions.map((d) => [d.label, d.kind, d.roles.map((r) => roles.get(r)!.name)]),
    permissions: p.permissions,
    capabilities: p.capabilities.held,
    operations: p.operations.count,
    scopes: p.scopes,
    findings: p.findings,
  });
  return {
    principals: [...s.principals].sort((a, b) => (a.name < b.name ? -1 : 1)).map(principal),
    roles: s.roles
      .filter((r) => r.managed)
      .map((r) => [r.name, r.permissions])
      .sort(),
    findings: s.findings.map((f) => `${f.ruleId}[${f.finding ?? ''}]`).sort(),
  };
}

describe('the same access as cdktf, HCL and Terraform JSON', () => {
  test('gives the same report', async () => {
    const cdktf = await loadInputs(synthContactCenter(path.join(tmp, 'cdktf')));
    const hcl = await loadInputs(path.join(FIXTURES, 'hcl/contact-center'));
    const json = await loadInputs(path.join(FIXTURES, 'terraform-json/contact-center.tf.json'));
    expect([cdktf[0].graph.source.format, hcl[0].graph.source.format, json[0].graph.source.format]).toEqual([
      'cdktf',
      'hcl',
      'terraform-json',
    ]);
    const [a, b, c] = [cdktf, hcl, json].map((x) => essence(buildReport(x).stacks[0]));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    // And it is the right answer: QA reaches Chicago and home, the auditor Chicago, reporting every division.
    expect(
      (a as { principals: Array<{ name: string; divisions: unknown }> }).principals.map((p) => [p.name, p.divisions]),
    ).toEqual([
      ['Agent portal', []],
      ['Auditor', [['Chicago', 'lookup', ['WFM schedule reader']]]],
      [
        'QA recording downloader',
        [
          ['Chicago', 'lookup', ['QA recording reader']],
          ['home', 'home', ['QA recording reader']],
        ],
      ],
      ['Reporting', [['all divisions', 'all', ['WFM schedule reader']]]],
    ]);
  });

  test('a genesyscloud_tf_export of the org holding that access gives the same answers', async () => {
    const cdktf = await loadInputs(synthContactCenter(path.join(tmp, 'cdktf-export')));
    const exported = await loadInputs(path.join(FIXTURES, 'tf-export/genesyscloud.tf.json'));
    expect(exported[0].graph.source.format).toBe('tf-export');
    // Divisions are exported as managed resources (the home one with home = true), not looked up: compare labels.
    const noKinds = (x: unknown): unknown =>
      JSON.parse(JSON.stringify(x), (_k, v) =>
        Array.isArray(v) && v.length === 3 && typeof v[1] === 'string' && ['lookup', 'managed', 'home'].includes(v[1])
          ? [v[0], v[2]]
          : v,
      );
    const [a, e] = [cdktf, exported].map((x) => noKinds(essence(buildReport(x).stacks[0])));
    expect(e).toEqual(a);
  });

  test('the evaluator answers the same for each form', async () => {
    for (const input of [
      path.join(FIXTURES, 'hcl/contact-center'),
      path.join(FIXTURES, 'terraform-json/contact-center.tf.json'),
    ]) {
      const [s] = await loadInputs(input);
      const qa = s.graph.principals.find((p) => p.name === 'QA recording downloader')!;
      expect(evaluate(s.graph, qa, { operation: RECORDINGS }, { division: 'Chicago' }).verdict).toBe('allowed');
      expect(evaluate(s.graph, qa, { operation: RECORDINGS }, { division: 'Denver' }).reasons[0].code).toBe(
        'WRONG_DIVISION',
      );
    }
  });

  test('findings point at the file and line (HCL) or JSON pointer', async () => {
    const [hcl] = await loadInputs(path.join(FIXTURES, 'hcl/contact-center'));
    expect(buildReport([hcl]).stacks[0].findings.map((f) => f.location)).toEqual([
      path.join(FIXTURES, 'hcl/contact-center/modules/reporting/main.tf:14'),
    ]);
    const [json] = await loadInputs(path.join(FIXTURES, 'terraform-json/contact-center.tf.json'));
    expect(buildReport([json]).stacks[0].findings.map((f) => f.location)).toEqual([
      `${path.join(FIXTURES, 'terraform-json/contact-center.tf.json')}#/resource/genesyscloud_oauth_client/reporting`,
    ]);
  });
});

/** Writes files under a fresh directory and returns it. */
function module(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

const ROLE = `resource "genesyscloud_auth_role" "reader" {
  name = "Reader"
  permission_policies {
    domain      = "recording"
    entity_name = "recording"
    action_set  = ["view"]
  }
}
data "genesyscloud_auth_division" "chicago" { name = "Chicago" }
`;

describe('static values where Terraform would know them', () => {
  test('count and for_each over variables expand into one principal per instance', async () => {
    const dir = module('expand', {
      'main.tf': `${ROLE}
variable "teams" { default = { qa = "QA", wfm = "WFM" } }
variable "n" { default = 2 }
resource "genesyscloud_oauth_client" "team" {
  for_each              = var.teams
  name                  = "\${each.value} integration"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id     = genesyscloud_auth_role.reader.id
    division_id = data.genesyscloud_auth_division.chicago.id
  }
}
resource "genesyscloud_oauth_client" "worker" {
  count                 = var.n
  name                  = "Worker \${count.index}"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id     = genesyscloud_auth_role.reader.id
    division_id = "*"
  }
}
`,
    });
    const [s] = await loadInputs(dir, { vars: ['n=3'] });
    expect(s.graph.principals.map((p) => [p.key, p.name])).toEqual([
      ['genesyscloud_oauth_client.team["qa"]', 'QA integration'],
      ['genesyscloud_oauth_client.team["wfm"]', 'WFM integration'],
      ['genesyscloud_oauth_client.worker[0]', 'Worker 0'],
      ['genesyscloud_oauth_client.worker[1]', 'Worker 1'],
      ['genesyscloud_oauth_client.worker[2]', 'Worker 2'],
    ]);
    expect(s.graph.grants.filter((g) => g.division === '*')).toHaveLength(3);
  });

  test('a count that is not known statically is unknown, with the expression and where it is written', async () => {
    const dir = module('unknown-count', {
      'main.tf': `${ROLE}
variable "n" {}
resource "genesyscloud_oauth_client" "worker" {
  count                 = var.n
  name                  = "Worker"
  authorized_grant_type = "CLIENT-CREDENTIALS"
}
`,
    });
    const [s] = await loadInputs(dir);
    const worker = s.graph.principals[0];
    expect(worker.grantsComplete).toBe(false);
    expect(worker.grantsIncompleteReason).toContain(`count = \${var.n} (${path.join(dir, 'main.tf')}:12)`);
    const d = evaluate(s.graph, worker, { operation: RECORDINGS });
    expect([d.verdict, d.reasons[0].code]).toEqual(['unknown', 'GRANTS_INCOMPLETE']);
  });

  test('a variable with no value leaves the division unresolved: unknown, never a confident answer', async () => {
    const dir = module('unknown-var', {
      'main.tf': `${ROLE}
variable "division_id" {}
resource "genesyscloud_oauth_client" "qa" {
  name                  = "QA"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id     = genesyscloud_auth_role.reader.id
    division_id = var.division_id
  }
}
`,
    });
    const [s] = await loadInputs(dir);
    const d = evaluate(s.graph, s.graph.principals[0], { operation: RECORDINGS }, { division: 'Chicago' });
    expect([d.verdict, d.reasons[0].code]).toEqual(['unknown', 'DIVISION_UNKNOWN']);
    // Given on the command line, it resolves.
    const [given] = await loadInputs(dir, { vars: ['division_id=*'] });
    expect(
      evaluate(given.graph, given.graph.principals[0], { operation: RECORDINGS }, { division: 'Chicago' }).verdict,
    ).toBe('allowed');
  });

  test('tfvars precedence: terraform.tfvars, then *.auto.tfvars, then --var-file, then --var', async () => {
    const dir = module('tfvars', {
      'main.tf': `variable "name" { default = "default" }
resource "genesyscloud_oauth_client" "c" {
  name                  = var.name
  authorized_grant_type = "CLIENT-CREDENTIALS"
}
`,
      'terraform.tfvars': 'name = "tfvars"\n',
      'b.auto.tfvars': 'name = "auto"\n',
      'extra.tfvars.json': '{ "name": "var-file" }',
    });
    const name = async (o: { varFiles?: string[]; vars?: string[] }): Promise<string> =>
      (await loadInputs(dir, o))[0].graph.principals[0].name;
    expect(await name({})).toBe('auto');
    expect(await name({ varFiles: [path.join(dir, 'extra.tfvars.json')] })).toBe('var-file');
    expect(await name({ varFiles: [path.join(dir, 'extra.tfvars.json')], vars: ['name=cli'] })).toBe('cli');
  });

  test('override files are merged over the blocks they name', async () => {
    const dir = module('override', {
      'main.tf': `${ROLE}
resource "genesyscloud_oauth_client" "c" {
  name                  = "C"
  authorized_grant_type = "CLIENT-CREDENTIALS"
  roles {
    role_id     = genesyscloud_auth_role.reader.id
    division_id = data.genesyscloud_auth_division.chicago.id
  }
}
`,
      'main_override.tf': `resource "genesyscloud_oauth_client" "c" {
  roles {
    role_id     = genesyscloud_auth_role.reader.id
    division_id = "*"
  }
}
`,
    });
    const [s] = await loadInputs(dir);
    expect(s.graph.grants.map((g) => g.division)).toEqual(['*']);
  });
});

describe('the CLI on HCL', () => {
  async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = memoryIo(tmp);
    const code = await run(argv, io.io);
    return { code, out: io.out(), err: io.err() };
  }

  test('report, explain and deployer take a Terraform directory', async () => {
    const dir = path.join(FIXTURES, 'hcl/contact-center');
    const report = await cli('report', dir, '--format', 'json');
    expect(report.code).toBe(1); // GCA-DIV2: reporting in all divisions with no reason
    const explain = await cli(
      'explain',
      'GET',
      '/api/v2/conversations/c-1/recordings',
      '--plan',
      dir,
      '--principal',
      'QA recording downloader',
      '--division',
      'Chicago',
    );
    expect([explain.code, explain.out]).toEqual([0, expect.stringContaining('**Yes.**')]);
    const deployer = await cli('deployer', dir, '--format', 'json');
    expect(deployer.code).toBe(0);
    expect(JSON.parse(deployer.out).stacks[0].types.map((t: { type: string }) => t.type)).toContain(
      'genesyscloud_user_roles',
    );
  });

  test('an HCL syntax error is one line with the file and line', async () => {
    const dir = module('broken', { 'main.tf': 'resource "genesyscloud_oauth_client" "c" {\n  name = \n}\n' });
    const r = await cli('report', dir);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`${path.join(dir, 'main.tf').replace(/[/\\.]/g, '\\$&')}:\\d+: `));
  });

  test('--input-format names the formats when it is wrong; --var takes name=value', async () => {
    const r = await cli('report', tmp, '--input-format', 'yaml');
    expect([r.code, r.err]).toEqual([
      2,
      expect.stringContaining('unknown input format "yaml": use snapshot, terraform-plan, hcl, terraform-json, cdktf'),
    ]);
    const v = await cli('report', path.join(FIXTURES, 'hcl/contact-center'), '--var', 'novalue');
    expect([v.code, v.err]).toEqual([2, expect.stringContaining('--var takes name=value')]);
  });
});

describe('cdk.tf.json with count and cdktf iterators', () => {
  test('a dynamic "roles" block (TerraformIterator) and count are expanded, not invisible', async () => {
    const doc = {
      '//': { metadata: { stackName: 'iterators' } },
      variable: { divisions: { default: ['*'] } },
      data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } },
      resource: {
        genesyscloud_auth_role: {
          admin: {
            name: 'Admin',
            permission_policies: [{ domain: 'authorization', entity_name: 'role', action_set: ['edit'] }],
          },
        },
        genesyscloud_oauth_client: {
          backdoor: {
            name: 'Backdoor',
            authorized_grant_type: 'CLIENT-CREDENTIALS',
            dynamic: {
              roles: {
                for_each: '${var.divisions}',
                iterator: 'each',
                content: { role_id: '${genesyscloud_auth_role.admin.id}', division_id: '${each.value}' },
              },
            },
          },
          fleet: {
            name: 'Fleet',
            authorized_grant_type: 'CLIENT-CREDENTIALS',
            count: 2,
            roles: [
              {
                role_id: '${genesyscloud_auth_role.admin.id}',
                division_id: '${data.genesyscloud_auth_division.chicago.id}',
              },
            ],
          },
        },
      },
    };
    fs.writeFileSync(path.join(tmp, 'iterators.json'), JSON.stringify(doc));
    const [s] = await loadInputs(path.join(tmp, 'iterators.json'));
    const report = buildReport([s]).stacks[0];
    expect(report.principals.map((p) => [p.address, p.divisions.map((d) => d.label), p.findings])).toEqual([
      [
        'genesyscloud_oauth_client.backdoor',
        ['all divisions'],
        ['GCA-DIV2[Admin]', 'GCA-PERM6[authorization:role:edit]'],
      ],
      ['genesyscloud_oauth_client.fleet[0]', ['Chicago'], ['GCA-PERM6[authorization:role:edit]']],
      // Both instances are named "Fleet": GCA-SUBJ4 says so on the second.
      ['genesyscloud_oauth_client.fleet[1]', ['Chicago'], ['GCA-PERM6[authorization:role:edit]', 'GCA-SUBJ4[Fleet]']],
    ]);
  });

  test('the JSON hcl2json makes (each block in a list) reads like the HCL it came from', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const hcl2json = require('@cdktf/hcl2json') as { parse(f: string, t: string): Promise<unknown> };
    const dir = path.join(FIXTURES, 'hcl/contact-center');
    const json = await hcl2json.parse('main.tf', fs.readFileSync(path.join(dir, 'main.tf'), 'utf8'));
    const vars = await hcl2json.parse('variables.tf', fs.readFileSync(path.join(dir, 'variables.tf'), 'utf8'));
    // Without the child module (its source is relative to the .tf files, not to this file).
    const { module: _module, ...rest } = json as Record<string, unknown>;
    expect(_module).toBeDefined();
    fs.writeFileSync(path.join(tmp, 'hcl2json.json'), JSON.stringify({ ...rest, ...(vars as object) }));
    const [s] = await loadInputs(path.join(tmp, 'hcl2json.json'), { vars: ['portal_scopes=["recordings:readonly"]'] });
    expect(s.graph.source.format).toBe('terraform-json');
    const qa = buildReport([s]).stacks[0].principals.find((p) => p.name === 'QA recording downloader')!;
    expect(qa.divisions.map((d) => d.label)).toEqual(['Chicago', 'home']);
  });
});
