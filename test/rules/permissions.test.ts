import { ALL_RULES, Catalog } from '../../lib';
import { ADMIN_PERMISSIONS } from '../../lib/rules/permissions/admin-permission-on-integration';
import { adminPermissionOnIntegration } from '../../lib/rules/permissions/admin-permission-on-integration';
import { conditionsWithWildcard } from '../../lib/rules/permissions/conditions-with-wildcard';
import { defaultRoleEdit } from '../../lib/rules/permissions/default-role-edit';
import { emptyRole } from '../../lib/rules/permissions/empty-role';
import { unknownPermission } from '../../lib/rules/permissions/unknown-permission';
import { unneededPermission } from '../../lib/rules/permissions/unneeded-permission';
import { wildcardPermission } from '../../lib/rules/permissions/wildcard-permission';
import { client, doc, findings, role } from './harness';

describe('GCA-PERM1 unknown-permission: a role grants a permission that does not exist', () => {
  test('Noncompliance 1: an invented permission, with the real ones suggested', () => {
    expect(
      findings(unknownPermission, doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:publish']) } })),
    ).toEqual([
      expect.stringMatching(
        /^GCA-PERM1\[wfm:schedule:publish\] genesyscloud_auth_role.r: unknown permission "wfm:schedule:publish": there is no publish permission.*Did you mean "wfm:schedule:edit"/,
      ),
    ]);
  });
  test('Noncompliance 2: wrong case and an unknown domain under a wildcard', () => {
    expect(
      findings(
        unknownPermission,
        doc({ genesyscloud_auth_role: { r: role('R', ['recording:ScreenRecording:view', 'recordings:*:*']) } }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^GCA-PERM1\[recording:ScreenRecording:view\].*Did you mean "recording:screenRecording:view"/,
      ),
      expect.stringMatching(/^GCA-PERM1\[recordings:\*:\*\]/),
    ]);
  });
  test('Compliance: real permissions and valid wildcards', () => {
    expect(
      findings(
        unknownPermission,
        doc({
          genesyscloud_auth_role: {
            r: role('R', ['recording:screenRecording:view', 'wfm:*:*', 'analytics:conversationDetail:*']),
          },
        }),
      ),
    ).toEqual([]);
  });
});

describe('GCA-PERM2 wildcard-permission', () => {
  test('Noncompliance 1: * action and * entity', () => {
    expect(
      findings(
        wildcardPermission,
        doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:*', 'analytics:*:*']) } }),
      ),
    ).toEqual([
      'GCA-PERM2[analytics:*:*] genesyscloud_auth_role.r: role "R" grants analytics:*:*: list the exact permissions it needs instead',
      'GCA-PERM2[wfm:schedule:*] genesyscloud_auth_role.r: role "R" grants wfm:schedule:*: list the exact permissions it needs instead',
    ]);
  });
  test('Compliance', () => {
    expect(
      findings(wildcardPermission, doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:view']) } })),
    ).toEqual([]);
  });
});

describe('GCA-PERM3 conditions-with-wildcard', () => {
  test('Noncompliance 1: conditions on a * action', () => {
    expect(
      findings(
        conditionsWithWildcard,
        doc({ genesyscloud_auth_role: { r: role('R', ['quality:evaluation:*'], true) } }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^GCA-PERM3\[quality:evaluation:\*\] genesyscloud_auth_role.r: role "R" puts conditions on quality:evaluation:\*/,
      ),
    ]);
  });
  test('Compliance: conditions on explicit actions', () => {
    expect(
      findings(
        conditionsWithWildcard,
        doc({ genesyscloud_auth_role: { r: role('R', ['quality:evaluation:view'], true) } }),
      ),
    ).toEqual([]);
  });
});

describe('GCA-PERM4 unneeded-permission', () => {
  const meta = {
    locals: { genesyscloud_access: { roles: { 'genesyscloud_auth_role.r': { capabilities: ['wfm-schedule-read'] } } } },
  };
  test('Noncompliance 1: a permission beyond the declared capability', () => {
    expect(
      findings(
        unneededPermission,
        doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:view', 'wfm:schedule:delete']) } }, meta),
      ),
    ).toEqual([
      'GCA-PERM4[wfm:schedule:delete] genesyscloud_auth_role.r: role "R" grants wfm:schedule:delete, which its capabilities (wfm-schedule-read) do not need: remove it or declare the capability that does',
    ]);
  });
  test('Compliance: exactly the capability, or no declared capabilities', () => {
    expect(
      findings(unneededPermission, doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:view']) } }, meta)),
    ).toEqual([]);
    expect(
      findings(unneededPermission, doc({ genesyscloud_auth_role: { r: role('R', ['wfm:schedule:delete']) } })),
    ).toEqual([]);
  });
});

describe('GCA-PERM5 empty-role', () => {
  test('Noncompliance 1', () => {
    expect(findings(emptyRole, doc({ genesyscloud_auth_role: { r: { name: 'Nothing' } } }))).toEqual([
      'GCA-PERM5 genesyscloud_auth_role.r: role "Nothing" has no permission_policies and no permissions',
    ]);
  });
  test('Compliance: general permissions count', () => {
    expect(
      findings(emptyRole, doc({ genesyscloud_auth_role: { r: { name: 'G', permissions: ['group_creation'] } } })),
    ).toEqual([]);
  });
});

describe('GCA-PERM6 admin-permission-on-integration', () => {
  test('every listed admin permission is real', () => {
    for (const p of ADMIN_PERMISSIONS) expect(Catalog.isPermission(p)).toBe(true);
  });
  test('Noncompliance 1: role management, directly and through a wildcard', () => {
    const json = doc({
      genesyscloud_auth_role: { r: role('R', ['authorization:role:edit']), w: role('W', ['oauth:*:*']) },
      genesyscloud_oauth_client: {
        c: {
          ...client('r'),
          roles: [
            { role_id: '${genesyscloud_auth_role.r.id}', division_id: '*' },
            { role_id: '${genesyscloud_auth_role.w.id}', division_id: '*' },
          ],
        },
      },
    });
    expect(findings(adminPermissionOnIntegration, json).map((m) => m.split(' ')[0])).toEqual([
      'GCA-PERM6[authorization:role:edit]',
      'GCA-PERM6[oauth:client:add]',
      'GCA-PERM6[oauth:client:delete]',
      'GCA-PERM6[oauth:client:edit]',
    ]);
  });
  test('Compliance: read-only authorization on an integration', () => {
    const json = doc({
      genesyscloud_auth_role: { r: role('R', ['authorization:role:view']) },
      genesyscloud_oauth_client: { c: client('r') },
    });
    expect(findings(adminPermissionOnIntegration, json)).toEqual([]);
  });
});

describe('GCA-ROLE1 default-role-edit', () => {
  test('Noncompliance 1', () => {
    expect(
      findings(
        defaultRoleEdit,
        doc({
          genesyscloud_auth_role: { e: { ...role('Employee', ['directory:user:view']), default_role_id: 'employee' } },
        }),
      ),
    ).toEqual([
      'GCA-ROLE1[employee] genesyscloud_auth_role.e: role "Employee" edits the built-in role "employee" for everyone who holds it: derive a custom role instead',
    ]);
  });
  test('Compliance', () => {
    expect(
      findings(defaultRoleEdit, doc({ genesyscloud_auth_role: { e: role('Custom', ['directory:user:view']) } })),
    ).toEqual([]);
  });
});

test('rule ids are unique and every rule file is in the pack', () => {
  const ids = ALL_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(18);
  for (const r of ALL_RULES) {
    expect(r.id).toMatch(/^GCA-[A-Z]+\d+$/);
    expect(r.info.length).toBeGreaterThan(10);
    expect(r.fix.length).toBeGreaterThan(10);
  }
});
