import { User } from '../../src/generated/provider/user';
import { UserRoles } from '../../src/generated/provider/user-roles';
import { AccessMetadataRecorder, terraformAddress } from './access-metadata';
import { principalMetadata } from './client-credentials-client';
import { Construct, TerraformStack, type IConstruct } from './core';
import { Division, type IDivision } from './division';
import { mistakesOf, reportMistake } from './mistakes';
import { checkProps, describeValue } from './props';
import { requireScope } from './scope-check';
import type { IAccessRole, IGrantable, IPrincipal } from './grantable';
import { cmp } from '../util/compare';

const OWNERS = Symbol.for('cdktf-genesyscloud-access/userRoleOwners');

const NOT_TAKEN: Readonly<Record<string, string>> = {
  roles: 'grant roles after creating the user, in named divisions: role.grant(user, Division.fromName(...))',
  divisions:
    'divisions belong to grants: role.grant(user, Division.fromName(...)); `division` is the division the user object belongs to',
  scopes:
    "users have no scopes: a user-context OAuth client (UserContextClient) has them, and its tokens carry the user's roles",
};

/** Props of {@link ServiceAccountUser}. */
export interface ServiceAccountUserProps {
  /** The user's email (login). */
  readonly email: string;
  /** Display name. */
  readonly name: string;
  /**
   * The division the user object itself belongs to (who can see and manage the user; not what it can do).
   * @default - the home division (the provider's default)
   */
  readonly division?: IDivision;
  /**
   * Job title.
   * @default - none
   */
  readonly title?: string;
  /**
   * Department.
   * @default - none
   */
  readonly department?: string;
}

/**
 * A user that acts as a service account (`genesyscloud_user`) plus the `genesyscloud_user_roles` that holds its
 * direct grants.
 *
 * `genesyscloud_user_roles` replaces ALL of the user's direct role grants with what it lists (grants through
 * groups are untouched), and destroying it revokes nothing. So exactly one construct may own a user's roles:
 * a second owner in the same stack fails synth.
 */
export class ServiceAccountUser extends Construct implements IGrantable, IPrincipal {
  /**
   * The roles of an existing user, by id. The user object itself is not managed; its direct grants become
   * exactly the ones granted through this construct.
   */
  public static fromUserId(scope: Construct, id: string, userId: string): ServiceAccountUser {
    requireScope(scope, 'ServiceAccountUser.fromUserId(this, id, userId)');
    return new ServiceAccountUser(scope, id, { existingUserId: userId });
  }

  public readonly grantPrincipal: IPrincipal = this;
  public readonly principalKind = 'user' as const;
  public readonly principalPath: string;
  /** The user id (a reference for managed users). */
  public readonly userId: string;
  /** The managed user, if this construct created it. */
  public readonly user?: User;
  /** The user_roles resource (created on the first grant). */
  private userRoles?: UserRoles;
  private readonly grants = new Map<string, { role: IAccessRole; division: IDivision }>();
  private readonly capabilities = new Set<string>();
  private readonly ownerKey: string;

  constructor(scope: Construct, id: string, props: ServiceAccountUserProps | { existingUserId: string }) {
    super(scope, id);
    this.principalPath = this.node.path;
    if (typeof props === 'object' && props !== null && 'existingUserId' in props) {
      const userId = props.existingUserId;
      if (typeof userId !== 'string' || !userId.trim()) {
        reportMistake(this, `ServiceAccountUser.fromUserId needs a user id (got ${describeValue(userId)})`);
      }
      this.userId = typeof userId === 'string' ? userId : '';
      this.ownerKey = `id:${this.userId}`;
    } else {
      const p = checkProps<ServiceAccountUserProps>(
        this,
        'ServiceAccountUser',
        props,
        {
          email: { kind: 'string' },
          name: { kind: 'string' },
          division: { kind: 'object', example: 'Division.fromName(this, "chicago", "Chicago")' },
          title: { kind: 'string' },
          department: { kind: 'string' },
        },
        NOT_TAKEN,
      );
      const email = p.email ?? '';
      const name = p.name ?? '';
      const typed = mistakesOf(this).length === 0;
      if (typed && !email.includes('@')) {
        reportMistake(this, `a ServiceAccountUser needs an email address (got ${JSON.stringify(email)})`);
      }
      if (typed && !name.trim()) reportMistake(this, 'a ServiceAccountUser needs a name');
      let division = p.division;
      if (division !== undefined && (!Division.isDivision(division) || division.problem || division.isAllDivisions)) {
        reportMistake(
          this,
          division && Division.isDivision(division) && division.problem
            ? division.problem
            : 'division (the division the user object belongs to) must be one division from Division.fromName/fromId/home or new Division(...)',
        );
        division = undefined;
      }
      this.user = new User(this, 'user', {
        email,
        name,
        divisionId: division?.divisionId,
        title: p.title,
        department: p.department,
      });
      this.userId = this.user.id;
      this.ownerKey = `email:${email.toLowerCase()}`;
    }
    claimUserRoles(this, this.ownerKey);
    AccessMetadataRecorder.of(this).recordPrincipal(
      () => (this.user ? terraformAddress(this.user) : `user:${this.userId}`),
      () => principalMetadata(this.node.path, this.capabilities, [...this.grants.values()]),
    );
  }

  public addRoleGrant(role: IAccessRole, divisions: readonly IDivision[]): void {
    for (const d of divisions) this.grants.set(`${role.node.path}|${d.divisionKey}`, { role, division: d });
    const byRole = new Map<string, { role: IAccessRole; divisions: IDivision[] }>();
    for (const [key, g] of [...this.grants.entries()].sort(([a], [b]) => cmp(a, b))) {
      const rk = key.split('|')[0];
      (byRole.get(rk) ?? byRole.set(rk, { role: g.role, divisions: [] }).get(rk)!).divisions.push(g.division);
    }
    const roles = [...byRole.values()].map((r) => ({
      roleId: r.role.roleId,
      divisionIds: r.divisions.map((d) => d.divisionId),
    }));
    if (!this.userRoles) this.userRoles = new UserRoles(this, 'roles', { userId: this.userId, roles });
    else this.userRoles.putRoles(roles);
  }

  public recordCapabilities(capabilities: readonly string[]): void {
    for (const c of capabilities) this.capabilities.add(c);
  }
}

/** Registers `owner` as the only construct writing user_roles for `key`; fails if another one already does. */
function claimUserRoles(owner: IConstruct, key: string): void {
  const stack = TerraformStack.of(owner) as unknown as Record<symbol, Map<string, string>>;
  const owners = stack[OWNERS] ?? (stack[OWNERS] = new Map());
  const prior = owners.get(key);
  if (prior && prior !== owner.node.path) {
    reportMistake(
      owner,
      `user ${key.replace(/^(id|email):/, '')} already has its roles managed by ${prior}: genesyscloud_user_roles replaces all of a user's direct grants, so a second owner would silently remove the first one's grants; grant every role through ${prior}`,
    );
    return;
  }
  owners.set(key, owner.node.path);
}
