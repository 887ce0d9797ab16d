/**
 * Markdown for `diff`, sized for a pull-request comment: broadening first, changed principals in a table with
 * their detail collapsed in `<details>`, and hard caps with a pointer to `--format json`. No cdktf import.
 */
import type { Broadening, DiffModel, PrincipalDiff, StackDiff } from './diff';
import { code, codeList, details, plainList, plural, table, text } from './markdown';
import { capped, type Caps, fit, moreOf, typeOf, who } from './markdown-fit';

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
