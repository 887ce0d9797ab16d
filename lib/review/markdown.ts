/** Small Markdown helpers for output that must fit a pull-request comment. No cdktf import. */
import { INVISIBLE_CLASS } from '../util/invisible';

/**
 * Control characters (C0, DEL, C1, ESC sequences), bidirectional overrides and isolates (the "Trojan Source"
 * class), zero-width and other invisible format characters, line and paragraph separators, invisible fillers and
 * lone surrogates (which cannot be written as UTF-8): never written raw to a comment or a terminal.
 */
const INVISIBLE = new RegExp(
  `[\\u0000-\\u0008\\u000b-\\u001f${INVISIBLE_CLASS}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`,
  'g',
);

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Shows invisible and control characters visibly, as `\u202E`, keeping new lines and tabs (for code blocks). */
export function invisible(s: string): string {
  return s.replace(INVISIBLE, escapeChar);
}

/** Shows invisible and control characters visibly, as `\u202E`; tabs and new lines become spaces. */
export function visible(s: string): string {
  return s.replace(/\r?\n|\t/g, ' ').replace(INVISIBLE, escapeChar);
}

/**
 * Escapes text for Markdown and table cells: inline HTML, link and image syntax, bare URLs (which GitHub links),
 * pipes, emphasis, code spans, new lines, and invisible characters (shown as `\u202E`).
 */
export function text(s: string): string {
  return (
    visible(s)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\|*`[\]!~])/g, '\\$1')
      // GitHub turns bare URLs into links: an escaped colon or dot stops it.
      .replace(/:\/\//g, '\\://')
      .replace(/\b(www)\./gi, '$1\\.')
  );
}

/** An inline code span (safe in table cells): no raw HTML or links can start inside one. */
export function code(s: string): string {
  // A table splits cells at a pipe after an even run of backslashes (GFM reads `\\` as an escaped backslash
  // even in a code span): make every run before a pipe odd.
  const body = visible(s).replace(/(\\*)\|/g, (_m, bs: string) => `${bs}${bs.length % 2 ? '\\' : ''}\\|`);
  const runs = body.match(/`+/g);
  if (!runs) return `\`${body}\``;
  const fence = '`'.repeat(Math.max(...runs.map((r) => r.length)) + 1);
  return `${fence} ${body} ${fence}`;
}

/** `a`, `b` and up to `max` items, then `+N more`. */
export function codeList(items: readonly string[], max = Infinity, sep = ', '): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).map(code);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(sep)}${sep}+${more} more` : shown.join(sep);
}

/** Plain text items, capped. */
export function plainList(items: readonly string[], max = Infinity, sep = ', '): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).map(text);
  const more = items.length - shown.length;
  return more > 0 ? `${shown.join(sep)}${sep}+${more} more` : shown.join(sep);
}

/** A Markdown table. `right` marks right-aligned columns. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  right: number[] = [],
): string {
  const sep = headers.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [headers, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** A collapsed block. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body.trim()}\n\n</details>`;
}

/** `1 principal` / `2 principals`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
