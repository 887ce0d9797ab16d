/**
 * Reads a Terraform configuration in JSON form (the shape of cdk.tf.json and of Terraform's `.tf.json`:
 * `resource.<type>.<name>` bodies, nested blocks as lists, references as `${...}` strings) into the access
 * graph: roles with their permissions, divisions with how they are referenced, principals (OAuth clients,
 * users, groups) and their role × division grants, plus the intent our constructs record in
 * `locals.genesyscloud_access`. Every Terraform form (cdktf, `.tf.json`, HCL, plans, exports) is normalised
 * into this shape by its own source and read here, so they all give the same graph. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import {
  ACCESS_GRAPH_VERSION,
  type AccessGraph,
  type AccessIntent,
  type ClientSecrets,
  type GraphDivision,
  type GraphGrant,
  type GraphGrantWriter,
  type GraphPolicy,
  type GraphPrincipal,
  type GraphResourceType,
  type GraphRole,
  type PrincipalKind,
  type Provenance,
} from '../../access/graph';
import { cmp } from '../../util/compare';
import { readIntent } from './intent';
import { validateDocument } from '../validate-document';
import { isObject, jsonPointer, type Json } from '../../util/json';

/** One name, with an instance key: `qa`, `qa[0]`, `qa["chicago"]`. */
const NAME = String.raw`[A-Za-z0-9_-]+(?:\[(?:\d+|"[^"\]]*")\])?`;
/** A Terraform address: `[module.m.]...[data.]type.name`, names with instance keys. */
const ADDRESS = String.raw`((?:module\.${NAME}\.)*)(data\.)?([A-Za-z0-9_]+)\.(${NAME})`;
const ADDRESS_RE = new RegExp(`^${ADDRESS}$`);
const PLAIN = /^[A-Za-z0-9_-]+$/;
/** A reference to another element's id: `${genesyscloud_auth_role.x.id}`, `${data.genesyscloud_user.y.id}`. */
const REF = new RegExp(String.raw`^\$\{(${ADDRESS})\.id\}$`);

/**
 * The Terraform address of a document entry. Resources of child modules are kept in the document under the
 * name `module.<m>.<name>` (so modules cannot collide); their address is `module.<m>.<type>.<name>`.
 */
export function addressOf(kind: 'resource' | 'data', type: string, name: string): string {
  if (!name.startsWith('module.')) return kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  const m = /^((?:module\.[^.]+\.)+)(.+)$/.exec(name);
  const data = kind === 'data' ? 'data.' : '';
  return m ? `${m[1]}${data}${type}.${m[2]}` : `${data}${type}.${name}`;
}

/** The document entry of a Terraform address (the inverse of {@link addressOf}). */
export function parseAddress(address: string): { kind: 'resource' | 'data'; type: string; name: string } | undefined {
  // The common case, `type.name` or `data.type.name` with plain names, without the full pattern.
  const parts = address.split('.');
  if (parts.length === 2 && PLAIN.test(parts[1])) return { kind: 'resource', type: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] === 'data' && PLAIN.test(parts[2])) {
    return { kind: 'data', type: parts[1], name: parts[2] };
  }
  const m = ADDRESS_RE.exec(address);
  if (!m) return undefined;
  return { kind: m[2] ? 'data' : 'resource', type: m[3], name: `${m[1]}${m[4]}` };
}

/** The home division's name in every org (an org cannot rename it away from the default "Home" by API). */
const HOME_NAME = 'home';

/** Where a resource is written, for provenance: a file and a 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  /** JSON pointer inside the file (JSON forms). */
  readonly pointer?: string;
}

/** Options of {@link readTerraformDocument}. */
export interface ReadDocumentOptions {
  /** The stack or configuration name when the document records none. */
  readonly name?: string;
  /** The file, as the user named it (for messages and provenance). */
  readonly file?: string;
  /**
   * The input format recorded in the graph's source.
   * @default "cdktf"
   */
  readonly format?: string;
  /** Where each resource (by Terraform address) is written, when the source knows (HCL: file and line). */
  readonly locate?: (address: string) => SourceLocation | undefined;
  /**
   * Reject what Terraform rejects in a configuration: a reference to a resource or data source the document does
   * not declare, and an unresolved cdktf token (`${TfToken[TOKEN.1]}`), each one line naming the attribute.
   * @default false (plans and snapshots: their references were checked by Terraform)
   */
  readonly strict?: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const NO_SCOPES: readonly string[] = Object.freeze([]);
const NO_INSTANCES: Json = Object.freeze({});
const NO_BLOCKS: { blocks: Json[]; unresolved: boolean } = Object.freeze({ blocks: [], unresolved: false });
const UNRESOLVED_BLOCKS: { blocks: Json[]; unresolved: boolean } = Object.freeze({ blocks: [], unresolved: true });
const NO_STRINGS: { values: string[]; unresolved: boolean } = Object.freeze({ values: [], unresolved: false });
const UNRESOLVED_STRINGS: { values: string[]; unresolved: boolean } = Object.freeze({ values: [], unresolved: true });

function isUnresolved(v: string): boolean {
  return v.includes('${');
}

/** A Genesys Cloud id: a UUID. */
const ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A cdktf token that never resolved: `${TfToken[TOKEN.1]}`, and its list (`#{`) and map-key (`&{`) forms. */
const TOKEN = /[$#&]\{TfToken\[/;

/** Reads one Terraform JSON document into a graph. Throws an {@link AccessValidationError} naming the bad value. */
export function readTerraformDocument(json: unknown, options: ReadDocumentOptions = {}): AccessGraph {
  const doc = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  validateDocument(doc, options);
  return new DocumentReader(doc, options).graph();
}

class DocumentReader {
  private readonly doc: Json;
  private readonly shown: string;
  private readonly roles = new Map<string, GraphRole>();
  private readonly divisions = new Map<string, GraphDivision>();
  private readonly principals = new Map<string, GraphPrincipal>();
  private readonly grants: GraphGrant[] = [];
  private readonly writers: GraphGrantWriter[] = [];
  private readonly resourceTypes: GraphResourceType[] = [];
  private readonly roleByRef = new Map<string, string>();
  private readonly divisionByRef = new Map<string, GraphDivision>();
  private readonly name: string;
  private readonly strict: boolean;

  constructor(
    doc: unknown,
    private readonly options: ReadDocumentOptions,
  ) {
    this.shown = options.file ?? 'the stack';
    this.strict = options.strict === true;
    if (!isObject(doc)) this.fail('', 'must be a JSON object with resource, data and locals sections');
    this.doc = doc;
    for (const section of ['resource', 'data', 'locals']) {
      const v = doc[section];
      if (v !== undefined && !isObject(v)) this.fail(jsonPointer(section), 'must be an object');
    }
    const meta = isObject(doc['//']) && isObject(doc['//'].metadata) ? doc['//'].metadata : undefined;
    this.name = str(meta?.stackName) ?? options.name ?? 'stack';
  }

  private fail(pointer: string, what: string): never {
    throw new AccessValidationError(`"${this.shown}"${pointer ? ` at ${pointer}` : ''} ${what}`);
  }

  /** Instances of a type in `resource` or `data`, each checked to be an object. */
  private section(kind: 'resource' | 'data', type: string): Array<[string, Json]> {
    const s = this.doc[kind] as Json | undefined;
    const t = s?.[type];
    if (t === undefined) return [];
    // graph() checked every instance is an object before anything reads a section.
    return Object.entries(t as Json) as Array<[string, Json]>;
  }

  /** The instances of a type by name (graph() checked each is an object), or an empty object. */
  private instances(kind: 'resource' | 'data', type: string): Json {
    const t = (this.doc[kind] as Json | undefined)?.[type];
    return isObject(t) ? t : NO_INSTANCES;
  }

  private body(kind: 'resource' | 'data', type: string, name: string): Json | undefined {
    const t = (this.doc[kind] as Json | undefined)?.[type];
    const b = isObject(t) ? t[name] : undefined;
    return isObject(b) ? b : undefined;
  }

  /**
   * The provenance of a resource or data source: its address and construct path. The JSON pointer is
   * `/resource/<type>/<name>` (or `/data/...`), derived from the address; the file is the graph's source.
   */
  private provenance(kind: 'resource' | 'data', type: string, name: string, body: Json | undefined): Provenance {
    const address = addressOf(kind, type, name);
    const tag = body?.['//'];
    const meta = tag !== undefined && isObject(tag) && isObject(tag.metadata) ? tag.metadata : undefined;
    const path = meta ? str(meta.path) : undefined;
    const at = this.options.locate?.(address);
    if (at) {
      return {
        address,
        ...(path !== undefined ? { constructPath: path } : {}),
        file: at.file,
        ...(at.pointer !== undefined ? { pointer: at.pointer } : {}),
        ...(at.line !== undefined ? { line: at.line } : {}),
      };
    }
    // One object shape per case (no spread), which keeps large inputs fast.
    return path !== undefined ? { address, constructPath: path } : { address };
  }

  /** A string attribute, or a one-line error naming it when it has another type. */
  private optString(v: unknown, pointer: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') this.fail(pointer, `must be a string, not ${describe(v)}`);
    if (this.strict && v.includes('TfToken[')) this.token(v, pointer);
    return v;
  }

  /**
   * Fails naming the file (and line) the resource at `pointer` is written in, when the source knows it (an HCL
   * module, a stack's other files), else the input: the pointer alone would point into the merged document.
   */
  private failAt(pointer: string, what: string): never {
    const m = /^\/(resource|data)\/([^/]+)\/([^/]+)/.exec(pointer);
    const unescape = (t: string): string => t.replace(/~1/g, '/').replace(/~0/g, '~');
    const at = m
      ? this.options.locate?.(addressOf(m[1] as 'resource' | 'data', unescape(m[2]), unescape(m[3])))
      : undefined;
    if (!at) this.fail(pointer, what);
    const file = at.line !== undefined ? `${at.file}:${at.line}` : at.file;
    throw new AccessValidationError(`"${file}" at ${pointer} ${what}`);
  }

  /** Fails on an unresolved cdktf token in `v` (Terraform rejects the configuration). */
  private token(v: string, pointer: string | (() => string)): void {
    if (!TOKEN.test(v)) return;
    this.failAt(
      typeof pointer === 'string' ? pointer : pointer(),
      'holds an unresolved cdktf token (TfToken[...]), which Terraform rejects: pass the value through cdktf (Token.asString, Fn.*) instead of building the string yourself, then synth again',
    );
  }

  /** Fails on a reference to a resource or data source the document does not declare. */
  private undeclared(address: string, pointer: string | (() => string)): void {
    if (!this.strict || address.includes('[?]')) return;
    const t = parseAddress(address);
    if (!t) return;
    const kind = t.kind === 'data' ? 'data' : 'resource';
    const byName = (this.doc[kind] as Json | undefined)?.[t.type];
    if (isObject(byName) && Object.prototype.hasOwnProperty.call(byName, t.name)) return;
    // A resource whose count or for_each is not known is one node: its instances cannot be checked.
    const base = t.name.replace(/\[[^\]]*\]$/, '');
    if (base !== t.name && isObject(byName) && Object.prototype.hasOwnProperty.call(byName, base)) return;
    this.failAt(
      typeof pointer === 'string' ? pointer : pointer(),
      `refers to ${address}, which this configuration does not declare: Terraform rejects it (Reference to undeclared ${kind === 'data' ? 'data source' : 'resource'}); declare it or fix the name`,
    );
  }

  private stringList(v: unknown, pointer: string | (() => string)): { values: string[]; unresolved: boolean } {
    const at = (): string => (typeof pointer === 'string' ? pointer : pointer());
    if (v === undefined || v === null) return NO_STRINGS;
    if (typeof v === 'string') {
      if (this.strict && v.includes('TfToken[')) this.token(v, at);
      if (isUnresolved(v)) return UNRESOLVED_STRINGS;
      this.fail(at(), `must be a list of strings, not a string`);
    }
    if (!Array.isArray(v)) this.fail(at(), `must be a list of strings, not ${describe(v)}`);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'string') this.fail(`${at()}/${i}`, `must be a string, not ${describe(x)}`);
      if (this.strict && x.includes('TfToken[')) this.token(x, () => `${at()}/${i}`);
    }
    return { values: v as string[], unresolved: false };
  }

  /** A list of blocks; `unresolved` when the list is an expression. */
  private blocks(v: unknown, pointer: string): { blocks: Array<[Json, string]>; unresolved: boolean } {
    const { blocks, unresolved } = this.blockList(v, () => pointer);
    return { blocks: blocks.map((b, i) => [b, Array.isArray(v) ? `${pointer}/${i}` : pointer]), unresolved };
  }

  /** {@link blocks} without pointers: the pointer is made only for an error (large inputs stay fast). */
  private blockList(v: unknown, pointer: () => string): { blocks: Json[]; unresolved: boolean } {
    if (v === undefined || v === null) return NO_BLOCKS;
    if (typeof v === 'string' && isUnresolved(v)) return UNRESOLVED_BLOCKS;
    const list = Array.isArray(v) ? v : [v];
    for (let i = 0; i < list.length; i++) {
      const b: unknown = list[i];
      if (!isObject(b))
        this.fail(Array.isArray(v) ? `${pointer()}/${i}` : pointer(), `must be an object, not ${describe(b)}`);
    }
    return { blocks: list as Json[], unresolved: false };
  }

  private dynamicOf(body: Json, block: string, pointer: string): string | undefined {
    const d = body.dynamic;
    if (!isObject(d) || d[block] === undefined) return undefined;
    const entry = d[block];
    // One block (cdktf writes an object) or several (a list): show the first one's for_each.
    const first: unknown = Array.isArray(entry) ? entry[0] : entry;
    const forEach = isObject(first) ? first.for_each : undefined;
    const shown = typeof forEach === 'string' ? forEach : JSON.stringify(forEach ?? null);
    return `a dynamic "${block}" block (${pointer}/dynamic/${block}, for_each ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}) is not expanded`;
  }

  graph(): AccessGraph {
    for (const kind of ['resource', 'data'] as const) {
      const s = this.doc[kind] as Json | undefined;
      const mode = kind === 'data' ? 'data' : 'managed';
      for (const type in s) {
        const t = s[type];
        if (!isObject(t)) this.fail(jsonPointer(kind, type), 'must be an object of named instances');
        let count = 0;
        for (const name in t) {
          if (!isObject(t[name])) this.fail(jsonPointer(kind, type, name), 'must be an object');
          count++;
        }
        this.resourceTypes.push({ mode, type, count });
      }
    }
    for (const [name, body] of this.section('resource', 'genesyscloud_auth_role')) this.readRole(name, body);
    this.readClients();
    this.readSubjects();
    const intent = this.readIntent();
    const byKey = <T extends { key: string }>(m: Map<string, T>): T[] =>
      [...m.values()].sort((a, b) => cmp(a.key, b.key));
    return {
      version: ACCESS_GRAPH_VERSION,
      source: {
        format: this.options.format ?? 'cdktf',
        name: this.name,
        ...(this.options.file ? { file: this.options.file } : {}),
      },
      divisions: byKey(this.divisions),
      roles: byKey(this.roles),
      principals: byKey(this.principals),
      grants: this.grants,
      grantWriters: this.writers.sort((a, b) => cmp(a.key, b.key)),
      resourceTypes: this.resourceTypes.sort((a, b) => cmp(a.mode, b.mode) || cmp(a.type, b.type)),
      ...(intent ? { intent } : {}),
    };
  }

  private readIntent(): AccessIntent | undefined {
    const locals = this.doc.locals as Json | undefined;
    if (!locals || locals.genesyscloud_access === undefined) return undefined;
    return readIntent(locals.genesyscloud_access, this.shown);
  }

  private readRole(name: string, body: Json): void {
    const address = addressOf('resource', 'genesyscloud_auth_role', name);
    const base = jsonPointer('resource', 'genesyscloud_auth_role', name);
    const { blocks, unresolved } = this.blocks(body.permission_policies, `${base}/permission_policies`);
    const policies: GraphPolicy[] = blocks.map(([p, ptr]) => {
      const domain = this.optString(p.domain, `${ptr}/domain`) ?? '';
      const entity = this.optString(p.entity_name, `${ptr}/entity_name`) ?? '';
      const actions = this.stringList(p.action_set, `${ptr}/action_set`).values;
      const conditions =
        p.conditions !== undefined &&
        p.conditions !== null &&
        !(Array.isArray(p.conditions) && p.conditions.length === 0);
      return { domain, entity, actions: [...actions].sort(cmp), conditions };
    });
    const general = this.stringList(body.permissions, `${base}/permissions`);
    const defaultRoleId = this.optString(body.default_role_id, `${base}/default_role_id`);
    const reasons = [
      unknownInstances(body),
      unresolved ? `its permission_policies (${base}/permission_policies) are an expression` : undefined,
      general.unresolved ? `its permissions (${base}/permissions) are an expression` : undefined,
      this.dynamicOf(body, 'permission_policies', base),
      policies.some((p) => isUnresolved(p.domain) || isUnresolved(p.entity) || p.actions.some(isUnresolved))
        ? `a policy of it is an unresolved expression`
        : undefined,
      defaultRoleId !== undefined && policies.length === 0 && general.values.length === 0
        ? `it adopts the built-in role "${defaultRoleId}" (default_role_id) and lists no permissions of its own`
        : undefined,
    ].filter((x): x is string => x !== undefined);
    const permissions = [
      ...new Set(policies.flatMap((p) => p.actions.map((a) => `${p.domain}:${p.entity}:${a}`))),
    ].sort(cmp);
    this.roles.set(address, {
      key: address,
      name: this.optString(body.name, `${base}/name`) ?? address,
      origin: 'managed',
      permissions,
      policies,
      generalPermissions: [...general.values].sort(cmp),
      ...(defaultRoleId !== undefined ? { defaultRoleId } : {}),
      complete: reasons.length === 0,
      ...(reasons.length ? { incompleteReason: reasons.join('; ') } : {}),
      provenance: this.provenance('resource', 'genesyscloud_auth_role', name, body),
    });
  }

  private role(ref: string, pointer: () => string): string {
    const hit = this.roleByRef.get(ref);
    if (hit) return hit;
    if (this.strict) {
      if (ref.includes('TfToken[')) this.token(ref, pointer);
      const m = REF.exec(ref);
      if (m) this.undeclared(m[1], pointer);
      if (ref === '') {
        this.failAt(
          pointer(),
          'is missing or empty, which Terraform rejects (role_id is required): set it to ${genesyscloud_auth_role.<name>.id} or a role id',
        );
      }
      if (!isUnresolved(ref) && !ID.test(ref)) {
        this.failAt(
          pointer(),
          'is neither a reference nor a role id: write ${genesyscloud_auth_role.<name>.id} (a reference needs ${...}) or the role id (a UUID)',
        );
      }
    }
    const key = this.resolveRole(ref);
    this.roleByRef.set(ref, key);
    return key;
  }

  private resolveRole(ref: string): string {
    const m = REF.exec(ref);
    if (m && this.roles.has(m[1])) return m[1];
    const target = m ? parseAddress(m[1]) : undefined;
    if (m && target?.kind === 'data' && target.type === 'genesyscloud_auth_role') {
      const dataName = target.name;
      const body = this.body('data', 'genesyscloud_auth_role', dataName);
      this.roles.set(m[1], {
        key: m[1],
        name: str(body?.name) ?? m[1],
        origin: 'data',
        permissions: [],
        policies: [],
        generalPermissions: [],
        complete: false,
        incompleteReason: `looked up by ${m[1]}`,
        provenance: this.provenance('data', 'genesyscloud_auth_role', dataName, body),
      });
      return m[1];
    }
    const unresolved = ref === '' || isUnresolved(ref);
    const key = m ? m[1] : unresolved ? `role:${ref === '' ? '(empty)' : ref}` : `role:${ref}`;
    if (!this.roles.has(key)) {
      this.roles.set(key, {
        key,
        name: m ? m[1] : ref === '' ? '(empty role_id)' : ref,
        origin: m || unresolved ? 'unresolved' : 'id',
        permissions: [],
        policies: [],
        generalPermissions: [],
        complete: false,
        incompleteReason:
          m || unresolved
            ? `role_id ${JSON.stringify(ref)} does not resolve to a role in this input`
            : `referenced by the literal id ${ref}`,
        ...(m || unresolved ? {} : { provenance: { genesysId: ref } }),
      });
    }
    return key;
  }

  private division(v: unknown, pointer: string | (() => string)): { key: string; implicitHome: boolean } {
    if (v === undefined || v === null || v === '') {
      this.ensureHome();
      return { key: 'home', implicitHome: true };
    }
    if (typeof v !== 'string') {
      this.fail(typeof pointer === 'string' ? pointer : pointer(), `must be a division id string, not ${describe(v)}`);
    }
    let d = this.divisionByRef.get(v);
    if (!d) {
      if (this.strict && pointer !== '') {
        if (v.includes('TfToken[')) this.token(v, pointer);
        const m = REF.exec(v);
        if (m) this.undeclared(m[1], pointer);
      }
      d = this.resolveDivision(v);
      this.divisionByRef.set(v, d);
      const prior = this.divisions.get(d.key);
      if (!prior || (prior.kind === 'home' && prior.provenance === undefined)) this.divisions.set(d.key, d);
    }
    return { key: d.key, implicitHome: false };
  }

  private ensureHome(): void {
    if (!this.divisions.has('home')) this.divisions.set('home', { key: 'home', kind: 'home', name: 'home', ref: '' });
  }

  private resolveDivision(id: string): GraphDivision {
    if (id === '*') return { key: '*', kind: 'all', ref: id };
    const m = REF.exec(id);
    if (!m)
      return isUnresolved(id)
        ? { key: id, kind: 'unresolved', ref: id }
        : { key: id, kind: 'id', ref: id, provenance: { genesysId: id } };
    const address = m[1];
    const parsed = parseAddress(address)!;
    const [a, b, c]: [string, string, string] =
      parsed.kind === 'data' ? ['data', parsed.type, parsed.name] : [parsed.type, parsed.name, ''];
    if (a === 'data' && b === 'genesyscloud_auth_division_home') {
      return {
        key: 'home',
        kind: 'home',
        name: 'home',
        ref: id,
        provenance: this.provenance('data', b, c, this.body('data', b, c)),
      };
    }
    if (a === 'data' && b === 'genesyscloud_auth_division') {
      const body = this.body('data', b, c);
      const name = str(body?.name);
      const provenance = this.provenance('data', b, c, body);
      // The home division is named "Home": a lookup by that name finds it.
      if (name !== undefined && name.trim().toLowerCase() === HOME_NAME) {
        return { key: 'home', kind: 'home', name, ref: id, provenance };
      }
      return { key: address, kind: 'lookup', ...(name !== undefined ? { name } : {}), ref: id, provenance };
    }
    if (a === 'genesyscloud_auth_division') {
      const body = this.body('resource', a, b);
      const name = str(body?.name);
      const provenance = this.provenance('resource', a, b, body);
      if (body?.home === true || body?.home === 'true')
        return { key: 'home', kind: 'home', ...(name ? { name } : {}), ref: id, provenance };
      return { key: address, kind: 'managed', ...(name !== undefined ? { name } : {}), ref: id, provenance };
    }
    return { key: id, kind: 'unresolved', ref: id };
  }

  private addPrincipal(p: GraphPrincipal): GraphPrincipal {
    const hit = this.principals.get(p.key);
    if (hit) return hit;
    this.principals.set(p.key, p);
    return p;
  }

  private readClients(): void {
    const type = 'genesyscloud_oauth_client';
    const clients = this.instances('resource', type);
    for (const name in clients) {
      const body = clients[name] as Json;
      const key = addressOf('resource', type, name);
      const base = jsonPointer('resource', type, name);
      const scopes = this.stringList(body.scopes, `${base}/scopes`);
      const { blocks, unresolved } = this.blocks(body.roles, `${base}/roles`);
      const dynamic = this.dynamicOf(body, 'roles', base);
      const incomplete = [
        unknownInstances(body),
        unresolved ? `its roles (${base}/roles) are an expression` : undefined,
        dynamic,
        scopes.unresolved ? `its scopes (${base}/scopes) are an expression` : undefined,
      ].filter((x): x is string => x !== undefined);
      const secrets: ClientSecrets = {
        ...(body.expose_client_secret === true || body.expose_client_secret === 'true' ? { exposed: true } : {}),
        ...(typeof body.directory_client_secret === 'string' && body.directory_client_secret !== ''
          ? { directory: body.directory_client_secret }
          : body.directory_client_secret !== undefined &&
              body.directory_client_secret !== null &&
              body.directory_client_secret !== ''
            ? this.fail(
                `${base}/directory_client_secret`,
                `must be a string, not ${describe(body.directory_client_secret)}`,
              )
            : {}),
        ...(body.client_secret !== undefined && body.client_secret !== null && body.client_secret !== ''
          ? { inConfig: true }
          : {}),
      };
      const ttl = literalNumber(body.access_token_validity_seconds);
      const grantType = this.optString(body.authorized_grant_type, `${base}/authorized_grant_type`);
      const state = this.optString(body.state, `${base}/state`);
      this.addPrincipal({
        key,
        kind: 'oauth-client',
        name: this.optString(body.name, `${base}/name`) ?? key,
        defined: true,
        ...(grantType !== undefined ? { grantType } : {}),
        scopes: [...scopes.values].sort(cmp),
        ...(state !== undefined ? { state } : {}),
        ...(ttl !== undefined ? { accessTokenValiditySeconds: ttl } : {}),
        secrets,
        ...(body.integration_credential_name !== undefined ? { integrationCredential: true } : {}),
        grantsComplete: incomplete.length === 0,
        ...(incomplete.length ? { grantsIncompleteReason: incomplete.join('; ') } : {}),
        provenance: this.provenance('resource', type, name, body),
      });
      this.writers.push({
        key,
        type: 'oauth-client',
        principal: key,
        roleEntries: blocks.length,
        provenance: this.provenance('resource', type, name, body),
      });
      for (const [r, ptr] of blocks) {
        const roleRef = this.optString(r.role_id, `${ptr}/role_id`) ?? '';
        const division = this.division(r.division_id, `${ptr}/division_id`);
        this.grants.push({
          principal: key,
          role: this.role(roleRef, () => `${ptr}/role_id`),
          division: division.key,
          ...(division.implicitHome ? { implicitHome: true } : {}),
          writer: key,
        });
      }
    }
  }

  private readSubjects(): void {
    for (const [type, kind, subjectKey, writerType] of [
      ['genesyscloud_user_roles', 'user', 'user_id', 'user-roles'],
      ['genesyscloud_group_roles', 'group', 'group_id', 'group-roles'],
    ] as const) {
      const writers = this.instances('resource', type);
      for (const name in writers) {
        const body = writers[name] as Json;
        const writer = addressOf('resource', type, name);
        const base = (): string => jsonPointer('resource', type, name);
        const ref = body[subjectKey];
        if (this.strict && typeof ref === 'string') {
          if (ref.includes('TfToken[')) this.token(ref, () => `${base()}/${subjectKey}`);
          const m = REF.exec(ref);
          if (m) this.undeclared(m[1], () => `${base()}/${subjectKey}`);
        }
        const subject = this.subject(
          kind,
          typeof ref === 'string' ? ref : (this.optString(ref, `${base()}/${subjectKey}`) ?? ''),
        );
        const { blocks, unresolved } = this.blockList(body.roles, () => `${base()}/roles`);
        const dynamic =
          unknownInstances(body) ?? (body.dynamic === undefined ? undefined : this.dynamicOf(body, 'roles', base()));
        if (unresolved || dynamic) {
          this.principals.set(subject.key, {
            ...subject,
            grantsComplete: false,
            grantsIncompleteReason: [
              subject.grantsIncompleteReason,
              unresolved ? `the roles of ${writer} are an expression` : dynamic,
            ]
              .filter(Boolean)
              .join('; '),
          });
        }
        this.writers.push({
          key: writer,
          type: writerType,
          principal: subject.key,
          roleEntries: dynamic ? Math.max(1, blocks.length) : blocks.length,
          provenance: this.provenance('resource', type, name, body),
        });
        for (let b = 0; b < blocks.length; b++) {
          const r = blocks[b];
          const ptr = (): string => `${base()}/roles${Array.isArray(body.roles) ? `/${b}` : ''}`;
          const rid = r.role_id;
          const role = this.role(
            typeof rid === 'string' ? rid : (this.optString(rid, `${ptr()}/role_id`) ?? ''),
            () => `${ptr()}/role_id`,
          );
          const ids = this.stringList(r.division_ids, () => `${ptr()}/division_ids`);
          if (ids.unresolved) {
            const d = this.division(`\${${writer}.roles.division_ids}`, '');
            this.grants.push({ principal: subject.key, role, division: d.key, writer });
            continue;
          }
          if (ids.values.length === 0) {
            const d = this.division(undefined, '');
            this.grants.push({ principal: subject.key, role, division: d.key, implicitHome: true, writer });
          }
          for (const v of ids.values) {
            // A list entry is a string (checked above); only "" means the implicit home.
            const d = this.division(v, () => `${ptr()}/division_ids`);
            this.grants.push(
              d.implicitHome
                ? { principal: subject.key, role, division: d.key, implicitHome: true, writer }
                : { principal: subject.key, role, division: d.key, writer },
            );
          }
        }
      }
    }
    // Users and groups defined without grants are principals too (holding nothing).
    for (const [type, kind] of [
      ['genesyscloud_user', 'user'],
      ['genesyscloud_group', 'group'],
    ] as const) {
      for (const name in this.instances('resource', type)) this.subject(kind, `\${${type}.${name}.id}`);
    }
  }

  private subject(kind: 'user' | 'group', ref: string): GraphPrincipal {
    const m = REF.exec(ref);
    if (!m) {
      return this.addPrincipal({
        key: `${kind}:${ref}`,
        kind: kind as PrincipalKind,
        name: ref,
        defined: false,
        scopes: [],
        grantsComplete: true,
        ...(ref && !isUnresolved(ref) ? { provenance: { genesysId: ref } } : {}),
      });
    }
    const address = m[1];
    const hit = this.principals.get(address);
    if (hit) return hit;
    const parsed = parseAddress(address)!;
    const isData = parsed.kind === 'data';
    const type = parsed.type;
    const name = parsed.name;
    const body = this.body(isData ? 'data' : 'resource', type, name);
    const base = (): string => jsonPointer(isData ? 'data' : 'resource', type, name);
    let rolesEnabled: boolean | string | undefined;
    if (kind === 'group' && body && body.roles_enabled !== undefined && body.roles_enabled !== null) {
      const v = body.roles_enabled;
      if (v === true || v === 'true') rolesEnabled = true;
      else if (v === false || v === 'false') rolesEnabled = false;
      else if (typeof v === 'string' && isUnresolved(v)) rolesEnabled = v;
      else this.fail(`${base()}/roles_enabled`, `must be a boolean, not ${describe(v)}`);
    }
    const p: GraphPrincipal = {
      key: address,
      kind,
      name: str(body?.name) ?? str(body?.email) ?? address,
      defined: !isData && body !== undefined,
      scopes: NO_SCOPES,
      grantsComplete: true,
      provenance: this.provenance(isData ? 'data' : 'resource', type, name, body),
    };
    return this.addPrincipal(rolesEnabled !== undefined ? { ...p, rolesEnabled } : p);
  }
}

/**
 * Why a resource's instances are not known: its count or for_each is not static (the configuration reader
 * marks the body, keeping the expression and its location), or cdk.tf.json carries a count or for_each.
 */
function unknownInstances(body: Json): string | undefined {
  const tag = body['//'];
  const marked = isObject(tag) && typeof tag.unknownInstances === 'string' ? tag.unknownInstances : undefined;
  if (marked) return `its instances are not known statically: ${marked}`;
  if (body.count !== undefined) return `it has count = ${JSON.stringify(body.count)}: each instance repeats its grants`;
  if (body.for_each !== undefined) {
    return `it has for_each = ${JSON.stringify(body.for_each).slice(0, 80)}: each instance repeats its grants`;
  }
  return undefined;
}

/** A literal number, or undefined for tokens and absent values. */
export function literalNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !v.includes('${') && !isNaN(Number(v))) return Number(v);
  return undefined;
}

/** A short description of a JSON value's type, never its content. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}
