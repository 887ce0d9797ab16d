/**
 * Markdown for `report` and `diff`, sized for a pull-request comment: compact tables, long lists collapsed in
 * `<details>`, principals with identical access folded into one row, and hard caps with a pointer to
 * `--format json` for the complete data. No cdktf import.
 */
import { findingId } from '../rules/engine';
import type { Broadening, DiffModel, PrincipalDiff, StackDiff } from './diff';
import { code, codeList, details, plainList, plural, table, text } from './markdown';
import type { FindingReport, PrincipalReport, ReportModel, RoleReport, StackReport } from './report';

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

/** GitHub refuses comments over 65,536 characters; leave room for a wrapper. */
export const COMMENT_LIMIT = 60000;

/** How much detail to render; shrunk step by step until the output fits {@link COMMENT_LIMIT}. */
interface Caps {
  /** Table rows per stack. */
  readonly rows: number;
  /** `<details>` blocks per stack. */
  readonly details: number;
  /** Findings (and broadening rows) listed. */
  readonly findings: number;
  /** Names listed for a row of principals with identical access. */
  readonly names: number;
}

const LEVELS: readonly Caps[] = [
  { rows: 50, details: 50, findings: 50, names: 20 },
  { rows: 30, details: 10, findings: 30, names: 10 },
  { rows: 15, details: 3, findings: 15, names: 5 },
  { rows: 5, details: 0, findings: 5, names: 3 },
  { rows: 0, details: 0, findings: 0, names: 0 },
];

const SHORTENED = '_Shortened to fit a pull-request comment: `--format json` has everything._';

/** Renders with the most detail that fits a PR comment. */
function fit(render: (caps: Caps) => string): string {
  let out = '';
  for (let i = 0; i < LEVELS.length; i++) {
    out = render(LEVELS[i]);
    if (out.length <= COMMENT_LIMIT) return i === 0 ? out : `${out.trimEnd()}\n\n${SHORTENED}\n`;
  }
  return `${out.slice(0, COMMENT_LIMIT - SHORTENED.length - 10).replace(/\n[^\n]*$/, '')}\n\n${SHORTENED}\n`;
}

function typeOf(p: { kind: string; grantType?: string; userContext?: boolean }): string {
  if (p.kind === 'user') return 'user';
  if (p.kind === 'group') return 'group';
  const gt = p.grantType ?? 'no grant type';
  return p.userContext ? `OAuth client, ${gt} (user context)` : `OAuth client, ${gt}`;
}

function who(p: { name: string; address: string }): string {
  return p.name === p.address ? code(p.address) : `**${text(p.name)}**<br>${code(p.address)}`;
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

/** `+3 more rows` after some shown, `3 rows` when none is. */
function moreOf(count: number, shown: number, what: string): string {
  return shown ? `+${count} more ${count === 1 ? what : `${what}s`}` : plural(count, what);
}

/** A table of the first rows, and a line for the rest. */
function capped(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  total: number,
  what: string,
): string {
  const more = total - rows.length;
  const rest = more > 0 ? `${moreOf(more, rows.length, what)}: see \`--format json\`` : '';
  return [rows.length ? table(headers, rows) : '', rest].filter(Boolean).join('\n\n');
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

const KIND_LABEL: Record<Broadening['kind'], string> = {
  'all-divisions': 'all divisions',
  'admin-permission': 'admin-grade permission',
  'admin-scope': 'admin-grade scope',
  'secret-exposed': 'secret exposed',
  'wildcard-permission': 'wildcard permission',
};

function grantsCell(d: PrincipalDiff): string {
  const items = [
    ...d.grants.added.map((g) => `+ ${text(g.role)} in ${text(g.division)}`),
    ...d.grants.removed.map((g) => `− ${text(g.role)} in ${text(g.division)}`),
  ];
  if (items.length === 0) return '—';
  return items.length > 4 ? `${items.slice(0, 4).join('<br>')}<br>+${items.length - 4} more` : items.join('<br>');
}

function permissionsDiffCell(d: PrincipalDiff): string {
  const items = [
    ...d.permissions.added.map((x) => `+ ${codeList(x.permissions, 3)} in ${text(x.division)}`),
    ...d.permissions.removed.map((x) => `− ${codeList(x.permissions, 3)} in ${text(x.division)}`),
    ...(d.scopes.added.length ? [`+ scopes ${codeList(d.scopes.added, 3)}`] : []),
    ...(d.scopes.removed.length ? [`− scopes ${codeList(d.scopes.removed, 3)}`] : []),
    ...d.secrets.map((x) => `+ secret ${code(x)}`),
  ];
  if (items.length === 0) return '—';
  return items.length > 4 ? `${items.slice(0, 4).join('<br>')}<br>+${items.length - 4} more` : items.join('<br>');
}

function principalDiffDetails(d: PrincipalDiff, flags: readonly Broadening[]): string {
  const lines: string[] = [];
  lines.push(`- ${text(typeOf(d))}, ${d.change}`);
  lines.push(pairingLine(d));
  if (d.divisions.added.length) lines.push(`- divisions added: ${plainList(d.divisions.added)}`);
  if (d.divisions.removed.length) lines.push(`- divisions removed: ${plainList(d.divisions.removed)}`);
  for (const g of d.grants.added)
    lines.push(`- grant added: role ${text(g.role)} (${code(g.roleAddress)}) in ${text(g.division)}`);
  for (const g of d.grants.removed) {
    lines.push(`- grant removed: role ${text(g.role)} (${code(g.roleAddress)}) in ${text(g.division)}`);
  }
  for (const x of d.permissions.added)
    lines.push(`- permissions added in ${text(x.division)}: ${codeList(x.permissions)}`);
  for (const x of d.permissions.removed) {
    lines.push(`- permissions removed in ${text(x.division)}: ${codeList(x.permissions)}`);
  }
  if (d.scopes.added.length) lines.push(`- scopes added: ${codeList(d.scopes.added)}`);
  if (d.scopes.removed.length) lines.push(`- scopes removed: ${codeList(d.scopes.removed)}`);
  if (d.operations.unlocked) {
    const per = d.operations.byDivision.map((x) => `${text(x.division)}: ${x.count}`).join(', ');
    lines.push(
      `- ${plural(d.operations.unlocked, 'operation')} newly unlocked (${per}), e.g. ${codeList(d.operations.examples)}`,
    );
  }
  for (const f of flags) lines.push(`- **broadening** (${KIND_LABEL[f.kind]}): ${text(f.detail)}`);
  for (const n of d.notes) lines.push(`- note: ${text(n)}`);
  return details(`${text(d.name)} (${d.change})`, lines.join('\n'));
}

function pairingLine(d: PrincipalDiff): string {
  if (d.pairing.by === 'address') return '- paired by address';
  if (d.pairing.by === 'name') return `- paired by name: the base names it ${code(d.pairing.base ?? '')}`;
  return `- unpaired: only in the ${d.pairing.head !== undefined ? 'head' : 'base'}`;
}

/** The pairs made by name (the two sides name the same principal, role or division differently). */
function pairedByName(s: StackDiff, caps: Caps): string {
  const pairs = s.pairing.byName;
  if (pairs.length === 0) return '';
  const count = (kind: string): number => pairs.filter((p) => p.kind === kind).length;
  const what = [
    plural(count('principal'), 'principal'),
    plural(count('role'), 'role'),
    plural(count('division'), 'division'),
  ].join(', ');
  const rows = pairs.slice(0, caps.rows).map((p) => [p.kind, text(p.name), code(p.base), code(p.head)]);
  return `**Paired by name** (the addresses differ): ${what}; ${s.pairing.principals.byAddress} principals paired by address, ${s.pairing.principals.unpaired} unpaired.\n\n${capped(['kind', 'name', 'base', 'head'], rows, pairs.length, 'pair')}`;
}

function stackDiffSection(s: StackDiff, flags: readonly Broadening[], heading: boolean, caps: Caps): string {
  const out: string[] = [];
  if (heading)
    out.push(`### ${text(s.stack)}${s.change === 'added' || s.change === 'removed' ? ` (stack ${s.change})` : ''}`);
  const paired = pairedByName(s, caps);
  if (s.principals.length === 0) {
    out.push('No access changes.');
    if (paired) out.push(paired);
    return out.join('\n\n');
  }
  if (paired) out.push(paired);
  const shown = s.principals.slice(0, caps.rows);
  if (shown.length) {
    out.push(
      table(
        ['change', 'principal', 'grants (role in division)', 'permissions', 'operations unlocked'],
        shown.map((d) => [
          d.change,
          who(d),
          grantsCell(d),
          permissionsDiffCell(d),
          d.operations.unlocked
            ? `${d.operations.unlocked}${d.operations.byDivision.length ? ` (${d.operations.byDivision.map((x) => text(x.division)).join(', ')})` : ''}`
            : '—',
        ]),
        [4],
      ),
    );
  }
  const detailed = shown.slice(0, caps.details);
  if (detailed.length) {
    out.push(
      detailed
        .map((d) =>
          principalDiffDetails(
            d,
            flags.filter((f) => f.principal === d.address),
          ),
        )
        .join('\n\n'),
    );
  }
  if (s.principals.length > shown.length) {
    const more = s.principals.length - shown.length;
    out.push(`${moreOf(more, shown.length, 'changed principal')}: see \`--format json\``);
  }
  return out.join('\n\n');
}

/** The diff as Markdown (a PR comment), shortened to fit one when needed. */
export function renderDiffMarkdown(model: DiffModel): string {
  return fit((caps) => diffMarkdown(model, caps));
}

function diffMarkdown(model: DiffModel, caps: Caps): string {
  const out: string[] = [model.drift ? '## Drift between the org and the code' : '## Genesys Cloud access changes'];
  const { summary } = model;
  if (model.drift) {
    const d = model.drift;
    out.push(
      `The ${d.org} is the live org ${text(d.orgName)} (a snapshot), the ${d.org === 'base' ? 'head' : 'base'} the code (${d.stacks.map(code).join(', ')}): principals, roles and divisions are paired by name (a literal id meets the org's node of that id). ${d.principals.matched} principals are in both, ${d.principals.orgOnly} only in the org, ${d.principals.codeOnly} only in the code.`,
    );
  }
  if (model.broadening.length) {
    out.push(`**Broadening: ${plural(model.broadening.length, 'change')} to approve**`);
    const rows = model.broadening
      .slice(0, caps.findings)
      .map((b) => [
        KIND_LABEL[b.kind],
        ...(model.stacks.length > 1 ? [code(b.stack)] : []),
        who({ name: b.name, address: b.principal }),
        text(b.detail),
      ]);
    out.push(
      capped(
        ['broadening', ...(model.stacks.length > 1 ? ['stack'] : []), 'principal', 'what'],
        rows,
        model.broadening.length,
        'broadening change',
      ),
    );
  } else {
    out.push(
      'No broadening: no new all-divisions grants, admin-grade or wildcard permissions, admin-grade scopes, or exposed secrets.',
    );
  }
  out.push(
    [
      `${summary.principalsAdded} added`,
      `${summary.principalsRemoved} removed`,
      `${summary.principalsChanged} changed principals`,
      `+${summary.permissionsAdded} / −${summary.permissionsRemoved} permission × division pairs`,
      `${summary.operationsUnlocked} operations newly unlocked`,
    ].join(' · '),
  );
  const multi = model.stacks.length > 1;
  for (const s of model.stacks) {
    if (multi && s.change === 'unchanged') continue;
    out.push(
      stackDiffSection(
        s,
        model.broadening.filter((b) => b.stack === s.stack),
        multi,
        caps,
      ),
    );
  }
  if (multi) {
    const same = model.stacks.filter((s) => s.change === 'unchanged').map((s) => s.stack);
    if (same.length) out.push(`Unchanged: ${codeList(same)}`);
  }
  return out.join('\n\n').trim() + '\n';
}
