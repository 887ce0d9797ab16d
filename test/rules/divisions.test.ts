import { allDivisionsWithoutReason } from '../../lib/rules/divisions/all-divisions-without-reason';
import { implicitHomeDivision } from '../../lib/rules/divisions/implicit-home-division';
import { duplicateRoleOwner } from '../../lib/rules/subjects/duplicate-role-owner';
import { emptyRolesResource } from '../../lib/rules/subjects/empty-roles-resource';
import { client, doc, findings, role } from './harness';

const roles = { genesyscloud_auth_role: { r: role('QA', ['recording:screenRecording:view']) } };

describe('GCA-DIV1 implicit-home-division', () => {
  test('Noncompliance 1: client role without division_id', () => {
    expect(
      findings(implicitHomeDivision, doc({ ...roles, genesyscloud_oauth_client: { c: client('r', null) } })),
    ).toEqual([
      'GCA-DIV1[QA] genesyscloud_oauth_client.c: role "QA" is granted to Integration with no division, so only in the home division: name the division(s) explicitly',
    ]);
  });
  test('Noncompliance 2: user_roles without division_ids', () => {
    const json = doc({
      ...roles,
      genesyscloud_user_roles: { u: { user_id: 'u-1', roles: [{ role_id: '${genesyscloud_auth_role.r.id}' }] } },
    });
    expect(findings(implicitHomeDivision, json)).toEqual([
      expect.stringMatching(/^GCA-DIV1\[QA\] genesyscloud_user_roles.u: role "QA" is granted to u-1 with no division/),
    ]);
  });
  test('Compliance: explicit division, home data source', () => {
    expect(findings(implicitHomeDivision, doc({ ...roles, genesyscloud_oauth_client: { c: client('r') } }))).toEqual(
      [],
    );
    expect(
      findings(
        implicitHomeDivision,
        doc({
          ...roles,
          genesyscloud_oauth_client: { c: client('r', '${data.genesyscloud_auth_division_home.h.id}') },
        }),
      ),
    ).toEqual([]);
  });
});

describe('GCA-DIV2 all-divisions-without-reason', () => {
  test('Noncompliance 1', () => {
    expect(
      findings(allDivisionsWithoutReason, doc({ ...roles, genesyscloud_oauth_client: { c: client('r', '*') } })),
    ).toEqual([
      'GCA-DIV2[QA] genesyscloud_oauth_client.c: role "QA" is granted to Integration in all divisions with no reason recorded: use Division.all({ reason }) or name the divisions',
    ]);
  });
  test('Compliance: the reason recorded by Division.all', () => {
    const meta = {
      locals: {
        genesyscloud_access: {
          principals: { 'genesyscloud_oauth_client.c': { allDivisionsReasons: ['QA reviews all sites'] } },
        },
      },
    };
    expect(
      findings(allDivisionsWithoutReason, doc({ ...roles, genesyscloud_oauth_client: { c: client('r', '*') } }, meta)),
    ).toEqual([]);
  });
});

describe('GCA-SUBJ1 duplicate-role-owner / GCA-SUBJ2 empty-roles-resource', () => {
  const ur = (user: string) => ({
    user_id: user,
    roles: [{ role_id: '${genesyscloud_auth_role.r.id}', division_ids: ['*'] }],
  });
  test('Noncompliance 1: two user_roles for one user', () => {
    const json = doc({
      ...roles,
      genesyscloud_user: { svc: { name: 'Svc', email: 's@example.com' } },
      genesyscloud_user_roles: { a: ur('${genesyscloud_user.svc.id}'), b: ur('${genesyscloud_user.svc.id}') },
    });
    expect(findings(duplicateRoleOwner, json)).toEqual([
      'GCA-SUBJ1[genesyscloud_user.svc] genesyscloud_user_roles.b: genesyscloud_user_roles.a and genesyscloud_user_roles.b both manage the roles of Svc; each replaces all of its direct grants: merge them into one',
    ]);
  });
  test('Noncompliance 2: two group_roles for one group id', () => {
    const gr = { group_id: 'g-1', roles: [{ role_id: '${genesyscloud_auth_role.r.id}', division_ids: ['*'] }] };
    expect(findings(duplicateRoleOwner, doc({ ...roles, genesyscloud_group_roles: { a: gr, b: gr } }))).toHaveLength(1);
  });
  test('Noncompliance 3: empty roles strips every grant', () => {
    expect(findings(emptyRolesResource, doc({ genesyscloud_user_roles: { u: { user_id: 'u-1' } } }))).toEqual([
      'GCA-SUBJ2 genesyscloud_user_roles.u: genesyscloud_user_roles.u has no roles: applying it removes every direct grant of its subject',
    ]);
  });
  test('Compliance: one owner per subject', () => {
    const json = doc({ ...roles, genesyscloud_user_roles: { a: ur('u-1'), b: ur('u-2') } });
    expect(findings(duplicateRoleOwner, json)).toEqual([]);
    expect(findings(emptyRolesResource, json)).toEqual([]);
  });
});
