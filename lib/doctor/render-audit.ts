/** Markdown for `audit` and `generate`. No cdktf import. */
import { code, codeList, details, invisible, plainList, plural, table, text } from '../review/markdown';
import { capped, type Caps, COMMENT_LIMIT, fit, moreOf } from '../review/markdown-fit';
import type { AuditModel, ClientAudit } from './audit';
import type { AnyOfChoice } from './deployer';
import type { GenerateModel } from './generate';
import type { RoleCode } from './role-code';

/** A fenced code block whose fence is longer than any backtick run inside (so names cannot close it). */
export function fence(lang: string, body: string): string {
  const runs = body.match(/`+/g) ?? [];
  const n = Math.max(3, ...runs.map((r) => r.length + 1));
  const f = '`'.repeat(n);
  const shown = invisible(body);
  return `${f}${lang}\n${shown.endsWith('\n') ? shown : `${shown}\n`}${f}`;
}

function choiceLines(choices: readonly AnyOfChoice[]): string[] {
  return choices.map(
    (c) => `- ${codeList(c.operations, 3)}: one of ${codeList(c.of, 6)} → ${code(c.pick)} (${text(c.why)})`,
  );
}

function codeBlocks(c: RoleCode): string[] {
  return [
    '#### Construct code',
    fence('ts', c.construct),
    '#### HCL',
    fence('hcl', c.hcl),
    '#### JSON (`.tf.json`)',
    fence('json', JSON.stringify(c.terraformJson, null, 2)),
  ];
}

function clientSection(c: ClientAudit): string {
  const out: string[] = [];
  out.push(`### ${text(c.name)}`);
  const facts = [
    `- client ${code(c.key)}: ${text(c.grantType ?? 'no grant type')}${c.state && c.state !== 'active' ? `, ${text(c.state)}` : ''}; ${plural(c.requests, 'request')} in the window to ${plural(c.operations.length, 'operation')}`,
  ];
  if (c.operations.length) {
    facts.push(
      `- called: ${c.operations
        .slice(0, 8)
        .map((o) => `${code(o.key)} ×${o.count}${o.verdict !== 'allowed' ? ` (${o.verdict} now)` : ''}`)
        .join(', ')}${c.operations.length > 8 ? `, +${c.operations.length - 8} more` : ''}`,
    );
  }
  if (c.scopes) {
    facts.push(`- scopes held: ${codeList(c.scopes.held)}; needed by its calls: ${codeList(c.scopes.needed)}`);
    if (c.scopes.unused.length) facts.push(`- **unused scopes**: ${codeList(c.scopes.unused)}`);
  }
  if (c.unused.length) {
    facts.push(
      `- **unused permissions** (${c.unused.length} of ${c.held.length} held): ${c.unused
        .slice(0, 12)
        .map((h) => `${code(h.permission)} (${plainList(h.divisions, 3)}; ${plainList(h.roles, 2)})`)
        .join(', ')}${c.unused.length > 12 ? `, +${c.unused.length - 12} more` : ''}`,
    );
  }
  if (c.divisions.unused.length) facts.push(`- **unused divisions**: ${plainList(c.divisions.unused)}`);
  for (const b of c.broader) {
    facts.push(
      `- **broader than needed**: ${code(b.operation)} through ${codeList(b.held)}; ${code(b.narrower)} would do: ${text(b.why)}`,
    );
  }
  if (c.unknownCalls.length) {
    facts.push(
      `- not in the catalog: ${c.unknownCalls
        .slice(0, 5)
        .map((r) => code(`${r.method} ${r.templateUri}`))
        .join(', ')}${c.unknownCalls.length > 5 ? `, +${c.unknownCalls.length - 5} more` : ''}`,
    );
  }
  for (const n of c.notes) facts.push(`- ${text(n)}`);
  out.push(facts.join('\n'));
  if (c.tightened) {
    const t = c.tightened;
    const lines = [
      `**Tightened role** ${text(t.roleName)}: ${codeList([...t.permissions, ...t.generalPermissions])} in ${plainList(t.divisions)}`,
    ];
    const choices = choiceLines(t.choices);
    if (choices.length) lines.push('', 'ANY-of picks:', ...choices);
    out.push(lines.join('\n'));
    out.push(details('Tightened role as code (constructs, HCL, JSON)', codeBlocks(t.code).join('\n\n')));
  }
  return out.join('\n\n');
}

function hasFindings(c: ClientAudit): boolean {
  return (
    c.unused.length > 0 ||
    c.divisions.unused.length > 0 ||
    c.broader.length > 0 ||
    (c.scopes?.unused.length ?? 0) > 0 ||
    c.tightened !== undefined
  );
}

/** The audit as Markdown: everything when it fits a pull-request comment, else clients capped to fit. */
export function renderAuditMarkdown(m: AuditModel): string {
  const full = auditMarkdown(m);
  return full.length <= COMMENT_LIMIT ? full : fit((caps) => auditMarkdown(m, caps));
}

function auditMarkdown(m: AuditModel, caps?: Caps): string {
  const out: string[] = [];
  out.push(`## Unused access: ${text(m.org)}`);
  out.push(
    `API usage from ${text(m.window.from)} to ${text(m.window.to)} (${plural(m.window.days, 'day')}), snapshot taken ${text(m.takenAt)}.`,
  );
  out.push(`> **Evidence window.** ${text(m.warning)}`);
  const s = m.summary;
  out.push(
    [
      plural(s.clients, 'OAuth client'),
      `${s.withCalls} with calls`,
      plural(s.unusedPermissions, 'unused permission'),
      plural(s.unusedDivisions, 'unused division'),
      plural(s.broader, 'call through a broader permission', 'calls through a broader permission'),
    ].join(' · '),
  );
  if (m.clients.length) {
    out.push(
      capped(
        ['client', 'grant type', 'requests', 'operations', 'unused permissions', 'unused divisions', 'broader'],
        m.clients
          .slice(0, caps?.rows ?? Infinity)
          .map((c) => [
            `**${text(c.name)}**<br>${code(c.key)}`,
            text(c.grantType ?? '—'),
            String(c.requests),
            String(c.operations.length),
            String(c.scopes ? c.scopes.unused.length : c.unused.length),
            String(c.divisions.unused.length),
            String(c.broader.length),
          ]),
        m.clients.length,
        'client',
        [2, 3, 4, 5, 6],
      ),
    );
  }
  for (const n of m.notes) out.push(`- ${text(n)}`);
  const sections = m.clients.filter(hasFindings);
  const shown = sections.slice(0, caps?.details ?? Infinity);
  for (const c of shown) out.push(clientSection(c));
  if (shown.length < sections.length) {
    out.push(`${moreOf(sections.length - shown.length, shown.length, 'client section')}: see \`--format json\``);
  }
  return `${out.join('\n\n')}\n`;
}

/** The generated role as Markdown. */
export function renderGenerateMarkdown(m: GenerateModel): string {
  const out: string[] = [];
  out.push(`## Least-privilege role: ${text(m.roleName)}`);
  out.push(`From ${text(m.source)}.`);
  out.push(
    `**Permissions**: ${codeList([...m.permissions, ...m.generalPermissions])}${m.divisions.length ? ` in ${plainList(m.divisions)}` : ''}`,
  );
  out.push(
    table(
      ['operation', 'ALL of', 'ANY of'],
      m.operations.map((o) => [`${code(o.key)}<br>${code(o.operationId)}`, codeList(o.allOf), codeList(o.anyOf, 6)]),
    ),
  );
  const choices = choiceLines(m.choices);
  if (choices.length) out.push(['ANY-of picks (the ranking capabilities and `explain` use):', ...choices].join('\n'));
  if (m.unknownCalls.length) {
    out.push(
      `Not in the catalog (not counted): ${codeList(
        m.unknownCalls.map((r) => `${r.method} ${r.templateUri}`),
        10,
      )}`,
    );
  }
  for (const n of m.notes) out.push(`- ${text(n)}`);
  out.push(...codeBlocks(m.code).map((b) => b.replace(/^####/, '###')));
  return `${out.join('\n\n')}\n`;
}
