import { OauthClient } from '../../src/generated/provider/oauth-client';
import type { Scope } from '../catalog/types';
import { Catalog } from '../catalog/catalog';
import { Capabilities, type CapabilityRef } from '../access/capabilities';
import { AccessMetadataRecorder, terraformAddress } from './access-metadata';
import { useCapabilities } from './capability-refs';
import { Construct } from './core';
import { mistakesOf, reportMistake } from './mistakes';
import { checkProps, rejectedProp } from './props';

const GRANT_TYPES: readonly UserContextGrantType[] = ['CODE', 'TOKEN', 'SAML2-BEARER', 'PASSWORD'];
const MIN_TOKEN_SECONDS = 300;
const MAX_TOKEN_SECONDS = 38880000;

const NOT_TAKEN: Readonly<Record<string, string>> = {
  roles:
    "roles on a user-context client grant nothing: its tokens carry the signed-in user's permissions; grant roles to the users (ServiceAccountUser)",
  divisions:
    "a user-context client has no grants: the signed-in user's role × division grants decide; grant roles to the users in divisions",
  scopes: 'scopes are computed from capabilities; add more with extraScopes',
  permissions:
    "a user-context token carries the signed-in user's permissions: give the users roles (AccessRole) instead",
  authorizedGrantType: 'it is grantType here: CODE, TOKEN, SAML2-BEARER or PASSWORD',
  registeredRedirectUris: 'it is redirectUris here',
};

/** User-context grant types (scopes apply to their tokens). */
export type UserContextGrantType = 'CODE' | 'TOKEN' | 'SAML2-BEARER' | 'PASSWORD';

/** Props of {@link UserContextClient}. */
export interface UserContextClientProps {
  /** OAuth client name. */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Grant type. The token acts as the signed-in user: the user's roles × divisions decide, narrowed by scopes.
   * @default 'CODE'
   */
  readonly grantType?: UserContextGrantType;
  /**
   * Redirect URIs; required for CODE and TOKEN.
   * @default - none (an error for CODE and TOKEN)
   */
  readonly redirectUris?: readonly string[];
  /**
   * Capabilities whose operations the token must reach (built-in ids or capabilities defined in code); their
   * smallest scope set is computed from the catalog.
   * @default - none: then extraScopes must name the scopes
   */
  readonly capabilities?: readonly CapabilityRef[];
  /**
   * Extra scopes, typed (alone, or on top of the computed ones).
   * @default - none
   */
  readonly extraScopes?: readonly Scope[];
  /**
   * Access token lifetime in seconds, 300..38880000.
   * @default 86400 (the provider's default)
   */
  readonly accessTokenValiditySeconds?: number;
}

/**
 * A user-context OAuth client (`genesyscloud_oauth_client` with CODE, TOKEN, SAML2-BEARER or PASSWORD) whose
 * scopes are computed from capabilities. It has no roles: its tokens act as the signed-in user.
 */
export class UserContextClient extends Construct {
  /** The underlying resource. */
  public readonly resource: OauthClient;
  /** The computed scopes, sorted. */
  public readonly scopes: readonly Scope[];
  /** Ids of the capabilities its scopes were computed from, sorted. */
  public readonly capabilities: readonly string[];

  constructor(scope: Construct, id: string, props: UserContextClientProps) {
    super(scope, id);
    const p = checkProps<UserContextClientProps>(
      this,
      'UserContextClient',
      props,
      {
        name: { kind: 'string' },
        description: { kind: 'string' },
        grantType: { kind: 'string', oneOf: GRANT_TYPES },
        redirectUris: { kind: 'strings', must: 'a list of URLs', example: '["https://app.example.com/callback"]' },
        capabilities: { kind: 'list', must: 'a list of capabilities', example: '["routing-queue-read"]' },
        extraScopes: { kind: 'strings', must: 'a list of scope names', example: '["routing:readonly"]' },
        accessTokenValiditySeconds: { kind: 'number' },
      },
      NOT_TAKEN,
    );
    const grantType = p.grantType ?? 'CODE';
    const name = p.name ?? '';
    // A wrong-typed name (or no props at all) is reported already.
    if (!name.trim() && mistakesOf(this).length === 0) reportMistake(this, 'a UserContextClient needs a name');
    const typed = !rejectedProp(props, p, 'grantType') && !rejectedProp(props, p, 'redirectUris');
    if (typed && (grantType === 'CODE' || grantType === 'TOKEN') && !p.redirectUris?.length) {
      reportMistake(this, `a ${grantType} client needs redirectUris (where Genesys sends the user back after login)`);
    }
    const caps = useCapabilities(this, p.capabilities, `user-context client "${name}"`);
    const extra: Scope[] = [];
    for (const s of p.extraScopes ?? []) {
      if (Catalog.isScope(s)) extra.push(s);
      else reportMistake(this, Catalog.explainUnknownScope(s));
    }
    if (p.capabilities === undefined && p.extraScopes === undefined) {
      reportMistake(
        this,
        'a UserContextClient needs capabilities (its scopes are computed from them) or extraScopes: without scopes its tokens are not narrowed at all',
      );
    } else if (Array.isArray(p.capabilities) && p.capabilities.length === 0 && !p.extraScopes?.length) {
      reportMistake(this, 'a UserContextClient needs at least one capability or extra scope');
    }
    let ttl = p.accessTokenValiditySeconds;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < MIN_TOKEN_SECONDS || ttl > MAX_TOKEN_SECONDS)) {
      reportMistake(
        this,
        `accessTokenValiditySeconds must be a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS} (got ${ttl})`,
      );
      ttl = undefined;
    }
    this.capabilities = caps.map((c) => Capabilities.idOf(c));
    this.scopes = [...new Set([...(caps.length ? Capabilities.scopesOf(caps) : []), ...extra])].sort();
    this.resource = new OauthClient(this, 'Default', {
      name,
      description: p.description,
      authorizedGrantType: grantType,
      registeredRedirectUris: p.redirectUris ? [...p.redirectUris].sort() : undefined,
      scopes: [...this.scopes],
      accessTokenValiditySeconds: ttl,
    });
    AccessMetadataRecorder.of(this).recordPrincipal(
      () => terraformAddress(this.resource),
      () => ({
        construct: this.node.path,
        ...(this.capabilities.length ? { capabilities: [...this.capabilities] } : {}),
      }),
    );
  }
}
