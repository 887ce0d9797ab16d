import { oneLine } from '../errors';
import { visible } from '../review/markdown';
import type { IConstruct } from './core';

/**
 * How construct mistakes and rule errors reach the user: through construct validations, never as a thrown error
 * (a throw in a cdktf app prints a Node stack trace, twice through cdktf-cli).
 *
 * `cdktf synth` (cdktf-cli) runs the app with CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS set and prints every
 * error annotation itself as one `ERROR [path]: message` line, then fails; so under it the messages become
 * error annotations without a stack trace. Anywhere else (`app.synth()` in a script, `Testing.synth(stack,
 * true)` in a test) they are returned to cdktf, which fails synth with "Validation failed" listing each one.
 * `skipValidation: true` skips both, like every other validation.
 */
export const CLI_PRINTS_ERRORS_ENV = 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS';

/** The metadata type cdktf gives error annotations (`AnnotationMetadataEntryType.ERROR`). */
const ERROR_ANNOTATION = '@cdktf/error';

const MISTAKES = Symbol.for('cdktf-genesyscloud-access/mistakes');
const SURFACED = Symbol.for('cdktf-genesyscloud-access/surfaced');

/** True when cdktf-cli runs the app: it prints error annotations itself, one line each. */
export function cliPrintsErrors(): boolean {
  return process.env[CLI_PRINTS_ERRORS_ENV] !== undefined;
}

/**
 * What a validation of `construct` returns for `messages`: the messages themselves, or (under cdktf-cli) nothing,
 * after adding each as an error annotation without a stack trace (once, however often validation runs).
 */
export function surfaceErrors(construct: IConstruct, messages: readonly string[]): string[] {
  if (messages.length === 0) return [];
  // Names in messages come from the user's code: control and bidi characters are shown, never printed raw.
  if (!cliPrintsErrors()) return messages.map(visible);
  const host = construct as unknown as Record<symbol, Set<string> | undefined>;
  const done = host[SURFACED] ?? new Set<string>();
  if (!host[SURFACED]) Object.defineProperty(construct, SURFACED, { value: done });
  for (const m of messages) {
    if (done.has(m)) continue;
    done.add(m);
    construct.node.addMetadata(ERROR_ANNOTATION, visible(m));
  }
  return [];
}

/**
 * Reports a mistake in how `construct` is used (a missing division, a wrong-typed prop, an invented permission):
 * one line with the fix, shown at synth by a validation of the construct. The construct goes on without the bad
 * part, so nothing throws.
 */
export function reportMistake(construct: IConstruct, message: string): void {
  const host = construct as unknown as Record<symbol, string[] | undefined>;
  let list = host[MISTAKES];
  if (!list) {
    const mine: string[] = [];
    list = mine;
    Object.defineProperty(construct, MISTAKES, { value: mine });
    construct.node.addValidation({ validate: () => surfaceErrors(construct, mine) });
  }
  const line = oneLine(message);
  if (!list.includes(line)) list.push(line);
}

/** The mistakes reported on `construct` so far (for constructs that decide what to do next). */
export function mistakesOf(construct: IConstruct): readonly string[] {
  return (construct as unknown as Record<symbol, string[] | undefined>)[MISTAKES] ?? [];
}
