/**
 * The line a JSON pointer points at in a JSON text: for an object member the line of its key, for a list item the
 * line its value starts on. One pass over the text for any number of pointers, descending only into the members
 * some pointer goes through. No cdktf import.
 */

/** Splits a JSON pointer (RFC 6901) into its reference tokens; undefined for one that does not start with `/`. */
export function pointerTokens(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapeToken(t: string): string {
  return t.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Thrown inside the scan when the text is not JSON; the lines found so far are kept. */
class NotJson extends Error {}

class Scanner {
  private pos = 0;
  /** Offsets of the points found, by pointer. */
  public readonly found = new Map<string, number>();

  constructor(
    private readonly text: string,
    private readonly targets: ReadonlySet<string>,
    private readonly through: ReadonlySet<string>,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  public document(): void {
    this.ws();
    if (this.targets.has('')) this.found.set('', this.pos);
    this.value('');
  }

  private ws(): void {
    const t = this.text;
    let c = t.charCodeAt(this.pos);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = t.charCodeAt(++this.pos);
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw new NotJson();
    this.pos++;
  }

  /** A value at `pointer`: descended into when a pointer goes through it, else skipped. */
  private value(pointer: string): void {
    if (!this.through.has(pointer)) return this.skip();
    const c = this.text[this.pos];
    if (c === '{') this.object(pointer);
    else if (c === '[') this.array(pointer);
    else this.skip();
  }

  private object(pointer: string): void {
    this.expect('{');
    this.ws();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.ws();
      const at = this.pos;
      const key = this.string();
      const child = `${pointer}/${escapeToken(key)}`;
      // A repeated key: JSON.parse keeps the last one, and so does this.
      if (this.targets.has(child)) this.found.set(child, at);
      this.ws();
      this.expect(':');
      this.ws();
      this.value(child);
      this.ws();
      if (this.text[this.pos] === ',') this.pos++;
      else return this.expect('}');
    }
  }

  private array(pointer: string): void {
    this.expect('[');
    this.ws();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (let i = 0; ; i++) {
      this.ws();
      const child = `${pointer}/${i}`;
      if (this.targets.has(child)) this.found.set(child, this.pos);
      this.value(child);
      this.ws();
      if (this.text[this.pos] === ',') this.pos++;
      else return this.expect(']');
    }
  }

  /** A string token, decoded. */
  private string(): string {
    const start = this.pos;
    this.skipString();
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      throw new NotJson();
    }
  }

  private skipString(): void {
    const t = this.text;
    this.expect('"');
    for (;;) {
      const c = t.charCodeAt(this.pos++);
      if (c === 0x22) return;
      if (c === 0x5c) this.pos++;
      else if (Number.isNaN(c)) throw new NotJson();
    }
  }

  /** Skips one value (nested objects and lists by depth, without recursion). */
  private skip(): void {
    const t = this.text;
    let depth = 0;
    for (;;) {
      const c = t[this.pos];
      if (c === undefined) throw new NotJson();
      if (c === '"') this.skipString();
      else if (c === '{' || c === '[') {
        depth++;
        this.pos++;
      } else if (c === '}' || c === ']') {
        if (depth === 0) throw new NotJson();
        depth--;
        this.pos++;
      } else if (depth === 0 && (c === ',' || c === ' ' || c === '\n' || c === '\r' || c === '\t')) {
        throw new NotJson();
      } else this.pos++;
      if (depth === 0 && (c === '"' || c === '}' || c === ']' || this.atScalarEnd())) return;
    }
  }

  /** True after the last character of a number or literal. */
  private atScalarEnd(): boolean {
    const n = this.text[this.pos];
    return (
      n === undefined || n === ',' || n === '}' || n === ']' || n === ' ' || n === '\n' || n === '\r' || n === '\t'
    );
  }
}

/** The 1-based line of each offset. */
function linesOf(text: string, offsets: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...offsets].sort((a, b) => a[1] - b[1]);
  const out = new Map<string, number>();
  let line = 1;
  let pos = 0;
  for (const [pointer, offset] of sorted) {
    for (; pos < offset; pos++) if (text.charCodeAt(pos) === 0x0a) line++;
    out.set(pointer, line);
  }
  return out;
}

/**
 * The line of each of `pointers` in the JSON `text`. Pointers the text does not hold are left out, and so are
 * all of them past the point where the text stops being JSON.
 */
export function jsonPointerLines(text: string, pointers: Iterable<string>): Map<string, number> {
  const targets = new Set<string>();
  const through = new Set<string>();
  for (const p of pointers) {
    const tokens = pointerTokens(p);
    if (!tokens) continue;
    targets.add(p);
    let prefix = '';
    through.add(prefix);
    for (const t of tokens.slice(0, -1)) through.add((prefix += `/${escapeToken(t)}`));
  }
  if (targets.size === 0) return new Map();
  const scanner = new Scanner(text, targets, through);
  try {
    scanner.document();
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
  }
  return linesOf(text, scanner.found);
}

/** The line of one pointer in the JSON `text`, or undefined. */
export function jsonPointerLine(text: string, pointer: string): number | undefined {
  return jsonPointerLines(text, [pointer]).get(pointer);
}
