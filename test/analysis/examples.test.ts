/**
 * Operation examples ranked by what matters: the principal's declared capability's own operations first, then
 * deletes, then the other writes, then reads (live before deprecated), then by path; picked in one pass, checked
 * against a full sort. Stacks are synthesized for real with the constructs, so the declared capabilities come from
 * the recorded intent as in `report`.
 */
import { LocalBackend, TerraformStack, Testing } from 'cdktf';
import { AccessRole, ClientCredentialsClient, Division, Capabilities } from '../../lib';
import type { AccessGraph } from '../../lib/access/graph';
import { PermissionSet } from '../../lib/access/permission-match';
import { Catalog } from '../../lib/catalog/catalog';
import type { Operation } from '../../lib/catalog/types';
import {
  capabilityOperations,
  exampleKeys,
  exampleOperations,
  exampleOrder,
  unlocked,
} from '../../lib/analysis/unlocked';
import { stackReport } from '../../lib/review/report';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';

/** A stack with a queue client declared as `capability`, holding exactly its permissions in Chicago. */
function queueStack(capability: 'routing-queue-read' | 'routing-queue-manage'): AccessGraph {
  const stack = new TerraformStack(Testing.app(), 'queues');
  new GenesyscloudProvider(stack, 'genesyscloud', {});
  new LocalBackend(stack, { path: 'terraform.tfstate' });
  const client = new ClientCredentialsClient(stack, 'queue-client', { name: 'Queue client' });
  const role = new AccessRole(stack, 'queue-role', { name: 'Queues', capabilities: [capability] });
  role.grant(client, Division.fromName(stack, 'chicago', 'Chicago'));
  return readCdktf(JSON.parse(Testing.synth(stack)));
}

const op = (key: string): Operation => Catalog.requireOperation(key);

test('deletes, then writes (POST, PUT, PATCH), then reads; then by path', () => {
  const keys = [
    'GET /api/v2/routing/assessments',
    'GET /api/v2/routing/queues',
    'POST /api/v2/routing/queues',
    'PUT /api/v2/routing/queues/{queueId}',
    'PATCH /api/v2/routing/queues/{queueId}/members',
    'DELETE /api/v2/routing/queues/{queueId}/members/{memberId}',
    'DELETE /api/v2/routing/queues/{queueId}',
  ];
  expect(
    [...keys]
      .map(op)
      .sort(exampleOrder)
      .map((o) => o.key),
  ).toEqual([
    'DELETE /api/v2/routing/queues/{queueId}',
    'DELETE /api/v2/routing/queues/{queueId}/members/{memberId}',
    'POST /api/v2/routing/queues',
    'PUT /api/v2/routing/queues/{queueId}',
    'PATCH /api/v2/routing/queues/{queueId}/members',
    'GET /api/v2/routing/assessments',
    'GET /api/v2/routing/queues',
  ]);
  expect(exampleKeys(keys.map(op), 2)).toEqual([
    'DELETE /api/v2/routing/queues/{queueId}',
    'DELETE /api/v2/routing/queues/{queueId}/members/{memberId}',
  ]);
});

test('within a method class, live operations come before deprecated ones', () => {
  const deprecated = Catalog.operations().find((o) => o.deprecated && o.method === 'GET')!;
  const live = Catalog.operations().find((o) => !o.deprecated && o.method === 'GET' && o.path > deprecated.path)!;
  expect([deprecated, live].sort(exampleOrder)).toEqual([live, deprecated]);
  const write = Catalog.operations().find((o) => !o.deprecated && o.method === 'DELETE')!;
  expect([deprecated, live, write].sort(exampleOrder)[0]).toBe(write);
});

test.each([
  ['a wildcard set', ['routing:*:*']],
  ['a read-only set', ['routing:queue:view', 'analytics:conversationDetail:view']],
  ['a set with writes', ['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view', 'recording:recording:*']],
])('the one-pass pick equals a full sort (%s)', (_, perms) => {
  const graph = readCdktf({ resource: {} });
  const u = unlocked(graph, new PermissionSet(perms));
  expect(u.count).toBeGreaterThan(3);
  const all = u.indexes.map((i) => Catalog.operations()[i]);
  expect(exampleOperations(u)).toEqual(
    [...all]
      .sort(exampleOrder)
      .slice(0, 3)
      .map((o) => o.key),
  );
  // Memoised: the same array for the same set and no capabilities.
  expect(exampleOperations(u)).toBe(exampleOperations(u));
});

test('a queue client shows its capability operations first, not GET /api/v2/routing/assessments', () => {
  const read = stackReport({ name: 'queues', file: 'queues.json', graph: queueStack('routing-queue-read') });
  const [client] = read.principals;
  expect(client.capabilities.declared).toEqual(['routing-queue-read']);
  expect(client.operations.examples).toEqual([
    'GET /api/v2/routing/queues',
    'GET /api/v2/routing/queues/{queueId}',
    'GET /api/v2/routing/queues/{queueId}/estimatedwaittime',
  ]);
  // Without a declared capability, routing:queue:view unlocks only reads, ranked by path.
  const graph = queueStack('routing-queue-read');
  const u = unlocked(graph, new PermissionSet(['routing:queue:view']));
  expect(exampleOperations(u)[0]).toBe('GET /api/v2/routing/assessments');
  expect(exampleOperations(u, capabilityOperations(graph, ['routing-queue-read']))).toEqual(client.operations.examples);

  const manage = stackReport({ name: 'queues', file: 'queues.json', graph: queueStack('routing-queue-manage') });
  expect(manage.principals[0].operations.examples).toEqual([
    'DELETE /api/v2/routing/queues/{queueId}',
    'DELETE /api/v2/routing/queues/{queueId}/members/{memberId}',
    'DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
  ]);
});

test('capability operations: built-in, recorded (defined in code), unknown; memoised per graph', () => {
  const graph = queueStack('routing-queue-read');
  const own = capabilityOperations(graph, ['routing-queue-read', 'not-a-capability'])!;
  const keys = [...own.indexes].map((i) => Catalog.operations()[i].key).sort();
  expect(keys).toEqual(
    Capabilities.resolve('routing-queue-read')
      .operations.map((o) => o.key)
      .sort(),
  );
  expect(own.key).toBe('not-a-capability,routing-queue-read');
  expect(capabilityOperations(graph, ['not-a-capability', 'routing-queue-read'])).toBe(own);
  expect(capabilityOperations(graph, [])).toBeUndefined();
  // A capability the stack defined in code is known by its recorded operations (a recorded one wins).
  const recorded = {
    ...graph,
    intent: {
      ...graph.intent!,
      capabilities: {
        'routing-queue-read': {
          summary: 'x',
          operations: ['DELETE /api/v2/routing/queues/{queueId}'],
          permissions: ['routing:queue:delete'],
          scopes: [],
        },
      },
    },
  };
  const mine = capabilityOperations(recorded, ['routing-queue-read'])!;
  expect([...mine.indexes].map((i) => Catalog.operations()[i].key)).toEqual([
    'DELETE /api/v2/routing/queues/{queueId}',
  ]);
});

test('own operations the set does not unlock change nothing', () => {
  const graph = queueStack('routing-queue-read');
  const u = unlocked(graph, new PermissionSet(['wfm:schedule:view']));
  const own = capabilityOperations(graph, ['routing-queue-read']);
  expect(exampleOperations(u, own)).toEqual(exampleOperations(u));
});
