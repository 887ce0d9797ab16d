/**
 * The characters no output writes raw, in one place: DEL and C1 controls, bidi overrides and isolates (the
 * "Trojan Source" class), zero-width and other invisible format characters, invisible fillers, the line and
 * paragraph separators. Markdown and terminal text (lib/review/markdown.ts) add C0 controls and lone surrogates;
 * JSON text (JSON.stringify escapes those itself) uses {@link escapeInvisibleJson}. No cdktf import.
 */

/** The character class body (for building a RegExp) of what JSON.stringify leaves raw and no output may. */
export const INVISIBLE_CLASS =
  '\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb';

const IN_JSON = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/**
 * JSON text with every invisible character escaped as `\u202e`: inside a JSON string that is the same value, so
 * the document means what it meant, and nothing hidden reaches a terminal, a log or a pull request.
 */
export function escapeInvisibleJson(json: string): string {
  return json.replace(IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
