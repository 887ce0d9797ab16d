import type { Rule } from '../types';
import { didYouMean } from '../../errors';
import { rankBySimilarity } from '../../catalog/similarity';
import { oauthClients } from '../util';

export const GRANT_TYPES = ['CLIENT-CREDENTIALS', 'CODE', 'PASSWORD', 'SAML2-BEARER', 'SAML2BEARER', 'TOKEN'] as const;

/** GCA-OAUTH6: authorized_grant_type is not one the provider accepts. */
export const unknownGrantType: Rule = {
  id: 'GCA-OAUTH6',
  name: 'unknown-grant-type',
  area: 'oauth',
  level: 'error',
  info: 'authorized_grant_type is not a Genesys Cloud grant type.',
  explanation: `The provider accepts ${GRANT_TYPES.join(', ')} and rejects anything else at plan time.`,
  fix: 'Use CLIENT-CREDENTIALS for integrations, CODE (or TOKEN, SAML2-BEARER, PASSWORD) for user-context clients.',
  suppressible: false,
  check: (ctx) =>
    oauthClients(ctx)
      .filter(
        (c) =>
          c.grantType !== undefined &&
          !c.grantType.includes('${') &&
          !(GRANT_TYPES as readonly string[]).includes(c.grantType),
      )
      .map((c) => ({
        address: c.key,
        finding: c.grantType,
        detail: `grant type "${c.grantType}" is not accepted.${didYouMean(rankBySimilarity(c.grantType!, GRANT_TYPES, 2, 0.2))}`,
      })),
};
