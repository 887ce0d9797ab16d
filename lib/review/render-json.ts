/** JSON output: the models as they are (their key order is fixed by construction), two-space indent. */

/** Stable JSON text with a final new line. */
export function renderJson(model: unknown): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
