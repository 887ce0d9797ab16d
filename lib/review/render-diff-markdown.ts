/**
 * Markdown for `diff`, sized for a pull-request comment: the gate's verdict and the widening changes first (by
 * kind), changed principals in a table with their detail collapsed in `<details>`, role definition changes, and
 * hard caps with a pointer to `--format json`. No cdktf import.
 */
import { type Change, CHANGE_KINDS, CHANGE_KIND_INFO } from './changes';
import type { DiffModel, PrincipalDiff, StackDiff } from './diff-model';
import { FAIL_ON_SETS } from './fail-on';
import type { GateResult } from './gate';
import type { RoleDiff } from './role-diff';
import { code, codeList, details, plainList, plural, table, text } from './markdown';
import { capped, type Caps, fit, moreOf, typeOf, who } from './markdown-fit';

/** The diff with the gate's verdict, when a gate was asked for. */
export type GatedDiff = DiffModel & { readonly gate?: GateResult };

const label = (c: Change): string => CHANGE_KIND_INFO[c.kind].label;

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

function principalDiffDetails(d: PrincipalDiff, changes: readonly Change[]): string {
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
  for (const c of changes.filter((x) => x.widening && HIGH_RISK.has(x.kind))) {
    lines.push(`- **${label(c)}**: ${text(c.detail)}`);
  }
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

/** What a principal's detail calls out: the high-risk kinds (lib/review/fail-on.ts) and what cannot be told. */
const HIGH_RISK: ReadonlySet<string> = new Set([...FAIL_ON_SETS['high-risk'], 'unknown-introduced']);

function heldCell(r: RoleDiff): string {
  return r.heldBy.length ? codeList(r.heldBy, 3) : 'no principal in this input';
}

/** The role definitions that changed, held in the input or not. */
function rolesSection(s: StackDiff, caps: Caps): string {
  if (s.roles.length === 0) return '';
  const rows = s.roles
    .slice(0, caps.rows)
    .map((r) => [
      r.change,
      who({ name: r.name, address: r.address }),
      codeList(r.permissions.added, 6),
      codeList(r.permissions.removed, 6),
      heldCell(r),
    ]);
  return `**Role definitions changed**: ${plural(s.roles.length, 'role')}\n\n${capped(['change', 'role', 'permissions added', 'permissions removed', 'held by'], rows, s.roles.length, 'changed role')}`;
}

function stackDiffSection(s: StackDiff, changes: readonly Change[], heading: boolean, caps: Caps): string {
  const out: string[] = [];
  if (heading)
    out.push(`### ${text(s.stack)}${s.change === 'added' || s.change === 'removed' ? ` (stack ${s.change})` : ''}`);
  const paired = pairedByName(s, caps);
  const roles = rolesSection(s, caps);
  if (s.principals.length === 0) {
    out.push(roles || 'No access changes.');
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
            changes.filter((c) => c.subject === d.address),
          ),
        )
        .join('\n\n'),
    );
  }
  if (s.principals.length > shown.length) {
    const more = s.principals.length - shown.length;
    out.push(`${moreOf(more, shown.length, 'changed principal')}: see \`--format json\``);
  }
  if (roles) out.push(roles);
  return out.join('\n\n');
}

/** The diff as Markdown (a PR comment), shortened to fit one when needed. */
export function renderDiffMarkdown(model: GatedDiff): string {
  return fit((caps) => diffMarkdown(model, caps));
}

function diffMarkdown(model: GatedDiff, caps: Caps): string {
  const out: string[] = [model.drift ? '## Drift between the org and the code' : '## Genesys Cloud access changes'];
  const { summary } = model;
  if (model.drift) {
    const d = model.drift;
    out.push(
      `The ${d.org} is the live org ${text(d.orgName)} (a snapshot), the ${d.org === 'base' ? 'head' : 'base'} the code (${d.stacks.map(code).join(', ')}): principals, roles and divisions are paired by name (a literal id meets the org's node of that id). ${d.principals.matched} principals are in both, ${d.principals.orgOnly} only in the org, ${d.principals.codeOnly} only in the code.`,
    );
  }
  if (model.gate) out.push(gateLine(model, model.gate));
  const widening = model.changes.filter((c) => c.widening);
  const multi = model.stacks.length > 1;
  if (widening.length) {
    out.push(`**Widening: ${plural(widening.length, 'change')} to review** (${byKind(widening)})`);
    out.push(changesTable(model, widening, multi, caps, 'widening change'));
  } else {
    out.push('No widening: the head grants no access the base did not.');
  }
  const excepted = model.gate?.excepted ?? [];
  if (excepted.length) {
    const items = excepted
      .slice(0, caps.findings)
      .map(
        (e) =>
          `- ${label(model.changes[e.index])}: ${who2(model.changes[e.index])} ${text(model.changes[e.index].detail)} (reason: ${text(e.reason)})`,
      );
    const more = excepted.length - items.length;
    out.push(
      details(
        `${plural(excepted.length, 'change')} let through by the policy`,
        [...items, ...(more > 0 ? [`- +${more} more: see \`--format json\``] : [])].join('\n'),
      ),
    );
  }
  out.push(
    [
      `${summary.principalsAdded} added`,
      `${summary.principalsRemoved} removed`,
      `${summary.principalsChanged} changed principals`,
      `+${summary.permissionsAdded} / −${summary.permissionsRemoved} permission × division pairs`,
      `${summary.operationsUnlocked} operations newly unlocked`,
      `${plural(summary.rolesChanged, 'role definition')} changed`,
    ].join(' · '),
  );
  for (const s of model.stacks) {
    if (multi && s.change === 'unchanged') continue;
    out.push(
      stackDiffSection(
        s,
        model.changes.filter((c) => c.stack === s.stack),
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

function who2(c: Change): string {
  return c.name === c.subject ? code(c.subject) : `${text(c.name)} (${code(c.subject)})`;
}

/** `2 new permission · 1 new division`, in kind order. */
function byKind(changes: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return CHANGE_KINDS.filter((k) => counts.has(k))
    .map((k) => `${counts.get(k)} ${CHANGE_KIND_INFO[k].label}`)
    .join(' · ');
}

function changesTable(model: GatedDiff, changes: readonly Change[], multi: boolean, caps: Caps, what: string): string {
  const failing = new Set(model.gate?.failing.map((f) => f.index) ?? []);
  const unknown = new Set(model.gate?.unknown ?? []);
  const excepted = new Set(model.gate?.excepted.map((e) => e.index) ?? []);
  const verdict = (c: Change): string => {
    const i = model.changes.indexOf(c);
    return failing.has(i) ? '**fails**' : unknown.has(i) ? '**unknown**' : excepted.has(i) ? 'excepted' : '—';
  };
  const rows = changes
    .slice(0, caps.findings)
    .map((c) => [
      ...(model.gate ? [verdict(c)] : []),
      label(c),
      ...(multi ? [code(c.stack)] : []),
      who({ name: c.name, address: c.subject }),
      text(c.detail),
    ]);
  return capped(
    [...(model.gate ? ['gate'] : []), 'kind', ...(multi ? ['stack'] : []), 'principal or role', 'what'],
    rows,
    changes.length,
    what,
  );
}

function gateLine(model: GatedDiff, gate: GateResult): string {
  const how = [
    `\`--fail-on ${gate.failOn.join(',')}\``,
    ...(gate.policy !== undefined ? [`policy ${code(gate.policy)}`] : []),
  ].join(', ');
  const excepted = gate.excepted.length ? `; ${plural(gate.excepted.length, 'change')} let through by the policy` : '';
  if (gate.outcome === 'fail') {
    const failing = gate.failing.map((f) => model.changes[f.index]);
    const policy = [...new Set(gate.failing.filter((f) => f.rule !== 'fail-on').map((f) => f.reason))];
    const why = policy.length ? `; ${policy.slice(0, 3).map(text).join('; ')}${policy.length > 3 ? '; …' : ''}` : '';
    return `**Gate: fails** (${how}): ${plural(failing.length, 'change')} ${failing.length === 1 ? 'fails' : 'fail'} it (${byKind(failing)})${why}${excepted}.`;
  }
  if (gate.outcome === 'unknown') {
    return `**Gate: unknown** (${how}): ${plural(gate.unknown.length, 'change')} the input cannot tell, so the gate fails closed; resolve them, or set \`allowUnknown\` in the policy${excepted}.`;
  }
  return `**Gate: passes** (${how}): no change fails it${excepted}.${model.changes.length ? '' : ' Nothing changed.'}`;
}
