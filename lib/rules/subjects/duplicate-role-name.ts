import type { Rule } from '../types';
import { managedRoles } from '../util';

/** GCA-SUBJ3: two roles defined with one name. */
export const duplicateRoleName: Rule = {
  id: 'GCA-SUBJ3',
  name: 'duplicate-role-name',
  area: 'subjects',
  level: 'error',
  info: 'Two roles in the input have the same name.',
  explanation:
    'Role names are unique in a Genesys Cloud org: the second create fails at apply, or an import and a data source lookup by name pick one of them, so grants land on the wrong role.',
  fix: 'Give each role its own name (two instances of one construct need distinct name props), or define the role once and grant it twice.',
  suppressible: false,
  check: (ctx) => {
    const byName = new Map<string, string[]>();
    for (const r of managedRoles(ctx)) byName.set(r.name, [...(byName.get(r.name) ?? []), r.key]);
    return [...byName.entries()]
      .filter(([, keys]) => keys.length > 1)
      .flatMap(([name, keys]) =>
        keys.slice(1).map((key) => ({
          address: key,
          finding: name,
          detail: `role "${name}" is also defined by ${keys.filter((k) => k !== key).join(', ')}: role names are unique in an org; rename one`,
        })),
      );
  },
};
