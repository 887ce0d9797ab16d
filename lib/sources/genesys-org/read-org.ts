/**
 * Reads a live org through the Platform API: divisions, roles, every role's subject grants (one paged call per
 * role, not one per user), the permission list, access policies, OAuth clients, users, groups and, when asked,
 * API usage per client. Everything is read at once up to the client's concurrency; a role's grants are asked
 * for as soon as the page listing the role arrives. Every response is checked before it is used (the API is an
 * input like any other). No graph knowledge: ./to-graph turns this into the snapshot.
 */
import { AccessValidationError } from '../../errors';
import type { PlatformApiClient } from './http-client';
import { isObject, type Json } from '../../util/json';

/** A division. */
export interface RawDivision {
  readonly id: string;
  readonly name: string;
  readonly home: boolean;
}

/** One permission policy of a role. */
export interface RawPolicy {
  readonly domain: string;
  readonly entity: string;
  readonly actions: readonly string[];
  readonly conditions: boolean;
}

/** A role. */
export interface RawRole {
  readonly id: string;
  readonly name: string;
  readonly defaultRoleId?: string;
  /** General permissions (`admin`, ...). */
  readonly permissions: readonly string[];
  readonly policies: readonly RawPolicy[];
}

/** One permission of the org's list. */
export interface RawPermission {
  readonly permission: string;
  readonly divisionAware: boolean;
  readonly allowsConditions: boolean;
  readonly label?: string;
}

/** An OAuth client (never its secret). */
export interface RawClient {
  readonly id: string;
  readonly name: string;
  readonly grantType: string;
  readonly scopes: readonly string[];
  readonly state?: string;
  readonly accessTokenValiditySeconds?: number;
  readonly roleDivisions: ReadonlyArray<{ readonly roleId: string; readonly divisionId: string }>;
}

/** A user. */
export interface RawUser {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
}

/** A group. */
export interface RawGroup {
  readonly id: string;
  readonly name: string;
  readonly rolesEnabled?: boolean;
}

/** The subject types a grant can have. */
export type RawSubjectType = 'PC_USER' | 'PC_GROUP' | 'PC_OAUTH_CLIENT';

/** One subject holding one role, with the divisions. */
export interface RawSubjectGrant {
  readonly roleId: string;
  readonly subjectId: string;
  readonly subjectName?: string;
  readonly type: RawSubjectType;
  readonly divisions: ReadonlyArray<{ readonly id: string; readonly name?: string }>;
}

/** An attribute-based access policy. */
export interface RawAccessPolicy {
  readonly id: string;
  readonly name: string;
  readonly effect: string;
  readonly active: boolean;
  readonly applyToClients: boolean;
}

/** Requests of one client for one template URI and method. */
export interface RawUsageRow {
  readonly clientId: string;
  readonly templateUri: string;
  readonly method: string;
  readonly count: number;
}

/** Everything a snapshot reads. */
export interface LiveOrg {
  readonly org: { readonly id?: string; readonly name?: string };
  readonly divisions: readonly RawDivision[];
  readonly roles: readonly RawRole[];
  readonly grants: readonly RawSubjectGrant[];
  readonly permissions: readonly RawPermission[];
  readonly policies: readonly RawAccessPolicy[];
  readonly clients: readonly RawClient[];
  readonly users: readonly RawUser[];
  readonly groups: readonly RawGroup[];
  readonly usage?: { readonly days: number; readonly from: string; readonly to: string; rows: readonly RawUsageRow[] };
  readonly notes: readonly string[];
}

/** Options of {@link readLiveOrg}. */
export interface ReadOrgOptions {
  /**
   * Read each client's API usage over the last this many days (1 to 366).
   * @default - no usage
   */
  readonly usageDays?: number;
  /**
   * The end of the usage window.
   * @default - now
   */
  readonly now?: Date;
  /**
   * Entities per page of every listing.
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * Wait between polls of the usage query.
   * @default 2000
   */
  readonly pollIntervalMs?: number;
  /**
   * Polls of the usage query before giving up.
   * @default 150
   */
  readonly maxPolls?: number;
  /** How to wait between polls. @default - setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Called as work completes: what is done so far. */
  readonly onProgress?: (done: {
    readonly requests: number;
    readonly roles: number;
    readonly rolesRead: number;
  }) => void;
}

/** Checks one entity of a response; errors name the call and the index. */
class Check {
  constructor(
    private readonly call: string,
    private readonly index: number,
    private readonly e: Json,
  ) {}

  static each<T>(call: string, entities: readonly unknown[], f: (c: Check) => T | undefined): T[] {
    const out: T[] = [];
    entities.forEach((x, i) => {
      if (!isObject(x)) throw new AccessValidationError(`${call} returned entities/${i} that is not an object`);
      const v = f(new Check(call, i, x));
      if (v !== undefined) out.push(v);
    });
    return out;
  }

  private fail(field: string, what: string): never {
    throw new AccessValidationError(`${this.call} returned entities/${this.index}/${field} that ${what}`);
  }

  str(field: string): string {
    const v = this.e[field];
    if (typeof v !== 'string' || v === '') this.fail(field, 'is not a non-empty string');
    return v;
  }

  optStr(field: string): string | undefined {
    const v = this.e[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.fail(field, 'is not a string');
    return v;
  }

  optBool(field: string): boolean | undefined {
    const v = this.e[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') this.fail(field, 'is not true or false');
    return v;
  }

  optInt(field: string): number | undefined {
    const v = this.e[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(field, 'is not a whole number');
    return v;
  }

  strings(field: string): string[] {
    const v = this.e[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(field, 'is not a list of strings');
    return v as string[];
  }

  objects(field: string): Json[] {
    const v = this.e[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => !isObject(x))) this.fail(field, 'is not a list of objects');
    return v as Json[];
  }

  raw(field: string): unknown {
    return this.e[field];
  }
}

const SUBJECT_TYPES: readonly string[] = ['PC_USER', 'PC_GROUP', 'PC_OAUTH_CLIENT'];

function roleOf(c: Check): RawRole {
  const call = 'GET /api/v2/authorization/roles';
  const policies = c.objects('permissionPolicies').map((p, i) => {
    const at = `permissionPolicies/${i}`;
    const domain = p.domain;
    const entity = p.entityName;
    const actions = p.actionSet;
    if (typeof domain !== 'string' || typeof entity !== 'string' || domain === '' || entity === '') {
      throw new AccessValidationError(`${call} returned a role policy (${at}) without domain and entityName`);
    }
    if (!Array.isArray(actions) || actions.some((a) => typeof a !== 'string')) {
      throw new AccessValidationError(
        `${call} returned a role policy (${at}) whose actionSet is not a list of strings`,
      );
    }
    const cond = p.resourceConditionNode;
    return {
      domain,
      entity,
      actions: [...new Set(actions as string[])].sort(),
      conditions: isObject(cond) && Object.keys(cond).length > 0,
    };
  });
  const defaultRoleId = c.optStr('defaultRoleId');
  return {
    id: c.str('id'),
    name: c.str('name'),
    ...(defaultRoleId ? { defaultRoleId } : {}),
    permissions: c.strings('permissions'),
    policies,
  };
}

function permissionsOf(entities: readonly unknown[]): RawPermission[] {
  const call = 'GET /api/v2/authorization/permissions';
  const out: RawPermission[] = [];
  Check.each(call, entities, (c) => {
    const map = c.raw('permissionMap');
    if (map === undefined || map === null) return undefined;
    if (!isObject(map)) throw new AccessValidationError(`${call} returned a permissionMap that is not an object`);
    for (const [entity, list] of Object.entries(map)) {
      if (!Array.isArray(list))
        throw new AccessValidationError(`${call} returned permissionMap.${entity} that is not a list`);
      for (const p of list) {
        if (
          !isObject(p) ||
          typeof p.domain !== 'string' ||
          typeof p.entityType !== 'string' ||
          typeof p.action !== 'string'
        ) {
          throw new AccessValidationError(
            `${call} returned a permission of ${entity} without domain, entityType and action`,
          );
        }
        out.push({
          permission: `${p.domain}:${p.entityType}:${p.action}`,
          divisionAware: p.divisionAware === true,
          allowsConditions: p.allowsConditions === true,
          ...(typeof p.label === 'string' && p.label !== '' ? { label: p.label } : {}),
        });
      }
    }
    return undefined;
  });
  return out;
}

function grantsOf(roleId: string, entities: readonly unknown[], notes: Set<string>): RawSubjectGrant[] {
  const call = `GET /api/v2/authorization/roles/${roleId}/subjectgrants`;
  return Check.each(call, entities, (c) => {
    const type = c.str('type');
    if (!SUBJECT_TYPES.includes(type)) {
      notes.add(`grants to subjects of type ${type} are not read (only users, groups and OAuth clients)`);
      return undefined;
    }
    const divisions = c.objects('divisions').map((d, i) => {
      if (typeof d.id !== 'string' || d.id === '') {
        throw new AccessValidationError(`${call} returned a division without an id (divisions/${i})`);
      }
      return { id: d.id, ...(typeof d.name === 'string' && d.name !== '' ? { name: d.name } : {}) };
    });
    const subjectName = c.optStr('name');
    return {
      roleId,
      subjectId: c.str('id'),
      ...(subjectName ? { subjectName } : {}),
      type: type as RawSubjectType,
      divisions,
    };
  });
}

function iso(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function readUsage(
  client: PlatformApiClient,
  days: number,
  options: ReadOrgOptions,
): Promise<NonNullable<LiveOrg['usage']>> {
  const to = options.now ?? new Date();
  const from = new Date(to.getTime() - days * 86400000);
  const interval = `${iso(from)}/${iso(to)}`;
  const started = await client.post('/api/v2/usage/query', {
    interval,
    groupBy: ['OAuthClientId', 'TemplateUri', 'HttpMethod'],
    metrics: ['Requests'],
  });
  if (!isObject(started) || typeof started.executionId !== 'string' || !/^[A-Za-z0-9._-]+$/.test(started.executionId)) {
    throw new AccessValidationError('POST /api/v2/usage/query returned no executionId');
  }
  const path = `/api/v2/usage/query/${started.executionId}/results`;
  const maxPolls = options.maxPolls ?? 150;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let poll = 1; poll <= maxPolls; poll++) {
    const r = await client.get(path);
    if (!isObject(r)) throw new AccessValidationError(`GET ${path} returned ${typeof r}, not a usage result`);
    const status = typeof r.queryStatus === 'string' ? r.queryStatus : '';
    if (status.toLowerCase() === 'complete') {
      const results = r.results ?? [];
      if (!Array.isArray(results)) throw new AccessValidationError(`GET ${path} returned "results" that is not a list`);
      const rows = Check.each(`GET ${path}`, results, (c) => {
        const clientId = c.optStr('clientId');
        const templateUri = c.optStr('templateUri');
        const method = c.optStr('httpMethod');
        if (!clientId || !templateUri || !method) return undefined; // rows not grouped by client (e.g. user logins)
        return { clientId, templateUri, method: method.toUpperCase(), count: c.optInt('requests') ?? 0 };
      });
      return { days, from: iso(from), to: iso(to), rows };
    }
    if (status.toLowerCase() === 'failed') {
      throw new AccessValidationError(
        `the usage query ${started.executionId} failed: take the snapshot without --usage-days, or try again`,
      );
    }
    if (poll < maxPolls) await sleep(options.pollIntervalMs ?? 2000);
  }
  throw new AccessValidationError(
    `the usage query ${started.executionId} did not complete after ${maxPolls} polls: try again, or fewer --usage-days`,
  );
}

/** Reads the org. */
export async function readLiveOrg(client: PlatformApiClient, options: ReadOrgOptions = {}): Promise<LiveOrg> {
  const days = options.usageDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 366)) {
    throw new AccessValidationError(`--usage-days must be a whole number of days from 1 to 366 (got ${days})`);
  }
  const pageSize = options.pageSize ?? 100;
  const notes = new Set<string>();
  let rolesSeen = 0;
  let rolesRead = 0;
  const progress = (): void => options.onProgress?.({ requests: client.stats.requests, roles: rolesSeen, rolesRead });

  const roleGrants: Array<Promise<RawSubjectGrant[]>> = [];
  const roles: RawRole[] = [];
  const rolesDone = client
    .list(
      '/api/v2/authorization/roles',
      {},
      {
        pageSize,
        onPage: (entities) => {
          const page = Check.each('GET /api/v2/authorization/roles', entities, roleOf);
          roles.push(...page);
          rolesSeen += page.length;
          for (const r of page) {
            const path = `/api/v2/authorization/roles/${encodeURIComponent(r.id)}/subjectgrants`;
            const grants = client.list(path, {}, { pageSize }).then((entities) => {
              rolesRead++;
              progress();
              return grantsOf(r.id, entities, notes);
            });
            // Its failure is reported through Promise.all below; until then it must not count as unhandled.
            grants.catch(() => undefined);
            roleGrants.push(grants);
          }
          progress();
        },
      },
    )
    .then(() => Promise.all(roleGrants));

  const all = Promise.all([
    client.get('/api/v2/organizations/me'),
    client.list('/api/v2/authorization/divisions', {}, { pageSize }).then((e) =>
      Check.each('GET /api/v2/authorization/divisions', e, (c) => ({
        id: c.str('id'),
        name: c.str('name'),
        home: c.optBool('homeDivision') === true,
      })),
    ),
    client.list('/api/v2/authorization/permissions', {}, { pageSize }).then(permissionsOf),
    client.cursor('/api/v2/authorization/policies', { pageSize: 200 }, true).then((all) => {
      if (all === undefined) {
        notes.add('the org has no access policies API (404): attribute-based access policies are taken as none');
        return [];
      }
      return Check.each('GET /api/v2/authorization/policies', all, (c) => ({
        id: c.str('id'),
        name: c.optStr('name') ?? c.str('id'),
        effect: c.optStr('effect') ?? 'unknown',
        active: c.optBool('active') === true,
        applyToClients: c.optBool('applyToClients') === true,
      }));
    }),
    client.list('/api/v2/oauth/clients', {}, { pageSize }).then((e) =>
      Check.each('GET /api/v2/oauth/clients', e, (c) => {
        const state = c.optStr('state');
        const ttl = c.optInt('accessTokenValiditySeconds');
        return {
          id: c.str('id'),
          name: c.str('name'),
          grantType: c.str('authorizedGrantType'),
          scopes: c.strings('scope'),
          ...(state !== undefined ? { state } : {}),
          ...(ttl !== undefined ? { accessTokenValiditySeconds: ttl } : {}),
          roleDivisions: c.objects('roleDivisions').map((rd, i) => {
            if (typeof rd.roleId !== 'string' || typeof rd.divisionId !== 'string') {
              throw new AccessValidationError(
                `GET /api/v2/oauth/clients returned a roleDivisions/${i} without roleId and divisionId`,
              );
            }
            return { roleId: rd.roleId, divisionId: rd.divisionId };
          }),
        };
      }),
    ),
    client.list('/api/v2/users', {}, { pageSize }).then((e) =>
      Check.each('GET /api/v2/users', e, (c) => {
        const email = c.optStr('email');
        return { id: c.str('id'), name: c.optStr('name') ?? email ?? c.str('id'), ...(email ? { email } : {}) };
      }),
    ),
    client.list('/api/v2/groups', {}, { pageSize }).then((e) =>
      Check.each('GET /api/v2/groups', e, (c) => {
        const rolesEnabled = c.optBool('rolesEnabled');
        return { id: c.str('id'), name: c.str('name'), ...(rolesEnabled !== undefined ? { rolesEnabled } : {}) };
      }),
    ),
    rolesDone,
    days !== undefined ? readUsage(client, days, options) : Promise.resolve(undefined),
  ]);
  let results: Awaited<typeof all>;
  try {
    results = await all;
  } catch (e) {
    // One call failed: stop the others (no retries in the background), and report this one.
    client.cancel(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
  const [me, divisions, permissions, policies, clients, users, groups, grants, usage] = results;
  progress();
  const org = isObject(me)
    ? {
        ...(typeof me.id === 'string' ? { id: me.id } : {}),
        ...(typeof me.name === 'string' && me.name !== '' ? { name: me.name } : {}),
      }
    : {};
  return {
    org,
    divisions,
    roles,
    grants: grants.flat(),
    permissions,
    policies,
    clients,
    users,
    groups,
    ...(usage ? { usage } : {}),
    notes: [...notes].sort(),
  };
}
