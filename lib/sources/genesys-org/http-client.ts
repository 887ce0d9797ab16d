/**
 * The Platform API over Node's own `fetch` (Node >= 20): bounded concurrency, paging through entity listings and
 * cursors, honouring 429 `Retry-After` (every request waits, not only the one that got it), retrying 5xx and
 * network errors with capped exponential backoff, and renewing an expired token once (401). A 403 names the
 * permission the API says is missing and what the catalog says the operation needs. The secret and the token
 * never reach a message, a log or a return value. Loaded only by `genesys-access snapshot`, never by the
 * offline commands.
 */
import { Catalog } from '../../catalog/catalog';
import { AccessValidationError, oneLine } from '../../errors';
import type { OrgConnection } from './endpoints';
import { isObject } from '../../util/json';

/** Options of {@link PlatformApiClient}. */
export interface ClientOptions {
  /**
   * Requests in flight at once.
   * @default 8
   */
  readonly concurrency?: number;
  /**
   * Retries of one request after a 429, a 5xx or a network error.
   * @default 6
   */
  readonly maxRetries?: number;
  /**
   * The first backoff after a 5xx or a network error, doubled on every retry.
   * @default 500
   */
  readonly backoffMs?: number;
  /**
   * The longest wait: the backoff cap, and the cap on a `Retry-After`.
   * @default 60000
   */
  readonly maxWaitMs?: number;
  /**
   * The timeout of one request.
   * @default 60000
   */
  readonly timeoutMs?: number;
  /**
   * How to wait (tests pass one that records the waits).
   * @default - setTimeout
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the client did, for tests, benchmarks and the progress line. */
export interface ClientStats {
  /** API requests sent (every attempt, retries included; token requests not included). */
  requests: number;
  /** Token requests sent (`POST /oauth/token`). */
  tokenRequests: number;
  /** Attempts repeated after a 429, 5xx or network error. */
  retries: number;
  rateLimited: number;
  serverErrors: number;
  networkErrors: number;
  /** Tokens renewed after a 401. */
  tokenRenewals: number;
  /** Every wait asked for (Retry-After or backoff), in ms. */
  readonly waits: number[];
}

/** An error response of the Platform API, as one line. */
export class PlatformApiError extends AccessValidationError {
  constructor(
    message: string,
    /** HTTP status. */
    public readonly status: number,
    /** `METHOD /api/v2/...` as requested (no query string). */
    public readonly request: string,
    /** The catalog operation (`METHOD /template`), when the catalog knows it. */
    public readonly operation?: string,
    /** The API's error code, e.g. `missing.any.permissions`. */
    public readonly apiCode?: string,
    /** Permissions the API's message names as missing. */
    public readonly missing: readonly string[] = [],
  ) {
    super(message);
    this.name = 'PlatformApiError';
  }
}

const PERMISSION = /[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_*-]+/g;
/** The most pages one listing may have: a bound on every paging loop. */
export const MAX_PAGES = 5000;

function sleeper(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One slot per request in flight. */
class Semaphore {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active--;
  }
}

/** `Retry-After` in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const h = header.trim();
  if (/^\d+(\.\d+)?$/.test(h)) return Math.round(Number(h) * 1000);
  const at = Date.parse(h);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A query string value. */
export type QueryValue = string | number | boolean | readonly string[];

/** An entity listing page (`pageSize`, `pageNumber`, `total`, `pageCount`, `nextUri`). */
interface ListingPage {
  readonly entities: readonly unknown[];
  readonly pageCount?: number;
  readonly total?: number;
  readonly nextUri?: string;
}

/** Options of a list call. */
export interface ListOptions {
  /**
   * Entities per page.
   * @default 100
   */
  readonly pageSize?: number;
  /** Called with the entities of each page as it arrives (so dependent calls can start early). */
  readonly onPage?: (entities: readonly unknown[]) => void;
}

/** The Platform API client. */
export class PlatformApiClient {
  public readonly stats: ClientStats = {
    requests: 0,
    tokenRequests: 0,
    retries: 0,
    rateLimited: 0,
    serverErrors: 0,
    networkErrors: 0,
    tokenRenewals: 0,
    waits: [],
  };
  private readonly slots: Semaphore;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private token?: string;
  private pendingToken?: Promise<string>;
  private pause?: Promise<void>;
  private readonly stop = new AbortController();
  private stopped?: Error;

  constructor(
    private readonly connection: OrgConnection,
    options: ClientOptions = {},
  ) {
    const concurrency = options.concurrency ?? 8;
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new AccessValidationError(`concurrency must be a whole number from 1 to 64 (got ${concurrency})`);
    }
    this.slots = new Semaphore(concurrency);
    this.sleep = options.sleep ?? sleeper;
    this.maxRetries = options.maxRetries ?? 6;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 60000;
    this.timeoutMs = options.timeoutMs ?? 60000;
    this.token = connection.credentials.accessToken;
  }

  /**
   * Stops every request in flight and every wait, and fails every later call with `reason`: once one call of
   * a read has failed, the others must not go on retrying in the background.
   */
  public cancel(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    this.stop.abort(reason);
  }

  private checkStopped(): void {
    if (this.stopped) throw this.stopped;
  }

  /** A timer that ends early when the client is cancelled. */
  private sleepOrStop(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return Promise.race([
      this.sleep(ms),
      new Promise<void>((resolve) => this.stop.signal.addEventListener('abort', () => resolve(), { once: true })),
    ]);
  }

  private signal(): AbortSignal {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    return typeof AbortSignal.any === 'function' ? AbortSignal.any([timeout, this.stop.signal]) : timeout;
  }

  /** `GET` a path (`/api/v2/...`) with a query; resolves to the parsed JSON. */
  public get(path: string, query: Readonly<Record<string, QueryValue>> = {}): Promise<unknown> {
    return this.send('GET', path, query, undefined, false);
  }

  /** `POST` a JSON body. */
  public post(path: string, body: unknown): Promise<unknown> {
    return this.send('POST', path, {}, body, false);
  }

  /**
   * Every entity of a paged listing: the first page, then every other page at once (up to the concurrency), or
   * by `nextUri` when the listing gives no page count. Bounded by {@link MAX_PAGES}.
   */
  public async list(
    path: string,
    query: Readonly<Record<string, QueryValue>> = {},
    options: ListOptions = {},
  ): Promise<unknown[]> {
    const pageSize = options.pageSize ?? 100;
    const first = this.page(path, await this.get(path, { ...query, pageSize, pageNumber: 1 }));
    options.onPage?.(first.entities);
    const count = first.pageCount ?? (first.total !== undefined ? Math.ceil(first.total / pageSize) : undefined);
    if (count !== undefined) {
      if (count > MAX_PAGES) throw this.tooMany(path, count);
      const rest = await Promise.all(
        Array.from({ length: Math.max(0, count - 1) }, async (_, i) => {
          const p = this.page(path, await this.get(path, { ...query, pageSize, pageNumber: i + 2 }));
          options.onPage?.(p.entities);
          return p.entities;
        }),
      );
      return [...first.entities, ...rest.flat()];
    }
    return [...first.entities, ...(await this.follow(path, first.nextUri, options.onPage))];
  }

  /**
   * Every entity of a cursor listing (`nextUri` until there is none). Bounded by {@link MAX_PAGES}. With
   * `optional`, a 404 on the first page (a feature the org does not have) resolves to undefined.
   */
  public async cursor(
    path: string,
    query: Readonly<Record<string, QueryValue>>,
    optional: true,
  ): Promise<unknown[] | undefined>;
  public async cursor(path: string, query?: Readonly<Record<string, QueryValue>>): Promise<unknown[]>;
  public async cursor(
    path: string,
    query: Readonly<Record<string, QueryValue>> = {},
    optional = false,
  ): Promise<unknown[] | undefined> {
    const body = await this.send('GET', path, query, undefined, optional);
    if (body === undefined) return undefined;
    const first = this.page(path, body);
    return [...first.entities, ...(await this.follow(path, first.nextUri))];
  }

  private async follow(
    path: string,
    nextUri: string | undefined,
    onPage?: (entities: readonly unknown[]) => void,
  ): Promise<unknown[]> {
    const out: unknown[] = [];
    const seen = new Set<string>();
    let next = nextUri;
    for (let n = 1; next !== undefined; n++) {
      if (n >= MAX_PAGES) throw this.tooMany(path, n);
      const target = this.sameOrigin(path, next);
      if (seen.has(target)) break; // a server that points back at a page it gave: stop, do not loop
      seen.add(target);
      const q = target.indexOf('?');
      const query = Object.fromEntries(new URLSearchParams(q >= 0 ? target.slice(q + 1) : ''));
      const p = this.page(path, await this.get(q >= 0 ? target.slice(0, q) : target, query));
      onPage?.(p.entities);
      out.push(...p.entities);
      if (p.entities.length === 0) break;
      next = p.nextUri;
    }
    return out;
  }

  private tooMany(path: string, pages: number): AccessValidationError {
    return new AccessValidationError(`GET ${path} has more than ${MAX_PAGES} pages (${pages}): stopped`);
  }

  /** `nextUri` as a path on the same API: relative, or absolute on the API's own origin. */
  private sameOrigin(path: string, uri: string): string {
    let u = uri;
    if (/^[a-z]+:\/\//i.test(u)) {
      const origin = new URL(this.connection.apiBase).origin;
      if (!u.startsWith(`${origin}/`)) {
        throw new AccessValidationError(`GET ${path} returned a nextUri on another host: not followed`);
      }
      u = u.slice(origin.length);
    }
    if (!u.startsWith('/api/v2/')) throw new AccessValidationError(`GET ${path} returned a nextUri outside /api/v2/`);
    return u;
  }

  private page(path: string, body: unknown): ListingPage {
    if (!isObject(body)) throw new AccessValidationError(`GET ${path} returned ${describe(body)}, not a listing`);
    const entities = body.entities ?? [];
    if (!Array.isArray(entities)) throw new AccessValidationError(`GET ${path} returned "entities" that is not a list`);
    const num = (k: string): number | undefined => {
      const v = body[k];
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
    };
    const nextUri = typeof body.nextUri === 'string' && body.nextUri !== '' ? body.nextUri : undefined;
    const pageCount = num('pageCount');
    const total = num('total');
    return {
      entities,
      ...(pageCount !== undefined ? { pageCount } : {}),
      ...(total !== undefined ? { total } : {}),
      ...(nextUri !== undefined ? { nextUri } : {}),
    };
  }

  private async accessToken(): Promise<string> {
    if (this.token !== undefined) return this.token;
    this.pendingToken ??= this.login().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  /** Renews the token after a 401 with `stale`; false when it cannot be renewed. */
  private async renew(stale: string): Promise<boolean> {
    if (!this.connection.credentials.client) return false;
    if (this.token === stale) {
      this.token = undefined;
      this.stats.tokenRenewals++;
    }
    await this.accessToken();
    return true;
  }

  private async wait(ms: number): Promise<void> {
    const capped = Math.min(Math.max(0, ms), this.maxWaitMs);
    this.stats.waits.push(capped);
    await this.sleepOrStop(capped);
  }

  private backoff(attempt: number): number {
    return Math.min(this.backoffMs * 2 ** attempt, this.maxWaitMs);
  }

  /** Holds every request back for a `Retry-After`. */
  private pauseAll(ms: number): Promise<void> {
    const capped = Math.min(Math.max(0, ms), this.maxWaitMs);
    this.stats.waits.push(capped);
    const before = this.pause;
    const p: Promise<void> = Promise.all([before, this.sleepOrStop(capped)]).then(() => {
      if (this.pause === p) this.pause = undefined;
    });
    this.pause = p;
    return p;
  }

  private async login(): Promise<string> {
    const client = this.connection.credentials.client;
    if (!client) {
      throw new AccessValidationError(
        'GENESYSCLOUD_ACCESS_TOKEN was rejected (401: expired or invalid) and no client credentials are set to renew it: get a new token, or set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET',
      );
    }
    const url = `${this.connection.loginBase}/oauth/token`;
    const host = new URL(url).host;
    const basic = Buffer.from(`${client.id}:${client.secret}`, 'utf8').toString('base64');
    for (let attempt = 0; ; attempt++) {
      this.checkStopped();
      if (this.pause) await this.pause;
      let status: number;
      let text: string;
      let retryAfter: string | null = null;
      try {
        this.stats.tokenRequests++;
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            Authorization: `Basic ${basic}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
          signal: this.signal(),
        });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        text = await res.text();
      } catch (e) {
        this.checkStopped();
        this.stats.networkErrors++;
        if (attempt >= this.maxRetries) throw unreachable(host, e);
        this.stats.retries++;
        await this.wait(this.backoff(attempt));
        continue;
      }
      if ((status === 429 || status >= 500) && attempt < this.maxRetries) {
        this.stats.retries++;
        if (status === 429) {
          this.stats.rateLimited++;
          await this.pauseAll(retryAfterMs(retryAfter) ?? this.backoff(attempt));
        } else {
          this.stats.serverErrors++;
          await this.wait(this.backoff(attempt));
        }
        continue;
      }
      const body = parseJson(text);
      if (status !== 200) {
        const err =
          isObject(body) && typeof body.error === 'string' && /^[a-z_]{1,64}$/.test(body.error) ? body.error : '';
        throw new AccessValidationError(
          `${host} refused the token request (${status}${err ? ` ${err}` : ''}): check GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET and GENESYSCLOUD_REGION (the client must be a CLIENT-CREDENTIALS client of that org)`,
        );
      }
      if (!isObject(body) || typeof body.access_token !== 'string' || body.access_token === '') {
        throw new AccessValidationError(`${host} answered the token request without an access_token`);
      }
      this.token = body.access_token;
      return body.access_token;
    }
  }

  private url(path: string, query: Readonly<Record<string, QueryValue>>): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (Array.isArray(v)) for (const x of v) params.append(k, x);
      else params.append(k, String(v));
    }
    const qs = params.toString();
    return `${this.connection.apiBase}${path}${qs ? `?${qs}` : ''}`;
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    query: Readonly<Record<string, QueryValue>>,
    body: unknown,
    allow404: boolean,
  ): Promise<unknown> {
    if (!path.startsWith('/api/v2/')) throw new Error(`PlatformApiClient: not an API path: ${path}`);
    const url = this.url(path, query);
    const host = new URL(url).host;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let text: string;
      let retryAfter: string | null = null;
      let token: string;
      await this.slots.acquire();
      try {
        // Waited for in the slot, so a request queued behind others sends the token and pause of its turn.
        this.checkStopped();
        if (this.pause) await this.pause;
        this.checkStopped();
        token = await this.accessToken();
      } catch (e) {
        this.slots.release();
        throw e;
      }
      try {
        this.stats.requests++;
        const res = await fetch(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
          signal: this.signal(),
        });
        status = res.status;
        retryAfter = res.headers.get('retry-after');
        text = await res.text();
      } catch (e) {
        this.checkStopped();
        this.stats.networkErrors++;
        if (attempt >= this.maxRetries) throw unreachable(host, e, `${method} ${path}`);
        this.stats.retries++;
        await this.wait(this.backoff(attempt));
        continue;
      } finally {
        this.slots.release();
      }
      if (status === 401) {
        if (!renewed) {
          renewed = true;
          if (await this.renew(token)) {
            attempt--;
            continue;
          }
          throw new PlatformApiError(
            `${method} ${path} returned 401: GENESYSCLOUD_ACCESS_TOKEN is rejected (expired or revoked) and no client credentials are set to renew it: get a new token, or set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET`,
            401,
            `${method} ${path}`,
          );
        }
        throw new PlatformApiError(
          `${method} ${path} returned 401 with a renewed token: the client's tokens are rejected (a client of another org, or revoked): check the client credentials and GENESYSCLOUD_REGION`,
          401,
          `${method} ${path}`,
        );
      }
      if (status === 429 && attempt < this.maxRetries) {
        this.stats.rateLimited++;
        this.stats.retries++;
        await this.pauseAll(retryAfterMs(retryAfter) ?? this.backoff(attempt));
        continue;
      }
      if (status >= 500 && attempt < this.maxRetries) {
        this.stats.serverErrors++;
        this.stats.retries++;
        await this.wait(this.backoff(attempt));
        continue;
      }
      if (status === 404 && allow404) return undefined;
      if (status < 200 || status > 299) throw apiError(method, path, status, parseJson(text), attempt);
      return text.trim() === '' ? null : parseJsonStrict(text, `${method} ${path}`);
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseJsonStrict(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AccessValidationError(`${what} returned a body that is not JSON`);
  }
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v;
}

function unreachable(host: string, e: unknown, what?: string): AccessValidationError {
  const err = e as { name?: string; cause?: { code?: string }; code?: string };
  const code = err.cause?.code ?? err.code ?? (err.name === 'TimeoutError' ? 'timed out' : (err.name ?? 'error'));
  return new AccessValidationError(
    `cannot reach ${host}${what ? ` for ${what}` : ''} (${code}): check GENESYSCLOUD_REGION or the GENESYSCLOUD_GATEWAY_* variables and the network`,
  );
}

/** One line for an error response: the operation, the status, what the API says and, for a 403, what is missing. */
function apiError(method: string, path: string, status: number, body: unknown, attempt: number): PlatformApiError {
  const op = Catalog.operation(`${method} ${path}`);
  const b = isObject(body) ? body : {};
  const message = typeof b.message === 'string' ? oneLine(b.message).slice(0, 300) : '';
  const code = typeof b.code === 'string' && /^[A-Za-z0-9._-]{1,80}$/.test(b.code) ? b.code : undefined;
  const where = op ? `${op.key} (${op.operationId})` : `${method} ${path}`;
  const request = `${method} ${path}`;
  const after = attempt > 0 ? ` after ${attempt + 1} attempts` : '';
  if (status === 403) {
    const named = [...new Set(message.match(PERMISSION) ?? [])].filter(
      (p) => !op || op.allOf.includes(p) || op.anyOf.includes(p) || Catalog.isPermission(p),
    );
    const needs = op
      ? [...op.allOf, ...(op.anyOf.length ? [`one of ${op.anyOf.join(', ')}`] : [])].join(' and ') || 'no permission'
      : 'a permission the catalog does not know';
    const lacks = named.length ? named.join(', ') : needs;
    return new PlatformApiError(
      `${where} returned 403${code ? ` ${code}` : ''}: the signed-in client lacks ${lacks}${named.length ? '' : ' (what the catalog says the operation needs)'}`,
      status,
      request,
      op?.key,
      code,
      named,
    );
  }
  return new PlatformApiError(
    `${where} returned ${status}${code ? ` ${code}` : ''}${after}${message ? `: ${message}` : ''}`,
    status,
    request,
    op?.key,
    code,
  );
}
