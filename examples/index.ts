/** Every example app, by stack name. The root `cdktf synth` and the example tests iterate over this. */
import type { App, TerraformStack } from 'cdktf';
import { build as rawBindings } from './raw-bindings/main';

export const EXAMPLES: Record<string, (app: App, name: string) => TerraformStack> = {
  'raw-bindings': rawBindings,
};
