/**
 * The CLI on `terraform show -json` plans: report, deployer and explain read the planned values; diff --plan (or
 * the plan alone) is what applying it changes, with the same gate as two syntheses; diff --base <export> is the
 * drift check. Bad plans get one line that names the fix, never a stack trace. Goldens in test/cli/golden
 * (`UPDATE_GOLDEN=1 npx jest test/cli` rewrites them).
 */
import * as fs from 'fs';
import * as path from 'path';
import { EXIT, run } from '../../lib/cli/main';
import { cli, expectGolden, expectJsonGolden, memoryIo, requireBuiltCli, synthSeed403, tmpDir } from './fixtures';

const FIXTURES = path.resolve(__dirname, '../sources/terraform-plan/fixtures');
const PLAN = 'contact-center.plan.json';
const EXPORT = 'contact-center.export.tf.json';

let tmp: string;

async function cmd(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const m = memoryIo(FIXTURES);
  const code = await run(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

beforeAll(() => {
  tmp = tmpDir('plan-cli');
  synthSeed403(path.join(tmp, 'seed'));
  const write = (name: string, json: unknown): void => fs.writeFileSync(path.join(tmp, name), JSON.stringify(json));
  const resource = (type: string, name: string, values: unknown): unknown => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    values,
  });
  write('empty.json', {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    configuration: { root_module: {} },
  });
  write('aws.json', {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: [
          resource('aws_s3_bucket', 'logs', { bucket: 'cc-logs' }),
          resource('aws_s3_bucket', 'exports', { bucket: 'cc-exports' }),
          resource('aws_iam_role', 'lambda', { name: 'export-lambda' }),
        ],
      },
    },
    resource_changes: [],
  });
  write('state.json', {
    format_version: '1.0',
    terraform_version: '1.9.8',
    values: { root_module: { resources: [] } },
  });
  write('future.json', { format_version: '2.0', planned_values: { root_module: {} } });
  write('errored.json', { format_version: '1.2', planned_values: { root_module: {} }, errored: true });
  write('resources-object.json', { format_version: '1.2', planned_values: { root_module: { resources: {} } } });
  write('no-type.json', { format_version: '1.2', planned_values: { root_module: { resources: [{ name: 'x' }] } } });
  const client = (values: Record<string, unknown>): unknown => ({
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          resource('genesyscloud_oauth_client', 'qa', {
            name: 'QA',
            authorized_grant_type: 'CLIENT-CREDENTIALS',
            ...values,
          }),
        ],
      },
    },
  });
  write('role-entry.json', client({ roles: ['role-id'] }));
  write('name-number.json', client({ name: 42 }));
  fs.writeFileSync(path.join(tmp, 'truncated.json'), '{"format_version": "1.2", "planned_values": {"root_module": {');
  fs.mkdirSync(path.join(tmp, 'plandir'));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('report, deployer and explain read the planned values', () => {
  test('report: Markdown and JSON', async () => {
    // The plan grants all divisions without a reason and a wildcard: errors, so exit 1.
    const md = await cmd('report', PLAN);
    expect([md.code, md.err]).toEqual([EXIT.findings, '']);
    expectGolden('report-contact-center-plan.md', md.out);
    const json = await cmd('report', PLAN, '--format', 'json');
    expectJsonGolden('report-contact-center-plan.json.golden', json.out);
    const parsed = JSON.parse(json.out);
    expect(parsed.stacks[0].principals.map((p: { address: string }) => p.address)).toContain(
      'module.wfm.genesyscloud_oauth_client.publisher',
    );
  });

  test('deployer', async () => {
    const r = await cmd('deployer', PLAN);
    expect(r.code).toBe(EXIT.ok);
    expectGolden('deployer-contact-center-plan.md', r.out);
  });

  test('explain: allowed through a module and a data source; unknown where a grant is known only after apply', async () => {
    const ok = await cmd(
      'explain',
      'GET',
      '/api/v2/workforcemanagement/businessunits/bu-1/weeks/2026-12-07/schedules',
      '--plan',
      PLAN,
      '--principal',
      'module.wfm.genesyscloud_oauth_client.publisher',
      '--division',
      'Chicago',
      '--format',
      'json',
    );
    expect(ok.code).toBe(EXIT.ok);
    expect(JSON.parse(ok.out).check.verdict).toBe('allowed');
    const unknown = await cmd(
      'explain',
      'GET',
      '/api/v2/routing/queues/q-1',
      '--plan',
      PLAN,
      '--principal',
      'Supervisors',
      '--division',
      'Chicago',
      '--format',
      'json',
    );
    expect(unknown.code).toBe(EXIT.unknown);
    const check = JSON.parse(unknown.out).check;
    expect(check.verdict).toBe('unknown');
    expect(JSON.stringify(check.reasons)).toContain('${local.supervisor_role}');
  });
});

describe('a plan is a diff by itself', () => {
  test('diff --plan: Markdown and JSON; the plan alone is the same', async () => {
    const md = await cmd('diff', '--plan', PLAN);
    expect([md.code, md.err]).toEqual([EXIT.ok, '']);
    expectGolden('diff-contact-center-plan.md', md.out);
    expect((await cmd('diff', PLAN)).out).toBe(md.out);
    const json = await cmd('diff', '--plan', PLAN, '--format', 'json');
    expectJsonGolden('diff-contact-center-plan.json.golden', json.out);
    expect(JSON.parse(json.out).summary).toEqual({
      stacks: 1,
      stacksChanged: 1,
      principalsAdded: 2,
      principalsRemoved: 1,
      principalsChanged: 1,
      permissionsAdded: 9,
      permissionsRemoved: 4,
      operationsUnlocked: 22,
      broadening: 2,
      rolesChanged: 3,
      changes: 28,
      widening: 26,
    });
  });

  test('--fail-on gates a plan as it gates two syntheses', async () => {
    expect((await cmd('diff', '--plan', PLAN, '--fail-on', 'broadening')).code).toBe(EXIT.findings);
    // Creating the QA client widens access, but adds nothing high-risk.
    const qa = 'screen-recording-qa.plan.json';
    expect((await cmd('diff', '--plan', qa, '--fail-on', 'broadening')).code).toBe(EXIT.findings);
    expect((await cmd('diff', '--plan', qa, '--fail-on', 'high-risk')).code).toBe(EXIT.ok);
  });

  test('a plan as --head is its planned values: the same as the cdktf synthesis it was planned from', async () => {
    const seed = path.join(tmp, 'seed/stacks/qa-403/cdk.tf.json');
    const r = await cmd('diff', '--base', seed, '--head', 'qa-403.plan.json', '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).stacks[0]).toMatchObject({ change: 'unchanged', principals: [] });
  });

  test('drift: the export of the live org against the plan', async () => {
    const r = await cmd('diff', '--base', EXPORT, '--head', PLAN);
    expect(r.code).toBe(EXIT.ok);
    expectGolden('diff-drift-contact-center.md', r.out);
    expect(r.out).toContain('**Paired by name** (the addresses differ): 5 principals, 4 roles, 2 divisions');
  });
});

describe('bad plans: one line that names the fix', () => {
  const MAKE = '`terraform plan -out plan.out && terraform show -json plan.out > plan.json`';
  test.each([
    [
      ['report', 'empty.json'],
      '"empty.json" is an empty Terraform plan: it has no resources or data sources; plan the configuration that uses the mypurecloud/genesyscloud provider',
    ],
    [
      ['diff', '--plan', 'aws.json'],
      '"aws.json" is a Terraform plan with no Genesys Cloud resources (it has 2 aws_s3_bucket, 1 aws_iam_role): plan the configuration that uses the mypurecloud/genesyscloud provider',
    ],
    [
      ['report', 'state.json'],
      `"state.json" is a Terraform state (terraform show -json without a plan), not a plan: run ${MAKE}`,
    ],
    [
      ['deployer', 'future.json'],
      '"future.json" has plan format_version 2.0; this library reads 1.x: upgrade cdktf-genesyscloud-access',
    ],
    [
      ['report', 'errored.json'],
      '"errored.json" is the plan of a failed `terraform plan` (errored: true): fix the errors it printed and plan again',
    ],
    [
      ['report', 'resources-object.json'],
      '"resources-object.json" at /planned_values/root_module/resources must be a list, not an object',
    ],
    [
      ['report', 'no-type.json'],
      '"no-type.json" at /planned_values/root_module/resources/0/type is missing: every resource has a type',
    ],
    [
      ['report', 'role-entry.json'],
      '"role-entry.json" at /planned_values/root_module/resources/0/values/roles/0 must be an object, not a string',
    ],
    [
      ['report', 'name-number.json'],
      '"name-number.json" at /planned_values/root_module/resources/0/values/name (genesyscloud_oauth_client.qa.name) is a number: it must be a string (the name shown in Genesys Cloud)',
    ],
    [['diff', '--plan', 'plandir'], `"plandir" is a directory: give the plan file that ${MAKE} writes`],
    [
      ['report', 'seed/stacks/qa-403/cdk.tf.json', '--input-format', 'terraform-plan'],
      `"seed/stacks/qa-403/cdk.tf.json" is not a Terraform plan in JSON: it has no "format_version"; run ${MAKE}`,
    ],
    [
      ['diff', 'seed/stacks/qa-403/cdk.tf.json'],
      '"seed/stacks/qa-403/cdk.tf.json" is not a `terraform show -json` plan: compare two inputs with --base <old> --head <new> (see `genesys-access diff --help`)',
    ],
    [
      ['diff', '--plan', 'aws.json', '--base', 'aws.json'],
      '--plan compares a plan with itself: give --plan alone, or --base and --head (see `genesys-access diff --help`)',
    ],
    [
      ['diff', '--plan', 'aws.json', '--input-format', 'cdktf'],
      '--input-format cdktf is not a plan: --plan reads terraform-plan (see `genesys-access diff --help`)',
    ],
  ])('%j', async (argv, message) => {
    const m = memoryIo(tmp);
    const code = await run(argv, m.io);
    expect({ code, out: m.out(), err: m.err() }).toEqual({
      code: EXIT.usage,
      out: '',
      err: `genesys-access: ${message}\n`,
    });
  });

  test('a truncated plan is not valid JSON', async () => {
    const m = memoryIo(tmp);
    expect(await run(['report', 'truncated.json'], m.io)).toBe(EXIT.usage);
    expect(m.err()).toMatch(
      /^genesys-access: "truncated\.json" is not valid JSON: it ends too early \(cut off\?\): write it with `terraform show -json plan\.out > plan\.json`\n$/,
    );
  });

  test('the built CLI prints no stack trace for a bad plan', () => {
    requireBuiltCli();
    const r = cli(['diff', '--plan', 'role-entry.json'], tmp);
    expect(r.status).toBe(EXIT.usage);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('hostile plans', () => {
  test('a plan whose Genesys part grants nothing is reported, not rejected', async () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'genesyscloud_routing_queue.support',
              mode: 'managed',
              type: 'genesyscloud_routing_queue',
              name: 'support',
              values: { name: 'Support' },
            },
          ],
        },
      },
    };
    fs.writeFileSync(path.join(tmp, 'queues.json'), JSON.stringify(plan));
    const m = memoryIo(tmp);
    expect(await run(['report', 'queues.json'], m.io)).toBe(EXIT.ok);
    expect(m.out()).toContain('No principals (OAuth clients, users or groups) in this stack.');
    const d = memoryIo(tmp);
    expect(await run(['deployer', 'queues.json', '--format', 'json'], d.io)).toBe(EXIT.ok);
    expect(JSON.parse(d.out()).stacks[0].types.map((t: { type: string }) => t.type)).toEqual([
      'genesyscloud_routing_queue',
    ]);
  });

  test('values of the wrong type anywhere in a plan: an answer or one line, never a crash', async () => {
    const base = JSON.parse(fs.readFileSync(path.join(FIXTURES, PLAN), 'utf8')) as unknown;
    // Every path into the plan, then a deterministic sample of them, each replaced by a value of another type.
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, at: Array<string | number>): void => {
      if (at.length) paths.push(at);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(base, []);
    const wrong: unknown[] = [42, 'text', null, [], {}, true, [1], { a: 1 }, '${var.x}'];
    let seed = 12;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const seen = new Map<number, number>();
    for (let k = 0; k < 300; k++) {
      const plan = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
      const at = paths[next(paths.length)];
      let node = plan as Record<string | number, unknown>;
      for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[at[at.length - 1]] = wrong[next(wrong.length)];
      fs.writeFileSync(path.join(tmp, 'mutated.json'), JSON.stringify(plan));
      for (const argv of [
        ['diff', '--plan', 'mutated.json', '--format', 'json'],
        ['report', 'mutated.json'],
      ]) {
        const m = memoryIo(tmp);
        const code = await run(argv, m.io);
        seen.set(code, (seen.get(code) ?? 0) + 1);
        if (code === EXIT.usage) {
          expect(m.err()).toMatch(/^genesys-access: [^\n]+\n$/);
          expect(m.err()).not.toContain('unexpected error');
        } else {
          expect([EXIT.ok, EXIT.findings]).toContain(code);
          expect(m.err()).toBe('');
        }
      }
    }
    // Not vacuous: some mutations are rejected, and most still read.
    expect(seen.get(EXIT.usage)).toBeGreaterThan(0);
    expect((seen.get(EXIT.ok) ?? 0) + (seen.get(EXIT.findings) ?? 0)).toBeGreaterThan(seen.get(EXIT.usage)!);
  });
});
