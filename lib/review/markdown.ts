/** Small Markdown helpers for output that must fit a pull-request comment. No cdktf import. */

/**
 * Control characters (C0, DEL, C1, ESC sequences), bidirectional overrides and isolates (the "Trojan Source"
 * class), zero-width and other invisible format characters: never written raw to a comment or a terminal.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

/** Shows invisible and control characters visibly, as `\u202E`; tabs and new lines become spaces. */
export function visible(s: string): string {
  return s
    .replace(/\r?\n|\t/g, ' ')
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * Escapes text for Markdown and table cells: inline HTML, link and image syntax, pipes, emphasis, code spans,
 * new lines, and invisible characters (shown as `\u202E`).
 */
export function text(s: string): string {
  return visible(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|*`[\]!~])/g, '\\$1');
}

/** An inline code span (safe in table cells): no raw HTML or links can start inside one. */
export function code(s: string): string {
  const body = visible(s).replace(/\|/g, '\\|');
  return body.includes('`') ? `\`\` ${body} \`\`` : `\`${body}\``;
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
