import { Catalog } from '../../catalog/catalog';
import type { Rule } from '../types';
import { oauthClients } from '../util';

/** GCA-SCOPE1: an OAuth client names a scope that does not exist. */
export const unknownScope: Rule = {
  id: 'GCA-SCOPE1',
  name: 'unknown-scope',
  area: 'scopes',
  level: 'error',
  info: 'An OAuth client names a scope that does not exist.',
  explanation: 'Third-party pages invent scopes such as screen_recording:read; an unknown scope grants nothing.',
  fix: 'Use the suggested real scope (or compute scopes from capabilities with UserContextClient).',
  suppressible: false,
  check: (ctx) =>
    oauthClients(ctx).flatMap((c) =>
      c.scopes
        .filter((s) => !s.includes('${') && !Catalog.isScope(s))
        .map((s) => ({ address: c.key, finding: s, detail: Catalog.explainUnknownScope(s) })),
    ),
};
