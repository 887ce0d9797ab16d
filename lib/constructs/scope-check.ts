import { AccessValidationError } from '../errors';
import { type IConstruct, TerraformStack } from './core';
import { describeValue } from './props';

/**
 * Checks the scope a JavaScript caller (no compiler) passes to a static entry point (`AccessRules.check(this)`,
 * `Division.home(this)`): with no construct there is nothing to report a mistake on, so a wrong scope is thrown as
 * one line naming the call and the fix, never as `TypeError: Cannot read properties of undefined`.
 *
 * @param call the call in messages, e.g. `AccessRules.check(this)`
 */
export function requireScope(scope: unknown, call: string): IConstruct {
  const node = typeof scope === 'object' && scope !== null ? (scope as { node?: unknown }).node : undefined;
  if (typeof node !== 'object' || node === null) {
    throw new AccessValidationError(
      `${call} needs a construct in a stack, e.g. ${call} inside your stack's constructor (got ${describeValue(scope)})`,
    );
  }
  try {
    TerraformStack.of(scope as IConstruct);
  } catch {
    throw new AccessValidationError(`${call} needs a construct inside a TerraformStack (got one outside any stack)`);
  }
  return scope as IConstruct;
}
