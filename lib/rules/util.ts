/** Small helpers shared by the rules. */
import type { GraphGrant, GraphPrincipal, GraphRole } from '../access/graph';
import type { RuleContext } from './types';

/** Roles defined in the input (their permissions are known). */
export function managedRoles(ctx: RuleContext): GraphRole[] {
  return ctx.graph.roles.filter((r) => r.origin === 'managed');
}

/** OAuth clients in the input (computed once per graph). */
export function oauthClients(ctx: RuleContext): GraphPrincipal[] {
  const memo = ctx.index.memo<GraphPrincipal[]>('rules');
  let hit = memo.get('oauth-clients');
  if (!hit) memo.set('oauth-clients', (hit = ctx.graph.principals.filter((p) => p.kind === 'oauth-client')));
  return hit;
}

/** The grants matching `keep`, by principal, in principal order (one pass over the grants). */
export function grantsBy(ctx: RuleContext, keep: (g: GraphGrant) => boolean): Array<[GraphPrincipal, GraphGrant[]]> {
  const by = new Map<string, GraphGrant[]>();
  for (const g of ctx.graph.grants) {
    if (!keep(g)) continue;
    const list = by.get(g.principal);
    if (list) list.push(g);
    else by.set(g.principal, [g]);
  }
  return ctx.graph.principals.filter((p) => by.has(p.key)).map((p) => [p, by.get(p.key)!]);
}

/** The policy of a role as `domain:entity:action` strings, wildcards kept. */
export function policyPermissions(role: GraphRole): Array<{ permission: string; hasConditions: boolean }> {
  return role.policies.flatMap((p) =>
    p.actions.map((a) => ({ permission: `${p.domain}:${p.entity}:${a}`, hasConditions: p.conditions })),
  );
}

/** Names of the roles of `grants` (sorted, distinct), with the writer of the first grant of each. */
export function rolesOf(ctx: RuleContext, grants: readonly GraphGrant[]): Array<{ name: string; writer: string }> {
  const out = new Map<string, string>();
  for (const g of grants) {
    const name = ctx.index.requireRole(g.role).name;
    if (!out.has(name)) out.set(name, g.writer);
  }
  return [...out.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, writer]) => ({ name, writer }));
}
