/**
 * The screen-recording QA example (examples/screen-recording-qa) as a CDK Terrain app: cdktn instead of cdktf,
 * `cdktn-genesyscloud-access` instead of `cdktf-genesyscloud-access`, nothing else changed, and no cdktf
 * installed. It synthesizes the same cdk.tf.json (only the framework version in "//" differs), and
 * `genesys-access report` and `explain` give the same answers on it (test/package/cdktn-app.test.ts).
 *
 * Synthesize: `npm run synth` (`tsc && node main.js`: app.synth() runs on Node 20); with Node >= 22.19,
 * `npx cdktn synth` runs the same app through cdktn-cli. From this repository, before the package is published:
 * `npm run build && npm pack ./dist-cdktn`, then `npm install <that .tgz>` here.
 */
import { App, LocalBackend, TerraformStack } from 'cdktn';
import { Construct } from 'constructs';
import { GenesyscloudProvider } from 'cdktn-genesyscloud-access/provider/provider';
import {
  AccessRole,
  AccessRules,
  Division,
  PermissionBundle,
  ScreenRecordingReaderClient,
} from 'cdktn-genesyscloud-access';

/** An illustrative slice of an agent role: the agent can read its own conversations' details and recordings. */
export const AGENT_BUNDLE = PermissionBundle.of('Agent (recording slice)', [
  'analytics:agentConversationDetail:view',
  'recording:recording:view',
  'recording:screenRecording:view',
]);

export class ScreenRecordingQaStack extends TerraformStack {
  public readonly qa: ScreenRecordingReaderClient;
  public readonly restrictedAgentRole: AccessRole;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GenesyscloudProvider(this, 'genesyscloud', {});
    new LocalBackend(this, { path: 'terraform.tfstate' });
    AccessRules.check(this);

    const chicago = Division.fromName(this, 'chicago', 'Chicago');
    const home = Division.home(this);

    this.qa = new ScreenRecordingReaderClient(this, 'qa', {
      name: 'QA screen recording downloader',
      divisions: [chicago, home],
      includeConversationSearch: true,
    });

    // The Chicago agents' "Restricted" role: Agent minus screen-recording view.
    this.restrictedAgentRole = new AccessRole(this, 'restricted-agent', {
      name: 'Restricted',
      description: 'Agent without screen-recording playback (Chicago hub)',
      base: AGENT_BUNDLE,
      remove: ['recording:screenRecording:view'],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new ScreenRecordingQaStack(app, 'screen-recording-qa');
  app.synth();
}
