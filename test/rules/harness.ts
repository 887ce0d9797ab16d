/** Single-rule harness for rule tests: a plan from a literal cdk.tf.json fragment, findings of one rule. */
import { readCdktf } from '../../lib/sources/cdktf/read';
import { runRules } from '../../lib/rules/engine';
import type { Rule, RuleOptions } from '../../lib/rules/types';

export const CHICAGO = '${data.genesyscloud_auth_division.chicago.id}';

/** A stack document with the Chicago division data source and the given resources. */
export function doc(
  resource: Record<string, Record<string, unknown>>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { data: { genesyscloud_auth_division: { chicago: { name: 'Chicago' } } }, resource, ...extra };
}

/** A role granting `perms` (domain:entity:action). */
export function role(name: string, perms: string[], conditions = false): Record<string, unknown> {
  const groups = new Map<string, string[]>();
  for (const p of perms) {
    const [d, e, a] = p.split(':');
    groups.set(`${d}:${e}`, [...(groups.get(`${d}:${e}`) ?? []), a]);
  }
  return {
    name,
    permission_policies: [...groups.entries()].map(([k, actions]) => ({
      domain: k.split(':')[0],
      entity_name: k.split(':')[1],
      action_set: actions,
      ...(conditions
        ? {
            conditions: {
              conjunction: 'AND',
              terms: [
                { variable_name: 'Conversation.queues', operator: 'IN', operands: [{ type: 'QUEUE', queue_id: 'q' }] },
              ],
            },
          }
        : {}),
    })),
  };
}

/** A CLIENT-CREDENTIALS client holding `roleName` in `division` (null: no division_id). */
export function client(
  roleName: string,
  division: string | null = CHICAGO,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: 'Integration',
    authorized_grant_type: 'CLIENT-CREDENTIALS',
    roles: [
      { role_id: `\${genesyscloud_auth_role.${roleName}.id}`, ...(division === null ? {} : { division_id: division }) },
    ],
    ...extra,
  };
}

/** The messages `rule` finds in `json`. */
export function findings(rule: Rule, json: unknown, options: RuleOptions = {}): string[] {
  return runRules(readCdktf(json), [rule], options).map((f) => f.message);
}
