import { Testing, type TerraformStack } from 'cdktf';

/**
 * The validation errors of `stack`, one `[path] message` line each, as `cdktf synth` reports them when run outside
 * cdktf-cli (`Testing.synth(stack, true)`): empty when synth passes. Any other error is rethrown.
 */
export function validationErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
    return [];
  } catch (e) {
    const m = (e as Error).message;
    if (!m.startsWith('Validation failed with the following errors:')) throw e;
    return m
      .split('\n')
      .filter((l) => /^\s+\[/.test(l))
      .map((l) => l.trim());
  }
}
