/**
 * Checks the type of every value the access model reads from a Terraform document before anything reads it:
 * the attributes of OAuth clients, roles, role grants, divisions, users, groups and their data sources (typed by
 * the pinned provider schema, see {@link readSchema}) and cdktf's `"//"` metadata. A wrong type is one line
 * naming the value (its address and its JSON pointer, or file:line for HCL) and what it must be; nothing is
 * coerced (no `[object Object]` division, no list read from a string). Expressions (`${...}`) are left to the
 * reader, which marks what they make unknown. No cdktf import.
 */
import { AccessValidationError } from '../errors';
import { escapeInvisibleJson } from '../util/invisible';
import { isObject, jsonPointer, type Json } from '../util/json';
import { type ReadAttribute, type ReadBlock, readSchema } from './document-schema';

/** Where the document came from, for messages. */
export interface ValidateDocumentOptions {
  /** The file, as the user named it. */
  readonly file?: string;
  /** Where a resource is written (HCL: its file and line), by Terraform address. */
  readonly locate?: (address: string) => { readonly file: string; readonly line?: number } | undefined;
}

/** A value's kind in a message: never its content. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return v === '' ? 'an empty string' : 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return `a ${typeof v}`;
}

const isExpression = (v: unknown): boolean => typeof v === 'string' && v.includes('${');

/** A short, visible quote of an input string for a message (never more than 40 characters). */
function shortQuote(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 37)}...` : s;
  return escapeInvisibleJson(JSON.stringify(cut));
}

/** Why `v` does not fit `a`, or undefined when it does. */
function misfit(a: ReadAttribute, v: unknown): string | undefined {
  if (v === undefined || v === null || isExpression(v)) return undefined;
  switch (a.type) {
    case 'string':
      if (typeof v !== 'string') return kindOf(v);
      if (a.oneOf && !a.oneOf.includes(v)) return shortQuote(v);
      return undefined;
    case 'number':
      if (typeof v === 'number' && Number.isFinite(v)) return undefined;
      if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return undefined;
      return typeof v === 'string' ? `${kindOf(v)} that is not a number` : kindOf(v);
    case 'bool':
      return typeof v === 'boolean' || v === 'true' || v === 'false' ? undefined : kindOf(v);
    case 'strings':
      return Array.isArray(v) ? undefined : kindOf(v);
  }
}

/**
 * Where a value is: the entry and the steps below it. Built into an address, a path and a pointer only when a
 * value is wrong (the checks run on every resource of large plans).
 */
interface At {
  readonly kind: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  /** Attribute and block names, and list indexes, from the entry down. */
  readonly steps: readonly (string | number)[];
}

const below = (at: At, ...steps: (string | number)[]): At => ({ ...at, steps: [...at.steps, ...steps] });

class DocumentChecker {
  constructor(private readonly options: ValidateDocumentOptions) {}

  private fail(at: At | undefined, what: string, must: string, rootSteps: readonly string[] = []): never {
    const addr = at ? address(at.kind, at.type, at.name) : '';
    const steps = at ? at.steps : rootSteps;
    let path = addr;
    for (const s of steps) path += typeof s === 'number' ? `[${s}]` : s === '//' ? '["//"]' : `.${s}`;
    const pointer = at ? jsonPointer(at.kind, at.type, at.name, ...steps) : jsonPointer(...steps);
    const located = at ? this.options.locate?.(addr) : undefined;
    const where =
      located?.line !== undefined
        ? `${located.file}:${located.line}: ${path}`
        : `"${this.options.file ?? 'the stack'}" at ${pointer} (${path.replace(/^\./, '')})`;
    throw new AccessValidationError(`${where} is ${what}: it must be ${must}`);
  }

  block(schema: ReadBlock, body: Json, at: At): void {
    for (const name in schema.attributes) {
      const a = schema.attributes[name];
      const v = body[name];
      const bad = misfit(a, v);
      if (bad) this.fail(below(at, name), bad, a.oneOf ? `one of ${a.oneOf.map((x) => `"${x}"`).join(', ')}` : a.must);
      if (a.type === 'strings' && Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (typeof x !== 'string') this.fail(below(at, name, i), kindOf(x), `a string in ${a.must}`);
        }
      }
    }
    for (const name in schema.blocks) {
      const v = body[name];
      if (v === undefined || v === null || isExpression(v)) continue;
      const list = Array.isArray(v) ? v : [v];
      for (let i = 0; i < list.length; i++) {
        const item: unknown = list[i];
        const here = Array.isArray(v) ? below(at, name, i) : below(at, name);
        if (!isObject(item)) this.fail(here, kindOf(item), `a ${name} block (an object)`);
        this.block(schema.blocks[name], item, here);
      }
    }
    if (body['//'] !== undefined) this.metadata(body, at);
  }

  /** cdktf's `"//"` metadata: the construct path the tool records must be a string. */
  metadata(body: Json, at: At | undefined): void {
    const tag = body['//'];
    if (tag === undefined) return;
    const step = (...steps: string[]): [At | undefined, string[]] => [at && below(at, ...steps), steps];
    if (!isObject(tag)) {
      const [a, root] = step('//');
      return this.fail(a, kindOf(tag), "cdktf's metadata object", root);
    }
    const meta = tag.metadata;
    if (meta === undefined) return;
    if (!isObject(meta)) {
      const [a, root] = step('//', 'metadata');
      this.fail(a, kindOf(meta), "cdktf's metadata object", root);
    }
    for (const key of ['path', 'uniqueId', 'stackName']) {
      if (meta[key] !== undefined && typeof meta[key] !== 'string') {
        const [a, root] = step('//', 'metadata', key);
        this.fail(
          a,
          kindOf(meta[key]),
          'a string written by cdktf synth: synthesize again instead of editing it',
          root,
        );
      }
    }
  }
}

/** The address of a document entry (module entries are `module.m.name`). */
function address(kind: 'resource' | 'data', type: string, name: string): string {
  const m = /^((?:module\.[^.]+\.)+)(.+)$/.exec(name);
  const data = kind === 'data' ? 'data.' : '';
  return m ? `${m[1]}${data}${type}.${m[2]}` : `${data}${type}.${name}`;
}

/**
 * Throws an {@link AccessValidationError} at the first value of `doc` the access model would read with a
 * wrong type. Documents that are not objects, and sections or instances that are not objects, are left to the
 * reader, which names them.
 */
export function validateDocument(doc: unknown, options: ValidateDocumentOptions = {}): void {
  if (!isObject(doc)) return;
  const schema = readSchema();
  const checker = new DocumentChecker(options);
  if (doc['//'] !== undefined) checker.metadata(doc, undefined);
  for (const kind of ['resource', 'data'] as const) {
    const section = doc[kind];
    if (!isObject(section)) continue;
    for (const type in schema[kind]) {
      const byName = section[type];
      if (!isObject(byName)) continue;
      for (const name in byName) {
        const body = byName[name];
        if (!isObject(body)) continue;
        checker.block(schema[kind][type], body, { kind, type, name, steps: [] });
      }
    }
  }
}
