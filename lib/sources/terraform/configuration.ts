/**
 * A Terraform module as its files declare it (blocks, variables, locals, module calls, each with its file and
 * line), and its expansion into the Terraform JSON document the graph reader reads: variables from defaults,
 * tfvars and the command line; locals; `count`, `for_each` and `dynamic` blocks expanded where their values
 * are static; child modules with local sources followed (their resources addressed `module.<m>.<type>.<name>`).
 * What cannot be known statically is kept as an unresolved expression or marked, so it reads as unknown with
 * the expression and its location. Format-neutral: lib/sources/hcl and lib/sources/terraform-json fill it.
 */
import * as path from 'path';
import { AccessValidationError } from '../../errors';
import type { SourceLocation } from './document';
import { resolveValue, type Scope, UNKNOWN } from './expressions';
import { isObject, type Json } from '../../util/json';
import { tryStat } from '../../util/read-input';
import { isBlockKey } from './json-duplicates';

/** One resource or data block as written. */
export interface ConfigBlock {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly body: Json;
  readonly location: SourceLocation & { readonly pointer?: string };
}

/** A `module` block as written. */
export interface ModuleCall {
  readonly name: string;
  readonly source: unknown;
  readonly args: Json;
  readonly location: SourceLocation;
}

/** A module's declarations, merged over its files. */
export interface ModuleConfig {
  /** The directory, absolute. */
  readonly dir: string;
  /** The directory as the user named it. */
  readonly shown: string;
  readonly blocks: ConfigBlock[];
  readonly variables: Map<string, { readonly default?: unknown; readonly location: SourceLocation }>;
  readonly locals: Map<string, unknown>;
  readonly modules: ModuleCall[];
  /** `output` values as written. */
  readonly outputs: Map<string, unknown>;
  /** The modules it calls with local sources, read (by call name); others are not in the input. */
  readonly children: Map<string, ModuleConfig>;
}

/** An empty module config. */
export function emptyModule(dir: string, shown: string): ModuleConfig {
  return {
    dir,
    shown,
    blocks: [],
    variables: new Map(),
    locals: new Map(),
    modules: [],
    outputs: new Map(),
    children: new Map(),
  };
}

/** How to read a child module's directory. */
export type ModuleLoader = (dir: string, shown: string) => Promise<ModuleConfig>;

/** True for a module source this reader follows: a local path. */
export function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && (source.startsWith('./') || source.startsWith('../'));
}

/** Reads the modules `mod` calls with local sources, and theirs, into `children` (before expanding). */
export async function loadChildren(mod: ModuleConfig, loadModule: ModuleLoader, depth = 0): Promise<void> {
  for (const call of mod.modules) {
    if (!isLocalSource(call.source)) continue;
    if (depth >= MAX_MODULE_DEPTH) {
      throw new AccessValidationError(
        `${where(call.location)}: modules nest deeper than ${MAX_MODULE_DEPTH}: is a module calling itself?`,
      );
    }
    const dir = path.resolve(mod.dir, call.source);
    if (!tryStat(dir)?.isDirectory()) {
      throw new AccessValidationError(
        `${where(call.location)}: module "${call.name}" has source "${call.source}", which is not a directory here: fix the path`,
      );
    }
    const child = await loadModule(dir, path.join(mod.shown, call.source));
    mod.children.set(call.name, child);
    await loadChildren(child, loadModule, depth + 1);
  }
}

/** The expanded document, where each resource is written, and what could not be expanded. */
export interface ExpandedConfiguration {
  readonly doc: Json;
  readonly locations: ReadonlyMap<string, SourceLocation & { readonly pointer?: string }>;
}

const META = ['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection'];
const MAX_INSTANCES = 10000;
const MAX_MODULE_DEPTH = 16;

function where(l: SourceLocation): string {
  return l.line !== undefined ? `${l.file}:${l.line}` : l.file;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function instanceName(name: string, key: string | number): string {
  return typeof key === 'number' ? `${name}[${key}]` : `${name}[${JSON.stringify(key)}]`;
}

/** Expands the root module (and the modules it calls) into one document. */
export function expandConfiguration(
  root: ModuleConfig,
  vars: Readonly<Record<string, unknown>>,
): ExpandedConfiguration {
  const doc: Json = { resource: {}, data: {} };
  const locations = new Map<string, SourceLocation & { pointer?: string }>();
  expandModule(root, vars, '', doc, locations);
  return { doc, locations };
}

function expandModule(
  mod: ModuleConfig,
  given: Readonly<Record<string, unknown>>,
  prefix: string,
  doc: Json,
  locations: Map<string, SourceLocation & { pointer?: string }>,
): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const [name, v] of mod.variables) if (v.default !== undefined) vars[name] = v.default;
  for (const [name, v] of Object.entries(given)) if (v !== UNKNOWN) vars[name] = v;
  // Instances of resources with count or for_each, so a reference without an index is left unresolved.
  const counted = new Set<string>();
  for (const b of mod.blocks) {
    if (b.body.count !== undefined || b.body.for_each !== undefined) {
      counted.add(`${b.mode === 'data' ? 'data.' : ''}${b.type}.${b.name}`);
    }
  }
  const localCache = new Map<string, unknown>();
  const moduleOutputs: Record<string, Record<string, unknown>> = {};
  const resolving = new Set<string>();
  const scope: Scope = {
    vars,
    local: (name) => {
      if (localCache.has(name)) return localCache.get(name);
      if (!mod.locals.has(name) || resolving.has(name)) return UNKNOWN;
      resolving.add(name);
      const unresolved: string[] = [];
      const raw = mod.locals.get(name);
      const v = resolveValue(raw, scope, unresolved);
      resolving.delete(name);
      const out = typeof v === 'string' && unresolved.includes(v) ? UNKNOWN : v;
      localCache.set(name, out);
      return out;
    },
    address: (address) => (counted.has(address) ? `${prefix}${address}[?]` : `${prefix}${address}`),
    modules: moduleOutputs,
  };
  // Child modules first: the module's own blocks may use their outputs.
  for (const call of mod.modules) {
    // Registry and remote modules are not read: their access is not in this input.
    const child = mod.children.get(call.name);
    if (!child) continue;
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(call.args)) {
      if (k === 'source' || k === 'version' || k === 'providers' || META.includes(k)) continue;
      const unresolved: string[] = [];
      const r = resolveValue(v, scope, unresolved);
      args[k] = typeof r === 'string' && unresolved.includes(r) ? UNKNOWN : r;
    }
    moduleOutputs[call.name] = expandModule(child, args, `${prefix}module.${call.name}.`, doc, locations);
  }
  for (const b of mod.blocks) expandBlock(b, scope, prefix, doc, locations);
  const outputs: Record<string, unknown> = {};
  for (const [name, value] of mod.outputs) {
    const unresolved: string[] = [];
    const v = resolveValue(value, scope, unresolved);
    outputs[name] = typeof v === 'string' && unresolved.includes(v) ? UNKNOWN : v;
  }
  return outputs;
}

function expandBlock(
  b: ConfigBlock,
  scope: Scope,
  prefix: string,
  doc: Json,
  locations: Map<string, SourceLocation & { pointer?: string }>,
): void {
  const section = (b.mode === 'data' ? doc.data : doc.resource) as Record<string, Json>;
  const byName = (section[b.type] ??= {}) as Json;
  const put = (name: string, body: Json): void => {
    const docName = `${prefix}${name}`;
    if (byName[docName] !== undefined) {
      throw new AccessValidationError(
        `${where(b.location)}: ${b.mode === 'data' ? 'data' : 'resource'} "${b.type}" "${name}" is declared twice: rename one`,
      );
    }
    byName[docName] = body;
    locations.set(`${prefix}${b.mode === 'data' ? 'data.' : ''}${b.type}.${name}`, b.location);
  };
  const instances = instancesOf(b, scope);
  if (instances === undefined) {
    const expr = b.body.count !== undefined ? `count = ${show(b.body.count)}` : `for_each = ${show(b.body.for_each)}`;
    const body = expandBody(b.body, scope);
    body['//'] = { ...(isObject(body['//']) ? body['//'] : {}), unknownInstances: `${expr} (${where(b.location)})` };
    put(b.name, body);
    return;
  }
  for (const inst of instances) {
    const s: Scope = inst.each
      ? { ...scope, each: inst.each }
      : inst.count !== undefined
        ? { ...scope, count: inst.count }
        : scope;
    put(inst.name ?? b.name, expandBody(b.body, s));
  }
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

interface Instance {
  readonly name?: string;
  readonly count?: number;
  readonly each?: { key: string; value: unknown };
}

/** The instances of a block; undefined when count or for_each is not statically known. */
function instancesOf(b: ConfigBlock, scope: Scope): Instance[] | undefined {
  if (b.body.count !== undefined) {
    const n = valueOf(b.body.count, scope);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_INSTANCES) return undefined;
    return Array.from({ length: n }, (_, i) => ({ name: instanceName(b.name, i), count: i }));
  }
  if (b.body.for_each !== undefined) {
    const v = valueOf(b.body.for_each, scope);
    if (Array.isArray(v)) {
      if (v.length > MAX_INSTANCES || !v.every((x) => typeof x === 'string')) return undefined;
      return [...new Set(v as string[])]
        .sort()
        .map((k) => ({ name: instanceName(b.name, k), each: { key: k, value: k } }));
    }
    if (isObject(v)) {
      const keys = Object.keys(v).sort();
      if (keys.length > MAX_INSTANCES) return undefined;
      return keys.map((k) => ({ name: instanceName(b.name, k), each: { key: k, value: v[k] } }));
    }
    return undefined;
  }
  return [{}];
}

/** A fully known value, or UNKNOWN. */
function valueOf(v: unknown, scope: Scope): unknown {
  const unresolved: string[] = [];
  const r = resolveValue(v, scope, unresolved);
  if (unresolved.length) return UNKNOWN;
  if (typeof r === 'string' && /^\$\{.*\}$/.test(r)) return UNKNOWN;
  return r;
}

/**
 * A body with its meta-arguments removed, expressions resolved and dynamic blocks expanded where known, in nested
 * blocks too (a `dynamic "conditions"` inside a permission policy). A dynamic block whose for_each is not known
 * statically is kept, with its for_each resolved as far as it goes, for the graph reader to report as unknown.
 */
function expandBody(body: Json, scope: Scope, top = true): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(body)) {
    if ((top && META.includes(k)) || k === 'dynamic') continue;
    if (k !== '//' && isBlockKey(k, v) && v !== null) {
      const blocks = asList(v).map((b) => (isObject(b) ? expandBody(b, scope, false) : b));
      out[k] = Array.isArray(v) ? blocks : blocks[0];
    } else out[k] = resolveValue(v, scope);
  }
  if (body.dynamic === undefined) return out;
  const left: Json = {};
  for (const [block, entries] of Object.entries(isObject(body.dynamic) ? body.dynamic : {})) {
    for (const entry of asList(entries)) {
      if (!isObject(entry)) continue;
      const items = valueOf(entry.for_each, scope);
      const it = typeof entry.iterator === 'string' ? entry.iterator.replace(/^\$\{\s*([\w-]+)\s*\}$/, '$1') : block;
      const content = asList(entry.content)[0];
      const list = Array.isArray(items)
        ? items.map((x, i) => [i, x] as const)
        : isObject(items)
          ? Object.entries(items)
          : undefined;
      if (!list || !isObject(content) || list.length > MAX_INSTANCES) {
        // Not statically known: keep the dynamic block, which the graph reader reports as not expanded.
        left[block] = [...asList(left[block]), { ...entry, for_each: resolveValue(entry.for_each, scope) }];
        continue;
      }
      const made = list.map(([key, value]) =>
        expandBody(content, { ...scope, iterators: { ...scope.iterators, [it]: { key, value } } }, false),
      );
      out[block] = [...asList(out[block]), ...made];
    }
  }
  if (Object.keys(left).length) out.dynamic = left;
  return out;
}

/** Parses `--var name=value` (a value that parses as JSON is taken as JSON, else as a string). */
export function parseVarFlag(v: string): [string, unknown] {
  const i = v.indexOf('=');
  if (i <= 0) throw new AccessValidationError(`--var takes name=value (got ${JSON.stringify(v.slice(0, 60))})`);
  const name = v.slice(0, i).trim();
  const raw = v.slice(i + 1);
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
    throw new AccessValidationError(`--var name ${JSON.stringify(name.slice(0, 60))} is not a variable name`);
  }
  try {
    return [name, JSON.parse(raw) as unknown];
  } catch {
    return [name, raw];
  }
}
