/**
 * JSON output: the models as they are (their key order is fixed by construction), compact, one line and a final
 * new line, like `terraform show -json`. It is for programs (pipe it to `jq .` to read it); Markdown is for people.
 * Compact output is about half the bytes of indented output on large plans.
 */

/**
 * Characters JSON.stringify writes raw that must not reach a terminal or a log raw: C1 controls, bidi overrides
 * and isolates, zero-width and other invisible characters, line separators. Escaped as `\u202e`: the same JSON
 * value, visible.
 */
const RAW =
  /[\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]/g;

/** Stable compact JSON text with a final new line. */
export function renderJson(model: unknown): string {
  return `${JSON.stringify(model).replace(RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
