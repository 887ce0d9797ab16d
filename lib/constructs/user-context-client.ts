import { OauthClient } from '../../src/generated/provider/oauth-client';
import type { Scope } from '../catalog/types';
import { Catalog } from '../catalog/catalog';
import { AccessValidationError } from '../errors';
import { Capabilities, type CapabilityId } from '../access/capabilities';
import { Construct } from './core';

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
  /** Capabilities whose operations the token must reach; their smallest scope set is computed from the catalog. */
  readonly capabilities: readonly CapabilityId[];
  /**
   * Extra scopes, typed.
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

  constructor(scope: Construct, id: string, props: UserContextClientProps) {
    super(scope, id);
    const grantType = props.grantType ?? 'CODE';
    const path = this.node.path;
    if ((grantType === 'CODE' || grantType === 'TOKEN') && !props.redirectUris?.length) {
      throw new AccessValidationError(
        `a ${grantType} client needs redirectUris (where Genesys sends the user back after login)`,
        path,
      );
    }
    if (!props.capabilities?.length)
      throw new AccessValidationError('a UserContextClient needs at least one capability', path);
    for (const s of props.extraScopes ?? []) Catalog.requireScope(s);
    this.scopes = [...new Set([...Capabilities.scopesOf(props.capabilities), ...(props.extraScopes ?? [])])].sort();
    this.resource = new OauthClient(this, 'Default', {
      name: props.name,
      description: props.description,
      authorizedGrantType: grantType,
      registeredRedirectUris: props.redirectUris ? [...props.redirectUris].sort() : undefined,
      scopes: [...this.scopes],
      accessTokenValiditySeconds: props.accessTokenValiditySeconds,
    });
  }
}
