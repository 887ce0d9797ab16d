/**
 * The plan's `configuration`: expressions as written (`{ constant_value }` or `{ references: [...] }`), per
 * module, and following a reference to the resource instance whose `id` it names. This is how a value that is
 * unknown until apply (the id of a role created by the same plan) becomes a reference the document reader
 * resolves. References through input variables and module outputs are followed; locals, functions over
 * several values and root variables are not (the configuration JSON does not carry them), and stay unknown.
 * No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { attributesOf } from './attributes';
import { kindOf } from './plan-file';
import type { PlanInstance } from './instances';
import { isObject, type Json } from '../../util/json';

/** One module of the configuration. */
export interface ConfigModule {
  /** Resource expressions by `type.name` (`data.type.name` for data sources). */
  readonly resources: ReadonlyMap<string, Json>;
  readonly calls: ReadonlyMap<string, ConfigCall>;
  /** Output expressions by name. */
  readonly outputs: ReadonlyMap<string, unknown>;
}

/** A module call. */
export interface ConfigCall {
  readonly expressions: Json;
  readonly module: ConfigModule;
}

const EMPTY_MODULE: ConfigModule = { resources: new Map(), calls: new Map(), outputs: new Map() };

/** Reads `configuration.root_module` (absent: an empty module). */
export function readConfiguration(configuration: unknown, shown: string): ConfigModule {
  if (!isObject(configuration) || configuration.root_module === undefined) return EMPTY_MODULE;
  const fail: (pointer: string, what: string) => never = (pointer, what) => {
    throw new AccessValidationError(`"${shown}" at ${pointer} ${what}`);
  };
  const read = (m: unknown, at: string, depth: number): ConfigModule => {
    if (!isObject(m)) return fail(at, `must be an object, not ${kindOf(m)}`);
    if (depth > 64) fail(at, 'nests modules more than 64 deep');
    const resources = new Map<string, Json>();
    const list = m.resources ?? [];
    if (!Array.isArray(list)) fail(`${at}/resources`, `must be a list, not ${kindOf(list)}`);
    (list as unknown[]).forEach((r, i) => {
      const rat = `${at}/resources/${i}`;
      if (!isObject(r)) fail(rat, `must be an object, not ${kindOf(r)}`);
      if (typeof r.type !== 'string' || typeof r.name !== 'string') fail(rat, 'must have a string type and name');
      const expressions = r.expressions ?? {};
      if (!isObject(expressions)) fail(`${rat}/expressions`, `must be an object, not ${kindOf(expressions)}`);
      // Only the types the reader reads are looked up (and all data sources, which references name).
      if (r.mode === 'data' || attributesOf('managed', r.type) !== undefined) {
        resources.set(`${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`, expressions as Json);
      }
    });
    const calls = new Map<string, ConfigCall>();
    const mc = m.module_calls ?? {};
    if (!isObject(mc)) fail(`${at}/module_calls`, `must be an object, not ${kindOf(mc)}`);
    for (const [name, c] of Object.entries(mc)) {
      const cat = `${at}/module_calls/${name}`;
      if (!isObject(c)) fail(cat, `must be an object, not ${kindOf(c)}`);
      const expressions = c.expressions ?? {};
      if (!isObject(expressions)) fail(`${cat}/expressions`, `must be an object, not ${kindOf(expressions)}`);
      calls.set(name, {
        expressions: expressions as Json,
        module: c.module === undefined ? EMPTY_MODULE : read(c.module, `${cat}/module`, depth + 1),
      });
    }
    const outputs = new Map<string, unknown>();
    const outs = m.outputs ?? {};
    if (!isObject(outs)) fail(`${at}/outputs`, `must be an object, not ${kindOf(outs)}`);
    for (const [name, o] of Object.entries(outs)) outputs.set(name, isObject(o) ? o.expression : undefined);
    return { resources, calls, outputs };
  };
  return read(configuration.root_module, '/configuration/root_module', 0);
}

/** Where an expression is evaluated: a module instance, and the instance key of the resource being read. */
export interface Scope {
  /** Module instance address, `""` for the root. */
  readonly module: string;
  readonly config: ConfigModule;
  /** The count index or for_each key of the resource (what `count.index` and `each.key` are). */
  readonly key?: number | string;
}

/** What an expression names. */
export interface Resolution {
  /** `constant_value`, when the expression is a constant. */
  readonly constant?: unknown;
  /** The instances whose `id` the expression names, in reference order. */
  readonly targets: readonly PlanInstance[];
  /** References that cannot be followed (`local.x`, a root `var.x`, another attribute, a missing instance). */
  readonly opaque: readonly string[];
}

const MODULE_STEP = /module\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?/y;
const RESOURCE_REF =
  /^(data\.)?([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z0-9_-]+))?/;
const MODULE_REF = /^module\.([A-Za-z0-9_-]+)(\[(?:\d+|"(?:[^"\\]|\\.)*")\])?(?:\.([A-Za-z0-9_-]+))?/;
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self']);

function parseKey(text: string | undefined): number | string | undefined {
  if (text === undefined || text === '') return undefined;
  const inner = text.slice(1, -1);
  return inner.startsWith('"') ? (JSON.parse(inner) as string) : Number(inner);
}

/** The steps of a module instance address: `module.a["x"].module.b` → a with key "x", b. */
export function moduleSteps(address: string): Array<{ name: string; key?: number | string }> {
  const steps: Array<{ name: string; key?: number | string }> = [];
  let at = 0;
  while (at < address.length) {
    MODULE_STEP.lastIndex = at;
    const m = MODULE_STEP.exec(address);
    if (!m) return steps;
    const key = parseKey(m[2]);
    steps.push(key === undefined ? { name: m[1] } : { name: m[1], key });
    at = MODULE_STEP.lastIndex + 1; // the dot between steps
  }
  return steps;
}

function isPrefixOf(a: string, b: string): boolean {
  return b.length > a.length && b.startsWith(a) && (b[a.length] === '.' || b[a.length] === '[');
}

/** Follows configuration references to instances of one side of the plan. */
export class Resolver {
  private readonly byBase = new Map<string, PlanInstance[]>();
  /** Instances by base and instance key: `r[each.key]` over 10,000 instances is one lookup. */
  private readonly byKey = new Map<string, PlanInstance>();
  private readonly configs = new Map<string, ConfigModule | undefined>();
  /** Resolutions by expression and scope: a block's expressions are resolved once per instance. */
  private readonly resolved = new Map<object, Map<string, Resolution>>();

  private indexed = false;

  constructor(
    private readonly root: ConfigModule,
    private readonly instances: readonly PlanInstance[],
  ) {}

  /** Indexes the instances on the first reference followed (most plans know every id: none is). */
  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const i of this.instances) {
      const base = `${i.module}|${i.mode === 'data' ? 'data.' : ''}${i.type}.${i.name}`;
      const list = this.byBase.get(base);
      if (list) list.push(i);
      else this.byBase.set(base, [i]);
      if (i.index !== undefined) this.byKey.set(instanceKey(base, i.index), i);
    }
  }

  /** The configuration module of a module instance address (by call names; keys do not matter). */
  configOf(module: string): ConfigModule | undefined {
    if (module === '') return this.root;
    if (this.configs.has(module)) return this.configs.get(module);
    let m: ConfigModule | undefined = this.root;
    for (const step of moduleSteps(module)) m = m?.calls.get(step.name)?.module;
    this.configs.set(module, m);
    return m;
  }

  /** The scope an instance's expressions are evaluated in. */
  scopeOf(i: PlanInstance): Scope {
    return { module: i.module, config: this.configOf(i.module) ?? EMPTY_MODULE, ...keyOf(i.index) };
  }

  /** The expressions of an instance's resource block, if the configuration has it. */
  expressionsOf(i: PlanInstance): Json | undefined {
    return this.configOf(i.module)?.resources.get(`${i.mode === 'data' ? 'data.' : ''}${i.type}.${i.name}`);
  }

  /** What `expr` (a configuration expression) names in `scope`. */
  resolve(expr: unknown, scope: Scope, depth = 0): Resolution {
    if (!isObject(expr)) return NOTHING;
    if (expr.constant_value !== undefined) return { constant: expr.constant_value, targets: [], opaque: [] };
    let byScope = this.resolved.get(expr);
    if (!byScope) this.resolved.set(expr, (byScope = new Map()));
    const key = `${scope.module}\u0000${scope.key ?? ''}\u0000${typeof scope.key}`;
    let hit = byScope.get(key);
    if (!hit) byScope.set(key, (hit = this.follow(expr, scope, depth)));
    return hit;
  }

  private follow(expr: Json, scope: Scope, depth: number): Resolution {
    const raw = Array.isArray(expr.references) ? expr.references.filter((r): r is string => typeof r === 'string') : [];
    // Terraform lists each reference with its prefixes (`a.b.id`, `a.b`): keep the longest.
    const refs = raw.filter((r) => !raw.some((o) => isPrefixOf(r, o)));
    const hint = refs.some((r) => r.startsWith('each.') || r.startsWith('count.'));
    const targets: PlanInstance[] = [];
    const opaque: string[] = [];
    const qualified = (r: string): string => (scope.module ? `${scope.module}.${r}` : r);
    for (const ref of refs) {
      const head = ref.split(/[.[]/, 1)[0];
      if (head === 'each' || head === 'count') continue;
      if (depth > 16) {
        opaque.push(qualified(ref));
        continue;
      }
      if (head === 'var') {
        const sub = this.throughVariable(ref, scope, depth);
        targets.push(...sub.targets);
        opaque.push(...(sub.opaque.length || sub.targets.length ? sub.opaque : [qualified(ref)]));
        continue;
      }
      if (head === 'module') {
        const sub = this.throughOutput(ref, scope, depth);
        targets.push(...sub.targets);
        opaque.push(...(sub.opaque.length || sub.targets.length ? sub.opaque : [qualified(ref)]));
        continue;
      }
      if (NOT_RESOURCES.has(head)) {
        opaque.push(qualified(ref));
        continue;
      }
      const hit = this.instancesOf(ref, scope, hint);
      if (hit) targets.push(...hit);
      else opaque.push(qualified(ref));
    }
    const seen = new Set<string>();
    return { targets: targets.filter((t) => !seen.has(t.address) && !!seen.add(t.address)), opaque };
  }

  /** `var.x` in a child module: the module call's argument, in the parent's scope. */
  private throughVariable(ref: string, scope: Scope, depth: number): Resolution {
    const steps = moduleSteps(scope.module);
    const last = steps[steps.length - 1];
    if (!last) return { targets: [], opaque: [] };
    const parentModule = scope.module.slice(0, Math.max(0, scope.module.lastIndexOf('.module.')));
    const parent = this.configOf(parentModule);
    const arg = parent?.calls.get(last.name)?.expressions[ref.split('.')[1] ?? ''];
    if (!parent || arg === undefined) return { targets: [], opaque: [] };
    return this.resolve(arg, { module: parentModule, config: parent, ...keyOf(last.key) }, depth + 1);
  }

  /** `module.m.out`: the output's expression, in the child module's scope. */
  private throughOutput(ref: string, scope: Scope, depth: number): Resolution {
    const m = MODULE_REF.exec(ref);
    const call = m ? scope.config.calls.get(m[1]) : undefined;
    if (!m || !call || m[3] === undefined) return { targets: [], opaque: [] };
    const expr = call.module.outputs.get(m[3]);
    const child = `${scope.module ? `${scope.module}.` : ''}module.${m[1]}${m[2] ?? ''}`;
    if (expr === undefined) return { targets: [], opaque: [] };
    return this.resolve(expr, { module: child, config: call.module }, depth + 1);
  }

  /** The instances a resource reference names in this scope, or undefined when it names none here. */
  private instancesOf(ref: string, scope: Scope, hint: boolean): PlanInstance[] | undefined {
    const m = RESOURCE_REF.exec(ref);
    if (!m) return undefined;
    if (m[5] !== undefined && m[5] !== 'id') return undefined; // another attribute, not the id
    this.index();
    const base = `${scope.module}|${m[1] ?? ''}${m[2]}.${m[3]}`;
    const list = this.byBase.get(base);
    if (!list) return undefined;
    const key = parseKey(m[4]);
    if (key !== undefined) {
      const hit = this.byKey.get(instanceKey(base, key));
      return hit ? [hit] : undefined;
    }
    if (list.length === 1 && list[0].index === undefined) return list;
    if (hint && scope.key !== undefined) {
      // `r[each.key].id` / `r[count.index].id`: Terraform lists `r` and `each.key`, not the index.
      const hit = this.byKey.get(instanceKey(base, scope.key));
      return hit ? [hit] : undefined;
    }
    return list; // a splat or a for expression over every instance
  }
}

function instanceKey(base: string, key: number | string): string {
  return `${base}\u0000${typeof key === 'number' ? `#${key}` : key}`;
}

const NOTHING: Resolution = Object.freeze({ targets: [], opaque: [] });

function keyOf(key: number | string | undefined): { key?: number | string } {
  return key === undefined ? {} : { key };
}
