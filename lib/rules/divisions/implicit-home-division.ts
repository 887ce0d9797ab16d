import { grantsBy, rolesOf } from '../util';
import type { Rule } from '../types';

/** GCA-DIV1: a role grant without a division (the provider silently uses home). */
export const implicitHomeDivision: Rule = {
  id: 'GCA-DIV1',
  name: 'implicit-home-division',
  area: 'divisions',
  level: 'error',
  info: 'A role is granted without a division, which silently means the home division only.',
  explanation:
    'The provider replaces an empty division with the home division at apply time. Objects in other divisions (e.g. Chicago agents\' conversations) then fail with 403, the most common cause of "works for most agents".',
  fix: 'Name the division: Division.fromName(this, "chicago", "Chicago"), Division.home(this), or Division.all({ reason }).',
  suppressible: true,
  check: (ctx) =>
    grantsBy(ctx, (g) => g.implicitHome === true).flatMap(([p, implicit]) => {
      return rolesOf(ctx, implicit).map(({ name: role, writer }) => ({
        address: writer,
        finding: role,
        detail: `role "${role}" is granted to ${p.name} with no division, so only in the home division: name the division(s) explicitly`,
      }));
    }),
};
