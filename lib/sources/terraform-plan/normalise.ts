/**
 * One side of a plan (prior state: what holds now; planned values: what holds after apply) normalised into the
 * Terraform JSON document that lib/sources/terraform/document.ts reads: `resource.<type>.<name>` bodies with
 * nested blocks as lists and grants written as `${type.name.id}` references.
 *
 * A plan writes ids, not references: an id that belongs to an instance of the plan becomes a reference to it
 * (./ids). A value unknown until apply (`after_unknown`) is resolved through the configuration (./configuration):
 * a role created by the same plan, a division looked up by a data source. What cannot be resolved stays an
 * unresolved `${...}` expression, so the evaluator answers unknown. A role entry whose configuration gives no
 * division is the implicit home division, whatever id the provider computed for it. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import type { ConfigModule, Resolution, Scope } from './configuration';
import { Resolver } from './configuration';
import { type IdIndex, type IdKind, idKindOf } from './ids';
import type { PlanInstance } from './instances';
import { attributesOf } from './attributes';
import type { Namer } from './names';
import { kindOf } from './plan-file';
import { isObject, type Json } from '../../util/json';

/** One side of the plan. */
export interface PlanSide {
  readonly managed: readonly PlanInstance[];
  /** Data sources (read during planning, or deferred to apply). */
  readonly data: readonly PlanInstance[];
  /** How many resources of the types only counted there are, by type. */
  readonly counted: ReadonlyMap<string, number>;
  /** `after_unknown` by address (the planned side only). */
  readonly unknowns?: ReadonlyMap<string, unknown>;
}

/** The document of one side, and the instance behind each document address. */
export interface NormalisedSide {
  readonly doc: Json;
  readonly byDocAddress: Map<string, PlanInstance>;
}

/**
 * Types whose values the document reader can read as the plan gives them, when nothing is unknown. Not OAuth
 * clients (their state holds the secret, and null settings) nor grants (ids become references).
 */
const AS_IS = new Set([
  'genesyscloud_auth_role',
  'genesyscloud_user',
  'genesyscloud_group',
  'genesyscloud_auth_division',
  'genesyscloud_auth_division_home',
]);

/** The body of every instance the document reader only counts. */
const COUNTED: Json = Object.freeze({});

/** True when the configuration sets the attribute (a non-null constant or a reference). */
function isSet(expr: unknown): boolean {
  if (!isObject(expr)) return false;
  if (Array.isArray(expr.references) && expr.references.length > 0) return true;
  return expr.constant_value !== undefined && expr.constant_value !== null && expr.constant_value !== '';
}

function unknownAt(mark: unknown, key: string): unknown {
  return mark === true ? true : isObject(mark) ? mark[key] : undefined;
}

function hasUnknown(mark: unknown): boolean {
  if (mark === true) return true;
  if (Array.isArray(mark)) return mark.some(hasUnknown);
  if (isObject(mark)) return Object.values(mark).some(hasUnknown);
  return false;
}

/** Where a value is, for messages: made only when a message needs it (a plan has tens of thousands). */
type Path = string | (() => string);

/** How a planned value compares with a configuration expression. */
type Agreement = 'exact' | 'maybe' | 'no';

/** One element of a planned `roles` set, with its `after_unknown` mark. */
interface Element {
  readonly values: Json;
  readonly mark: unknown;
}

/** Builds the documents of a plan's sides; `homeIds` is shared, so what one side learns the other uses. */
export class SideNormaliser {
  private readonly resolver: Resolver;

  constructor(
    private readonly side: PlanSide,
    config: ConfigModule,
    private readonly ids: IdIndex,
    private readonly namer: Namer,
    private readonly shown: string,
  ) {
    this.resolver = new Resolver(config, [...side.managed, ...side.data]);
  }

  private fail(pointer: string, what: string): never {
    throw new AccessValidationError(`"${this.shown}" at ${pointer} ${what}`);
  }

  /** The document. */
  document(): NormalisedSide {
    const resource: Record<string, Json> = {};
    const data: Record<string, Json> = {};
    const byDocAddress = new Map<string, PlanInstance>();
    const counted = new Map<string, number>();
    const put = (section: Record<string, Json>, i: PlanInstance, body: Json): void => {
      const bodies = (section[i.type] ??= {});
      if (body === COUNTED) {
        // Only counted (its name never appears in a reference): numbered, which keeps 50,000 of them cheap.
        const n = counted.get(i.type) ?? 0;
        counted.set(i.type, n + 1);
        bodies[n] = COUNTED;
        return;
      }
      const name = this.namer.name(i);
      const address = `${i.mode === 'data' ? 'data.' : ''}${i.type}.${name}`;
      if (byDocAddress.has(address)) this.fail(i.pointer, `repeats the address ${i.address}`);
      byDocAddress.set(address, i);
      bodies[name] = body;
    };
    for (const [type, n] of this.side.counted) {
      const bodies = (resource[type] ??= {});
      for (let k = 0; k < n; k++) bodies[k] = COUNTED;
    }
    for (const i of this.side.data) put(data, i, this.body(i));
    // Learn the home division from role entries that give none, before any grant is written.
    for (const i of this.side.managed) {
      if (i.type === 'genesyscloud_oauth_client') this.clientRoles(i, true, this.resolver.scopeOf(i));
    }
    for (const i of this.side.managed) put(resource, i, this.body(i));
    return { doc: { resource, data }, byDocAddress };
  }

  private readonly refs = new Map<PlanInstance, string>();

  private ref(i: PlanInstance): string {
    let r = this.refs.get(i);
    if (r === undefined) this.refs.set(i, (r = `\${${this.namer.address(i)}.id}`));
    return r;
  }

  private placeholder(path: Path): string {
    return `\${known after apply: ${typeof path === 'string' ? path : path()}}`;
  }

  /** A reference for an id the plan gives, when an instance of the plan has it; else the value as given. */
  private fromValue(kind: IdKind, v: unknown): unknown {
    if (typeof v !== 'string' || v === '' || v === '*') return v;
    const hit = this.ids.get(kind, v);
    return hit ? this.ref(hit) : v;
  }

  /** What an unresolvable expression is written as: the one reference it makes, else "known after apply". */
  private unresolved(res: Resolution, path: Path): string {
    return res.targets.length === 0 && res.opaque.length === 1 ? `\${${res.opaque[0]}}` : this.placeholder(path);
  }

  /** A single id named by a configuration expression. */
  private fromExpr(kind: IdKind, expr: unknown, scope: Scope, path: Path): unknown {
    const res = this.resolver.resolve(expr, scope);
    if (res.constant !== undefined) {
      return typeof res.constant === 'string' ? this.fromValue(kind, res.constant) : this.placeholder(path);
    }
    const [t] = res.targets;
    if (res.targets.length === 1 && res.opaque.length === 0 && idKindOf(t) === kind) return this.ref(t);
    return this.unresolved(res, path);
  }

  /** A list of ids named by a configuration expression (`division_ids`). */
  private fromListExpr(kind: IdKind, expr: unknown, scope: Scope, path: Path): unknown {
    const res = this.resolver.resolve(expr, scope);
    if (Array.isArray(res.constant)) return res.constant.map((v) => this.fromValue(kind, v));
    if (res.opaque.length === 0 && res.targets.length > 0 && res.targets.every((t) => idKindOf(t) === kind)) {
      return res.targets.map((t) => this.ref(t));
    }
    return this.unresolved(res, path);
  }

  /** A value the plan knows only after apply: what the configuration says, or an unresolved expression. */
  private fillUnknown(value: unknown, mark: unknown, path: string, expr: unknown, scope: Scope, key: string): unknown {
    if (mark === true) {
      const text = this.unresolved(this.resolver.resolve(expr, scope), path);
      // A list of actions stays a list, so the role reads as incomplete rather than empty.
      return key === 'action_set' ? [text] : text;
    }
    if (Array.isArray(mark)) {
      const list = Array.isArray(value) ? value : [];
      const blocks = Array.isArray(expr) ? expr : [];
      const n = Math.max(list.length, mark.length);
      return Array.from({ length: n }, (_, k) =>
        this.fillUnknown(list[k], mark[k], `${path}[${k}]`, blocks[k], scope, key),
      );
    }
    if (isObject(mark) && hasUnknown(mark)) {
      const obj: Json = isObject(value) ? { ...value } : {};
      const exprs = isObject(expr) ? expr : {};
      for (const [k, m] of Object.entries(mark)) {
        if (hasUnknown(m)) obj[k] = this.fillUnknown(obj[k], m, `${path}.${k}`, exprs[k], scope, k);
      }
      return obj;
    }
    return value;
  }

  private body(i: PlanInstance): Json {
    const attributes = attributesOf(i.mode, i.type);
    if (attributes === undefined) return COUNTED;
    const mark = this.side.unknowns?.get(i.address);
    // What the reader reads of these is their values as they are (null reads as not set): no copy.
    if (mark === undefined && AS_IS.has(i.type)) return i.values;
    const exprs = this.resolver.expressionsOf(i) ?? {};
    const scope = this.resolver.scopeOf(i);
    const body: Json = {};
    for (const a of attributes) {
      const m = unknownAt(mark, a);
      const v = i.values[a];
      if (hasUnknown(m)) body[a] = this.fillUnknown(v, m, `${i.address}.${a}`, exprs[a], scope, a);
      else if (v !== undefined && v !== null) body[a] = v; // null is "not set", as in configuration
    }
    if (i.mode === 'data') return body;
    switch (i.type) {
      case 'genesyscloud_oauth_client': {
        const roles = this.clientRoles(i, false, scope);
        if (roles !== undefined) body.roles = roles;
        // The secret itself is never read: only whether the configuration sets one.
        if (isSet(exprs.client_secret)) body.client_secret = '(set in configuration)';
        break;
      }
      case 'genesyscloud_user_roles':
      case 'genesyscloud_group_roles': {
        const [subject, kind] = i.type === 'genesyscloud_user_roles' ? ['user_id', 'user'] : ['group_id', 'group'];
        body[subject] =
          unknownAt(mark, subject) === true
            ? this.fromExpr(kind as IdKind, exprs[subject], scope, `${i.address}.${subject}`)
            : this.fromValue(kind as IdKind, i.values[subject]);
        const roles = this.subjectRoles(i, scope);
        if (roles !== undefined) body.roles = roles;
        break;
      }
    }
    return body;
  }

  /** The planned elements of `roles`, each with its `after_unknown` mark; checked to be objects. */
  private elements(i: PlanInstance): Element[] | undefined {
    const v = i.values.roles;
    if (!Array.isArray(v)) return undefined;
    const mark = unknownAt(this.side.unknowns?.get(i.address), 'roles');
    return v.map((e: unknown, k) => {
      if (!isObject(e)) this.fail(`${i.pointer}/values/roles/${k}`, `must be an object, not ${kindOf(e)}`);
      return { values: e, mark: Array.isArray(mark) ? mark[k] : undefined };
    });
  }

  private readonly blockLists = new Map<unknown[], Json[]>();

  /** The configuration blocks of `roles` (shared by every instance of a count or for_each resource). */
  private blocks(i: PlanInstance): Json[] | undefined {
    const b = this.resolver.expressionsOf(i)?.roles;
    if (!Array.isArray(b)) return undefined;
    let list = this.blockLists.get(b);
    if (!list) this.blockLists.set(b, (list = b.filter(isObject)));
    return list;
  }

  /**
   * How a known id compares with what `expr` names: `exact` when the expression names the instance with that
   * id (or that constant), `maybe` when the expression cannot tell (or the value is unknown), `no` otherwise.
   */
  private agrees(kind: IdKind, value: unknown, mark: unknown, expr: unknown, scope: Scope): Agreement {
    if (mark === true || typeof value !== 'string') return 'maybe';
    const res = this.resolver.resolve(expr, scope);
    if (res.constant !== undefined) return res.constant === value ? 'exact' : 'no';
    if (res.targets.length === 1 && res.opaque.length === 0) {
      return this.ids.get(kind, value)?.address === res.targets[0].address ? 'exact' : 'no';
    }
    return 'maybe';
  }

  /** How an element agrees with a block: `no` if any attribute disagrees, `exact` if one agrees exactly. */
  private agreement(e: Element, b: Json, client: boolean, scope: Scope): Agreement {
    const role = this.agrees('role', e.values.role_id, unknownAt(e.mark, 'role_id'), b.role_id, scope);
    if (role === 'no' || !client) return role;
    const d = e.values.division_id;
    if (unknownAt(e.mark, 'division_id') === true || typeof d !== 'string') return role;
    if (!isSet(b.division_id)) return d !== '*' && !this.ids.isOtherDivision(d) ? role : 'no';
    const div = this.agrees('division', d, undefined, b.division_id, scope);
    return div === 'no' ? 'no' : role === 'exact' || div === 'exact' ? 'exact' : 'maybe';
  }

  /**
   * Pairs planned elements with configuration blocks (a set has no order): first the elements whose ids a
   * block names exactly, then the rest with a block that does not contradict them; the most constrained first.
   */
  private match(elements: readonly Element[], blocks: readonly Json[] | undefined, client: boolean, scope: Scope) {
    const out: Array<Json | undefined> = elements.map(() => undefined);
    if (!blocks?.length) return out;
    // Nothing to learn from the configuration when every value is known and every block names its division.
    if (!elements.some((e) => e.mark !== undefined && hasUnknown(e.mark))) {
      if (!client || blocks.every((b) => isSet(b.division_id))) return out;
    }
    const grades = elements.map((e) => blocks.map((b) => this.agreement(e, b, client, scope)));
    const used = new Set<number>();
    for (const wanted of [['exact'], ['exact', 'maybe']] as const) {
      const candidates = grades.map((g) =>
        g.map((a, j) => ((wanted as readonly string[]).includes(a) ? j : -1)).filter((j) => j >= 0),
      );
      const order = elements
        .map((_, k) => k)
        .filter((k) => out[k] === undefined && candidates[k].length > 0)
        .sort((a, b) => candidates[a].length - candidates[b].length || a - b);
      for (const k of order) {
        const j = candidates[k].find((x) => !used.has(x));
        if (j !== undefined) {
          used.add(j);
          out[k] = blocks[j];
        }
      }
    }
    return out;
  }

  /** An OAuth client's `roles`; with `learn`, only records home division ids and returns nothing. */
  private clientRoles(i: PlanInstance, learn: boolean, scope: Scope): unknown {
    const path = (): string => `${i.address}.roles`;
    const blocks = this.blocks(i);
    // Home ids are learnt from entries whose block gives no division.
    if (learn && (!blocks || blocks.every((b) => isSet(b.division_id)))) return undefined;
    if (unknownAt(this.side.unknowns?.get(i.address), 'roles') === true) {
      if (learn) return undefined;
      if (!blocks?.length) return this.placeholder(path);
      return blocks.map((b, k) => ({
        role_id: this.fromExpr('role', b.role_id, scope, () => `${path()}[${k}].role_id`),
        ...(isSet(b.division_id)
          ? { division_id: this.fromExpr('division', b.division_id, scope, () => `${path()}[${k}].division_id`) }
          : {}),
      }));
    }
    // Without a block that leaves the division out, no entry is the implicit home.
    const someImplicit = blocks === undefined || blocks.some((b) => !isSet(b.division_id));
    if (!learn && !someImplicit && !this.side.unknowns?.has(i.address)) return this.knownRoles(i, 'division_id');
    const elements = this.elements(i);
    if (!elements) return i.values.roles;
    const matched = this.match(elements, blocks, true, scope);
    const out = elements.map((e, k) => {
      const b = matched[k];
      const at = (): string => `${path()}[${k}]`;
      const d = e.values.division_id;
      const divUnknown = unknownAt(e.mark, 'division_id') === true;
      if (learn) {
        if (b && !isSet(b.division_id) && !divUnknown && typeof d === 'string' && d !== '') this.ids.homeIds.add(d);
        return undefined;
      }
      const entry: Json = {
        role_id:
          unknownAt(e.mark, 'role_id') === true
            ? b
              ? this.fromExpr('role', b.role_id, scope, () => `${at()}.role_id`)
              : this.placeholder(() => `${at()}.role_id`)
            : this.fromValue('role', e.values.role_id),
      };
      if (b && !isSet(b.division_id)) return entry; // no division given: the implicit home division
      if (divUnknown) {
        entry.division_id = b
          ? this.fromExpr('division', b.division_id, scope, () => `${at()}.division_id`)
          : this.placeholder(() => `${at()}.division_id`);
      } else if (
        someImplicit &&
        typeof d === 'string' &&
        !b &&
        this.ids.homeIds.has(d) &&
        !this.ids.get('division', d)
      ) {
        // The home id the provider filled in for an entry that gave none.
      } else if (d !== undefined && d !== null) {
        entry.division_id = this.fromValue('division', d);
      }
      return entry;
    });
    return learn ? undefined : out;
  }

  /** `roles` whose every value is known: each id as a reference where an instance of the plan has it. */
  private knownRoles(i: PlanInstance, divisions: 'division_id' | 'division_ids'): unknown {
    const v = i.values.roles;
    if (!Array.isArray(v)) return v;
    const out: Json[] = new Array(v.length);
    for (let k = 0; k < v.length; k++) {
      const e: unknown = v[k];
      if (!isObject(e)) this.fail(`${i.pointer}/values/roles/${k}`, `must be an object, not ${kindOf(e)}`);
      const d = e[divisions];
      const entry: Json = { role_id: this.fromValue('role', e.role_id) };
      if (Array.isArray(d)) entry[divisions] = d.map((x: unknown) => this.fromValue('division', x));
      else if (d !== undefined && d !== null) entry[divisions] = this.fromValue('division', d);
      out[k] = entry;
    }
    return out;
  }

  /** The `roles` of a user_roles or group_roles. */
  private subjectRoles(i: PlanInstance, scope: Scope): unknown {
    // Every value known: the ids, as references where the plan has them (most of a large plan).
    if (!this.side.unknowns?.has(i.address)) return this.knownRoles(i, 'division_ids');
    const path = (): string => `${i.address}.roles`;
    const blocks = this.blocks(i);
    if (unknownAt(this.side.unknowns?.get(i.address), 'roles') === true) {
      if (!blocks?.length) return this.placeholder(path);
      return blocks.map((b, k) => ({
        role_id: this.fromExpr('role', b.role_id, scope, () => `${path()}[${k}].role_id`),
        ...(isSet(b.division_ids)
          ? {
              division_ids: this.fromListExpr('division', b.division_ids, scope, () => `${path()}[${k}].division_ids`),
            }
          : {}),
      }));
    }
    const elements = this.elements(i);
    if (!elements) return i.values.roles;
    const matched = this.match(elements, blocks, false, scope);
    return elements.map((e, k) => {
      const b = matched[k];
      const at = (): string => `${path()}[${k}]`;
      const entry: Json = {
        role_id:
          unknownAt(e.mark, 'role_id') === true
            ? b
              ? this.fromExpr('role', b.role_id, scope, () => `${at()}.role_id`)
              : this.placeholder(() => `${at()}.role_id`)
            : this.fromValue('role', e.values.role_id),
      };
      const ids = this.divisionIds(e, b, scope, () => `${at()}.division_ids`);
      if (ids !== undefined) entry.division_ids = ids;
      return entry;
    });
  }

  private divisionIds(e: Element, b: Json | undefined, scope: Scope, path: () => string): unknown {
    const mark = unknownAt(e.mark, 'division_ids');
    if (mark === true) return b ? this.fromListExpr('division', b.division_ids, scope, path) : this.placeholder(path);
    const list = e.values.division_ids;
    if (!Array.isArray(list)) return list;
    const pending: number[] = [];
    const out = list.map((v: unknown, j) => {
      if (Array.isArray(mark) && mark[j] === true) {
        pending.push(j);
        return undefined;
      }
      return this.fromValue('division', v);
    });
    if (pending.length) {
      // The unknown elements are the references the configuration makes that the known ones are not.
      let fill: string[] | undefined;
      if (b) {
        const res = this.resolver.resolve(b.division_ids, scope);
        const have = new Set(out.filter((x): x is string => typeof x === 'string'));
        const refs = res.targets.filter((t) => idKindOf(t) === 'division').map((t) => this.ref(t));
        const missing = refs.filter((r) => !have.has(r));
        if (res.opaque.length === 0 && missing.length === pending.length) fill = missing;
      }
      pending.forEach((j, n) => (out[j] = fill ? fill[n] : this.placeholder(() => `${path()}[${j}]`)));
    }
    return out;
  }
}
