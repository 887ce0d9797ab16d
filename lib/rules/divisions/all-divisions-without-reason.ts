import type { Rule } from '../types';

/** GCA-DIV2: `*` (all divisions) granted without Division.all({ reason }). */
export const allDivisionsWithoutReason: Rule = {
  id: 'GCA-DIV2',
  name: 'all-divisions-without-reason',
  area: 'divisions',
  level: 'error',
  info: 'A role is granted in all divisions (*) without a recorded reason.',
  explanation:
    'All divisions includes every division created later; it should be a visible, reviewed decision, not a default.',
  fix: 'Use Division.all({ reason: "..." }) (the reason is recorded for review), or grant the specific divisions.',
  suppressible: true,
  check: (ctx) =>
    ctx.plan.principals.flatMap((p) => {
      if (!p.grants.some((g) => g.division.kind === 'all')) return [];
      if (ctx.plan.metadata.principals?.[p.address]?.allDivisionsReasons?.length) return [];
      const roles = [...new Set(p.grants.filter((g) => g.division.kind === 'all').map((g) => g.role.name))].sort();
      return roles.map((role) => ({
        address: p.grants.find((g) => g.role.name === role)!.source,
        finding: role,
        detail: `role "${role}" is granted to ${p.name} in all divisions with no reason recorded: use Division.all({ reason }) or name the divisions`,
      }));
    }),
};
