/**
 * A synthesized stack read as Terraform applies it: cdktf's own TerraformIterator (a dynamic "roles" block,
 * synthesized for real), count, the other files of the stack directory (overrides, .tf.json, .tf), unresolved
 * tokens and undeclared references rejected with the attribute named.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformIterator, TerraformStack, TerraformVariable } from 'cdktf';
import { loadStacks } from '../../lib/sources/cdktf/load';
import { loadInputs } from '../../lib/sources';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { tmpDir } from '../cli/fixtures';

let tmp: string;
beforeAll(() => {
  tmp = tmpDir('stack-semantics');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Synthesizes a stack whose clients take their roles from iterators; returns its directory. */
function synthIterators(): string {
  const outdir = path.join(tmp, 'out');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'iter');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  const admin = new AuthRole(stack, 'admin', {
    name: 'Admin',
    permissionPolicies: [{ domain: 'authorization', entityName: 'role', actionSet: ['add'] }],
  });
  const list = TerraformIterator.fromList([{ role: admin.id, div: '*' }] as unknown as string[]);
  new OauthClient(stack, 'listed', {
    name: 'Listed',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: list.dynamic({ role_id: list.getString('role'), division_id: list.getString('div') }),
  });
  const divs = new TerraformVariable(stack, 'divs', { type: 'list(string)' });
  const unknown = TerraformIterator.fromList(divs.listValue);
  new OauthClient(stack, 'unknown', {
    name: 'Unknown',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: unknown.dynamic({ role_id: admin.id, division_id: unknown.value }),
  });
  app.synth();
  return path.join(outdir, 'stacks', 'iter');
}

describe('cdktf TerraformIterator', () => {
  test('a dynamic roles block over a literal list of objects is expanded into its grants', async () => {
    const [s] = await loadInputs(synthIterators());
    const listed = s.graph.principals.find((p) => p.key === 'genesyscloud_oauth_client.listed')!;
    expect(listed.grantsIncompleteReason).toBeUndefined();
    expect(listed.grantsComplete).toBe(true);
    expect(s.graph.grants.filter((g) => g.principal === listed.key)).toEqual([
      expect.objectContaining({ role: 'genesyscloud_auth_role.admin', division: '*' }),
    ]);
  });

  test('over an unknown list it is unknown, with the for_each shown', async () => {
    const [s] = await loadInputs(synthIterators());
    const unknown = s.graph.principals.find((p) => p.key === 'genesyscloud_oauth_client.unknown')!;
    expect(unknown.grantsComplete).toBe(false);
    expect(unknown.grantsIncompleteReason).toContain('for_each ${toset(var.divs)}');
  });
});

const role = { name: 'R', permission_policies: [{ domain: 'routing', entity_name: 'queue', action_set: ['view'] }] };
const stack = {
  resource: {
    genesyscloud_auth_role: { r: role },
    genesyscloud_oauth_client: {
      c: { name: 'C', roles: [{ role_id: '${genesyscloud_auth_role.r.id}', division_id: 'abc' }] },
    },
  },
};

function stackDir(name: string, files: Record<string, unknown>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [f, v] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, f), typeof v === 'string' ? v : JSON.stringify(v));
  }
  return dir;
}

const divisionsOf = (s: Awaited<ReturnType<typeof loadInputs>>[number], principal: string): string[] =>
  s.graph.grants.filter((g) => g.principal === principal).map((g) => g.division);

describe('the files of a stack directory', () => {
  test('override.tf.json replaces the roles of the client it names', async () => {
    const dir = stackDir('ovr', {
      'cdk.tf.json': stack,
      'override.tf.json': {
        resource: {
          genesyscloud_oauth_client: {
            c: { roles: [{ role_id: '${genesyscloud_auth_role.r.id}', division_id: '*' }] },
          },
        },
      },
    });
    const [s] = await loadInputs(dir);
    expect(divisionsOf(s, 'genesyscloud_oauth_client.c')).toEqual(['*']);
    expect(s.graph.principals.find((p) => p.key === 'genesyscloud_oauth_client.c')!.provenance?.file).toBe(
      path.join(dir, 'cdk.tf.json'),
    );
  });

  test('another .tf.json and an HCL .tf beside cdk.tf.json are read too', async () => {
    const dir = stackDir('extra', {
      'cdk.tf.json': stack,
      'more.tf.json': {
        resource: {
          genesyscloud_oauth_client: { d: { name: 'D', roles: [{ role_id: '${genesyscloud_auth_role.r.id}' }] } },
        },
      },
      'hcl.tf':
        'resource "genesyscloud_oauth_client" "e" {\n  name = "E"\n  roles {\n    role_id = genesyscloud_auth_role.r.id\n    division_id = "*"\n  }\n}\n',
    });
    const [s] = await loadInputs(dir);
    expect(s.graph.principals.map((p) => p.key)).toEqual([
      'genesyscloud_oauth_client.c',
      'genesyscloud_oauth_client.d',
      'genesyscloud_oauth_client.e',
    ]);
    expect(s.graph.principals.find((p) => p.key === 'genesyscloud_oauth_client.e')!.provenance).toMatchObject({
      file: path.join(dir, 'hcl.tf'),
      line: 1,
    });
    // The synchronous reader cannot parse HCL: it says so instead of ignoring the file.
    expect(() => loadStacks(dir)).toThrow(/hcl\.tf" is HCL beside cdk\.tf\.json/);
  });

  test('a resource declared again in another file is an error', async () => {
    const dir = stackDir('again', {
      'cdk.tf.json': stack,
      'again.tf.json': { resource: { genesyscloud_auth_role: { r: role } } },
    });
    await expect(loadInputs(dir)).rejects.toThrow(/declared twice/);
  });
});

describe('what Terraform rejects', () => {
  const client = (roles: unknown, extra: Record<string, unknown> = {}): unknown => ({
    resource: { genesyscloud_auth_role: { r: role }, genesyscloud_oauth_client: { c: { name: 'C', roles, ...extra } } },
  });

  test.each([
    [
      'a token in role_id',
      client([{ role_id: '${TfToken[TOKEN.1]}' }]),
      /\/c\/roles\/0\/role_id holds an unresolved cdktf token/,
    ],
    ['a token in a scope', client([], { scopes: ['a', '#{TfToken[TOKEN.2]}'] }), /\/c\/scopes\/1 holds an unresolved/],
    [
      'an undeclared role',
      client([{ role_id: '${genesyscloud_auth_role.gone.id}' }]),
      /role_id refers to genesyscloud_auth_role\.gone, which this configuration does not declare/,
    ],
    [
      'an undeclared division',
      client([{ role_id: '${genesyscloud_auth_role.r.id}', division_id: '${data.genesyscloud_auth_division.d.id}' }]),
      /division_id refers to data\.genesyscloud_auth_division\.d/,
    ],
    ['an arbitrary role_id', client([{ role_id: 'admin' }]), /role_id is neither a reference nor a role id/],
    ['no role_id', client([{ division_id: 'abc' }]), /role_id is missing or empty/],
  ])('%s is one line naming the attribute', async (_, doc, message) => {
    const dir = stackDir(`reject-${Math.random().toString(36).slice(2)}`, { 'cdk.tf.json': doc });
    await expect(loadInputs(dir)).rejects.toThrow(message);
  });

  test('a literal role id and an unknown expression are not errors', async () => {
    const dir = stackDir('accept', {
      'cdk.tf.json': client([{ role_id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f' }, { role_id: '${var.r}' }]),
    });
    const [s] = await loadInputs(dir);
    expect(s.graph.roles.map((r) => [r.key, r.complete])).toEqual([
      ['genesyscloud_auth_role.r', true],
      ['role:${var.r}', false],
      ['role:3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', false],
    ]);
  });
});
