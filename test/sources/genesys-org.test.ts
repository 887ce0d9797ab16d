/**
 * The live reader against a fake Platform API on 127.0.0.1 (real HTTP, started here) serving a generated org of
 * 2,000 users, 40 divisions, 120 roles, 60 clients and usage rows, with 429s, transient 500s, a dropped
 * connection and an expired token injected. The snapshot must equal the generated org exactly (derived a
 * second way, test/fake-platform-api/expected.ts), and the calls must be the formula of BENCHMARKS.md plus one
 * per injected fault.
 */
import { connectionFromEnv, regionDomain } from '../../lib/sources/genesys-org/endpoints';
import { PlatformApiClient, retryAfterMs } from '../../lib/sources/genesys-org/http-client';
import { takeSnapshot } from '../../lib/sources/genesys-org/live';
import { SNAPSHOT_OPERATIONS } from '../../lib/sources/genesys-org/operations';
import { readSnapshot, serializeSnapshot } from '../../lib/sources/genesys-org/snapshot-file';
import { expectedCalls, expectedGraph, expectedUsage } from '../fake-platform-api/expected';
import { generateOrg, TEST_ORG } from '../fake-platform-api/org';
import { type FakeApi, fakeEnv, startFakeApi } from '../fake-platform-api/server';

const NOW = new Date('2026-12-01T12:00:00Z');
const noWait = (): Promise<void> => Promise.resolve();

describe('a snapshot of a 2,000-user org through the fake Platform API', () => {
  const org = generateOrg(TEST_ORG);
  let api: FakeApi;
  let taken: Awaited<ReturnType<typeof takeSnapshot>>;

  beforeAll(async () => {
    api = await startFakeApi(org, {
      faults: {
        rateLimit: new Map([
          [5, 1],
          [40, 2],
        ]),
        serverError: new Set([12, 90]),
        dropConnection: new Set([25]),
        expireFirstTokenAt: 60,
      },
    });
    taken = await takeSnapshot({
      env: fakeEnv(api),
      usageDays: 30,
      now: NOW,
      pollIntervalMs: 0,
      sleep: noWait,
      concurrency: 8,
    });
  });

  afterAll(() => api.close());

  test('the graph equals the generated org exactly', () => {
    expect(taken.snapshot.graph).toEqual(expectedGraph(org));
    expect(taken.snapshot.graph.principals.filter((p) => p.kind === 'user')).toHaveLength(TEST_ORG.users);
    expect(taken.snapshot.graph.roles).toHaveLength(TEST_ORG.roles);
    expect(taken.snapshot.graph.divisions.filter((d) => d.kind !== 'all')).toHaveLength(TEST_ORG.divisions);
    expect(taken.snapshot.notes).toEqual([]);
  });

  test("the permission list, default roles and usage are the org's", () => {
    const s = taken.snapshot;
    const listed = org.permissions.flatMap((c) => Object.values(c.permissionMap).flat());
    expect(s.permissions).toHaveLength(listed.length);
    const one = listed.find((p) => !p.divisionAware)!;
    expect(s.permissions.find((p) => p.permission === `${one.domain}:${one.entityType}:${one.action}`)).toEqual({
      permission: `${one.domain}:${one.entityType}:${one.action}`,
      divisionAware: false,
      allowsConditions: one.allowsConditions,
      label: one.label,
    });
    expect(s.defaultRoles.map((r) => [r.name, r.defaultRoleId])).toEqual([
      ['Employee', 'employee'],
      ['Master Admin', 'admin'],
    ]);
    expect(s.defaultRoles.find((r) => r.name === 'Master Admin')!.generalPermissions).toEqual(['admin']);
    expect(s.usage).toEqual({
      days: 30,
      from: '2026-11-01T12:00:00Z',
      to: '2026-12-01T12:00:00Z',
      clients: expectedUsage(org),
    });
    expect(api.usageQueries).toEqual([
      {
        interval: '2026-11-01T12:00:00Z/2026-12-01T12:00:00Z',
        groupBy: ['OAuthClientId', 'TemplateUri', 'HttpMethod'],
        metrics: ['Requests'],
      },
    ]);
  });

  test('calls: list pages + one grants page per role (more for a role held by more than a page) + a constant, plus one per fault', () => {
    const faults = api.log.filter((l) => l.status === 0 || l.status === 401 || l.status === 429 || l.status >= 500);
    const formula = expectedCalls(org, 100, { polls: 1 });
    expect(api.requests()).toBe(formula + faults.length);
    expect(taken.stats.requests).toBe(api.requests());
    // Every injected fault happened, and cost exactly one extra request each.
    expect(faults.filter((l) => l.status === 429)).toHaveLength(2);
    expect(faults.filter((l) => l.status >= 500)).toHaveLength(2);
    expect(faults.filter((l) => l.status === 0)).toHaveLength(1);
    const expired = faults.filter((l) => l.status === 401).length;
    expect(expired).toBeGreaterThanOrEqual(1);
    expect(expired).toBeLessThanOrEqual(8); // at most the requests in flight with the old token
    expect(taken.stats.tokenRenewals).toBe(1);
    expect(api.tokenRequests()).toBe(2);
    // Versus one call per user: grants are read per role.
    expect(api.byRoute().get('GET /api/v2/authorization/roles/{roleId}/subjectgrants')).toBeLessThan(
      TEST_ORG.users / 5,
    );
    // Exactly the operations the README and the doctor list, nothing else.
    expect([...api.byRoute().keys()].sort()).toEqual(SNAPSHOT_OPERATIONS.map((o) => o.key).sort());
  });

  test('429 Retry-After is honoured (1 s, then 2 s) and 5xx and network errors back off, capped', () => {
    expect(taken.stats.rateLimited).toBe(2);
    expect(taken.stats.waits.filter((w) => w >= 1000).sort()).toEqual([1000, 2000]);
    expect(taken.stats.serverErrors).toBe(2);
    expect(taken.stats.networkErrors).toBe(1);
  });

  test('neither the secret nor a token is in the snapshot', () => {
    const text = serializeSnapshot(taken.snapshot);
    expect(text).not.toContain('snapshot-secret-s3cr3t');
    for (const t of api.tokens) expect(text).not.toContain(t);
    for (const c of org.clients) expect(text).not.toContain(c.secret);
    expect(readSnapshot(text)).toEqual(taken.snapshot);
    // Only the token request carries the secret (Basic); every API request carries a bearer token.
    expect(new Set(api.log.filter((l) => l.path !== '/oauth/token' && l.status !== 0).map((l) => l.auth))).toEqual(
      new Set(['Bearer']),
    );
  });

  test('two snapshots of an unchanged org are byte-identical', async () => {
    const again = await takeSnapshot({ env: fakeEnv(api), usageDays: 30, now: NOW, pollIntervalMs: 0, sleep: noWait });
    expect(serializeSnapshot(again.snapshot)).toBe(serializeSnapshot(taken.snapshot));
  });
});

describe('the live client', () => {
  const small = generateOrg({ users: 30, divisions: 3, roles: 6, clients: 4, groups: 2 }, 7);
  let api: FakeApi;

  afterEach(() => api?.close());

  test('waits the Retry-After for real before the next request', async () => {
    api = await startFakeApi(small, { faults: { rateLimit: new Map([[1, 1]]) } });
    const client = new PlatformApiClient(connectionFromEnv(fakeEnv(api)));
    const t0 = performance.now();
    await client.get('/api/v2/organizations/me');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(990);
    expect(client.stats.requests).toBe(2);
  });

  test('gives up after the retry cap with one line naming the call', async () => {
    api = await startFakeApi(small, { faults: { serverError: new Set([1, 2, 3, 4]) } });
    const client = new PlatformApiClient(connectionFromEnv(fakeEnv(api)), { maxRetries: 3, sleep: noWait });
    await expect(client.get('/api/v2/organizations/me')).rejects.toThrow(
      /^GET \/api\/v2\/organizations\/me \(getOrganizationsMe\) returned 50[03] internal.server.error after 4 attempts/,
    );
    expect(api.requests()).toBe(4);
    expect(client.stats.waits).toEqual([500, 1000, 2000]);
  });

  test('backoff is capped by maxWaitMs', async () => {
    api = await startFakeApi(small, { faults: { serverError: new Set([1, 2, 3, 4, 5]) } });
    const client = new PlatformApiClient(connectionFromEnv(fakeEnv(api)), { maxWaitMs: 1500, sleep: noWait });
    await client.get('/api/v2/organizations/me');
    expect(client.stats.waits).toEqual([500, 1000, 1500, 1500, 1500]);
  });

  test('wrong client credentials: one line, no secret', async () => {
    api = await startFakeApi(small);
    const client = new PlatformApiClient(
      connectionFromEnv(fakeEnv(api, { GENESYSCLOUD_OAUTHCLIENT_SECRET: 'not-the-secret-xyz' })),
    );
    const e = await client.get('/api/v2/organizations/me').catch((x: Error) => x);
    expect((e as Error).message).toBe(
      `${api.host}:${api.port} refused the token request (401 invalid_client): check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION (the client must be a CLIENT-CREDENTIALS client of that org)`,
    );
    expect((e as Error).message).not.toContain('not-the-secret-xyz');
  });

  test('an expired GENESYSCLOUD_ACCESS_TOKEN with no client to renew it: one line naming the fix', async () => {
    api = await startFakeApi(small);
    const client = new PlatformApiClient(
      connectionFromEnv({
        GENESYSCLOUD_ACCESS_TOKEN: 'expired-token-123',
        GENESYSCLOUD_GATEWAY_HOST: api.host,
        GENESYSCLOUD_GATEWAY_PORT: String(api.port),
        GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
      }),
    );
    const e = (await client.get('/api/v2/organizations/me').catch((x: Error) => x)) as Error;
    expect(e.message).toMatch(/GENESYSCLOUD_ACCESS_TOKEN is rejected \(expired or revoked\)/);
    expect(e.message).not.toContain('expired-token-123');
  });

  test('a 403 names the permission the API says is missing', async () => {
    api = await startFakeApi(small, { permissions: new Set(['oauth:client:view', 'authorization:policy:view']) });
    const client = new PlatformApiClient(connectionFromEnv(fakeEnv(api)));
    const e = (await client.list('/api/v2/authorization/roles').catch((x: Error) => x)) as Error & {
      status: number;
      missing: string[];
      operation: string;
    };
    expect(e.message).toBe(
      'GET /api/v2/authorization/roles (getAuthorizationRoles) returned 403 missing.any.permissions: the signed-in client lacks authorization:role:view',
    );
    expect([e.status, e.missing, e.operation]).toEqual([
      403,
      ['authorization:role:view'],
      'GET /api/v2/authorization/roles',
    ]);
  });

  test('an unreachable host: one line naming the variables', async () => {
    api = await startFakeApi(small);
    const port = api.port;
    await api.close();
    const client = new PlatformApiClient(connectionFromEnv({ ...fakeEnv({ host: '127.0.0.1', port } as FakeApi) }), {
      maxRetries: 1,
      sleep: noWait,
    });
    await expect(client.get('/api/v2/organizations/me')).rejects.toThrow(
      /^cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): check GENESYSCLOUD_REGION or the GENESYSCLOUD_GATEWAY_\* variables/,
    );
    api = await startFakeApi(small); // for afterEach
  });

  test('when one call fails for good, the others stop: no retries in the background', async () => {
    // Roles are forbidden; every other call fails with 500 (and would retry with backoff for seconds).
    api = await startFakeApi(small, {
      permissions: new Set(['oauth:client:view', 'authorization:policy:view']),
      faults: { serverError: new Set(Array.from({ length: 200 }, (_, i) => i + 1)) },
    });
    const t0 = performance.now();
    await expect(takeSnapshot({ env: fakeEnv(api) })).rejects.toThrow(/returned (403|50[03])/);
    expect(performance.now() - t0).toBeLessThan(3000);
    await new Promise((r) => setTimeout(r, 100)); // requests already on the wire arrive
    const after = api.requests();
    await new Promise((r) => setTimeout(r, 1500)); // longer than the first backoffs
    expect(api.requests()).toBe(after);
    expect(after).toBeLessThanOrEqual(8 + 1); // what was in flight when the 403 came, nothing retried
  });

  test('a nextUri to another host is not followed', async () => {
    api = await startFakeApi(small);
    const client = new PlatformApiClient(connectionFromEnv(fakeEnv(api)));
    await expect(
      (client as unknown as { follow(p: string, n: string): Promise<unknown> }).follow(
        '/api/v2/users',
        'https://evil.example.com/api/v2/users?pageNumber=2',
      ),
    ).rejects.toThrow('GET /api/v2/users returned a nextUri on another host: not followed');
  });
});

describe('environment', () => {
  test("region names map to the provider's hosts", () => {
    const c = connectionFromEnv({
      GENESYSCLOUD_OAUTHCLIENT_ID: 'id',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'secret-value',
      GENESYSCLOUD_REGION: 'eu-west-1',
    });
    expect([c.apiBase, c.loginBase, c.apiHost]).toEqual([
      'https://api.mypurecloud.ie',
      'https://login.mypurecloud.ie',
      'api.mypurecloud.ie',
    ]);
    expect(regionDomain('US-EAST-1')).toBe('mypurecloud.com');
    expect(regionDomain('ap-northeast-2')).toBe('apne2.pure.cloud');
    expect(regionDomain('us-east-2')).toBe('use2.us-gov-pure.cloud');
  });

  test('the gateway takes both login and API, no path prefix', () => {
    const c = connectionFromEnv({
      GENESYSCLOUD_ACCESS_TOKEN: 'tok',
      GENESYSCLOUD_GATEWAY_HOST: 'gw.internal',
      GENESYSCLOUD_GATEWAY_PORT: '8443',
    });
    expect([c.apiBase, c.loginBase]).toEqual(['https://gw.internal:8443', 'https://gw.internal:8443']);
  });

  test.each([
    [{}, /^no credentials: set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET/],
    [{ GENESYSCLOUD_OAUTHCLIENT_ID: 'id' }, /GENESYSCLOUD_OAUTHCLIENT_SECRET is not: set the client secret too/],
    [
      { GENESYSCLOUD_ACCESS_TOKEN: 't' },
      /^GENESYSCLOUD_REGION is not set: set it to the org's AWS region, e.g. us-east-1/,
    ],
    [
      { GENESYSCLOUD_ACCESS_TOKEN: 't', GENESYSCLOUD_REGION: 'mars-1' },
      /^unknown GENESYSCLOUD_REGION "mars-1": use one of us-east-1/,
    ],
    [
      { GENESYSCLOUD_ACCESS_TOKEN: 't', GENESYSCLOUD_GATEWAY_HOST: 'http://x' },
      /GENESYSCLOUD_GATEWAY_HOST must be a host name/,
    ],
    [
      { GENESYSCLOUD_ACCESS_TOKEN: 't', GENESYSCLOUD_GATEWAY_HOST: 'x', GENESYSCLOUD_GATEWAY_PORT: '99999' },
      /PORT must be a port/,
    ],
  ])('%j is one line naming the fix', (env, message) => {
    expect(() => connectionFromEnv(env)).toThrow(message);
  });

  test('Retry-After: seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs(new Date(Date.UTC(2026, 0, 1, 0, 0, 3)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(3000);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
