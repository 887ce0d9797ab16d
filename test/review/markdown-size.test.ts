/**
 * Size (issue 16, item 6): Markdown for a pull-request comment fits GitHub's 65,536 characters at any input size,
 * errors and widening first, with a pointer to `--format json` for the rest.
 */
import type { LoadedStack } from '../../lib/sources';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { Catalog } from '../../lib/catalog';
import type { AuditModel } from '../../lib/doctor/audit';
import { buildDeployer } from '../../lib/doctor/deployer';
import { renderAuditMarkdown } from '../../lib/doctor/render-audit';
import { explainOperation } from '../../lib/doctor/explain';
import { renderDeployerMarkdown, renderExplainMarkdown } from '../../lib/doctor/render-markdown';
import { buildDiff } from '../../lib/review/diff';
import { COMMENT_LIMIT, fit } from '../../lib/review/markdown-fit';
import { buildReport } from '../../lib/review/report';
import { renderDiffMarkdown } from '../../lib/review/render-diff-markdown';
import { renderReportMarkdown } from '../../lib/review/render-report-markdown';

const GITHUB_LIMIT = 65536;
const ROLE = '${genesyscloud_auth_role.r.id}';

/** `n` clients with long, hostile names, each in its own division (no two fold into one row). */
function big(n: number, opts: { nameLength?: number; allDivisions?: boolean; secret?: boolean } = {}): object {
  const clients: Record<string, unknown> = {};
  const divisions: Record<string, unknown> = {};
  const pad = 'x'.repeat(Math.max(0, (opts.nameLength ?? 120) - 20));
  for (let i = 0; i < n; i++) {
    divisions[`d${i}`] = { name: `Division ${i} | ${pad}` };
    clients[`c${i}`] = {
      name: `Client ${i} <b>|\u202e ${pad}`,
      authorized_grant_type: 'CLIENT-CREDENTIALS',
      ...(opts.secret ? { expose_client_secret: true } : {}),
      roles: [{ role_id: ROLE, division_id: opts.allDivisions ? '*' : `\${data.genesyscloud_auth_division.d${i}.id}` }],
    };
  }
  return {
    data: { genesyscloud_auth_division: divisions },
    resource: {
      genesyscloud_auth_role: {
        r: {
          name: 'Admin-grade role',
          permission_policies: [
            { domain: 'authorization', entity_name: 'grant', action_set: ['add'] },
            { domain: 'recording', entity_name: 'screenRecording', action_set: ['view'] },
          ],
        },
      },
      genesyscloud_oauth_client: clients,
    },
  };
}

const stacks = (doc: object, name = 's'): LoadedStack[] => [{ name, file: 'cdk.tf.json', graph: readCdktf(doc) }];

describe('Markdown fits one pull-request comment at any size', () => {
  test('fit() keeps the richest rendering that fits and says when it shortened', () => {
    const calls: number[] = [];
    const out = fit((caps) => {
      calls.push(caps.rows);
      return 'y'.repeat(caps.rows * 1500);
    });
    expect(calls).toEqual([50, 30]);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out).toContain('Shortened to fit a pull-request comment: `--format json` has everything.');
    expect(fit(() => 'small')).toBe('small');
  });

  test('fit() cuts even a rendering that never fits, at a line', () => {
    const out = fit(() => `${'line\n'.repeat(50000)}`);
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out).toMatch(/line\n\n_Shortened to fit/);
  });

  test('report of 5,000 principals with long names', () => {
    const md = renderReportMarkdown(buildReport(stacks(big(5000, { nameLength: 300 }))));
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(md).toContain('`--format json`');
    // Errors first: the findings' summary line comes before any table.
    expect(md.indexOf('unsuppressed error')).toBeLessThan(md.indexOf('| principal |'));
    expect(md).not.toMatch(/\u202e/);
  }, 60000);

  test('report of many stacks', () => {
    const many = Array.from({ length: 60 }, (_, i) => stacks(big(40), `stack-${i}`)[0]);
    const md = renderReportMarkdown(buildReport(many));
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
  }, 60000);

  test('diff with thousands of widening changes: widening first', () => {
    const md = renderDiffMarkdown(buildDiff(stacks({}), stacks(big(3000, { allDivisions: true, secret: true }))));
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    // The widening changes come first, before the table of changed principals.
    const widening = md.search(/\*\*(?:Broadening|Widening): \d[\d,]* changes to (?:approve|review)\*\*/);
    expect(widening).toBeGreaterThan(-1);
    expect(widening).toBeLessThan(md.indexOf('| change | principal |'));
    expect(md).toContain('`--format json`');
  }, 60000);

  test('diff with thousands of narrowing changes', () => {
    const md = renderDiffMarkdown(buildDiff(stacks(big(3000, { nameLength: 200 })), stacks({})));
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
  }, 60000);

  test('deployer for a large stack', () => {
    const md = renderDeployerMarkdown(buildDeployer(stacks(big(3000))));
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(md).toMatch(/\+\d+ more grants: see `--format json`/);
  }, 60000);
});

describe('explain Markdown fits one comment', () => {
  test('explain with 5,000 callers', () => {
    const op = Catalog.requireOperation('GET /api/v2/conversations/{conversationId}/recordings');
    const md = renderExplainMarkdown(
      explainOperation('GET /api/v2/conversations/{conversationId}/recordings', op, {
        stacks: stacks(big(5000, { nameLength: 200 })),
      }),
    );
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(md).toMatch(/\+\d+ more callers: see `--format json`/);
  }, 60000);
});

describe('audit Markdown fits one comment', () => {
  test('an org with 3,000 clients, each with unused access', () => {
    const held = (i: number) => ({
      permission: 'recording:screenRecording:view',
      divisions: [`Division ${i} | <b>`],
      roles: [`Role ${i}`],
    });
    const clients = Array.from({ length: 3000 }, (_, i) => ({
      key: `client-${i}`,
      name: `Client ${i} <img src=x> | ${'n'.repeat(100)}`,
      grantType: 'CLIENT-CREDENTIALS',
      requests: i,
      operations: [],
      unknownCalls: [],
      held: [held(i)],
      unused: [held(i)],
      broader: [],
      divisions: { kept: [], unused: [`Division ${i}`] },
      notes: [],
    }));
    const model: AuditModel = {
      org: 'Org',
      takenAt: '2026-12-01T00:00:00Z',
      window: { days: 90, from: '2026-09-02', to: '2026-12-01' },
      warning: 'Jobs rarer than the window are invisible.',
      summary: { clients: 3000, withCalls: 3000, unusedPermissions: 3000, unusedDivisions: 3000, broader: 0 },
      clients,
      notes: [],
    };
    const md = renderAuditMarkdown(model);
    expect(md.length).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(md).toMatch(/\+\d+ more clients: see `--format json`/);
    expect(md).not.toContain('<img');
  });
});
