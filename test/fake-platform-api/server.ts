/**
 * A fake Genesys Cloud Platform API on 127.0.0.1 (real HTTP, an ephemeral port), serving a generated org
 * (./org.ts) with the API's paging (entity listings with pageSize, pageNumber, total, pageCount and nextUri;
 * cursor listings with nextUri only), the client-credentials token endpoint, and faults injected on chosen
 * requests: 429 with Retry-After, transient 500s, a dropped connection, and an expired token. It checks each
 * call's permissions against the catalog when given the snapshot client's permissions, and answers 403 the way
 * the API does (`missing.any.permissions`). It counts every request. Started and stopped by the tests.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { Catalog } from '../../lib/catalog/catalog';
import type { FakeOrg } from './org';

/** Faults, by the 1-based number of the API request (token requests are not counted). */
export interface Faults {
  /** Answer 429 with this Retry-After (seconds). */
  readonly rateLimit?: ReadonlyMap<number, number>;
  /** Answer 500 (or 503). */
  readonly serverError?: ReadonlySet<number>;
  /** Drop the connection without an answer. */
  readonly dropConnection?: ReadonlySet<number>;
  /** From this request on, the token issued first is expired (401). */
  readonly expireFirstTokenAt?: number;
}

/** Options of {@link startFakeApi}. */
export interface FakeApiOptions {
  readonly faults?: Faults;
  /** The snapshot client's permissions: a call needing others gets 403. Default: everything allowed. */
  readonly permissions?: ReadonlySet<string>;
  /** The client id and secret the token endpoint accepts. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Wait before each answer, in ms (the bench's network). */
  readonly latencyMs?: number;
  /** Polls of the usage query answered "Running" before "Complete". */
  readonly usagePolls?: number;
}

/** A running fake. */
export interface FakeApi {
  readonly host: string;
  readonly port: number;
  /** API requests answered (any status), token requests not included. */
  readonly requests: () => number;
  readonly tokenRequests: () => number;
  /** API requests by route template (`GET /api/v2/users`), any status. */
  readonly byRoute: () => Map<string, number>;
  /** Every request: method, path (no query), the URL as requested, status, the Authorization header's kind. */
  readonly log: Array<{ method: string; path: string; url: string; status: number; auth: string; body?: string }>;
  /** Bodies of usage queries received. */
  readonly usageQueries: unknown[];
  /** Tokens issued (to check they never reach an output). */
  readonly tokens: string[];
  close(): Promise<void>;
}

interface Route {
  readonly method: string;
  readonly template: string;
  readonly re: RegExp;
}

const ROUTES: readonly Route[] = [
  'GET /api/v2/organizations/me',
  'GET /api/v2/authorization/divisions',
  'GET /api/v2/authorization/roles',
  'GET /api/v2/authorization/roles/{roleId}/subjectgrants',
  'GET /api/v2/authorization/permissions',
  'GET /api/v2/authorization/policies',
  'GET /api/v2/oauth/clients',
  'GET /api/v2/users',
  'GET /api/v2/groups',
  'POST /api/v2/usage/query',
  'GET /api/v2/usage/query/{executionId}/results',
].map((k) => {
  const [method, template] = k.split(' ') as [string, string];
  return { method, template, re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`) };
});

function listing(entities: readonly unknown[], path: string, q: URLSearchParams): Record<string, unknown> {
  const pageSize = Math.max(1, Math.min(500, Number(q.get('pageSize') ?? 25)));
  const pageNumber = Math.max(1, Number(q.get('pageNumber') ?? 1));
  const total = entities.length;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number): string => `${path}?pageSize=${pageSize}&pageNumber=${n}`;
  return {
    entities: entities.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(1, pageCount)),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
    pageCount,
  };
}

/** A listing that gives only nextUri (as some Genesys listings do): no total, no pageCount. */
function nextOnly(entities: readonly unknown[], path: string, q: URLSearchParams): Record<string, unknown> {
  const full = listing(entities, path, q);
  const { total: _t, pageCount: _p, lastUri: _l, ...rest } = full;
  return rest;
}

/** Starts the fake on 127.0.0.1, an ephemeral port. */
export async function startFakeApi(org: FakeOrg, options: FakeApiOptions = {}): Promise<FakeApi> {
  const clientId = options.clientId ?? 'snapshot-client';
  const clientSecret = options.clientSecret ?? 'snapshot-secret-s3cr3t';
  const faults = options.faults ?? {};
  let requests = 0;
  let tokenRequests = 0;
  const byRoute = new Map<string, number>();
  const log: FakeApi['log'] = [];
  const tokens: string[] = [];
  const usageQueries: unknown[] = [];
  const polls = new Map<string, number>();
  let tokenSeq = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const answer = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
        const send = (): void => {
          log.push({
            method: req.method ?? '',
            path: url.pathname,
            url: req.url ?? '',
            status,
            auth: (req.headers.authorization ?? '').split(' ')[0] ?? '',
            ...(body ? { body } : {}),
          });
          res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
          res.end(json === undefined ? '' : JSON.stringify(json));
        };
        if (options.latencyMs) setTimeout(send, options.latencyMs);
        else send();
      };

      if (url.pathname === '/oauth/token' && req.method === 'POST') {
        tokenRequests++;
        const auth = req.headers.authorization ?? '';
        const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
        if (auth !== expected || body !== 'grant_type=client_credentials') {
          answer(401, { error: 'invalid_client', description: 'client authentication failed' });
          return;
        }
        const token = `token-${++tokenSeq}-${Math.random().toString(36).slice(2)}`;
        tokens.push(token);
        answer(200, { access_token: token, token_type: 'bearer', expires_in: 86399 });
        return;
      }

      requests++;
      const n = requests;
      const route = ROUTES.find((r) => r.method === req.method && r.re.test(url.pathname));
      const key = route ? `${route.method} ${route.template}` : `${req.method} ${url.pathname}`;
      byRoute.set(key, (byRoute.get(key) ?? 0) + 1);

      if (faults.dropConnection?.has(n)) {
        log.push({ method: req.method ?? '', path: url.pathname, url: req.url ?? '', status: 0, auth: '' });
        req.socket.destroy();
        return;
      }
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const expired = faults.expireFirstTokenAt !== undefined && n >= faults.expireFirstTokenAt && token === tokens[0];
      if (!tokens.includes(token) || expired) {
        answer(401, { message: 'Invalid login credentials.', code: 'bad.credentials', status: 401 });
        return;
      }
      if (!route) {
        answer(404, { message: `no route ${req.method} ${url.pathname}`, code: 'not.found', status: 404 });
        return;
      }
      if (options.permissions) {
        const op = Catalog.operation(`${route.method} ${route.template}`)!;
        const has = (p: string): boolean => options.permissions!.has(p);
        const missingAll = op.allOf.filter((p) => !has(p));
        const anyOk = op.anyOf.length === 0 || op.anyOf.some(has);
        if (missingAll.length || !anyOk) {
          const missing = missingAll.length ? missingAll : op.anyOf;
          answer(403, {
            message: `Unable to perform the requested action. You are missing the following permission(s): [${missing.join(', ')}]`,
            code: missingAll.length ? 'missing.all.permissions' : 'missing.any.permissions',
            status: 403,
            messageParams: { permissions: missing.join(', ') },
            contextId: `ctx-${n}`,
          });
          return;
        }
      }
      const retryAfter = faults.rateLimit?.get(n);
      if (retryAfter !== undefined) {
        answer(
          429,
          { message: 'Rate limit exceeded', code: 'too.many.requests', status: 429 },
          {
            'Retry-After': String(retryAfter),
          },
        );
        return;
      }
      if (faults.serverError?.has(n)) {
        answer(n % 2 ? 503 : 500, { message: 'Internal server error', code: 'internal.server.error', status: 500 });
        return;
      }
      const q = url.searchParams;
      const m = route.re.exec(url.pathname)!;
      switch (route.template) {
        case '/api/v2/organizations/me':
          return answer(200, org.me);
        case '/api/v2/authorization/divisions':
          return answer(200, listing(org.divisions, url.pathname, q));
        case '/api/v2/authorization/roles':
          return answer(200, listing(org.roles, url.pathname, q));
        case '/api/v2/authorization/roles/{roleId}/subjectgrants': {
          const grants = org.subjectGrants.get(decodeURIComponent(m[1]!));
          if (!grants) return answer(404, { message: 'role not found', code: 'not.found', status: 404 });
          return answer(200, listing(grants, url.pathname, q));
        }
        case '/api/v2/authorization/permissions':
          return answer(200, listing(org.permissions, url.pathname, q));
        case '/api/v2/authorization/policies': {
          // A cursor listing: `after` is the index to start from.
          const size = Math.max(1, Math.min(200, Number(q.get('pageSize') ?? 25)));
          const after = Number(q.get('after') ?? 0);
          const page = org.policies.slice(after, after + size);
          return answer(200, {
            entities: page,
            selfUri: url.pathname,
            ...(after + size < org.policies.length
              ? { nextUri: `${url.pathname}?pageSize=${size}&after=${after + size}` }
              : {}),
          });
        }
        case '/api/v2/oauth/clients':
          return answer(200, listing(org.clients, url.pathname, q));
        case '/api/v2/users':
          return answer(200, listing(org.users, url.pathname, q));
        case '/api/v2/groups':
          return answer(200, nextOnly(org.groups, url.pathname, q));
        case '/api/v2/usage/query': {
          usageQueries.push(JSON.parse(body || 'null'));
          const id = `exec-${usageQueries.length}`;
          polls.set(id, 0);
          return answer(202, { executionId: id, resultsUri: `/api/v2/usage/query/${id}/results` });
        }
        case '/api/v2/usage/query/{executionId}/results': {
          const id = m[1]!;
          const seen = polls.get(id);
          if (seen === undefined) return answer(404, { message: 'no such query', code: 'not.found', status: 404 });
          polls.set(id, seen + 1);
          if (seen < (options.usagePolls ?? 1)) return answer(200, { queryStatus: 'Running' });
          return answer(200, { queryStatus: 'Complete', results: org.usage });
        }
      }
    });
  });
  // Keep-alive sockets must not hold the test process after close.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    requests: () => requests,
    tokenRequests: () => tokenRequests,
    byRoute: () => new Map(byRoute),
    log,
    usageQueries,
    tokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** The GENESYSCLOUD_* variables that point the snapshot at the fake. */
export function fakeEnv(api: FakeApi, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    GENESYSCLOUD_OAUTHCLIENT_ID: 'snapshot-client',
    GENESYSCLOUD_OAUTHCLIENT_SECRET: 'snapshot-secret-s3cr3t',
    GENESYSCLOUD_GATEWAY_HOST: api.host,
    GENESYSCLOUD_GATEWAY_PORT: String(api.port),
    GENESYSCLOUD_GATEWAY_PROTOCOL: 'http',
    ...extra,
  };
}
