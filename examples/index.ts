/** Every example app, by stack name. The root `cdktf synth` and the example tests iterate over this. */
import type { App, TerraformStack } from 'cdktf';
import { build as rawBindings } from './raw-bindings/main';
import { build as screenRecordingQa } from './screen-recording-qa/main';
import { build as wfmSchedulePublisher } from './wfm-schedule-publisher/main';

export const EXAMPLES: Record<string, (app: App, name: string) => TerraformStack> = {
  'raw-bindings': rawBindings,
  'screen-recording-qa': screenRecordingQa,
  'wfm-schedule-publisher': wfmSchedulePublisher,
};
