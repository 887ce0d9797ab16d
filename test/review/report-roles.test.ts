/**
 * Roles are first-class in `report`: every role the input defines or its principals hold is in the JSON (origin,
 * permissions, holders, findings) and in a Markdown "Roles" section, held or not; a role's findings also show on
 * every principal holding it; long lists are collapsed and capped so the comment still fits.
 */
import { Catalog } from '../../lib/catalog/catalog';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { COMMENT_LIMIT, renderReportMarkdown } from '../../lib/review/render-report-markdown';
import { buildReport, type ReportModel, stackReport } from '../../lib/review/report';
import { role } from '../rules/harness';

function report(json: Record<string, unknown>, name = 's'): ReportModel {
  return buildReport([{ name, file: `${name}.json`, graph: readCdktf(json) }]);
}

const CHICAGO = { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } };

test('a stack whose only resource is a role lists it: held by nobody, with its permissions (Markdown and JSON)', () => {
  const json = {
    resource: { genesyscloud_auth_role: { restricted: role('Restricted', ['recording:recording:view']) } },
  };
  const model = report(json);
  expect(model.stacks[0].roles).toEqual([
    {
      address: 'genesyscloud_auth_role.restricted',
      name: 'Restricted',
      managed: true,
      origin: 'managed',
      permissions: ['recording:recording:view'],
      holders: [],
      findings: [],
    },
  ]);
  const md = renderReportMarkdown(model);
  expect(md).toContain('No principals (OAuth clients, users or groups) in this stack.');
  expect(md).toContain(
    '| **Restricted**<br>`genesyscloud_auth_role.restricted` | managed | held by no principal in this input | `recording:recording:view` | — |',
  );
});

test('roles held but defined elsewhere: data source, literal id and unresolved, with their holders', () => {
  const json = {
    data: { ...CHICAGO, genesyscloud_auth_role: { employee: { name: 'employee' } } },
    resource: {
      genesyscloud_oauth_client: {
        b: {
          name: 'B',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [
            { role_id: '${data.genesyscloud_auth_role.employee.id}', division_id: '*' },
            { role_id: '0b4d5e6f-0000-4000-8000-000000000001', division_id: '*' },
          ],
        },
        a: {
          name: 'A',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [
            { role_id: '${data.genesyscloud_auth_role.employee.id}', division_id: '*' },
            { role_id: '${local.role}', division_id: '*' },
          ],
        },
      },
    },
  };
  const model = report(json);
  expect(model.stacks[0].roles.map((r) => [r.address, r.origin, r.managed, r.holders])).toEqual([
    [
      'data.genesyscloud_auth_role.employee',
      'data',
      false,
      ['genesyscloud_oauth_client.a', 'genesyscloud_oauth_client.b'],
    ],
    ['role:${local.role}', 'unresolved', false, ['genesyscloud_oauth_client.a']],
    ['role:0b4d5e6f-0000-4000-8000-000000000001', 'id', false, ['genesyscloud_oauth_client.b']],
  ]);
  const md = renderReportMarkdown(model);
  expect(md).toContain(
    '| **employee**<br>`data.genesyscloud_auth_role.employee` | data source | 2 principals | not in this input | — |',
  );
  expect(md).toMatch(/`role:0b4d5e6f-0000-4000-8000-000000000001` \| id \| 1 principal \| not in this input \|/);
  expect(md).toContain('| unresolved | 1 principal |');
});

test("a role's finding is in the findings of every principal holding it, and in the role's row", () => {
  const json = {
    data: CHICAGO,
    resource: {
      genesyscloud_auth_role: { wide: role('Wide', ['wfm:schedule:*']), narrow: role('Narrow', ['wfm:schedule:view']) },
      genesyscloud_oauth_client: {
        holder: {
          name: 'Holder',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [
            {
              role_id: '${genesyscloud_auth_role.wide.id}',
              division_id: '${data.genesyscloud_auth_division.chicago.id}',
            },
            { role_id: '${genesyscloud_auth_role.wide.id}', division_id: '*' },
          ],
        },
        other: {
          name: 'Other',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [
            {
              role_id: '${genesyscloud_auth_role.narrow.id}',
              division_id: '${data.genesyscloud_auth_division.chicago.id}',
            },
          ],
        },
      },
    },
  };
  const s = stackReport({ name: 's', file: 's.json', graph: readCdktf(json) });
  const wide = s.roles.find((r) => r.name === 'Wide')!;
  expect(wide.findings).toEqual(['GCA-PERM2[wfm:schedule:*]']);
  expect(s.findings.some((f) => f.address === 'genesyscloud_auth_role.wide')).toBe(true);
  const holder = s.principals.find((p) => p.name === 'Holder')!;
  // Granted twice (two divisions): listed once, next to the principal's own findings.
  expect(holder.findings).toContain('GCA-PERM2[wfm:schedule:*]');
  expect(holder.findings.filter((f) => f === 'GCA-PERM2[wfm:schedule:*]')).toHaveLength(1);
  expect([...holder.findings].sort()).toEqual(holder.findings);
  expect(s.principals.find((p) => p.name === 'Other')!.findings).not.toContain('GCA-PERM2[wfm:schedule:*]');
  const md = renderReportMarkdown(buildReport([{ name: 's', file: 's.json', graph: readCdktf(json) }]));
  const row = md.split('\n').find((l) => l.startsWith('| **Holder**'))!;
  expect(row).toContain('`GCA-PERM2[wfm:schedule:*]`');
  expect(md).toContain('| **Wide**<br>`genesyscloud_auth_role.wide` | managed | 1 principal | `wfm:schedule:*` |');
  // Roles with findings come first in the Roles table.
  const roleRows = md.split('\n').filter((l) => l.includes('`genesyscloud_auth_role.'));
  expect(roleRows.findIndex((l) => l.includes('**Wide**'))).toBeLessThan(
    roleRows.findIndex((l) => l.includes('**Narrow**')),
  );
});

test('up to 6 permissions inline, more collapsed in <details> inside the cell; names escaped', () => {
  const seven = [
    'wfm:schedule:add',
    'wfm:schedule:edit',
    'wfm:schedule:view',
    'wfm:schedule:delete',
    'routing:queue:view',
    'routing:queue:edit',
    'routing:queue:add',
  ];
  const json = {
    resource: {
      genesyscloud_auth_role: {
        six: role('Six <b>|x|</b>', seven.slice(0, 6)),
        seven: role('Seven', seven),
      },
    },
  };
  const md = renderReportMarkdown(report(json));
  const six = md.split('\n').find((l) => l.includes('`genesyscloud_auth_role.six`'))!;
  expect(six).toContain('**Six &lt;b&gt;\\|x\\|&lt;/b&gt;**');
  expect(six).not.toContain('<details>');
  expect(six).toContain('`routing:queue:edit`<br>');
  const row = md.split('\n').find((l) => l.includes('`genesyscloud_auth_role.seven`'))!;
  expect(row).toContain('<details><summary>7 permissions</summary>`routing:queue:add`<br>');
  expect(row).toContain('`wfm:schedule:view`</details>');
});

test('many roles are capped with a pointer to --format json, and the comment still fits', () => {
  const roles: Record<string, unknown> = {};
  for (let i = 0; i < 800; i++) {
    roles[`role-${String(i).padStart(3, '0')}`] = role(`Role ${i} with a long name to take room in the comment`, [
      'wfm:schedule:add',
      'wfm:schedule:edit',
      'wfm:schedule:view',
      'wfm:schedule:delete',
      'routing:queue:view',
    ]);
  }
  const model = report({ resource: { genesyscloud_auth_role: roles } });
  expect(model.stacks[0].roles).toHaveLength(800);
  const md = renderReportMarkdown(model);
  expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
  expect(md).toMatch(/\n\+\d+ more roles: see `--format json`\n/);
  expect(md).toContain('held by no principal in this input');
});

test('rows: roles with findings, then roles held by nobody, then held ones; a long list is capped in its block', () => {
  const many = Catalog.permissions()
    .filter((p) => !p.includes('*'))
    .slice(0, 25);
  const json = {
    data: CHICAGO,
    resource: {
      genesyscloud_auth_role: {
        a_held: role('Held', ['wfm:schedule:view']),
        b_unheld: role('Unheld', many),
        c_wide: role('Wide', ['wfm:schedule:*']),
      },
      genesyscloud_oauth_client: {
        c: {
          name: 'C',
          authorized_grant_type: 'CLIENT-CREDENTIALS',
          roles: [
            {
              role_id: '${genesyscloud_auth_role.a_held.id}',
              division_id: '${data.genesyscloud_auth_division.chicago.id}',
            },
          ],
        },
      },
    },
  };
  const md = renderReportMarkdown(report(json));
  const rows = md.split('\n').filter((l) => /^\| \*\*(Held|Unheld|Wide)\*\*/.test(l));
  expect(rows.map((l) => /^\| \*\*(\w+)/.exec(l)![1])).toEqual(['Wide', 'Unheld', 'Held']);
  expect(rows[1]).toContain('<details><summary>25 permissions</summary>');
  expect(rows[1]).toContain('<br>+5 more</details>');
});

test('a role whose permissions are not fully known says why (JSON and Markdown)', () => {
  const json = {
    resource: {
      genesyscloud_auth_role: {
        adopted: { name: 'Adopted', default_role_id: 'employee' },
        partial: {
          name: 'Partial',
          permission_policies: [{ domain: 'wfm', entity_name: 'schedule', action_set: ['view'] }],
          permissions: '${local.general}',
        },
      },
    },
  };
  const model = report(json);
  const [adopted, partial] = model.stacks[0].roles;
  expect(adopted.incomplete).toBe(
    'it adopts the built-in role "employee" (default_role_id) and lists no permissions of its own',
  );
  expect(partial.incomplete).toContain('are an expression');
  const md = renderReportMarkdown(model);
  expect(md).toContain(
    '| managed | held by no principal in this input | not fully known: it adopts the built-in role "employee" (default_role_id) and lists no permissions of its own | `GCA-ROLE1[employee]` |',
  );
  expect(md).toMatch(/`wfm:schedule:view`<br>\(not fully known: its permissions \(.*\) are an expression\) \|/);
});
