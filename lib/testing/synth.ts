import { Testing, type TerraformStack } from '../constructs/core';
import { assertValidTerraformJson } from './provider-schema';

/**
 * Synthesizes `stack` with validations on (like `cdktf synth`, unlike a bare `Testing.synth(stack)`) and
 * returns the parsed `cdk.tf.json`, keys sorted, `//` metadata stripped.
 */
export function synthJson(stack: TerraformStack): Record<string, unknown> {
  return JSON.parse(Testing.synth(stack, true));
}

/** {@link synthJson}, then asserts the result matches the pinned genesyscloud provider schema. */
export function synthValid(stack: TerraformStack): Record<string, unknown> {
  const json = synthJson(stack);
  assertValidTerraformJson(json);
  return json;
}
