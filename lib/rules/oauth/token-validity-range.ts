import type { Rule } from '../types';
import { oauthClients } from '../util';

export const MIN_TOKEN_SECONDS = 300;
export const MAX_TOKEN_SECONDS = 38880000;

/** GCA-OAUTH2: access_token_validity_seconds outside what the provider accepts. */
export const tokenValidityRange: Rule = {
  id: 'GCA-OAUTH2',
  name: 'token-validity-range',
  area: 'oauth',
  level: 'error',
  info: `access_token_validity_seconds is outside ${MIN_TOKEN_SECONDS}..${MAX_TOKEN_SECONDS}.`,
  explanation: 'The provider rejects it at plan time; catching it at synth keeps the pipeline from failing late.',
  fix: `Use a value from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS} seconds.`,
  suppressible: false,
  check: (ctx) =>
    oauthClients(ctx).flatMap((c) => {
      const v = c.accessTokenValiditySeconds;
      return v !== undefined && (v < MIN_TOKEN_SECONDS || v > MAX_TOKEN_SECONDS || !Number.isInteger(v))
        ? [
            {
              address: c.key,
              detail: `access_token_validity_seconds is ${v}: use a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS}`,
            },
          ]
        : [];
    }),
};
