import { Testing } from 'cdktf';
import { Capabilities } from '../../../lib';
import { synthValid } from '../../../lib/testing';
import { WfmSchedulePublisherStack } from '../main';

describe('examples/wfm-schedule-publisher', () => {
  const stack = new WfmSchedulePublisherStack(Testing.app(), 'wfm-schedule-publisher');
  const json = synthValid(stack) as any;
  const ops = [
    ...new Set(
      ['wfm-schedule-read', 'wfm-schedule-publish'].flatMap((c) =>
        Capabilities.resolve(c).operations.map((o) => o.key),
      ),
    ),
  ];

  test('the pipeline publisher is a CLIENT-CREDENTIALS client with exactly view, edit and add, in Midwest WFM only', () => {
    const client = stack.publisher.principal;
    expect(
      json.resource.genesyscloud_oauth_client[(client as any).resource.friendlyUniqueId].authorized_grant_type,
    ).toBe('CLIENT-CREDENTIALS');
    expect(json).toGrantExactly(client, ['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view'], {
      division: 'Midwest WFM',
    });
    expect(json).toGrantExactly(client, [], { division: 'home' });
  });

  test.each(ops)('the publisher can call %s in Midwest WFM', (op) => {
    expect(json).toAllowOperation(stack.publisher.principal, op, { division: 'Midwest WFM' });
    expect(json).toAllowOperation(stack.auditor.principal, op, { division: 'Midwest WFM' });
  });

  test('separation of duties: no generate, no delete, nothing in other divisions', () => {
    const p = stack.publisher.principal;
    expect(json).not.toGrantPermission(p, 'wfm:schedule:generate');
    expect(json).not.toGrantPermission(p, 'wfm:schedule:delete');
    expect(json).not.toAllowOperation(
      p,
      'DELETE /api/v2/workforcemanagement/businessunits/bu-1/weeks/2026-11-23/schedules/s-1',
    );
    expect(json).not.toAllowOperation(
      p,
      'POST /api/v2/workforcemanagement/businessunits/bu-1/weeks/2026-11-23/schedules/s-1/update',
      {
        division: 'Chicago',
      },
    );
  });

  test('the Compliance Auditor user owns its roles through one user_roles, in Midwest WFM', () => {
    const roles = Object.values(json.resource.genesyscloud_user_roles) as any[];
    expect(roles).toHaveLength(1);
    expect(roles[0].roles).toEqual([
      {
        division_ids: ['${genesyscloud_auth_division.midwest-wfm.id}'],
        role_id: expect.stringMatching(/compliance-auditor_role/),
      },
    ]);
    expect(json).toGrantExactly(
      stack.auditor.principal,
      ['wfm:schedule:add', 'wfm:schedule:edit', 'wfm:schedule:view'],
      {
        division: 'Midwest WFM',
      },
    );
  });

  test("the auditor's user-context client gets the computed workforce-management scope and no roles", () => {
    const c = json.resource.genesyscloud_oauth_client[stack.auditor.userContextClient!.resource.friendlyUniqueId];
    expect(c.authorized_grant_type).toBe('CODE');
    expect(c.scopes).toEqual(['workforce-management']);
    expect(c.roles).toBeUndefined();
    expect(json).toAllowOperation(
      stack.auditor.userContextClient!,
      'POST /api/v2/workforcemanagement/businessunits/b/weeks/w/schedules/s/update',
    );
  });
});
