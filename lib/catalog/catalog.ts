import { AccessValidationError, didYouMean } from '../errors';
import { catalogTables, pathSegments, shapeKey } from './catalog-data';
import { rankBySimilarity, similarity, tokenize } from './similarity';
import type { HttpMethod, Misconception, Operation, Permission, Scope } from './types';

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** A parsed operation reference: `GET /api/v2/...`, a full URL, or an operation id. */
interface OperationRef {
  readonly method?: HttpMethod;
  readonly path?: string;
  readonly operationId?: string;
}

function parseRef(ref: string): OperationRef {
  const text = ref.trim();
  const m = /^([A-Za-z]+)\s+(\S+)$/.exec(text);
  if (m && METHODS.has(m[1].toUpperCase())) return { method: m[1].toUpperCase() as HttpMethod, path: cleanPath(m[2]) };
  if (text.includes('/')) return { path: cleanPath(text) };
  return { operationId: text };
}

/** Strips scheme, host and query string: `https://api.mypurecloud.com/api/v2/x?y=1` → `/api/v2/x`. */
function cleanPath(p: string): string {
  let s = p.replace(/^[a-z]+:\/\/[^/]+/i, '');
  s = s.replace(/[?#].*$/, '');
  if (!s.startsWith('/')) s = '/' + s;
  return s.replace(/\/+$/, '') || '/';
}

/** Template placeholders normalised: `/a/{x}/b` → `/a/{}/b`. */
function normaliseTemplate(p: string): string {
  return p.replace(/\{[^}]*\}/g, '{}');
}

function matchConcrete(method: HttpMethod, path: string): Operation | undefined {
  const t = catalogTables();
  const segs = pathSegments(path);
  const candidates = t.byShape.get(shapeKey(method, segs.length)) ?? [];
  let best: Operation | undefined;
  let bestLiterals = -1;
  for (const op of candidates) {
    const tsegs = pathSegments(op.path);
    let literals = 0;
    let ok = true;
    for (let i = 0; i < segs.length && ok; i++) {
      const ts = tsegs[i];
      const qs = segs[i];
      if (ts.startsWith('{')) continue;
      if (qs.startsWith('{') || ts.toLowerCase() !== qs.toLowerCase()) ok = false;
      else literals++;
    }
    if (ok && literals > bestLiterals) {
      best = op;
      bestLiterals = literals;
    }
  }
  return best;
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Did-you-mean explanations already made, by name: a hostile input repeats one invented name thousands of times. */
const explainedPermissions = new Map<string, string>();
const explainedScopes = new Map<string, string>();
const REMEMBERED = 1000;

function remembered(cache: Map<string, string>, name: string, make: () => string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const made = make();
  if (cache.size >= REMEMBERED) cache.clear();
  cache.set(name, made);
  return made;
}

/**
 * The pinned Genesys Cloud Platform API catalog: operations with their ANY/ALL permissions and scopes, every
 * permission and every scope. Lookups are exact; the `suggest*` and `explain*` methods give did-you-mean help.
 *
 * @example
 * Catalog.operation('GET /api/v2/conversations/abc-123/recordings')?.anyOf
 * // ['recording:recording:view', 'recording:recordingSegment:view', ...]
 */
export class Catalog {
  /**
   * Finds an operation by `METHOD /path/{template}`, by `METHOD /concrete/path` (ids in place of
   * placeholders, host and query string ignored), or by operation id. Returns `undefined` when none matches.
   */
  public static operation(ref: string): Operation | undefined {
    const t = catalogTables();
    const r = parseRef(ref);
    if (r.operationId) return t.byId.get(r.operationId);
    if (!r.method || !r.path) return undefined;
    const exact = t.byKey.get(`${r.method} ${r.path}`);
    if (exact) return exact;
    return matchConcrete(r.method, r.path);
  }

  /** Like {@link Catalog.operation}, but throws a one-line error naming the nearest real operations. */
  public static requireOperation(ref: string): Operation {
    const op = Catalog.operation(ref);
    if (op) return op;
    throw new AccessValidationError(Catalog.explainUnknownOperation(ref));
  }

  /** Every operation, in operation-id order. */
  public static operations(): readonly Operation[] {
    return catalogTables().operations;
  }

  /** The operations whose docs list `permission` (ANY-of or ALL-of). */
  public static operationsListing(permission: string): readonly Operation[] {
    return catalogTables().operationsByPermission.get(permission) ?? [];
  }

  /** True if `s` is a `domain:entity:action` permission of the catalog. */
  public static isPermission(s: string): s is Permission {
    return catalogTables().permissions.has(s);
  }

  /** True if `s` is a non-standard "general" permission name the catalog lists (e.g. `admin`). */
  public static isGeneralPermission(s: string): boolean {
    return catalogTables().generalPermissions.has(s);
  }

  /** True if `s` is an OAuth scope of the catalog. */
  public static isScope(s: string): s is Scope {
    return catalogTables().scopes.has(s);
  }

  /** True for `X:readonly` scopes (accepted by read operations only). */
  public static isReadonlyScope(s: string): boolean {
    return catalogTables().scopes.get(s)?.readonly ?? false;
  }

  /** Every permission, sorted. */
  public static permissions(): readonly Permission[] {
    return [...catalogTables().permissions] as Permission[];
  }

  /** Every scope, sorted. */
  public static scopes(): readonly Scope[] {
    return [...catalogTables().scopes.keys()] as Scope[];
  }

  /** The actions the catalog knows for `domain:entity` (empty if the pair is unknown). */
  public static actionsOf(domain: string, entity: string): readonly string[] {
    return catalogTables().entities.get(`${domain}:${entity}`) ?? [];
  }

  /** The recorded explanation when `name` is a known invented permission, scope, operation or resource. */
  public static misconception(
    kind: 'permission' | 'scope' | 'operation' | 'resource',
    name: string,
  ): Misconception | undefined {
    const m = catalogTables().misconceptions;
    switch (kind) {
      case 'permission':
        return m.permissions[name];
      case 'scope':
        return m.scopes[name];
      case 'resource':
        return m.resources[name];
      case 'operation': {
        const r = parseRef(name);
        return r.method && r.path ? m.operations[`${r.method} ${normaliseTemplate(r.path)}`] : undefined;
      }
    }
  }

  /**
   * Real permissions close to `name`: the documented replacement for a known invention, a case fix, the
   * actions of the same `domain:entity`, then fuzzy matches.
   */
  public static suggestPermissions(name: string, limit = 5): Permission[] {
    const t = catalogTables();
    const out: string[] = [...(Catalog.misconception('permission', name)?.use ?? [])];
    const lower = name.toLowerCase();
    for (const p of t.permissions) if (p.toLowerCase() === lower) out.push(p);
    const [d, e] = name.split(':');
    if (d && e) {
      const entityKey = [...t.entities.keys()].find((k) => k.toLowerCase() === `${d}:${e}`.toLowerCase());
      if (entityKey) {
        const actions = t.entities.get(entityKey)!;
        out.push(
          ...rankBySimilarity(
            name,
            actions.map((a) => `${entityKey}:${a}`),
            limit,
            0,
          ),
        );
      }
    }
    out.push(...rankBySimilarity(name, t.permissions, limit));
    return uniq(out).slice(0, limit) as Permission[];
  }

  /** Real scopes close to `name`. */
  public static suggestScopes(name: string, limit = 3): Scope[] {
    const t = catalogTables();
    const out: string[] = [...(Catalog.misconception('scope', name)?.use ?? [])];
    for (const s of t.scopes.keys()) if (s.toLowerCase() === name.toLowerCase()) out.push(s);
    out.push(...rankBySimilarity(name, t.scopes.keys(), limit));
    return uniq(out).slice(0, limit) as Scope[];
  }

  /** Real operations nearest to `ref` (a documented replacement first, then by path similarity and method). */
  public static suggestOperations(ref: string, limit = 5): Operation[] {
    const t = catalogTables();
    const out: Operation[] = [];
    for (const id of Catalog.misconception('operation', ref)?.use ?? []) out.push(t.byId.get(id)!);
    const r = parseRef(ref);
    if (r.operationId) {
      for (const id of rankBySimilarity(r.operationId, t.byId.keys(), limit)) out.push(t.byId.get(id)!);
      return uniq(out).slice(0, limit);
    }
    const query = normaliseTemplate(r.path ?? '').replace(/^\/api\/v2/, '');
    const qt = tokenize(query);
    const scored: Array<[Operation, number]> = [];
    const samePath = normaliseTemplate(r.path ?? '');
    for (const op of t.operations) {
      let s = similarity(query, normaliseTemplate(op.path).replace(/^\/api\/v2/, ''), qt);
      if (normaliseTemplate(op.path) === samePath) s += 0.3; // right path, wrong method
      if (r.method && op.method !== r.method) s *= 0.85;
      if (op.deprecated) s *= 0.95;
      if (s >= 0.3) scored.push([op, s]);
    }
    scored.sort((a, b) => b[1] - a[1] || (a[0].key < b[0].key ? -1 : a[0].key > b[0].key ? 1 : 0));
    out.push(...scored.slice(0, limit).map(([op]) => op));
    return uniq(out).slice(0, limit);
  }

  /** One line: why `name` is not a permission, and the nearest real ones (remembered: inputs repeat names). */
  public static explainUnknownPermission(name: string): string {
    return remembered(explainedPermissions, name, () => Catalog.explainPermissionAfresh(name));
  }

  private static explainPermissionAfresh(name: string): string {
    const myth = Catalog.misconception('permission', name);
    if (Catalog.isGeneralPermission(name)) {
      return `"${name}" is a general role permission, not a domain:entity:action permission policy: set it in the role's permissions, not permission_policies.`;
    }
    const shape = name.split(':').length === 3 ? '' : ' (permissions are domain:entity:action)';
    const why = myth ? `: ${myth.explanation}.` : ` is not in the Genesys Cloud permission catalog${shape}.`;
    return `unknown permission "${name}"${why}${didYouMean(Catalog.suggestPermissions(name))}`;
  }

  /** One line: why `name` is not a scope, and the nearest real ones (remembered: inputs repeat names). */
  public static explainUnknownScope(name: string): string {
    return remembered(explainedScopes, name, () => Catalog.explainScopeAfresh(name));
  }

  private static explainScopeAfresh(name: string): string {
    const myth = Catalog.misconception('scope', name);
    const why = myth ? `: ${myth.explanation}.` : ' is not in the Genesys Cloud OAuth scope catalog.';
    return `unknown OAuth scope "${name}"${why}${didYouMean(Catalog.suggestScopes(name))}`;
  }

  /** One line: why `ref` is not an operation, and the nearest real ones. */
  public static explainUnknownOperation(ref: string): string {
    const myth = Catalog.misconception('operation', ref);
    const why = myth ? `: ${myth.explanation}.` : ' is not a Genesys Cloud Platform API operation.';
    return `unknown operation "${ref.trim()}"${why}${didYouMean(Catalog.suggestOperations(ref).map((o) => o.key))}`;
  }

  /** Returns `name` typed as a permission, or throws a one-line error with suggestions. */
  public static requirePermission(name: string): Permission {
    if (Catalog.isPermission(name)) return name;
    throw new AccessValidationError(Catalog.explainUnknownPermission(name));
  }

  /** Returns `name` typed as a scope, or throws a one-line error with suggestions. */
  public static requireScope(name: string): Scope {
    if (Catalog.isScope(name)) return name;
    throw new AccessValidationError(Catalog.explainUnknownScope(name));
  }

  private constructor() {}
}
