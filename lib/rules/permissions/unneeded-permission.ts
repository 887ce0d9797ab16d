import { Capabilities } from '../../access/capabilities';
import { holds } from '../../access/permission-match';
import type { Rule } from '../types';
import { managedRoles } from '../util';

/** GCA-PERM4: a role that declares its capabilities grants a permission none of them needs. */
export const unneededPermission: Rule = {
  id: 'GCA-PERM4',
  name: 'unneeded-permission',
  area: 'permissions',
  level: 'warning',
  info: 'A role grants a permission that none of its declared capabilities needs.',
  explanation:
    'Every permission should trace back to an API operation the principal calls; an unused permission is standing access an attacker can use.',
  fix: 'Remove the permission, or add the capability that needs it.',
  suppressible: true,
  check: (ctx) =>
    managedRoles(ctx).flatMap((role) => {
      const caps = ctx.graph.intent?.roles[role.key]?.capabilities ?? [];
      if (!caps.length) return [];
      // Capabilities defined in code are recorded with their permissions; one the input does not describe makes
      // what the role needs unknown, so nothing is reported.
      const recorded = ctx.graph.intent?.capabilities ?? {};
      const needed: string[] = [];
      for (const c of caps) {
        if (recorded[c]) needed.push(...recorded[c].permissions);
        else if (Capabilities.isCapability(c)) needed.push(...Capabilities.resolve(c).permissions);
        else return [];
      }
      return role.permissions
        .filter((p) => !needed.includes(p as never) && !needed.some((n) => holds([n], p)))
        .map((p) => ({
          address: role.key,
          finding: p,
          detail: `role "${role.name}" grants ${p}, which its capabilities (${caps.join(', ')}) do not need: remove it or declare the capability that does`,
        }));
    }),
};
