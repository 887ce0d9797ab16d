/**
 * The static part of Terraform's expression language: what a reader can know without running Terraform.
 * Variables, locals, `each`, `count` and dynamic-block iterators resolve; references to other resources stay
 * references (rewritten to the document's names); anything else (a function the reader does not evaluate, a
 * conditional, a value known only after apply) stays an unresolved `${...}` string, which the graph reader turns
 * into "unknown" with the reason. No cdktf import.
 */

import { parseCollection } from './hcl-literal';

/** Values an expression can see. */
export interface Scope {
  /** Input variables (`var.x`). */
  readonly vars: Readonly<Record<string, unknown>>;
  /** Locals (`local.x`), resolved on demand. */
  readonly local: (name: string) => unknown;
  /** `each.key` / `each.value` of a for_each instance. */
  readonly each?: { readonly key: string; readonly value: unknown };
  /** `count.index` of a count instance. */
  readonly count?: number;
  /** Dynamic-block iterators by name (`roles.value`). */
  readonly iterators?: Readonly<Record<string, { readonly key: unknown; readonly value: unknown }>>;
  /** Rewrites a resource address in a reference to the document's address (module prefix, instances). */
  readonly address: (address: string) => string;
  /** Outputs of the child modules this module calls (`module.<name>.<output>`). */
  readonly modules?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A value the reader cannot know. */
export const UNKNOWN: unique symbol = Symbol('unknown');
type Known = unknown;

const TRAVERSAL = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\]|\["[^"\]]*"\])*)$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["([^"\]]*)"\]/g;
const WHOLE = /^\$\{([^{}]*)\}$/;
const PART = /\$\{([^{}]*)\}/g;

function steps(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(STEP)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!));
  return out;
}

function walk(value: unknown, path: ReadonlyArray<string | number>): Known | typeof UNKNOWN {
  let v = value;
  for (const s of path) {
    if (v === UNKNOWN) return UNKNOWN;
    if (Array.isArray(v) && typeof s === 'number') v = v[s];
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, s)) {
      v = (v as Record<string, unknown>)[String(s)];
    } else return UNKNOWN;
    if (v === undefined) return UNKNOWN;
  }
  return v;
}

function literal(expr: string): Known | typeof UNKNOWN {
  if (/^-?\d+(\.\d+)?$/.test(expr)) return Number(expr);
  if (expr === 'true') return true;
  if (expr === 'false') return false;
  if (expr === 'null') return null;
  if (/^"(?:[^"\\$]|\\.)*"$/.test(expr)) {
    try {
      return JSON.parse(expr) as string;
    } catch {
      return UNKNOWN;
    }
  }
  if (/^\[.*\]$/s.test(expr) || /^\{.*\}$/s.test(expr)) {
    try {
      return JSON.parse(expr) as unknown;
    } catch {
      return UNKNOWN;
    }
  }
  return UNKNOWN;
}

/** Resolves one expression (the text inside `${...}`); a resource reference comes back as `${address.attr}`. */
export function evaluateExpression(expr: string, scope: Scope): Known | typeof UNKNOWN {
  const e = expr.trim();
  const lit = literal(e);
  if (lit !== UNKNOWN) return lit;
  // toset / tolist of a known list are the list (what for_each over a literal set needs).
  const fn = /^(toset|tolist|tostring|tonumber)\((.*)\)$/s.exec(e);
  if (fn) {
    const inner = evaluateExpression(fn[2], scope);
    if (inner === UNKNOWN) return UNKNOWN;
    if (fn[1] === 'toset') return Array.isArray(inner) ? [...new Set(inner as unknown[])].sort() : UNKNOWN;
    if (fn[1] === 'tolist') return Array.isArray(inner) ? inner : UNKNOWN;
    if (fn[1] === 'tostring') return typeof inner === 'string' || typeof inner === 'number' ? String(inner) : UNKNOWN;
    return typeof inner === 'number' || (typeof inner === 'string' && inner.trim() !== '' && !isNaN(Number(inner)))
      ? Number(inner)
      : UNKNOWN;
  }
  // HCL tuples and objects (cdktf writes an iterator over a list of objects this way).
  if (e.startsWith('[') || e.startsWith('{')) return parseCollection(e, (x) => evaluateExpression(x, scope), UNKNOWN);
  const t = TRAVERSAL.exec(e);
  if (!t) return UNKNOWN;
  const root = t[1];
  const path = steps(t[2]);
  // A dynamic block's iterator shadows the resource's own names (cdktf names its iterator "each").
  const it = scope.iterators?.[root];
  if (it) {
    if (path[0] === 'key') return path.length === 1 ? it.key : UNKNOWN;
    if (path[0] === 'value') return walk(it.value, path.slice(1));
    return UNKNOWN;
  }
  switch (root) {
    case 'var':
      return typeof path[0] === 'string' && Object.prototype.hasOwnProperty.call(scope.vars, path[0])
        ? walk(scope.vars[path[0]], path.slice(1))
        : UNKNOWN;
    case 'local': {
      if (typeof path[0] !== 'string') return UNKNOWN;
      const v = scope.local(path[0]);
      return v === UNKNOWN ? UNKNOWN : walk(v, path.slice(1));
    }
    case 'each':
      if (!scope.each) return UNKNOWN;
      if (path[0] === 'key') return path.length === 1 ? scope.each.key : UNKNOWN;
      if (path[0] === 'value') return walk(scope.each.value, path.slice(1));
      return UNKNOWN;
    case 'count':
      return path.length === 1 && path[0] === 'index' && scope.count !== undefined ? scope.count : UNKNOWN;
    case 'module': {
      const outputs = typeof path[0] === 'string' ? scope.modules?.[path[0]] : undefined;
      if (!outputs || typeof path[1] !== 'string' || !Object.prototype.hasOwnProperty.call(outputs, path[1])) {
        return UNKNOWN;
      }
      return walk(outputs[path[1]], path.slice(2));
    }
    default:
      return reference(root, t[2], scope);
  }
}

/** `type.name[.attr]`, `data.type.name.attr`, `module.m.output`: a reference, kept with the document's address. */
function reference(root: string, rest: string, scope: Scope): string | typeof UNKNOWN {
  const m =
    root === 'data'
      ? /^\.([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+(?:\[(?:\d+|"[^"\]]*")\])?)(\..+)?$/.exec(rest)
      : /^\.([A-Za-z0-9_-]+(?:\[(?:\d+|"[^"\]]*")\])?)(\..+)?$/.exec(rest);
  if (!m || root === 'module' || root === 'path' || root === 'terraform' || root === 'self') return UNKNOWN;
  const address = root === 'data' ? `data.${m[1]}.${m[2]}` : `${root}.${m[1]}`;
  const attr = root === 'data' ? m[3] : m[2];
  return `\${${scope.address(address)}${attr ?? ''}}`;
}

/**
 * The expression of a string that is one `${...}` with braces inside (an HCL object literal), else undefined:
 * the first `${` must close at the last character, braces inside strings not counted.
 */
function wholeExpression(value: string): string | undefined {
  if (!value.startsWith('${') || !value.endsWith('}')) return undefined;
  let depth = 0;
  for (let i = 1; i < value.length; i++) {
    const c = value[i];
    if (c === '"') {
      for (i++; i < value.length && value[i] !== '"'; i++) if (value[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i === value.length - 1 ? value.slice(2, -1) : undefined;
  }
  return undefined;
}

/**
 * Resolves every `${...}` in a JSON value: a string that is one whole expression takes the expression's value
 * (a list, a map, a number); a template resolves when all its parts do; what cannot be resolved stays as
 * written. `unresolved` collects the expressions that stayed.
 */
export function resolveValue(value: unknown, scope: Scope, unresolved: string[] = []): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    const whole = WHOLE.exec(value)?.[1] ?? wholeExpression(value);
    if (whole !== undefined) {
      const v = evaluateExpression(whole, scope);
      if (v === UNKNOWN) {
        unresolved.push(value);
        return value;
      }
      return typeof v === 'string' || typeof v !== 'object' || v === null ? v : resolveValue(v, scope, unresolved);
    }
    let ok = true;
    const out = value.replace(PART, (all, expr: string) => {
      const v = evaluateExpression(expr, scope);
      if (v === UNKNOWN || (typeof v === 'object' && v !== null)) {
        ok = false;
        return all;
      }
      if (typeof v === 'string' && v.startsWith('${')) ok = false;
      return String(v);
    });
    if (!ok) {
      unresolved.push(value);
      return value;
    }
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope, unresolved));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, scope, unresolved);
    return out;
  }
  return value;
}
