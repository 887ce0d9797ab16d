/**
 * HCL collection literals inside `${...}`: tuples `[a, b]` and objects `{ key = value, "k": v }` whose elements
 * are literals, references or other collections, the form cdktf writes for a `TerraformIterator.fromList` of
 * objects (`${toset([{"role" = genesyscloud_auth_role.admin.id, "div" = "*"}])}`). Each element is resolved by
 * the caller's `element` (references stay `${address.attr}` strings); anything this grammar does not cover is
 * UNKNOWN, never a guess. No cdktf import.
 */

/** A value the reader cannot know (the same symbol as expressions.ts's UNKNOWN, passed in to avoid a cycle). */
export type Unknown = symbol;

/**
 * Parses `text` as an HCL tuple or object expression. `element` evaluates an element that is not a collection
 * (a number, a string, a reference, a function call) and returns `unknown` when it cannot.
 */
export function parseCollection(text: string, element: (expr: string) => unknown, unknown: Unknown): unknown {
  let i = 0;
  const s = text;
  const ws = (): void => {
    while (i < s.length && /[ \t\r\n]/.test(s[i])) i++;
  };
  /** Spaces on the same line (a new line after an element separates it from the next). */
  const hws = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const sep = (): boolean => {
    // A comma or a new line separates elements.
    let moved = false;
    while (i < s.length && /[ \t\r\n,]/.test(s[i])) {
      i++;
      moved = true;
    }
    return moved;
  };
  /** The text of one element, up to a separator or closer at depth 0 (strings and brackets skipped). */
  const raw = (): string | undefined => {
    const start = i;
    let depth = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '"') {
        i++;
        while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
        if (i >= s.length) return undefined;
        i++;
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || c === '\n' || c === '=' || (c === ':' && s[i + 1] !== ':'))) break;
      i++;
    }
    const out = s.slice(start, i).trim();
    return out === '' ? undefined : out;
  };
  const value = (depth: number): unknown => {
    if (depth > 32) return unknown;
    ws();
    if (s[i] === '[') {
      i++;
      const list: unknown[] = [];
      for (;;) {
        sep();
        if (s[i] === ']') {
          i++;
          return list;
        }
        const v = value(depth + 1);
        if (v === unknown) return unknown;
        list.push(v);
        hws();
        if (s[i] !== ']' && !sep()) return unknown;
      }
    }
    if (s[i] === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      for (;;) {
        sep();
        if (s[i] === '}') {
          i++;
          return obj;
        }
        const k = raw();
        if (k === undefined) return unknown;
        const key = /^"(?:[^"\\$]|\\.)*"$/.test(k)
          ? (JSON.parse(k) as string)
          : /^[A-Za-z_][\w-]*$/.test(k)
            ? k
            : undefined;
        if (key === undefined) return unknown;
        ws();
        if (s[i] !== '=' && s[i] !== ':') return unknown;
        i++;
        const v = value(depth + 1);
        if (v === unknown || Object.prototype.hasOwnProperty.call(obj, key)) return unknown;
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        hws();
        if (s[i] !== '}' && !sep()) return unknown;
      }
    }
    const e = raw();
    if (e === undefined) return unknown;
    return element(e);
  };
  const v = value(0);
  ws();
  return i === s.length ? v : unknown;
}
