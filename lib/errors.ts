/**
 * Errors for bad input: one line that says what is wrong and how to fix it. No cdktf import.
 *
 * Pure APIs (the catalog, `Capabilities.resolve`, the readers) throw these; the CLI prints `error.message` and exits
 * 2. Constructs never throw: they report mistakes at synth, one line each (lib/constructs/mistakes.ts).
 */

import { cutLongValues } from './cut';

const ACCESS_ERROR = Symbol.for('cdktf-genesyscloud-access/AccessValidationError');

/** An error in what the user asked for, with the fix in the message. */
export class AccessValidationError extends Error {
  /** True for errors made by this library, across copies of it. */
  public static isAccessValidationError(x: unknown): x is AccessValidationError {
    return typeof x === 'object' && x !== null && ACCESS_ERROR in x;
  }

  /** The construct path the error is about, if any. */
  public readonly path?: string;

  constructor(message: string, path?: string) {
    super(path ? `[${path}] ${oneLine(message)}` : oneLine(message));
    this.name = 'AccessValidationError';
    this.path = path;
    Object.defineProperty(this, ACCESS_ERROR, { value: true });
  }
}

/** Folds white space so every message stays on one line, and cuts long values (a 100 KB argument is not echoed). */
export function oneLine(message: string): string {
  return cutLongValues(message.replace(/\s+/g, ' ').trim());
}

/** `"a", "b" or "c"` for a list of names. */
export function quoteList(names: readonly string[], conjunction = 'or'): string {
  const q = names.map((n) => `"${n}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** ` Did you mean "x" or "y"?` or the empty string. */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length ? ` Did you mean ${quoteList(suggestions)}?` : '';
}
