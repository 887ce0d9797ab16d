/** JSON values as read from input: the one object check and the one JSON-pointer builder of the source layer. */

/** A JSON object. */
export type Json = Record<string, unknown>;

/** True for a JSON object (not null, not a list). */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Escapes one JSON-pointer reference token (RFC 6901: `~` as `~0`, `/` as `~1`). */
export function escapePointer(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** The JSON pointer of a path: `/resource/genesyscloud_auth_role/qa`. */
export function jsonPointer(...tokens: readonly (string | number)[]): string {
  let out = '';
  for (const t of tokens) out += `/${escapePointer(String(t))}`;
  return out;
}
