/**
 * JSON output: the models as they are (their key order is fixed by construction), compact, one line and a final
 * new line, like `terraform show -json`. It is for programs (pipe it to `jq .` to read it); Markdown is for people.
 * Compact output is about half the bytes of indented output on large plans.
 */
import { escapeInvisibleJson } from '../util/invisible';

/** Stable compact JSON text with a final new line. */
export function renderJson(model: unknown): string {
  // Invisible characters from the input are escaped (lib/util/invisible.ts): the same JSON value, visible.
  return `${escapeInvisibleJson(JSON.stringify(model))}\n`;
}
