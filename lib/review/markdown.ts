/** Small Markdown helpers for output that must fit a pull-request comment. No cdktf import. */

/** Escapes text for Markdown and table cells: inline HTML, pipes, emphasis stars, new lines. */
export function text(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([|*])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** An inline code span (safe in table cells). */
export function code(s: string): string {
  const body = s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
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
