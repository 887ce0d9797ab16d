/**
 * Terraform's reading of repeated JSON keys, which `JSON.parse` silently collapses to the last one. HCL's JSON
 * syntax (hashicorp/hcl json/parser.go keeps every property of an object, in order; json/structure.go gives
 * them meaning) treats a property that names a block type as one more block each time it appears (two
 * `"resource"` keys, two `"genesyscloud_oauth_client"` keys, two `"roles"` keys: all of them apply), while a
 * repeated argument is the error "Duplicate argument", a repeated key in an object value is "Duplicate object
 * attribute", and the same resource address declared twice is "Duplicate resource ... configuration"
 * (terraform internal/configs/module.go). So a file whose first `"resource"` key holds a backdoor client is read
 * here as Terraform applies it, not as `JSON.parse` shows it.
 *
 * {@link withTerraformDuplicates} is a cheap proof that a parsed file has no repeated key (the common case, and
 * the report benchmark's), falling back to a slow, exact parser only when the proof fails. No cdktf import.
 */
import { AccessValidationError } from '../../errors';
import { escapePointer, type Json } from '../../util/json';

/** Every property of an object that had a repeated key, in file order (other objects: their own entries). */
const ENTRIES = new WeakMap<object, Array<[string, unknown]>>();

/**
 * The document Terraform would read from `text` (already parsed by `JSON.parse` into `parsed`): `parsed` itself
 * when no object repeats a key, else the merged document. Throws one line naming the duplicate when Terraform
 * rejects it.
 */
export function withTerraformDuplicates(text: string, parsed: unknown, shown: string): unknown {
  if (!mayRepeatKeys(text, parsed)) {
    // Terraform also takes a list of objects where a block's labels go (`"resource": [{...}, {...}]`).
    const listed = isObj(parsed) && ['resource', 'data', 'locals'].some((k) => Array.isArray(parsed[k]));
    return listed ? mergeDocument(parsed, shown) : parsed;
  }
  return mergeDocument(parseKeepingDuplicates(text, shown), shown);
}

/**
 * False only when no object of `parsed` can have lost a repeated key. Every member of an object in the text is
 * its key's closing quote followed by a colon, so the number of `":` in the text bounds the members from above
 * (a string holding `":` only adds to it); the parsed tree holds one key per distinct member. Equal counts leave
 * no room for a repeated key. Whitespace before a colon (`"a" :`) is not counted, so its presence fails the proof.
 */
export function mayRepeatKeys(text: string, parsed: unknown): boolean {
  if (parsed === null || typeof parsed !== 'object') return false;
  // One pass over the colons: `":` counts; whitespace before a colon (rare, and never in cdktf's output) fails.
  let inText = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 0x22) inText++;
    else if (before === 0x20 || before === 0x0a || before === 0x0d || before === 0x09) return true;
  }
  return inText !== countKeys(parsed);
}

/** The number of keys of every object in a parsed JSON value. */
function countKeys(root: object): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) stack.push(x);
      }
    } else {
      for (const k in v) {
        n++;
        const x: unknown = (v as Json)[k];
        if (typeof x === 'object' && x !== null) stack.push(x);
      }
    }
  }
  return n;
}

const MAX_DEPTH = 512;

/** Parses valid JSON keeping every property of objects with a repeated key (see {@link ENTRIES}). */
export function parseKeepingDuplicates(text: string, shown: string): unknown {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what: string): never => {
    throw new AccessValidationError(`"${shown}" is not valid JSON at byte ${i}: ${what}`);
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const str = (): string => {
    const start = i;
    let end = text.indexOf('"', i + 1);
    while (end !== -1) {
      let bs = 0;
      for (let j = end - 1; text.charCodeAt(j) === 0x5c; j--) bs++;
      if (bs % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    if (end === -1) fail('an unterminated string');
    i = end + 1;
    const raw = text.slice(start, end + 1);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`values nest deeper than ${MAX_DEPTH}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Json = {};
      let entries: Array<[string, unknown]> | undefined;
      const seen: Array<[string, unknown]> = [];
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name');
        const key = str();
        ws();
        if (text[i] !== ':') fail('expected a colon');
        i++;
        const v = value(depth + 1);
        if (Object.prototype.hasOwnProperty.call(obj, key)) entries ??= [...seen];
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        seen.push([key, v]);
        if (entries) entries.push([key, v]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail('expected a comma or a closing brace');
      }
      if (entries) ENTRIES.set(obj, entries);
      return obj;
    }
    if (c === '[') {
      i++;
      const list: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return list;
      }
      for (;;) {
        list.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return list;
        }
        fail('expected a comma or a closing bracket');
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) fail('expected a value');
    i += m![0].length;
    return JSON.parse(m![0]) as unknown;
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('extra characters after the value');
  return v;
}

/** The properties of an object in file order, repeated keys included. */
function entriesOf(obj: Json): Array<[string, unknown]> {
  return ENTRIES.get(obj) ?? Object.entries(obj);
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function ptr(base: string, key: string | number): string {
  return `${base}/${escapePointer(String(key))}`;
}

/** Block types of a resource body: the meta blocks and the nested blocks of the types the access model reads. */
const BODY_BLOCKS = new Set([
  'dynamic',
  'lifecycle',
  'provisioner',
  'connection',
  'roles',
  'permission_policies',
  'conditions',
  'operands',
  'content',
]);
/** Arguments whose value may be an object (never merged as blocks). */
const OBJECT_ARGUMENTS = new Set(['for_each', 'count', 'depends_on', 'provider', 'triggers_replace', 'labels']);

class Merger {
  constructor(private readonly shown: string) {}

  fail(pointer: string, what: string): never {
    throw new AccessValidationError(`"${this.shown}" at ${pointer} ${what}`);
  }

  /** Checks an argument's value has no object with a repeated key ("Duplicate object attribute"). */
  value(v: unknown, pointer: string): unknown {
    if (Array.isArray(v)) {
      v.forEach((x, i) => this.value(x, ptr(pointer, i)));
      return v;
    }
    if (!isObj(v)) return v;
    const dup = ENTRIES.get(v);
    if (dup) {
      const seen = new Set<string>();
      for (const [k] of dup) {
        if (seen.has(k)) {
          this.fail(
            ptr(pointer, k),
            `repeats the key "${k}", which Terraform rejects (Duplicate object attribute): remove one`,
          );
        }
        seen.add(k);
      }
    }
    for (const k in v) this.value(v[k], ptr(pointer, k));
    return v;
  }

  /**
   * A block body: repeated block-type keys become one list of all their blocks (as Terraform reads them), a
   * repeated argument is an error. `"//"` (cdktf's metadata, a comment to Terraform) keeps its last value.
   */
  body(v: unknown, pointer: string): unknown {
    if (!isObj(v)) return v;
    const out: Json = {};
    const seen = new Set<string>();
    for (const [k, x] of entriesOf(v)) {
      const at = ptr(pointer, k);
      if (k === '//') {
        put(out, k, x);
        continue;
      }
      const block = isBlockKey(k, x);
      if (k === 'dynamic' && block) {
        put(
          out,
          k,
          this.labelled(own(out, k), x, at, (b, p) => this.body(b, p)),
        );
      } else if (block) {
        const blocks = asBlocks(x).map((b, i) => this.body(b, Array.isArray(x) ? ptr(at, i) : at));
        put(
          out,
          k,
          seen.has(k) ? [...asBlocks(own(out, k)), ...blocks] : Array.isArray(x) || x === null ? blocks : blocks[0],
        );
      } else {
        if (seen.has(k)) {
          this.fail(at, `repeats the argument "${k}", which Terraform rejects (Duplicate argument): remove one`);
        }
        put(out, k, this.value(x, at));
      }
      seen.add(k);
    }
    return out;
  }

  /** One label level (`dynamic`'s block type): repeated labels gather all their blocks. */
  private labelled(prior: unknown, v: unknown, pointer: string, body: (b: unknown, p: string) => unknown): unknown {
    const out: Json = isObj(prior) ? prior : {};
    for (const [label, blocks, at] of labelEntries(v, pointer)) {
      const made = asBlocks(blocks).map((b, i) => body(b, Array.isArray(blocks) ? ptr(at, i) : at));
      put(
        out,
        label,
        own(out, label) !== undefined
          ? [...asBlocks(own(out, label)), ...made]
          : Array.isArray(blocks)
            ? made
            : made[0],
      );
    }
    return out;
  }

  /** `resource` / `data`: type, then name labels; an address declared twice is an error. */
  resources(prior: unknown, v: unknown, kind: string, pointer: string): Json {
    const out: Json = isObj(prior) ? prior : {};
    for (const [type, names, typeAt] of labelEntries(v, pointer)) {
      if (!isObj(own(out, type))) put(out, type, {});
      const byName = own(out, type) as Json;
      for (const [name, blocks, at] of labelEntries(names, typeAt)) {
        for (const b of asBlocks(blocks)) {
          if (Object.prototype.hasOwnProperty.call(byName, name)) {
            this.fail(
              at,
              `declares ${kind} "${type}" "${name}" twice, which Terraform rejects (Duplicate ${kind} configuration): rename or remove one`,
            );
          }
          put(byName, name, this.body(b, at));
        }
      }
    }
    return out;
  }

  /** Blocks with one label (`variable`, `output`, `module`): a name declared twice is an error. */
  named(prior: unknown, v: unknown, kind: string, pointer: string, unique: boolean): Json {
    const out: Json = isObj(prior) ? prior : {};
    for (const [name, blocks, at] of labelEntries(v, pointer)) {
      for (const b of asBlocks(blocks)) {
        if (Object.prototype.hasOwnProperty.call(out, name)) {
          if (unique) this.fail(at, `declares ${kind} "${name}" twice, which Terraform rejects: rename or remove one`);
          put(out, name, [...asBlocks(own(out, name)), this.body(b, at)]);
        } else put(out, name, this.body(b, at));
      }
    }
    return out;
  }

  /** `locals` blocks: every block adds its values; a local defined twice is an error. */
  locals(prior: unknown, v: unknown, pointer: string): Json {
    const out: Json = isObj(prior) ? prior : {};
    for (const b of asBlocks(v)) {
      for (const [k, x] of entriesOf(b)) {
        const at = ptr(pointer, k);
        if (Object.prototype.hasOwnProperty.call(out, k)) {
          this.fail(
            at,
            `defines local "${k}" twice, which Terraform rejects (Duplicate local value definition): remove one`,
          );
        }
        put(out, k, this.value(x, at));
      }
    }
    return out;
  }
}

/** True when `k` with value `v` is a nested block type in a body (a block list, or one of the known block types). */
export function isBlockKey(k: string, v: unknown): boolean {
  if (k === '//') return false;
  return (
    (BODY_BLOCKS.has(k) && (v === null || (Array.isArray(v) && v.length === 0))) ||
    (isBlockValue(v) && (BODY_BLOCKS.has(k) || !OBJECT_ARGUMENTS.has(k)))
  );
}

/** Sets an own property, `__proto__` included (never the prototype). */
function put(o: Json, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** An own property's value, never an inherited one. */
function own(o: Json, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function isBlockValue(v: unknown): boolean {
  return isObj(v) || (Array.isArray(v) && v.length > 0 && v.every(isObj));
}

function asBlocks(v: unknown): Json[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter(isObj);
}

/** The labelled entries of a label level: an object, or a list of objects (all their properties, in order). */
function labelEntries(v: unknown, pointer: string): Array<[string, unknown, string]> {
  const out: Array<[string, unknown, string]> = [];
  const list = Array.isArray(v) ? v : [v];
  list.forEach((o, i) => {
    if (!isObj(o)) return;
    const base = Array.isArray(v) ? ptr(pointer, i) : pointer;
    for (const [k, x] of entriesOf(o)) if (k !== '//') out.push([k, x, ptr(base, k)]);
  });
  return out;
}

/** The merged document of a file parsed with {@link parseKeepingDuplicates}. */
export function mergeDocument(doc: unknown, shown: string): unknown {
  if (!isObj(doc)) return doc;
  const m = new Merger(shown);
  const out: Json = {};
  const seen = new Set<string>();
  for (const [k, v] of entriesOf(doc)) {
    const at = ptr('', k);
    if (k === 'resource' || k === 'data') put(out, k, m.resources(own(out, k), v, k, at));
    else if (k === 'locals') put(out, k, m.locals(own(out, k), v, at));
    else if (k === 'variable' || k === 'output' || k === 'module') put(out, k, m.named(own(out, k), v, k, at, true));
    else if (k === 'provider') put(out, k, m.named(own(out, k), v, k, at, false));
    else if (k === 'terraform') put(out, k, seen.has(k) ? [...asBlocks(own(out, k)), ...asBlocks(v)] : v);
    else if (k === '//') put(out, k, v);
    else {
      if (seen.has(k)) m.fail(at, `repeats the key "${k}", which Terraform rejects: remove one`);
      put(out, k, v);
    }
    seen.add(k);
  }
  return out;
}
