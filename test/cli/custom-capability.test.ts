/**
 * A capability defined in user code works everywhere a built-in one does: an AccessRole built from it, a
 * UserContextClient whose scopes come from it, the synthesized audit trail, GCA-PERM4, and the built CLI's report
 * (which runs no user code and reads the recorded permissions), on a stack synthesized for real.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import {
  AccessRole,
  AccessRules,
  Capabilities,
  ClientCredentialsClient,
  Division,
  ServiceAccountUser,
  UserContextClient,
} from '../../lib';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { cli, requireBuiltCli, tmpDir } from './fixtures';

const wallboard = Capabilities.define({
  id: 'queue-wallboard',
  summary: "Show live queue activity with the queues' names.",
  operations: ['POST /api/v2/analytics/queues/observations/query', 'GET /api/v2/routing/queues', 'getRoutingQueue'],
});
const memberSync = Capabilities.define({
  id: 'queue-member-sync',
  summary: 'Keep queue membership in step with the HR system.',
  operations: ['GET /api/v2/routing/queues', 'POST /api/v2/routing/queues/{queueId}/members'],
  prefer: [
    {
      permission: 'routing:queue:edit',
      why: 'this sync also renames queues elsewhere, so it holds queue edit anyway (a job choice, for the test)',
    },
  ],
});

let tmp: string;
let file: string;

beforeAll(() => {
  requireBuiltCli();
  tmp = tmpDir('custom-cap');
  const app = new App({ outdir: tmp });
  const stack = new TerraformStack(app, 'wallboards');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  AccessRules.check(stack);
  const chicago = Division.fromName(stack, 'chicago', 'Chicago');
  const client = new ClientCredentialsClient(stack, 'wallboard-client', { name: 'Wallboard feed' });
  new AccessRole(stack, 'wallboard-role', { name: 'Queue wallboard', capabilities: [wallboard] }).grant(
    client,
    chicago,
  );
  const hr = ServiceAccountUser.fromUserId(stack, 'hr-sync', 'u-hr');
  new AccessRole(stack, 'sync-role', {
    name: 'Queue member sync',
    capabilities: [memberSync, 'user-read'],
  }).grant(hr, chicago);
  new UserContextClient(stack, 'wallboard-app', {
    name: 'Wallboard app',
    redirectUris: ['https://wall.example.com/callback'],
    capabilities: [wallboard],
  });
  new UserContextClient(stack, 'scopes-only', {
    name: 'Scopes only',
    grantType: 'PASSWORD',
    extraScopes: ['routing:readonly'],
  });
  app.synth();
  file = path.join(tmp, 'stacks', 'wallboards', 'cdk.tf.json');
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('derives the permissions and scopes like a built-in one, with the job preference', () => {
  expect(wallboard.problems).toEqual([]);
  expect(wallboard.resolve().permissions).toEqual(['analytics:queueObservation:view', 'routing:queue:view']);
  expect(wallboard.resolve().scopes).toEqual(['analytics:readonly', 'routing:readonly']);
  // Without the preference the ranking picks routing:queueMember:manage (data/any-of-preferences.json).
  expect(memberSync.resolve().permissions).toEqual(['routing:queue:edit', 'routing:queue:view']);
  const unpreferred = Capabilities.define({ ...memberSync.definition, id: 'queue-member-sync-2', prefer: [] });
  expect(unpreferred.resolve().permissions).toEqual(['routing:queue:view', 'routing:queueMember:manage']);
});

test('the synthesized stack records the roles, the principals and the resolved capabilities', () => {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = json.locals.genesyscloud_access;
  expect(meta.capabilities).toEqual({
    'queue-member-sync': {
      summary: 'Keep queue membership in step with the HR system.',
      operations: ['GET /api/v2/routing/queues', 'POST /api/v2/routing/queues/{queueId}/members'],
      permissions: ['routing:queue:edit', 'routing:queue:view'],
      scopes: ['routing'],
    },
    'queue-wallboard': {
      summary: "Show live queue activity with the queues' names.",
      operations: [
        'GET /api/v2/routing/queues',
        'GET /api/v2/routing/queues/{queueId}',
        'POST /api/v2/analytics/queues/observations/query',
      ],
      permissions: ['analytics:queueObservation:view', 'routing:queue:view'],
      scopes: ['analytics:readonly', 'routing:readonly'],
    },
  });
  const client = Object.values(json.resource.genesyscloud_oauth_client).find(
    (c: any) => c.name === 'Wallboard app',
  ) as any;
  expect(client.scopes).toEqual(['analytics:readonly', 'routing:readonly']);
  const scopesOnly = Object.values(json.resource.genesyscloud_oauth_client).find(
    (c: any) => c.name === 'Scopes only',
  ) as any;
  expect(scopesOnly.scopes).toEqual(['routing:readonly']);
  expect(json).toGrantExactly('genesyscloud_oauth_client.wallboard-client', wallboard.resolve().permissions, {
    division: 'Chicago',
  });
});

test('the built CLI reports it in the capabilities column, held, declared and by scopes', () => {
  const r = cli(['report', file, '--format', 'json'], tmp);
  expect([r.status, r.stderr]).toEqual([0, '']);
  const principals = JSON.parse(r.stdout).stacks[0].principals as any[];
  const by = (name: string): any => principals.find((p) => p.name === name);
  // It holds the built-ins its permissions add up to as well.
  expect(by('Wallboard feed').capabilities).toEqual({
    declared: ['queue-wallboard'],
    held: ['analytics-queue-observation-query', 'queue-wallboard', 'routing-queue-read'],
  });
  expect(by('Wallboard app').capabilities).toEqual({ declared: ['queue-wallboard'], held: [] });
  const hr = principals.find((p) => p.address === 'user:u-hr');
  expect(hr.capabilities.declared).toEqual(['queue-member-sync', 'user-read']);
  expect(hr.capabilities.held).toEqual(
    expect.arrayContaining(['queue-member-sync', 'user-read', 'routing-queue-read']),
  );
  // GCA-PERM4 reads the recorded permissions: routing:queue:edit is needed by queue-member-sync, not unneeded.
  expect(JSON.parse(r.stdout).stacks[0].findings).toEqual([]);
  const md = cli(['report', file], tmp).stdout;
  expect(md).toContain("`queue-wallboard` (scopes only: the signed-in user's roles decide)");
  expect(md).toMatch(
    /\*\*Wallboard feed\*\*.*\| `analytics-queue-observation-query`, `queue-wallboard`, `routing-queue-read` \|/,
  );
});

test('a mistake in a definition is reported where it is used, one line each', () => {
  const s = new TerraformStack(new App(), 'bad');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  const typo = Capabilities.define({
    id: 'queue-wallboard',
    summary: 'Typo',
    operations: ['GET /api/v2/routing/queue' as never],
  });
  new AccessRole(s, 'r', { name: 'R', capabilities: [typo], permissions: ['routing:queue:view'] });
  expect(() => typo.resolve()).toThrow(
    /unknown operation "GET \/api\/v2\/routing\/queue".*Did you mean "GET \/api\/v2\/routing\/queues"/,
  );
  expect(() => (s.node.root as App).synth()).toThrow(
    /\[bad\/r\] role "R": Capabilities.define: capability "queue-wallboard": unknown operation "GET \/api\/v2\/routing\/queue"/,
  );
});

test('two different definitions with one id in a stack are a mistake', () => {
  const s = new TerraformStack(new App(), 'clash');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  const other = Capabilities.define({ id: 'queue-wallboard', summary: 'Other', operations: ['getRoutingQueues'] });
  new AccessRole(s, 'a', { name: 'A', capabilities: [wallboard] });
  new AccessRole(s, 'b', { name: 'B', capabilities: [other] });
  expect(() => (s.node.root as App).synth()).toThrow(
    /\[clash\/b\] role "B": two different capabilities are named "queue-wallboard" in this stack/,
  );
  expect(
    Capabilities.define({ id: 'routing-queue-read', summary: 'x', operations: ['getRoutingQueues'] }).problems,
  ).toEqual([
    'Capabilities.define: "routing-queue-read" is a built-in capability: use it by its id, or give yours another id',
  ]);
});
