import { AccessGrant } from '../access/access-grant';
import type { CapabilityId } from '../access/capabilities';
import { AccessRole } from './access-role';
import { ClientCredentialsClient } from './client-credentials-client';
import { Construct } from './core';
import type { IDivision } from './division';
import type { IGrantable } from './grantable';
import { reportMistake } from './mistakes';
import { checkProps, CLIENT_CREDENTIALS_NOT_TAKEN, describeValue, rejectedProp } from './props';
import { ServiceAccountUser } from './service-account-user';

const PRINCIPAL = Symbol.for('cdktf-genesyscloud-access/WfmPrincipal');
import { UserContextClient, type UserContextGrantType } from './user-context-client';

/** Options of {@link WfmPrincipal.clientCredentials}. */
export interface WfmClientOptions {
  /**
   * OAuth client name.
   * @default 'WFM schedule publisher'
   */
  readonly name?: string;
  /**
   * Expose the client secret through a sensitive output.
   * @default false
   */
  readonly exposeSecret?: boolean;
  /**
   * Access token lifetime in seconds.
   * @default 86400 (the provider's default)
   */
  readonly accessTokenValiditySeconds?: number;
}

/** Options of {@link WfmPrincipal.user}. */
export interface WfmUserOptions {
  /** The service account's email. */
  readonly email: string;
  /** Display name. */
  readonly name: string;
  /**
   * The division the user object belongs to.
   * @default - the home division (the provider's default)
   */
  readonly division?: IDivision;
  /**
   * Also create a user-context OAuth client for this user, with the computed scopes (`workforce-management`).
   * @default - none
   */
  readonly userContextClient?: {
    /** Client name. */
    readonly name: string;
    /**
     * Grant type.
     * @default 'CODE'
     */
    readonly grantType?: UserContextGrantType;
    /**
     * Redirect URIs (required for CODE and TOKEN).
     * @default - none
     */
    readonly redirectUris?: readonly string[];
  };
}

/** Who publishes: a client-credentials client (the default) or a user. */
export class WfmPrincipal {
  /** A CLIENT-CREDENTIALS OAuth client holding the role. */
  public static clientCredentials(options: WfmClientOptions = {}): WfmPrincipal {
    return new WfmPrincipal('client', options);
  }

  /** A user holding the role through `genesyscloud_user_roles` (which then owns all of its direct grants). */
  public static user(options: WfmUserOptions): WfmPrincipal {
    return new WfmPrincipal('user', options);
  }

  /** True for principals made by {@link WfmPrincipal.clientCredentials} or {@link WfmPrincipal.user}. */
  public static isWfmPrincipal(x: unknown): x is WfmPrincipal {
    return typeof x === 'object' && x !== null && PRINCIPAL in x;
  }

  private constructor(
    /** `client` or `user`. */
    public readonly kind: 'client' | 'user',
    /** The options given. */
    public readonly options: WfmClientOptions | WfmUserOptions,
  ) {
    Object.defineProperty(this, PRINCIPAL, { value: true });
  }
}

/** Props of {@link WfmPublisherServiceAccount}. */
export interface WfmPublisherServiceAccountProps {
  /**
   * Divisions of the business units whose schedules may be published. At least one; this is the separation of
   * duties: the account publishes in these divisions and nowhere else.
   */
  readonly divisions: readonly IDivision[];
  /**
   * Who holds the role.
   * @default WfmPrincipal.clientCredentials()
   */
  readonly principal?: WfmPrincipal;
  /**
   * Role name.
   * @default 'WFM schedule publisher'
   */
  readonly roleName?: string;
}

/**
 * A service account that publishes business-unit week schedules without the WFM Administrator role.
 *
 * There is no publish permission and no publish endpoint: publishing is `published: true` in the body of a
 * week-schedule update (`wfm:schedule:edit`) or import (`wfm:schedule:add`). The role holds the capabilities
 * `wfm-schedule-read` and `wfm-schedule-publish`, and nothing to generate or delete schedules.
 *
 * Operations enabled:
 * - `GET /api/v2/workforcemanagement/businessunits` (no permission listed)
 * - `GET .../businessunits/{businessUnitId}/weeks/{weekId}/schedules` and `.../schedules/{scheduleId}`
 * - `POST .../schedules/{scheduleId}/agentschedules/query`
 * - `POST .../schedules/{scheduleId}/update/uploadurl` and `POST .../schedules/{scheduleId}/update`
 * - `POST .../schedules/import/uploadurl` and `POST .../schedules/import`
 *
 * Permissions granted: `wfm:schedule:add`, `wfm:schedule:edit`, `wfm:schedule:view`.
 * Scopes (only for the optional user-context client): `workforce-management`.
 */
export class WfmPublisherServiceAccount extends Construct {
  /** The capabilities granted. */
  public static readonly CAPABILITIES: readonly CapabilityId[] = ['wfm-schedule-publish', 'wfm-schedule-read'];

  /** The role. */
  public readonly role: AccessRole;
  /** The principal holding the role. */
  public readonly principal: ClientCredentialsClient | ServiceAccountUser;
  /** The user-context client, when requested. */
  public readonly userContextClient?: UserContextClient;
  /** What was granted. */
  public readonly grant: AccessGrant;

  constructor(scope: Construct, id: string, props: WfmPublisherServiceAccountProps) {
    super(scope, id);
    const p = checkProps<WfmPublisherServiceAccountProps>(
      this,
      'WfmPublisherServiceAccount',
      props,
      {
        divisions: {
          kind: 'list',
          must: 'a list of divisions',
          example: '[new Division(this, "midwest", { name: "Midwest WFM" })]',
        },
        principal: { kind: 'any' },
        roleName: { kind: 'string' },
      },
      {
        ...CLIENT_CREDENTIALS_NOT_TAKEN,
        scopes:
          'the publisher holds a role, which scopes do not change; a user publishing from a tool that signs in gets its scopes from WfmPrincipal.user({ userContextClient })',
        permissions:
          'it grants exactly wfm-schedule-read and wfm-schedule-publish; for another job build an AccessRole and grant it',
      },
    );
    let principal = WfmPrincipal.clientCredentials();
    if (p.principal !== undefined) {
      if (WfmPrincipal.isWfmPrincipal(p.principal)) principal = p.principal;
      else
        reportMistake(
          this,
          `WfmPublisherServiceAccount: principal must be WfmPrincipal.clientCredentials(...) or WfmPrincipal.user({ email, name }) (got ${describeValue(p.principal)})`,
        );
    }
    this.role = new AccessRole(this, 'role', {
      name: p.roleName ?? 'WFM schedule publisher',
      capabilities: WfmPublisherServiceAccount.CAPABILITIES,
    });
    const given: unknown = principal.options;
    if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
      reportMistake(
        this,
        principal.kind === 'client'
          ? `WfmPrincipal.clientCredentials takes { name, exposeSecret, accessTokenValiditySeconds } or nothing (got ${describeValue(given)})`
          : `WfmPrincipal.user needs { email, name }, e.g. WfmPrincipal.user({ email: "wfm-bot@example.com", name: "WFM bot" }) (got ${describeValue(given)})`,
      );
    }
    const options = (
      typeof principal.options === 'object' && principal.options !== null ? principal.options : {}
    ) as Record<string, unknown>;
    if (principal.kind === 'client') {
      const o = options as WfmClientOptions;
      this.principal = new ClientCredentialsClient(this, 'client', {
        name: o.name ?? 'WFM schedule publisher',
        exposeSecret: o.exposeSecret,
        accessTokenValiditySeconds: o.accessTokenValiditySeconds,
      });
    } else {
      const o = options as unknown as WfmUserOptions;
      this.principal = new ServiceAccountUser(this, 'user', { email: o.email, name: o.name, division: o.division });
      if (o.userContextClient) {
        const u = (typeof o.userContextClient === 'object' ? o.userContextClient : {}) as NonNullable<
          WfmUserOptions['userContextClient']
        >;
        this.userContextClient = new UserContextClient(this, 'user-context-client', {
          name: u.name,
          grantType: u.grantType,
          redirectUris: u.redirectUris,
          capabilities: WfmPublisherServiceAccount.CAPABILITIES,
        });
      }
    }
    if (rejectedProp(props, p, 'divisions')) {
      // Reported already: a grant without them would report a second line for the same fix.
      (this.principal as IGrantable).grantPrincipal.noteFailedGrant?.();
      this.grant = AccessGrant.none();
    } else this.grant = this.role.grant(this.principal as IGrantable, ...((p.divisions ?? []) as IDivision[]));
  }
}
