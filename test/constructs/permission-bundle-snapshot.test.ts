/**
 * PermissionBundle.fromSnapshot: "Restricted = the org's real Agent role minus X", from a snapshot file read at
 * synth (taken here from the fake Platform API over real HTTP). Deterministic, and one-line errors for what a
 * bundle cannot carry.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { AccessRole, PermissionBundle, type Permission } from '../../lib';
import { takeSnapshot } from '../../lib/sources/genesys-org/live';
import { type OrgSnapshot, serializeSnapshot } from '../../lib/sources/genesys-org/snapshot-file';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { tmpDir } from '../cli/fixtures';
import { generateOrg } from '../fake-platform-api/org';
import { fakeEnv, startFakeApi } from '../fake-platform-api/server';

let dir: string;
let snapshot: OrgSnapshot;
const cwd = process.cwd();

beforeAll(async () => {
  dir = tmpDir('bundle');
  const api = await startFakeApi(generateOrg({ users: 20, divisions: 3, roles: 40, clients: 3, groups: 1 }, 3));
  try {
    snapshot = (await takeSnapshot({ env: fakeEnv(api) })).snapshot;
  } finally {
    await api.close();
  }
  fs.writeFileSync(path.join(dir, 'org.json'), serializeSnapshot(snapshot));
  process.chdir(dir); // a synth runs in the app's directory: the committed file's path is relative to it
});

afterAll(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

function synthRestricted(): string {
  const app = new App({ outdir: path.join(dir, 'out') });
  const stack = new TerraformStack(app, 'agents');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  new AccessRole(stack, 'restricted', {
    name: 'Restricted',
    base: PermissionBundle.fromSnapshot('org.json', 'Agent'),
    remove: ['recording:recording:view'],
  });
  return Testing.synth(stack);
}

test("the org's Agent role minus recording:recording:view, from the committed file at synth", () => {
  const agent = snapshot.graph.roles.find((r) => r.name === 'Agent')!;
  const bundle = PermissionBundle.fromSnapshot('org.json', 'Agent');
  expect(bundle.name).toBe('Agent');
  expect(bundle.permissions).toEqual(agent.permissions);
  const json = JSON.parse(synthRestricted());
  const role = Object.values(
    json.resource.genesyscloud_auth_role as Record<string, { permission_policies: unknown[] }>,
  )[0]!;
  const granted = role.permission_policies.flatMap((p) => {
    const x = p as { domain: string; entity_name: string; action_set: string[] };
    return x.action_set.map((a) => `${x.domain}:${x.entity_name}:${a}`);
  });
  expect(granted.sort()).toEqual(agent.permissions.filter((p) => p !== 'recording:recording:view'));
});

test('deterministic: two syntheses are byte-identical, and the parsed snapshot gives the same bundle', () => {
  expect(synthRestricted()).toBe(synthRestricted());
  expect(PermissionBundle.fromSnapshot(snapshot, 'Agent')).toEqual(PermissionBundle.fromSnapshot('org.json', 'Agent'));
  const id = snapshot.graph.roles.find((r) => r.name === 'Agent')!.provenance!.genesysId!;
  expect(PermissionBundle.fromSnapshot('org.json', id, { name: 'Org agent' }).permissions).toEqual(
    PermissionBundle.fromSnapshot('org.json', 'Agent').permissions,
  );
});

test('what a bundle cannot carry is an error naming it, unless omitted', () => {
  const conditional = snapshot.graph.roles.find((r) => r.policies.some((p) => p.conditions))!;
  const cond = conditional.policies.find((p) => p.conditions)!;
  expect(() => PermissionBundle.fromSnapshot('org.json', conditional.name)).toThrow(
    new RegExp(`^role "${conditional.name}" in snapshot "org.json" grants "${cond.domain}:${cond.entity}:`),
  );
  const omitted = PermissionBundle.fromSnapshot('org.json', conditional.name, { omit: ['conditional'] });
  expect(omitted.permissions.some((p) => p.startsWith(`${cond.domain}:${cond.entity}:`))).toBe(false);
  expect(() => PermissionBundle.fromSnapshot('org.json', 'Master Admin')).toThrow(
    /has the general permissions "admin"/,
  );
  expect(
    PermissionBundle.fromSnapshot('org.json', 'Master Admin', { omit: ['general'] })
      .permissions as readonly Permission[],
  ).toContain('authorization:role:view');
});

test('an unknown role or file is one line', () => {
  expect(() => PermissionBundle.fromSnapshot('org.json', 'agent')).toThrow(
    'snapshot "org.json" has no role "agent". Did you mean "Agent"?',
  );
  expect(() => PermissionBundle.fromSnapshot('missing.json', 'Agent')).toThrow(
    'cannot read "missing.json": no such file',
  );
});
