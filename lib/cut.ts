/** Cutting user-given values before they are echoed in a message: a 100 KB argument is never written whole. */

/** How much of a user-given value a message echoes by default. */
export const MAX_ECHO = 200;

/**
 * `value` when it is at most `max` characters, else its first characters, an ellipsis and the full length, in
 * at most `max` characters all told (so cutting again changes nothing): `xxxx… (100000 characters)`. Cuts
 * between UTF-16 surrogates are avoided.
 */
export function cutValue(value: string, max: number = MAX_ECHO): string {
  if (value.length <= max) return value;
  const suffix = `… (${value.length} characters)`;
  let end = Math.max(1, max - suffix.length);
  const c = value.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${value.slice(0, end)}${suffix}`;
}

/**
 * `message` with every long value cut ({@link cutValue}): a quoted value longer than `max` characters, and any
 * other run of more than `max` characters without a space. Linear in the message's length.
 */
export function cutLongValues(message: string, max: number = MAX_ECHO): string {
  if (message.length <= max) return message;
  return message
    .replace(/"([^"]*)"/g, (whole, inner: string) => (inner.length > max ? `"${cutValue(inner, max)}"` : whole))
    .replace(/[^\s"]+/g, (run) => (run.length > max ? cutValue(run, max) : run));
}
