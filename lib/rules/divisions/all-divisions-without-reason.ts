import { ALL_DIVISIONS_KEY } from '../../access/divisions';
import { grantsBy, rolesOf } from '../util';
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
    grantsBy(ctx, (g) => g.division === ALL_DIVISIONS_KEY).flatMap(([p, all]) => {
      if (ctx.graph.intent?.principals[p.key]?.allDivisionsReasons.length) return [];
      return rolesOf(ctx, all).map(({ name: role, writer }) => ({
        address: writer,
        finding: role,
        detail: `role "${role}" is granted to ${p.name} in all divisions with no reason recorded: use Division.all({ reason }) or name the divisions`,
      }));
    }),
};
