/**
 * WFM schedule publisher: a "Compliance Auditor" service account publishes the weekly schedules of one business
 * unit without the WFM Administrator role.
 *
 * There is no `wfm:schedule:publish` permission and no `POST /api/v2/wfm/schedules/{id}/publish`: a week schedule
 * is published by updating (wfm:schedule:edit) or importing (wfm:schedule:add) it with published=true. Separation
 * of duties comes from the division (only the Midwest business unit's) and from not granting generate/delete.
 *
 * Synthesize alone: `cd examples/wfm-schedule-publisher && npx cdktf synth`.
 */
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { WorkforcemanagementBusinessunits } from '../../src/generated/provider/workforcemanagement-businessunits';
import { AccessRules, Division, WfmPrincipal, WfmPublisherServiceAccount } from '../../lib';

export class WfmSchedulePublisherStack extends TerraformStack {
  public readonly publisher: WfmPublisherServiceAccount;
  public readonly auditor: WfmPublisherServiceAccount;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GenesyscloudProvider(this, 'genesyscloud', {});
    new LocalBackend(this, { path: 'terraform.tfstate' });
    AccessRules.check(this);

    // The business unit lives in its own division; the grant names that division and nothing else.
    const midwest = new Division(this, 'midwest-wfm', { name: 'Midwest WFM', description: 'Midwest business unit' });
    new WorkforcemanagementBusinessunits(this, 'midwest-bu', {
      name: 'Midwest',
      divisionId: midwest.divisionId,
      settings: { startDayOfWeek: 'Monday', timeZone: 'America/Chicago' },
    });

    // A pipeline integration: client credentials, no scopes.
    this.publisher = new WfmPublisherServiceAccount(this, 'publisher', {
      divisions: [midwest],
      principal: WfmPrincipal.clientCredentials({ name: 'Midwest schedule publisher' }),
    });

    // The Compliance Auditor as a user, publishing from a tool that signs in (user context: scopes apply).
    this.auditor = new WfmPublisherServiceAccount(this, 'compliance-auditor', {
      divisions: [midwest],
      roleName: 'Compliance Auditor - schedule publishing',
      principal: WfmPrincipal.user({
        email: 'compliance.auditor@example.com',
        name: 'Compliance Auditor',
        userContextClient: {
          name: 'Compliance schedule tool',
          redirectUris: ['https://compliance.example.com/callback'],
        },
      }),
    });
  }
}

/** Adds this example's stack to `app`. */
export function build(app: App, name = 'wfm-schedule-publisher'): WfmSchedulePublisherStack {
  return new WfmSchedulePublisherStack(app, name);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
