import type { Rule } from '../types';
import { oauthClients } from '../util';
import { MAX_TOKEN_SECONDS, MIN_TOKEN_SECONDS } from './token-validity-range';

/** GCA-OAUTH3: tokens live longer than the configured ceiling. */
export const tokenValidityCeiling: Rule = {
  id: 'GCA-OAUTH3',
  name: 'token-validity-ceiling',
  area: 'oauth',
  level: 'warning',
  info: 'access_token_validity_seconds is above the configured ceiling (default 86400).',
  explanation:
    'A long-lived token stays useful to whoever steals it; the ceiling is set with AccessRules.check(stack, { maxTokenValiditySeconds }).',
  fix: 'Shorten the token lifetime, or raise the ceiling for the stack.',
  suppressible: true,
  check: (ctx) =>
    oauthClients(ctx).flatMap((c) => {
      const v = c.accessTokenValiditySeconds;
      const max = ctx.options.maxTokenValiditySeconds;
      return v !== undefined && v >= MIN_TOKEN_SECONDS && v <= MAX_TOKEN_SECONDS && v > max
        ? [{ address: c.key, detail: `tokens of "${c.name}" live ${v} s, above the ceiling of ${max} s` }]
        : [];
    }),
};
