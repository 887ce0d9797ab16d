import { OauthClient } from '../../src/generated/provider/oauth-client';
import { AccessMetadataRecorder, terraformAddress } from './access-metadata';
import { Construct, TerraformOutput } from './core';
import { mistakesOf, reportMistake, surfaceErrors } from './mistakes';
import { checkProps, CLIENT_CREDENTIALS_NOT_TAKEN } from './props';
import type { IDivision } from './division';
import type { IAccessRole, IGrantable, IPrincipal } from './grantable';
import { cmp } from '../util/compare';

const MIN_TOKEN_SECONDS = 300;
const MAX_TOKEN_SECONDS = 38880000;

/** Props of {@link ClientCredentialsClient}. */
export interface ClientCredentialsClientProps {
  /** OAuth client name. */
  readonly name: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Access token lifetime in seconds, 300..38880000.
   * @default 86400 (the provider's default)
   */
  readonly accessTokenValiditySeconds?: number;
  /**
   * Set `expose_client_secret` and add a sensitive output `<id>-client-secret` with the secret. The secret is
   * only returned on create; it is stored in Terraform state.
   * @default false
   */
  readonly exposeSecret?: boolean;
  /**
   * `active` or `inactive`.
   * @default - active (the provider's default)
   */
  readonly state?: 'active' | 'inactive';
}

/**
 * A CLIENT-CREDENTIALS OAuth client (`genesyscloud_oauth_client`). Its token gets permissions only from its
 * role × division grants, so it never writes `scopes`; every grant names its division explicitly.
 */
export class ClientCredentialsClient extends Construct implements IGrantable, IPrincipal {
  /** The underlying resource. */
  public readonly resource: OauthClient;
  public readonly grantPrincipal: IPrincipal = this;
  public readonly principalKind = 'oauth-client' as const;
  public readonly principalPath: string;
  /** The sensitive output holding the secret, when `exposeSecret` is set. */
  public readonly secretOutput?: TerraformOutput;
  private readonly grants = new Map<string, { role: IAccessRole; division: IDivision }>();
  private readonly capabilities = new Set<string>();
  private failedGrants = 0;

  constructor(scope: Construct, id: string, props: ClientCredentialsClientProps) {
    super(scope, id);
    this.principalPath = this.node.path;
    const p = checkProps<ClientCredentialsClientProps>(
      this,
      'ClientCredentialsClient',
      props,
      {
        name: { kind: 'string' },
        description: { kind: 'string' },
        accessTokenValiditySeconds: { kind: 'number' },
        exposeSecret: { kind: 'boolean' },
        state: { kind: 'string', oneOf: ['active', 'inactive'] },
      },
      CLIENT_CREDENTIALS_NOT_TAKEN,
    );
    const name = p.name ?? '';
    // A wrong-typed name (or no props at all) is reported already.
    if (!name.trim() && mistakesOf(this).length === 0) reportMistake(this, 'a ClientCredentialsClient needs a name');
    let ttl = p.accessTokenValiditySeconds;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < MIN_TOKEN_SECONDS || ttl > MAX_TOKEN_SECONDS)) {
      reportMistake(
        this,
        `accessTokenValiditySeconds must be a whole number from ${MIN_TOKEN_SECONDS} to ${MAX_TOKEN_SECONDS} (got ${ttl})`,
      );
      ttl = undefined;
    }
    this.resource = new OauthClient(this, 'Default', {
      name,
      description: p.description,
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      accessTokenValiditySeconds: ttl,
      state: p.state,
      ...(p.exposeSecret ? { exposeClientSecret: true } : {}),
    });
    if (p.exposeSecret) {
      this.secretOutput = new TerraformOutput(this, 'client-secret', {
        value: this.resource.clientSecret,
        sensitive: true,
        description: `Client secret of ${name} (returned once, on create)`,
      });
    }
    this.node.addValidation({
      validate: () =>
        surfaceErrors(
          this,
          // With a mistake of its own reported, "no grants" would be a second line for the same fix.
          this.grants.size === 0 && this.failedGrants === 0 && mistakesOf(this).length === 0
            ? [
                `GCA-OAUTH1 client "${name}" has no role grants: a CLIENT-CREDENTIALS token gets permissions only from roles; grant one with role.grant(client, division)`,
              ]
            : [],
        ),
    });
    AccessMetadataRecorder.of(this).recordPrincipal(
      () => terraformAddress(this.resource),
      () => principalMetadata(this.node.path, this.capabilities, this.roleGrants),
    );
  }

  /** The client id (known after apply). */
  public get clientId(): string {
    return this.resource.clientId;
  }

  public addRoleGrant(role: IAccessRole, divisions: readonly IDivision[]): void {
    for (const d of divisions) this.grants.set(`${role.node.path}|${d.divisionKey}`, { role, division: d });
    const sorted = [...this.grants.entries()].sort(([a], [b]) => cmp(a, b)).map(([, g]) => g);
    this.resource.putRoles(sorted.map((g) => ({ roleId: g.role.roleId, divisionId: g.division.divisionId })));
  }

  public recordCapabilities(capabilities: readonly string[]): void {
    for (const c of capabilities) this.capabilities.add(c);
  }

  public noteFailedGrant(): void {
    this.failedGrants++;
  }

  /** The role × division grants added so far. */
  public get roleGrants(): ReadonlyArray<{ role: IAccessRole; division: IDivision }> {
    return [...this.grants.values()];
  }
}

/** The audit-trail entry of a principal: its construct, capabilities and all-divisions reasons. */
export function principalMetadata(
  construct: string,
  capabilities: Iterable<string>,
  grants: ReadonlyArray<{ division: IDivision }>,
): { construct: string; capabilities?: string[]; allDivisionsReasons?: string[] } {
  const caps = [...new Set(capabilities)].sort();
  const reasons = [
    ...new Set(grants.filter((g) => g.division.isAllDivisions).map((g) => g.division.allDivisionsReason!)),
  ].sort();
  return {
    construct,
    ...(caps.length ? { capabilities: caps } : {}),
    ...(reasons.length ? { allDivisionsReasons: reasons } : {}),
  };
}
