/**
 * The "Roles" section of `report`'s Markdown: every role a stack defines or its principals hold, held or not, with
 * where it is defined, how many principals hold it, its permissions (collapsed when long) and its findings. Rows
 * are capped like the principals' (see markdown-fit.ts). No cdktf import.
 */
import { codeList, plural, text } from './markdown';
import { capped, type Caps, who } from './markdown-fit';
import type { RoleReport, StackReport } from './report';

/** Permissions listed inline in a cell; longer lists are collapsed. */
export const INLINE_PERMISSIONS = 6;

const ORIGINS: Readonly<Record<RoleReport['origin'], string>> = {
  managed: 'managed',
  data: 'data source',
  id: 'id',
  unresolved: 'unresolved',
  org: 'live org',
};

function heldByCell(r: RoleReport): string {
  return r.holders.length ? plural(r.holders.length, 'principal') : 'held by no principal in this input';
}

/**
 * Inline up to {@link INLINE_PERMISSIONS}, else a collapsed list (capped at `caps.names`: the principals' table
 * shows them too and JSON has them all), else only the count.
 */
function permissionsCell(r: RoleReport, caps: Caps): string {
  if (!r.managed) return 'not in this input';
  const unsure = r.incomplete !== undefined ? `not fully known: ${text(r.incomplete)}` : '';
  if (r.permissions.length === 0) return unsure || 'none';
  return unsure ? `${permissionList(r, caps)}<br>(${unsure})` : permissionList(r, caps);
}

function permissionList(r: RoleReport, caps: Caps): string {
  if (r.permissions.length <= INLINE_PERMISSIONS) return codeList(r.permissions, Infinity, '<br>');
  const summary = plural(r.permissions.length, 'permission');
  if (caps.details === 0 || caps.names === 0) return `${summary} (see \`--format json\`)`;
  // No blank line inside: the block stays in its table cell.
  return `<details><summary>${summary}</summary>${codeList(r.permissions, caps.names, '<br>')}</details>`;
}

/**
 * What a reviewer needs first when rows are capped: roles with findings, then roles no principal holds (their
 * changes show nowhere else), then the rest; each in address order (the model's).
 */
function ordered(roles: readonly RoleReport[]): RoleReport[] {
  const rank = (r: RoleReport): number => (r.findings.length ? 0 : r.holders.length === 0 ? 1 : 2);
  return [0, 1, 2].flatMap((k) => roles.filter((r) => rank(r) === k));
}

/** The Roles section of one stack. */
export function rolesSection(s: StackReport, caps: Caps): string {
  if (s.roles.length === 0) return 'No roles (defined or granted) in this stack.';
  const rows = ordered(s.roles)
    .slice(0, caps.rows)
    .map((r) => [
      who(r),
      ORIGINS[r.origin] ?? text(r.origin),
      heldByCell(r),
      permissionsCell(r, caps),
      r.findings.length ? codeList(r.findings, 3) : '—',
    ]);
  const body = capped(['role', 'origin', 'held by', 'permissions', 'findings'], rows, s.roles.length, 'role');
  return `**Roles**\n\n${body}`;
}
