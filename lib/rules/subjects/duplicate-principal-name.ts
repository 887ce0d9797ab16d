import type { Rule } from '../types';

/** GCA-SUBJ4: two OAuth clients or groups defined with one name. */
export const duplicatePrincipalName: Rule = {
  id: 'GCA-SUBJ4',
  name: 'duplicate-principal-name',
  area: 'subjects',
  level: 'warning',
  info: 'Two OAuth clients (or two groups) in the input have the same name.',
  explanation:
    'Reviewers, the admin console and genesys-access explain --principal tell principals apart by name; two with one name make every answer about them ambiguous (group names are unique in an org, so the second group fails at apply).',
  fix: 'Give each principal its own name (two instances of one construct need distinct name props).',
  suppressible: true,
  check: (ctx) => {
    const byName = new Map<string, string[]>();
    for (const p of ctx.graph.principals) {
      if (!p.defined || p.kind === 'user') continue;
      const k = `${p.kind}\u0000${p.name}`;
      byName.set(k, [...(byName.get(k) ?? []), p.key]);
    }
    return [...byName.entries()]
      .filter(([, keys]) => keys.length > 1)
      .flatMap(([k, keys]) => {
        const name = k.split('\u0000')[1];
        return keys.slice(1).map((key) => ({
          address: key,
          finding: name,
          detail: `"${name}" is also the name of ${keys.filter((x) => x !== key).join(', ')}: give each its own name`,
        }));
      });
  },
};
