/** Rules for names that slipped through review: two roles with one name, two principals with one name. */
import { duplicatePrincipalName } from '../../lib/rules/subjects/duplicate-principal-name';
import { duplicateRoleName } from '../../lib/rules/subjects/duplicate-role-name';
import { client, doc, findings, role } from './harness';

describe('GCA-SUBJ3 duplicate-role-name', () => {
  test('two roles named alike: the second is the error, naming the first', () => {
    const json = doc({
      genesyscloud_auth_role: {
        a: role('Publisher', ['wfm:schedule:edit']),
        b: role('Publisher', ['wfm:schedule:add']),
      },
    });
    expect(findings(duplicateRoleName, json)).toEqual([
      'GCA-SUBJ3[Publisher] genesyscloud_auth_role.b: role "Publisher" is also defined by genesyscloud_auth_role.a: role names are unique in an org; rename one',
    ]);
  });

  test('distinct names, and a looked-up role of the same name, are fine', () => {
    const json = doc(
      {
        genesyscloud_auth_role: {
          a: role('Publisher', ['wfm:schedule:edit']),
          b: role('Reader', ['wfm:schedule:view']),
        },
      },
      {},
    );
    expect(findings(duplicateRoleName, json)).toEqual([]);
  });
});

describe('GCA-SUBJ4 duplicate-principal-name', () => {
  test('two OAuth clients named alike', () => {
    const json = doc({
      genesyscloud_auth_role: { r: role('Reader', ['recording:recording:view']) },
      genesyscloud_oauth_client: { qa1: client('r'), qa2: client('r') },
    });
    expect(findings(duplicatePrincipalName, json)).toEqual([
      'GCA-SUBJ4[Integration] genesyscloud_oauth_client.qa2: "Integration" is also the name of genesyscloud_oauth_client.qa1: give each its own name',
    ]);
  });

  test('a client and a group may share a name; users are told apart by email', () => {
    const json = doc({
      genesyscloud_auth_role: { r: role('Reader', ['recording:recording:view']) },
      genesyscloud_oauth_client: { qa: client('r') },
      genesyscloud_group: { g: { name: 'Integration' } },
      genesyscloud_user: { u1: { name: 'Sam', email: 'a@example.com' }, u2: { name: 'Sam', email: 'b@example.com' } },
    });
    expect(findings(duplicatePrincipalName, json)).toEqual([]);
  });
});
