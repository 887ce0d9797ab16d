/** Small helpers shared by the rules. */
import type { PlanPrincipal, PlanRole } from '../model/plan';
import type { RuleContext } from './types';

/** Roles defined in the plan (their permissions are known). */
export function managedRoles(ctx: RuleContext): PlanRole[] {
  return ctx.plan.roles.filter((r) => r.managed);
}

const clientsOf = new WeakMap<object, PlanPrincipal[]>();

/** OAuth clients in the plan (computed once per plan). */
export function oauthClients(ctx: RuleContext): PlanPrincipal[] {
  let hit = clientsOf.get(ctx.plan);
  if (!hit) clientsOf.set(ctx.plan, (hit = ctx.plan.principals.filter((p) => p.kind === 'oauth-client')));
  return hit;
}

/** The policy of a role as `domain:entity:action` strings, wildcards kept. */
export function policyPermissions(role: PlanRole): Array<{ permission: string; hasConditions: boolean }> {
  return role.policies.flatMap((p) =>
    p.actions.map((a) => ({ permission: `${p.domain}:${p.entity}:${a}`, hasConditions: p.hasConditions })),
  );
}

/** A literal number from a resource body, or undefined for tokens and absent values. */
export function literalNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !v.includes('${') && !isNaN(Number(v))) return Number(v);
  return undefined;
}
