/**
 * Raw bindings: a custom role with `permission_policies` and a CLIENT-CREDENTIALS OAuth client that holds it in
 * an explicit division, written with the generated genesyscloud provider bindings only (no access constructs).
 *
 * Synthesize alone: `cd examples/raw-bindings && npx cdktf synth`.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { AccessRules } from '../../lib';

export class RawBindingsStack extends TerraformStack {
  public readonly role: AuthRole;
  public readonly client: OauthClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GenesyscloudProvider(this, 'genesyscloud', {});
    // A relative state path keeps cdk.tf.json identical on every machine (the default is an absolute path).
    new LocalBackend(this, { path: 'terraform.tfstate' });
    // The rules check raw resources too: this stack has zero findings.
    AccessRules.check(this);

    const chicago = new DataGenesyscloudAuthDivision(this, 'chicago', { name: 'Chicago' });
    this.role = new AuthRole(this, 'qa-role', {
      name: 'QA recording reader',
      description: 'Reads screen recordings and conversation details',
      permissionPolicies: [
        { domain: 'analytics', entityName: 'conversationDetail', actionSet: ['view'] },
        { domain: 'recording', entityName: 'screenRecording', actionSet: ['view'] },
      ],
    });
    this.client = new OauthClient(this, 'qa-client', {
      name: 'QA recording downloader',
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      accessTokenValiditySeconds: 3600,
      roles: [{ roleId: this.role.id, divisionId: chicago.id }],
    });
  }
}

/** Adds this example's stack to `app` (the root app synthesizes every example). */
export function build(app: App, name = 'raw-bindings'): RawBindingsStack {
  return new RawBindingsStack(app, name);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
