/**
 * Screen-recording QA: a QA integration downloads screen recordings of agents in the Chicago hub.
 *
 * The 403 this fixes: the client worked for most agents but not for Chicago agents. The cause was never the
 * agents' custom "Restricted" role, nor a scope (client-credentials tokens ignore scopes; there is no
 * `screen_recording:read`): the client's role was granted only in the home division, while the Chicago agents'
 * conversations belong to the Chicago division. Here the client holds exactly `recording:screenRecording:view`
 * (and the conversation-detail query to find the conversations) in both divisions.
 *
 * Synthesize alone: `cd examples/screen-recording-qa && npx cdktf synth`.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { AccessRole, AccessRules, Division, PermissionBundle, ScreenRecordingReaderClient } from '../../lib';

/**
 * An illustrative slice of an agent role: the agent can read its own conversations' details and recordings.
 * (The real built-in Agent role has many more permissions; only the recording-related ones matter here.)
 */
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

    // The Chicago agents' "Restricted" role: Agent minus screen-recording view. It limits what the agents can
    // see of their own recordings; it does not limit what the QA client can download.
    this.restrictedAgentRole = new AccessRole(this, 'restricted-agent', {
      name: 'Restricted',
      description: 'Agent without screen-recording playback (Chicago hub)',
      base: AGENT_BUNDLE,
      remove: ['recording:screenRecording:view'],
    });
  }
}

/** Adds this example's stack to `app`. */
export function build(app: App, name = 'screen-recording-qa'): ScreenRecordingQaStack {
  return new ScreenRecordingQaStack(app, name);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
