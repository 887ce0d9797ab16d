/**
 * Markdown for `report`, sized for a pull-request comment: compact tables, long lists collapsed in `<details>`,
 * principals with identical access folded into one row, and hard caps with a pointer to `--format json` for the
 * complete data. No cdktf import.
 */
import { findingId } from '../rules/engine';
import { code, codeList, details, plainList, plural, table, text } from './markdown';
import { capped, type Caps, fit, moreOf, typeOf, who } from './markdown-fit';
import { rolesSection } from './render-report-roles';
import type { FindingReport, PrincipalReport, ReportModel, RoleReport, StackReport } from './report';

export { COMMENT_LIMIT } from './markdown-fit';

type Roles = ReadonlyMap<string, RoleReport>;

function roleName(roles: Roles, address: string): string {
  return roles.get(address)?.name ?? address;
}

/** Permissions granted in a division: the union of its roles' permissions. */
function divisionPermissions(roles: Roles, addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of addresses) for (const x of roles.get(a)?.permissions ?? []) out.add(x);
  return [...out].sort();
}

function detailMessage(f: FindingReport): string {
  const prefix = `${findingId(f)} ${f.address}: `;
  return f.message.startsWith(prefix) ? f.message.slice(prefix.length) : f.message;
}

/** A signature of what a principal can do: principals with equal signatures share one row. */
function signature(p: PrincipalReport): string {
  return JSON.stringify([
    p.kind,
    p.grantType,
    p.divisions.map((d) => [d.key, d.label, d.roles]),
    p.scopes,
    p.capabilities.declared,
    p.findings.map((f) => f.replace(/^([A-Z0-9-]+).*$/, '$1')),
  ]);
}

function divisionsCell(p: PrincipalReport): string {
  if (p.divisions.length === 0) return '—';
  const differ = new Set(p.divisions.map((d) => d.roles.join(','))).size > 1;
  return (
    plainList(
      p.divisions.map((d) => d.label),
      8,
    ) + (differ ? ' (roles differ per division)' : '')
  );
}

function capabilitiesCell(p: PrincipalReport): string {
  const held = new Set(p.capabilities.held);
  const items = [...new Set([...p.capabilities.declared, ...p.capabilities.held])].sort();
  if (items.length === 0) return '—';
  // A user-context client holds nothing itself: its scopes reach the capability, the signed-in user's roles decide.
  const notHeld = p.userContext ? "scopes only: the signed-in user's roles decide" : 'declared, not held';
  return items.map((c) => (held.has(c) ? code(c) : `${code(c)} (${notHeld})`)).join(', ');
}

function permissionsCell(p: PrincipalReport): string {
  if (p.userContext && p.permissions.length === 0) {
    return `signed-in user's; scopes ${codeList(p.scopes ?? [], 5)}`;
  }
  return codeList(p.permissions, 6, '<br>');
}

function operationsCell(p: PrincipalReport): string {
  if (p.userContext && p.permissions.length === 0) return `${p.scopeOperations?.count ?? 0} by scope`;
  return String(p.operations.count);
}

function principalDetails(p: PrincipalReport, same: readonly PrincipalReport[], roles: Roles, caps: Caps): string {
  const lines: string[] = [];
  if (same.length > 1) {
    const names = same.slice(0, caps.names).map((x) => code(x.address));
    const more = same.length - names.length;
    lines.push(`- ${same.length} principals with this access: ${names.join(', ')}${more > 0 ? `, +${more} more` : ''}`);
  }
  if (p.construct) lines.push(`- construct: ${code(p.construct)}`);
  const held = [...new Set(p.divisions.flatMap((d) => d.roles))].sort();
  if (held.length) {
    lines.push(
      `- roles: ${held
        .map(
          (a) =>
            `${text(roleName(roles, a))} (${code(a)}${roles.get(a)?.managed === false ? ', not in this plan' : ''})`,
        )
        .join(', ')}`,
    );
  }
  if (p.allDivisionsReasons.length) {
    lines.push(`- all divisions because: ${p.allDivisionsReasons.map((r) => text(JSON.stringify(r))).join(', ')}`);
  }
  if (p.scopes) {
    lines.push(
      `- scopes (user context): ${codeList(p.scopes)}; ${plural(p.scopeOperations?.count ?? 0, 'operation')} accept one of them${p.scopeOperations?.examples.length ? `, e.g. ${codeList(p.scopeOperations.examples)}` : ''}`,
    );
    lines.push(`- permissions come from the signed-in user's roles and divisions`);
  }
  lines.push(`- capabilities: declared ${codeList(p.capabilities.declared)}; held ${codeList(p.capabilities.held)}`);
  if (p.operations.count) {
    lines.push(`- ${plural(p.operations.count, 'operation')} unlocked, e.g. ${codeList(p.operations.examples)}`);
  }
  if (p.findings.length) lines.push(`- findings: ${codeList(p.findings)}`);
  const parts = [lines.join('\n')];
  if (p.divisions.length) {
    // Divisions with the same roles share a row.
    const rows = new Map<string, { labels: string[]; roles: readonly string[] }>();
    for (const d of p.divisions) {
      const key = d.roles.join('\u0000');
      const row = rows.get(key);
      if (row) row.labels.push(d.label);
      else rows.set(key, { labels: [d.label], roles: d.roles });
    }
    parts.push(
      table(
        ['divisions', 'roles', 'permissions'],
        [...rows.values()].map((r) => [
          plainList(r.labels),
          plainList(r.roles.map((a) => roleName(roles, a))),
          codeList(divisionPermissions(roles, r.roles)),
        ]),
      ),
    );
  }
  const suffix = same.length > 1 ? ` and ${same.length - 1} more` : '';
  return details(`${text(p.name)}${text(suffix)}`, parts.join('\n\n'));
}
function findingsSection(s: StackReport, caps: Caps): string {
  const out: string[] = [];
  if (s.findings.length) {
    const rows = s.findings
      .slice(0, caps.findings)
      .map((f) => [
        f.level,
        code(findingId(f)),
        f.location !== undefined ? `${code(f.address)}<br>${code(f.location)}` : code(f.address),
        text(detailMessage(f)),
      ]);
    out.push(`**Findings**\n\n${capped(['level', 'rule', 'resource', 'finding'], rows, s.findings.length, 'finding')}`);
  } else {
    out.push('No unsuppressed findings.');
  }
  if (s.suppressed.length) {
    const rows = s.suppressed
      .slice(0, caps.findings)
      .map((f) => [code(findingId(f)), code(f.address), text(f.reason), code(f.suppressedAt)]);
    out.push(
      details(
        plural(s.suppressed.length, 'suppressed finding'),
        capped(['rule', 'resource', 'reason', 'suppressed at'], rows, s.suppressed.length, 'suppressed finding'),
      ),
    );
  }
  if (s.suppressions.length) {
    const rows = s.suppressions
      .slice(0, caps.findings)
      .map((x) => [
        code(x.id),
        code(x.path),
        x.appliesTo?.length ? codeList(x.appliesTo) : 'all findings',
        text(x.reason),
      ]);
    out.push(
      details(
        plural(s.suppressions.length, 'suppression'),
        capped(['rule', 'on', 'applies to', 'reason'], rows, s.suppressions.length, 'suppression'),
      ),
    );
  }
  return out.join('\n\n');
}

const groupCache = new WeakMap<StackReport, PrincipalReport[][]>();

/** Principals with identical access, grouped in first-seen order (computed once per stack report). */
function groupsOf(s: StackReport): PrincipalReport[][] {
  let list = groupCache.get(s);
  if (!list) {
    const groups = new Map<string, PrincipalReport[]>();
    for (const p of s.principals) {
      const sig = signature(p);
      const g = groups.get(sig);
      if (g) g.push(p);
      else groups.set(sig, [p]);
    }
    groupCache.set(s, (list = [...groups.values()]));
  }
  return list;
}

function stackSection(s: StackReport, heading: string, caps: Caps): string {
  const out: string[] = heading ? [heading] : [];
  out.push(
    [
      plural(s.summary.principals, 'principal'),
      plural(s.summary.roles, 'role'),
      plural(s.summary.errors, 'error'),
      plural(s.summary.warnings, 'warning'),
      `${s.summary.suppressed} suppressed`,
    ].join(' · '),
  );
  const list = groupsOf(s);
  if (list.length) {
    const shown = list.slice(0, caps.rows);
    const rows = shown.map((same) => {
      const p = same[0];
      const name = same.length > 1 ? `${who(p)}<br>+${same.length - 1} more with the same access` : who(p);
      return [
        name,
        text(typeOf(p)),
        divisionsCell(p),
        permissionsCell(p),
        capabilitiesCell(p),
        operationsCell(p),
        p.findings.length ? codeList(p.findings, 3) : '—',
      ];
    });
    if (rows.length) {
      out.push(
        table(['principal', 'type', 'divisions', 'permissions', 'capabilities', 'operations', 'findings'], rows, [5]),
      );
    }
    const roles: Roles = new Map(s.roles.map((r) => [r.address, r]));
    const detailed = shown.slice(0, caps.details);
    if (detailed.length) out.push(detailed.map((same) => principalDetails(same[0], same, roles, caps)).join('\n\n'));
    if (list.length > shown.length) {
      out.push(`${moreOf(list.length - shown.length, shown.length, 'row')} of principals: see \`--format json\``);
    }
  } else {
    out.push('No principals (OAuth clients, users or groups) in this stack.');
  }
  out.push(rolesSection(s, caps));
  out.push(findingsSection(s, caps));
  return out.join('\n\n');
}

/** The report as Markdown, shortened to fit a PR comment when needed. */
export function renderReportMarkdown(model: ReportModel): string {
  return fit((caps) => reportMarkdown(model, caps));
}

function reportMarkdown(model: ReportModel, caps: Caps): string {
  const out: string[] = [];
  const { summary } = model;
  const title =
    model.stacks.length === 1 ? `## Genesys Cloud access: ${text(model.stacks[0].stack)}` : '## Genesys Cloud access';
  out.push(title);
  if (model.stacks.length > 1) {
    out.push(
      table(
        ['stack', 'principals', 'errors', 'warnings', 'suppressed'],
        model.stacks.map((s) => [
          code(s.stack),
          String(s.summary.principals),
          String(s.summary.errors),
          String(s.summary.warnings),
          String(s.summary.suppressed),
        ]),
        [1, 2, 3, 4],
      ),
    );
  }
  out.push(
    summary.errors
      ? `**${plural(summary.errors, 'unsuppressed error')}**: fix or suppress with a reason (see RULES.md).`
      : 'No unsuppressed errors.',
  );
  for (const s of model.stacks) {
    out.push(stackSection(s, model.stacks.length === 1 ? '' : `### ${text(s.stack)}`, caps));
  }
  return (
    out
      .filter((x) => x !== '')
      .join('\n\n')
      .trim() + '\n'
  );
}
