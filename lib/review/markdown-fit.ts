/**
 * What the Markdown renderers share: the pull-request comment budget, the detail levels shrunk until the output
 * fits it, and small cells. No cdktf import.
 */
import { code, plural, table, text } from './markdown';

/** GitHub refuses comments over 65,536 characters; leave room for a wrapper. */
export const COMMENT_LIMIT = 60000;

/** How much detail to render; shrunk step by step until the output fits {@link COMMENT_LIMIT}. */
export interface Caps {
  /** Table rows per stack. */
  readonly rows: number;
  /** `<details>` blocks per stack. */
  readonly details: number;
  /** Findings (and broadening rows) listed. */
  readonly findings: number;
  /** Names listed for a row of principals with identical access. */
  readonly names: number;
}

const LEVELS: readonly Caps[] = [
  { rows: 50, details: 50, findings: 50, names: 20 },
  { rows: 30, details: 10, findings: 30, names: 10 },
  { rows: 15, details: 3, findings: 15, names: 5 },
  { rows: 5, details: 0, findings: 5, names: 3 },
  { rows: 0, details: 0, findings: 0, names: 0 },
];

const SHORTENED = '_Shortened to fit a pull-request comment: `--format json` has everything._';

/** Renders with the most detail that fits a PR comment. */
export function fit(render: (caps: Caps) => string): string {
  let out = '';
  for (let i = 0; i < LEVELS.length; i++) {
    out = render(LEVELS[i]);
    // A shortened rendering carries the note: it must fit with it.
    if (out.length <= (i === 0 ? COMMENT_LIMIT : COMMENT_LIMIT - SHORTENED.length - 3)) {
      return i === 0 ? out : `${out.trimEnd()}\n\n${SHORTENED}\n`;
    }
  }
  return `${out.slice(0, COMMENT_LIMIT - SHORTENED.length - 10).replace(/\n[^\n]*$/, '')}\n\n${SHORTENED}\n`;
}

export function typeOf(p: { kind: string; grantType?: string; userContext?: boolean }): string {
  if (p.kind === 'user') return 'user';
  if (p.kind === 'group') return 'group';
  const gt = p.grantType ?? 'no grant type';
  return p.userContext ? `OAuth client, ${gt} (user context)` : `OAuth client, ${gt}`;
}

export function who(p: { name: string; address: string }): string {
  return p.name === p.address ? code(p.address) : `**${text(p.name)}**<br>${code(p.address)}`;
}

/** `+3 more rows` after some shown, `3 rows` when none is. */
export function moreOf(count: number, shown: number, what: string): string {
  return shown ? `+${count} more ${count === 1 ? what : `${what}s`}` : plural(count, what);
}

/** A table of the first rows, and a line for the rest. */
export function capped(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  total: number,
  what: string,
  right: number[] = [],
): string {
  const more = total - rows.length;
  const rest = more > 0 ? `${moreOf(more, rows.length, what)}: see \`--format json\`` : '';
  return [rows.length ? table(headers, rows, right) : '', rest].filter(Boolean).join('\n\n');
}
