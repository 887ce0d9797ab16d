/**
 * The error corpus: bad inputs our users actually write (forum inventions, typos, wrong case, bad divisions,
 * empty arrays, out-of-range numbers, malformed suppressions, raw configs). Each must produce exactly one line
 * that names the rule or the fix, never a stack trace.
 */
import { TerraformStack, Testing } from 'cdktf';
import {
  AccessRole,
  AccessRules,
  Capabilities,
  Catalog,
  ClientCredentialsClient,
  Division,
  PermissionBundle,
  ScreenRecordingReaderClient,
  ServiceAccountUser,
  UserContextClient,
  WfmPrincipal,
  WfmPublisherServiceAccount,
} from '../../lib';
import { validateTerraformJson } from '../../lib/testing';
import { validationErrors } from '../constructs/validation-errors';
import { AuthRole, type AuthRolePermissionPolicies } from '../../src/generated/provider/auth-role';
import { DataGenesyscloudAuthDivision } from '../../src/generated/provider/data-genesyscloud-auth-division';
import { GroupRoles } from '../../src/generated/provider/group-roles';
import { OauthClient, type OauthClientConfig } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { UserRoles } from '../../src/generated/provider/user-roles';

let made: TerraformStack[] = [];

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'corpus');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  AccessRules.check(s);
  made.push(s);
  return s;
}

/**
 * The lines an action produces: a thrown message (pure APIs: the catalog, capabilities), or the validation lines
 * of synthesizing every stack it made (constructs never throw: they report at synth), or warnings.
 */
function linesOf(fn: () => unknown): string[] {
  made = [];
  let r: unknown;
  try {
    r = fn();
  } catch (e) {
    return [(e as Error).message];
  }
  if (Array.isArray(r)) return r.map(String);
  const errors = made.flatMap((s) => validationErrors(s));
  if (errors.length) return errors;
  return made.flatMap((s) =>
    AccessRules.findings(s)
      .filter((f) => !f.suppressedBy)
      .map((f) => f.message),
  );
}

/** A stack with a raw role (given policies) granted to a raw client (given config) in Chicago. */
function raw(
  policies: AuthRolePermissionPolicies[],
  clientConfig: Partial<OauthClientConfig> = {},
  division: 'chicago' | 'none' | '*' = 'chicago',
): TerraformStack {
  const s = stack();
  const chicago = new DataGenesyscloudAuthDivision(s, 'chicago', { name: 'Chicago' });
  const role = new AuthRole(s, 'role', { name: 'Raw role', permissionPolicies: policies });
  const divisionId = division === 'chicago' ? chicago.id : division === '*' ? '*' : undefined;
  new OauthClient(s, 'client', {
    name: 'Raw client',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id, ...(divisionId ? { divisionId } : {}) }],
    ...clientConfig,
  });
  return s;
}

const perm = (p: string): AuthRolePermissionPolicies => {
  const [domain, entityName, action] = p.split(':');
  return { domain, entityName, actionSet: [action] };
};
const VIEW = [perm('recording:screenRecording:view')];
const role = (permissions: string[]) => () =>
  new AccessRole(stack(), 'r', { name: 'R', permissions: permissions as never[] });
/** A seed client granted in the division `make` returns (division factories report through the grant). */
const inDivision = (make: (s: TerraformStack) => ReturnType<typeof Division.home>) => () => {
  const s = stack();
  new ScreenRecordingReaderClient(s, 'qa', { divisions: [make(s)] });
};

const cases: Array<[string, () => unknown, RegExp]> = [
  // Invented permissions from forum answers, in a typed role (caught at once) and in a raw role (caught at synth).
  [
    'role: wfm:schedule:publish',
    role(['wfm:schedule:publish']),
    /unknown permission "wfm:schedule:publish": there is no publish permission.*Did you mean "wfm:schedule:edit"/,
  ],
  [
    'role: wfm:schedule:write',
    role(['wfm:schedule:write']),
    /unknown permission "wfm:schedule:write".*Did you mean "wfm:schedule:edit"/,
  ],
  [
    'role: recordings:view',
    role(['recordings:view']),
    /unknown permission "recordings:view".*Did you mean "recording:screenRecording:view"/,
  ],
  [
    'role: recording:export',
    role(['recording:export']),
    /unknown permission "recording:export".*Did you mean "recording:job:add"/,
  ],
  [
    'role: screen_recording:read',
    role(['screen_recording:read']),
    /unknown permission "screen_recording:read".*Did you mean "recording:screenRecording:view"/,
  ],
  [
    'role: agent:login:read',
    role(['agent:login:read']),
    /unknown permission "agent:login:read" is not in the Genesys Cloud permission catalog. Did you mean/,
  ],
  ['role: wrong case', role(['Recording:ScreenRecording:View']), /Did you mean "recording:screenRecording:view"/],
  ['role: typo in entity', role(['wfm:scheduel:edit']), /Did you mean "wfm:schedule:edit"/],
  [
    'role: plural entity',
    role(['analytics:conversationDetails:view']),
    /Did you mean "analytics:conversationDetail:view"/,
  ],
  [
    'role: two segments',
    role(['recording:view']),
    /unknown permission "recording:view" is not in the Genesys Cloud permission catalog \(permissions are domain:entity:action\)/,
  ],
  [
    'role: general permission as policy',
    role(['admin']),
    /"admin" is a general role permission, not a domain:entity:action permission policy/,
  ],
  ['role: empty string', role(['']), /unknown permission ""/],
  [
    'raw role: wfm:schedule:publish',
    () => raw([perm('wfm:schedule:publish')]),
    /^\[corpus\] GCA-PERM1\[wfm:schedule:publish\] genesyscloud_auth_role.role: .*\(fix: Use the suggested real permission/,
  ],
  [
    'raw role: recordings:recording:view',
    () => raw([perm('recordings:recording:view')]),
    /GCA-PERM1\[recordings:recording:view\].*Did you mean "recording:recording:view"/,
  ],
  [
    'raw role: recording:recording:export',
    () => raw([perm('recording:recording:export')]),
    /GCA-PERM1\[recording:recording:export\].*Did you mean/,
  ],
  [
    'raw role: recording:screenRecording:read',
    () => raw([perm('recording:screenRecording:read')]),
    /GCA-PERM1\[recording:screenRecording:read\].*Did you mean "recording:screenRecording:view"/,
  ],
  ['raw role: agent:login:read', () => raw([perm('agent:login:read')]), /GCA-PERM1\[agent:login:read\]/],
  [
    'raw role: wrong case',
    () => raw([perm('Recording:ScreenRecording:View')]),
    /GCA-PERM1\[Recording:ScreenRecording:View\].*Did you mean "recording:screenRecording:view"/,
  ],
  [
    'raw role: wildcard entity',
    () => raw([{ domain: 'recording', entityName: '*', actionSet: ['view'] }]),
    /GCA-PERM2\[recording:\*:view\].*list the exact permissions/,
  ],
  [
    'raw role: wildcard action',
    () => raw([{ domain: 'recording', entityName: 'screenRecording', actionSet: ['*'] }]),
    /GCA-PERM2\[recording:screenRecording:\*\]/,
  ],
  [
    'raw role: wildcard with conditions',
    () =>
      raw([
        {
          domain: 'quality',
          entityName: '*',
          actionSet: ['view'],
          conditions: {
            conjunction: 'AND',
            terms: [
              { variableName: 'Conversation.queues', operator: 'IN', operands: [{ type: 'QUEUE', queueId: 'q' }] },
            ],
          },
        },
      ]),
    /GCA-PERM3\[quality:\*:view\].*conditions may be dropped/,
  ],
  [
    'raw role: no permissions',
    () => raw([]),
    /GCA-PERM5 genesyscloud_auth_role.role: role "Raw role" has no permission_policies/,
  ],
  [
    'raw role: admin permission on integration',
    () => raw([perm('authorization:grant:add')]),
    /GCA-PERM6\[authorization:grant:add\].*integrations should not manage access/,
  ],
  // Scopes.
  [
    'raw client: invented scope',
    () =>
      raw(VIEW, {
        authorizedGrantType: 'CODE',
        roles: undefined,
        registeredRedirectUris: ['https://x'],
        scopes: ['screen_recording:read'],
      }),
    /GCA-SCOPE1\[screen_recording:read\].*Did you mean "recordings:readonly"/,
  ],
  [
    'raw client: recordings:download scope',
    () => raw(VIEW, { authorizedGrantType: 'CODE', roles: undefined, scopes: ['recordings:download'] }),
    /GCA-SCOPE1\[recordings:download\].*there is no download scope/,
  ],
  [
    'raw client: scope with underscore',
    () => raw(VIEW, { authorizedGrantType: 'CODE', roles: undefined, scopes: ['workforce_management'] }),
    /Did you mean "workforce-management"/,
  ],
  [
    'raw client: scopes on client credentials',
    () => raw(VIEW, { scopes: ['recordings:readonly'] }),
    /GCA-SCOPE2 genesyscloud_oauth_client.client: .*CLIENT-CREDENTIALS tokens ignore/,
  ],
  [
    'user-context client: invented extra scope',
    () =>
      new UserContextClient(stack(), 'u', {
        name: 'U',
        grantType: 'PASSWORD',
        capabilities: ['wfm-schedule-read'],
        extraScopes: ['wfm:read' as never],
      }),
    /unknown OAuth scope "wfm:read"/,
  ],
  // OAuth clients.
  [
    'raw client: no roles',
    () => raw(VIEW, { roles: [] }),
    /GCA-OAUTH1 genesyscloud_oauth_client.client: client "Raw client" has no roles/,
  ],
  [
    'raw client: token 60 s',
    () => raw(VIEW, { accessTokenValiditySeconds: 60 }),
    /GCA-OAUTH2 .*access_token_validity_seconds is 60: use a whole number from 300 to 38880000/,
  ],
  ['raw client: token 0 s', () => raw(VIEW, { accessTokenValiditySeconds: 0 }), /GCA-OAUTH2 .*is 0/],
  [
    'raw client: token 50,000,000 s',
    () => raw(VIEW, { accessTokenValiditySeconds: 50000000 }),
    /GCA-OAUTH2 .*is 50000000/,
  ],
  [
    'raw client: token above ceiling',
    () => raw(VIEW, { accessTokenValiditySeconds: 604800 }),
    /GCA-OAUTH3 .*live 604800 s, above the ceiling of 86400 s/,
  ],
  [
    'raw client: client_secret in config',
    () => raw(VIEW, { clientSecret: 'hunter2' }),
    /GCA-OAUTH4 .*writes client_secret in config/,
  ],
  [
    'raw client: directory_client_secret',
    () => raw(VIEW, { directoryClientSecret: './secrets' }),
    /GCA-OAUTH5 .*plaintext to \.\/secrets/,
  ],
  [
    'raw client: CLIENT_CREDENTIALS',
    () => raw(VIEW, { authorizedGrantType: 'CLIENT_CREDENTIALS' }),
    /GCA-OAUTH6\[CLIENT_CREDENTIALS\].*Did you mean "CLIENT-CREDENTIALS"/,
  ],
  [
    'raw client: lower-case grant type',
    () => raw(VIEW, { authorizedGrantType: 'client-credentials' }),
    /GCA-OAUTH6\[client-credentials\]/,
  ],
  [
    'raw client: CODE without scopes',
    () => raw(VIEW, { authorizedGrantType: 'CODE', roles: undefined }),
    /GCA-OAUTH7\[scopes\] .*has no scopes/,
  ],
  [
    'client: token 299 s',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: 299 }),
    /accessTokenValiditySeconds must be a whole number from 300 to 38880000 \(got 299\)/,
  ],
  [
    'client: fractional token',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: 3600.5 }),
    /got 3600.5/,
  ],
  [
    'client: empty name',
    () => new ClientCredentialsClient(stack(), 'c', { name: ' ' }),
    /a ClientCredentialsClient needs a name/,
  ],
  [
    'client: no grants',
    () => {
      const s = stack();
      new ClientCredentialsClient(s, 'c', { name: 'Lonely' });
      return s;
    },
    /GCA-OAUTH1 client "Lonely" has no role grants/,
  ],
  [
    'user-context client: CODE without redirect',
    () => new UserContextClient(stack(), 'u', { name: 'U', capabilities: ['wfm-schedule-read'] }),
    /a CODE client needs redirectUris/,
  ],
  [
    'user-context client: no capabilities',
    () => new UserContextClient(stack(), 'u', { name: 'U', grantType: 'PASSWORD', capabilities: [] }),
    /needs at least one capability/,
  ],
  // Divisions.
  [
    'raw client: implicit home',
    () => raw(VIEW, {}, 'none'),
    /GCA-DIV1\[Raw role\] .*no division, so only in the home division/,
  ],
  [
    'raw client: * without reason',
    () => raw(VIEW, {}, '*'),
    /GCA-DIV2\[Raw role\] .*all divisions with no reason recorded: use Division.all\(\{ reason \}\)/,
  ],
  [
    'seed: empty divisions',
    () => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [] }),
    /needs at least one division: pass Division.fromName/,
  ],
  [
    'seed: divisions undefined',
    () => new WfmPublisherServiceAccount(stack(), 'w', { divisions: undefined as never }),
    /needs at least one division/,
  ],
  [
    'grant: no division',
    () => {
      const s = stack();
      new AccessRole(s, 'r', { name: 'R', capabilities: ['wfm-schedule-read'] }).grant(
        new ClientCredentialsClient(s, 'c', { name: 'C' }),
      );
    },
    /needs at least one division/,
  ],
  [
    'grant: not a Division',
    () => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [{ divisionId: 'x' } as never] }),
    /divisions must come from Division.fromName\/fromId\/home\/all/,
  ],
  [
    'grant: all plus home',
    () => {
      const s = stack();
      return new ScreenRecordingReaderClient(s, 'qa', {
        divisions: [Division.all({ reason: 'QA covers every site' }), Division.home(s)],
      });
    },
    /Division.all\(...\) already covers every division; remove the others/,
  ],
  [
    'Division.all: short reason',
    () => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [Division.all({ reason: 'qa' })] }),
    /Division.all needs a reason of at least 10 characters \(got "qa"\)/,
  ],
  [
    'Division.all: no reason',
    () => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [Division.all(undefined as never)] }),
    /Division.all needs a reason of at least 10 characters \(got ""\)/,
  ],
  [
    'Division.fromId("*")',
    inDivision((s) => Division.fromId(s, 'd', '*')),
    /use Division.all\(\{ reason \}\) to say why/,
  ],
  [
    'Division.fromId("")',
    inDivision((s) => Division.fromId(s, 'd', '')),
    /Division.fromId needs a division id \(got ""\); use Division.fromName/,
  ],
  [
    'Division.fromName("")',
    inDivision((s) => Division.fromName(s, 'd', '  ')),
    /Division.fromName needs a division name/,
  ],
  ['new Division without name', () => new Division(stack(), 'd', { name: '' }), /a Division needs a name/],
  // Roles, bundles, capabilities.
  [
    'role: no permissions',
    () => new AccessRole(stack(), 'r', { name: 'Empty' }),
    /role "Empty" has no permissions: give it capabilities or permissions/,
  ],
  [
    'role: no name',
    () => new AccessRole(stack(), 'r', { name: '', capabilities: ['wfm-schedule-read'] }),
    /an AccessRole needs a name/,
  ],
  [
    'role: unknown capability',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: ['wfm-schedule-publisher' as never] }),
    /unknown capability "wfm-schedule-publisher". Did you mean "wfm-schedule-publish"/,
  ],
  [
    'role: remove what base never had',
    () =>
      new AccessRole(stack(), 'r', {
        name: 'Restricted',
        base: PermissionBundle.of('Agent', ['recording:recording:view']),
        remove: ['wfm:schedule:view'],
      }),
    /cannot remove "wfm:schedule:view" from "Agent": it never had it/,
  ],
  [
    'role: remove without base',
    () =>
      new AccessRole(stack(), 'r', { name: 'R', permissions: ['wfm:schedule:view'], remove: ['wfm:schedule:view'] }),
    /remove needs a base bundle to remove from/,
  ],
  [
    'role: remove an invented permission',
    () =>
      new AccessRole(stack(), 'r', {
        name: 'R',
        base: PermissionBundle.of('Agent', ['recording:recording:view']).without('R', ['recordings:view' as never]),
      }),
    /removal from "Agent": unknown permission "recordings:view"/,
  ],
  [
    'bundle: invented permission',
    () =>
      new AccessRole(stack(), 'r', {
        name: 'R',
        permissions: ['recording:recording:view'],
        base: PermissionBundle.of('Agent', ['agent:login:read' as never]),
      }),
    /permission bundle "Agent": unknown permission "agent:login:read"/,
  ],
  [
    'capability: unknown',
    () => Capabilities.resolve('screen-recordings'),
    /unknown capability "screen-recordings". Did you mean "screen-recording-read"/,
  ],
  // Users and subjects.
  [
    'user: two owners of one user id',
    () => {
      const s = stack();
      ServiceAccountUser.fromUserId(s, 'a', 'u-1');
      ServiceAccountUser.fromUserId(s, 'b', 'u-1');
    },
    /user u-1 already has its roles managed by corpus\/a/,
  ],
  [
    'user: two owners of one email',
    () => {
      const s = stack();
      const d = Division.home(s);
      new WfmPublisherServiceAccount(s, 'a', {
        divisions: [d],
        principal: WfmPrincipal.user({ email: 'c@example.com', name: 'C' }),
      });
      new WfmPublisherServiceAccount(s, 'b', {
        divisions: [d],
        roleName: 'WFM schedule publisher (b)', // role names are unique (GCA-SUBJ3 has its own case)
        principal: WfmPrincipal.user({ email: 'c@example.com', name: 'C' }),
      });
    },
    /user c@example.com already has its roles managed by corpus\/a\/user/,
  ],
  [
    'user: bad email',
    () => new ServiceAccountUser(stack(), 'u', { email: 'compliance-auditor', name: 'C' }),
    /needs an email address \(got "compliance-auditor"\)/,
  ],
  ['user: fromUserId empty', () => ServiceAccountUser.fromUserId(stack(), 'u', ''), /fromUserId needs a user id/],
  [
    'raw: two user_roles for one user',
    () => {
      const s = stack();
      const r = new AccessRole(s, 'r', { name: 'R', capabilities: ['wfm-schedule-read'] });
      for (const id of ['a', 'b'])
        new UserRoles(s, id, { userId: 'u-9', roles: [{ roleId: r.roleId, divisionIds: ['*'] }] });
      AccessRules.addSuppressions(s, [{ id: 'GCA-DIV2', reason: 'testing the owner rule only' }]);
      return s;
    },
    /GCA-SUBJ1\[user:u-9\] genesyscloud_user_roles.b: .*both manage the roles of u-9/,
  ],
  [
    'raw: two group_roles for one group',
    () => {
      const s = stack();
      const r = new AccessRole(s, 'r', { name: 'R', capabilities: ['wfm-schedule-read'] });
      const d = Division.home(s);
      for (const id of ['a', 'b'])
        new GroupRoles(s, id, { groupId: 'g-1', roles: [{ roleId: r.roleId, divisionIds: [d.divisionId] }] });
      return s;
    },
    /GCA-SUBJ1\[group:g-1\]/,
  ],
  [
    'raw: empty user_roles',
    () => {
      const s = stack();
      new UserRoles(s, 'u', { userId: 'u-1' });
      return s;
    },
    /GCA-SUBJ2 genesyscloud_user_roles.u: .*removes every direct grant/,
  ],
  [
    'raw: default_role_id',
    () => {
      const s = stack();
      new AuthRole(s, 'employee', {
        name: 'employee',
        defaultRoleId: 'employee',
        permissionPolicies: [perm('directory:user:view')],
      });
      return s;
    },
    /GCA-ROLE1\[employee\] .*derive a custom role instead/,
  ],
  // Suppressions.
  [
    'suppression: reason too short',
    () => AccessRules.addSuppressions(stack(), [{ id: 'GCA-DIV1', reason: 'legacy' }]),
    /suppression of GCA-DIV1 needs a reason of at least 10 characters/,
  ],
  [
    'suppression: empty reason',
    () => AccessRules.addSuppressions(stack(), [{ id: 'GCA-DIV1', reason: '' }]),
    /needs a reason of at least 10 characters saying why it is acceptable \(got ""\)/,
  ],
  [
    'suppression: unknown rule id',
    () => AccessRules.addSuppressions(stack(), [{ id: 'GCA-DIV9', reason: 'a long enough reason' }]),
    /suppression of unknown rule "GCA-DIV9"/,
  ],
  [
    'suppression: lower-case rule id',
    () => AccessRules.addSuppressions(stack(), [{ id: 'gca-div1', reason: 'a long enough reason' }]),
    /suppression of unknown rule "gca-div1"/,
  ],
  [
    'suppression: non-suppressible rule',
    () => AccessRules.addSuppressions(stack(), [{ id: 'GCA-OAUTH4', reason: 'the secret is rotated daily' }]),
    /GCA-OAUTH4 cannot be suppressed/,
  ],
  // JavaScript callers (no compiler): wrong kinds, props a construct does not take.
  [
    'js: AccessRole props null',
    () => new AccessRole(stack(), 'r', null as never),
    /^\[corpus\/r\] AccessRole needs props \{ name, description, capabilities, permissions, base, remove \} \(got null\)$/,
  ],
  [
    'js: permissions as a string',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: 'wfm:schedule:view' as never }),
    /AccessRole: permissions must be a list of permission names, e.g. \["wfm:schedule:view"\] \(got "wfm:schedule:view"\)/,
  ],
  [
    'js: a number among the permissions',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: ['wfm:schedule:view', 7 as never] }),
    /role "R": each permission must be a string such as "wfm:schedule:view" \(got number 7\)/,
  ],
  [
    'js: an object as the name',
    () => new AccessRole(stack(), 'r', { name: { en: 'R' } as never, permissions: ['wfm:schedule:view'] }),
    /^\[corpus\/r\] AccessRole: name must be a string \(got an object\)$/,
  ],
  [
    'js: capabilities as a string',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: 'routing-queue-read' as never }),
    /AccessRole: capabilities must be a list of capabilities, e.g. \["routing-queue-read"\] \(got "routing-queue-read"\)/,
  ],
  [
    'js: a number as a capability',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: [3 as never] }),
    /a capability must be a built-in capability id such as "routing-queue-read" or a capability from Capabilities.define \(got number 3\)/,
  ],
  [
    'js: divisions as one division, not a list',
    () => {
      const s = stack();
      new ScreenRecordingReaderClient(s, 'qa', { divisions: Division.home(s) as never });
    },
    /ScreenRecordingReaderClient: divisions must be a list of divisions, e.g. \[Division.fromName/,
  ],
  [
    'js: divisions as a list in grant()',
    () => {
      const s = stack();
      new AccessRole(s, 'r', { name: 'R', capabilities: ['user-read'] }).grant(
        new ClientCredentialsClient(s, 'c', { name: 'C' }),
        [Division.home(s)] as never,
      );
    },
    /pass divisions one by one, not as a list: role.grant\(client, chicago, home\)/,
  ],
  [
    'js: scopes on ClientCredentialsClient',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', scopes: ['recordings:readonly'] } as never),
    /ClientCredentialsClient does not take "scopes": scopes do nothing for a client-credentials token/,
  ],
  [
    'js: scopes on ScreenRecordingReaderClient',
    () => {
      const s = stack();
      new ScreenRecordingReaderClient(s, 'qa', {
        divisions: [Division.home(s)],
        scopes: ['recordings:readonly'],
      } as never);
    },
    /ScreenRecordingReaderClient does not take "scopes": scopes do nothing for a client-credentials token/,
  ],
  [
    'js: roles on UserContextClient',
    () =>
      new UserContextClient(stack(), 'u', {
        name: 'U',
        grantType: 'PASSWORD',
        capabilities: ['user-read'],
        roles: ['r'],
      } as never),
    /UserContextClient does not take "roles": roles on a user-context client grant nothing/,
  ],
  [
    'js: divisions on AccessRole',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: ['user-read'], divisions: [] } as never),
    /AccessRole does not take "divisions": a role has no division of its own/,
  ],
  [
    'js: a typo in a prop name',
    () => {
      const s = stack();
      new ScreenRecordingReaderClient(s, 'qa', { divisions: [Division.home(s)], exposeSecrets: true } as never);
    },
    /ScreenRecordingReaderClient does not take "exposeSecrets"; it takes .*Did you mean "exposeSecret"\?/,
  ],
  [
    'js: a string for a boolean',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', exposeSecret: 'yes' } as never),
    /ClientCredentialsClient: exposeSecret must be true or false \(got "yes"\)/,
  ],
  [
    'js: a string for a number',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: '3600' } as never),
    /ClientCredentialsClient: accessTokenValiditySeconds must be a number \(got "3600"\)/,
  ],
  [
    'js: an unknown grant type',
    () =>
      new UserContextClient(stack(), 'u', { name: 'U', grantType: 'IMPLICIT', capabilities: ['user-read'] } as never),
    /UserContextClient: grantType must be one of "CODE", "TOKEN", "SAML2-BEARER", "PASSWORD" \(got "IMPLICIT"\)/,
  ],
  [
    'js: a role granted to a user-context client',
    () => {
      const s = stack();
      new AccessRole(s, 'r', { name: 'R', capabilities: ['user-read'] }).grant(
        new UserContextClient(s, 'u', { name: 'U', grantType: 'PASSWORD', capabilities: ['user-read'] }) as never,
        Division.home(s),
      );
    },
    /a UserContextClient holds no roles: its tokens carry the signed-in user's permissions/,
  ],
  [
    'js: suppressions not a list',
    () => AccessRules.addSuppressions(stack(), { id: 'GCA-DIV1', reason: 'a long enough reason' } as never),
    /AccessRules.addSuppressions needs a list of \{ id, reason, appliesTo\? \} \(got an object\)/,
  ],
  [
    'js: a suppression that is a string',
    () => AccessRules.addSuppressions(stack(), ['GCA-DIV1'] as never),
    /a suppression must be \{ id, reason, appliesTo\? \}.*\(got "GCA-DIV1"\)/,
  ],
  [
    'js: WfmPublisherServiceAccount principal as a string',
    () => {
      const s = stack();
      new WfmPublisherServiceAccount(s, 'w', { divisions: [Division.home(s)], principal: 'user' as never });
    },
    /principal must be WfmPrincipal.clientCredentials\(...\) or WfmPrincipal.user\(\{ email, name \}\) \(got "user"\)/,
  ],
  [
    'user-context client: extraScopes without capabilities is fine, nothing at all is not',
    () => new UserContextClient(stack(), 'u', { name: 'U', grantType: 'PASSWORD' }),
    /a UserContextClient needs capabilities \(its scopes are computed from them\) or extraScopes/,
  ],
  // Invented endpoints and resource types.
  [
    'endpoint: screen recording',
    () => Catalog.requireOperation('GET /api/v2/recordings/screen/{recordingId}'),
    /Did you mean "GET \/api\/v2\/conversations\/\{conversationId\}\/recordings\/\{recordingId\}"/,
  ],
  [
    'endpoint: wfm publish',
    () => Catalog.requireOperation('POST /api/v2/wfm/schedules/{scheduleId}/publish'),
    /there is no publish endpoint/,
  ],
  [
    'endpoint: wrong method',
    () => Catalog.requireOperation('DELETE /api/v2/conversations/{conversationId}/recordings'),
    /Did you mean "GET \/api\/v2\/conversations\/\{conversationId\}\/recordings"/,
  ],
  [
    'raw config: genesyscloud_security_profile',
    () =>
      validateTerraformJson({ resource: { genesyscloud_security_profile: { qa: { name: 'QA' } } } }).map(
        (p) => `${p.address} ${p.message}`,
      ),
    /^genesyscloud_security_profile unknown resource type: Genesys Cloud has no security profiles.*Did you mean "genesyscloud_auth_role"/,
  ],
  [
    'raw config: oauth_client grant_type typo',
    () =>
      validateTerraformJson({
        resource: {
          genesyscloud_oauth_client: { c: { name: 'C', authorized_grant_type: 'CODE', grant_types: ['x'] } },
        },
      }).map((p) => `${p.address} ${p.message}`),
    /grant_types unknown argument. Did you mean "authorized_grant_type"/,
  ],
  [
    'raw config: role without name',
    () =>
      validateTerraformJson({ resource: { genesyscloud_auth_role: { r: { permission_policies: [] } } } }).map(
        (p) => `${p.address} ${p.message}`,
      ),
    /genesyscloud_auth_role.r.name is required/,
  ],
];

/** Any value, for JavaScript callers: what a caller without a compiler can pass. */
const js = (v: unknown): never => v as never;
const home = (s: TerraformStack) => Division.home(s);
const cc = (s: TerraformStack) => new ClientCredentialsClient(s, 'c', { name: 'C' });
const viewRole = (s: TerraformStack) => new AccessRole(s, 'r', { name: 'R', permissions: ['wfm:schedule:view'] });
const reader = (extra: Record<string, unknown>) => () => {
  const s = stack();
  new ScreenRecordingReaderClient(s, 'q', { divisions: [home(s)], ...extra } as never);
};
const wfm = (extra: Record<string, unknown>) => () => {
  const s = stack();
  new WfmPublisherServiceAccount(s, 'w', { divisions: [home(s)], ...extra } as never);
};
const bundleRole = (base: () => unknown) => () =>
  new AccessRole(stack(), 'r', { name: 'R', permissions: ['recording:recording:view'], base: js(base()) });
const suppress = (list: unknown) => () => AccessRules.addSuppressions(stack(), js(list));

/** Hostile types from JavaScript (issue 16): each is one line naming the construct, the prop and the fix. */
const hostileTypes: Array<[string, () => unknown, RegExp]> = [
  [
    'js: AccessRole with no props',
    () => new AccessRole(stack(), 'r', js(undefined)),
    /^\[corpus\/r\] AccessRole needs props \{ name, .*\(got nothing\)$/,
  ],
  [
    'js: AccessRole props a number',
    () => new AccessRole(stack(), 'r', js(5)),
    /AccessRole needs props \{ name, .*\(got number 5\)$/,
  ],
  [
    'js: AccessRole props a list',
    () => new AccessRole(stack(), 'r', js(['wfm:schedule:view'])),
    /AccessRole needs props .*\(got a list\)$/,
  ],
  [
    'js: AccessRole name null',
    () => new AccessRole(stack(), 'r', { name: js(null), permissions: ['wfm:schedule:view'] }),
    /AccessRole: name must be a string \(got null\)$/,
  ],
  [
    'js: AccessRole name a number',
    () => new AccessRole(stack(), 'r', { name: js(42), permissions: ['wfm:schedule:view'] }),
    /AccessRole: name must be a string \(got number 42\)$/,
  ],
  [
    'js: permissions null',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: js(null) }),
    /AccessRole: permissions must be a list of permission names, e\.g\. \["wfm:schedule:view"\] \(got null\)/,
  ],
  [
    'js: permissions an object',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: js({ wfm: 'view' }) }),
    /AccessRole: permissions must be a list of permission names.*\(got an object\)/,
  ],
  [
    'js: permissions a number',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: js(7) }),
    /AccessRole: permissions must be a list of permission names.*\(got number 7\)/,
  ],
  [
    'js: a null permission',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: [js(null)] }),
    /role "R": each permission must be a string such as "wfm:schedule:view" \(got null\)/,
  ],
  [
    'js: an object permission',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: [js({ domain: 'wfm' })] }),
    /role "R": each permission must be a string .*\(got an object\)/,
  ],
  [
    'js: a list inside permissions',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: [js(['wfm:schedule:view'])] }),
    /role "R": each permission must be a string .*\(got a list\)/,
  ],
  [
    'js: capabilities null',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: js(null) }),
    /AccessRole: capabilities must be a list of capabilities, e\.g\. \["routing-queue-read"\] \(got null\)/,
  ],
  [
    'js: an object capability',
    () => new AccessRole(stack(), 'r', { name: 'R', capabilities: [js({ id: 'user-read' })] }),
    /role "R": a capability must be a built-in capability id .*\(got an object\)/,
  ],
  [
    'js: base a string',
    () => new AccessRole(stack(), 'r', { name: 'R', base: js('Agent') }),
    /AccessRole: base must be a PermissionBundle, e\.g\. PermissionBundle\.of\("Agent", \[\.\.\.\]\) \(got "Agent"\)/,
  ],
  [
    'js: base a plain object',
    () => new AccessRole(stack(), 'r', { name: 'R', base: js({ permissions: [] }) }),
    /role "R": base must be a PermissionBundle.*\(got an object\)/,
  ],
  [
    'js: remove a string',
    () =>
      new AccessRole(stack(), 'r', {
        name: 'R',
        base: PermissionBundle.of('A', ['wfm:schedule:view']),
        remove: js('wfm:schedule:view'),
      }),
    /AccessRole: remove must be a list of permission names.*\(got "wfm:schedule:view"\)/,
  ],
  [
    'js: a number in remove',
    () =>
      new AccessRole(stack(), 'r', {
        name: 'R',
        base: PermissionBundle.of('A', ['wfm:schedule:view', 'directory:user:view']),
        remove: [js(3)],
      }),
    /removal from "A": each permission must be a string such as "wfm:schedule:view" \(got number 3\)/,
  ],
  [
    'js: description a number',
    () => new AccessRole(stack(), 'r', { name: 'R', permissions: ['wfm:schedule:view'], description: js(5) }),
    /AccessRole: description must be a string \(got number 5\)$/,
  ],
  [
    'js: grant to null',
    () => {
      const s = stack();
      viewRole(s).grant(js(null), home(s));
    },
    /grant of role "R" needs a principal: a ClientCredentialsClient or a ServiceAccountUser \(got null\)/,
  ],
  [
    'js: grant to a string',
    () => {
      const s = stack();
      viewRole(s).grant(js('qa-client'), home(s));
    },
    /grant of role "R" needs a principal: .*\(got "qa-client"\)/,
  ],
  [
    'js: grant in a null division',
    () => {
      const s = stack();
      viewRole(s).grant(cc(s), js(null));
    },
    /grant of role "R" to corpus\/c: divisions must come from Division\.fromName\/fromId\/home\/all/,
  ],
  [
    'js: grant in a division name',
    () => {
      const s = stack();
      viewRole(s).grant(cc(s), js('Chicago'));
    },
    /divisions must come from Division\.fromName\/fromId\/home\/all or new Division/,
  ],
  [
    'js: ClientCredentialsClient with no props',
    () => new ClientCredentialsClient(stack(), 'c', js(undefined)),
    /^\[corpus\/c\] ClientCredentialsClient needs props \{ name, .*\(got nothing\)$/,
  ],
  [
    'js: ClientCredentialsClient props null',
    () => new ClientCredentialsClient(stack(), 'c', js(null)),
    /ClientCredentialsClient needs props \{ name, .*\(got null\)$/,
  ],
  [
    'js: ClientCredentialsClient name a number',
    () => new ClientCredentialsClient(stack(), 'c', { name: js(5) }),
    /ClientCredentialsClient: name must be a string \(got number 5\)$/,
  ],
  [
    'js: ClientCredentialsClient name an object',
    () => new ClientCredentialsClient(stack(), 'c', { name: js({}) }),
    /ClientCredentialsClient: name must be a string \(got an object\)$/,
  ],
  [
    'js: token lifetime NaN',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: NaN }),
    /ClientCredentialsClient: accessTokenValiditySeconds must be a number \(got number NaN\)/,
  ],
  [
    'js: token lifetime Infinity',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: Infinity }),
    /accessTokenValiditySeconds must be a whole number from 300 to 38880000 \(got Infinity\)/,
  ],
  [
    'js: client description an object',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', description: js({}) }),
    /ClientCredentialsClient: description must be a string \(got an object\)/,
  ],
  [
    'js: client state "deleted"',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C', state: js('deleted') }),
    /ClientCredentialsClient: state must be one of "active", "inactive" \(got "deleted"\)/,
  ],
  [
    'js: extraScopes with a number',
    () => new UserContextClient(stack(), 'u', { name: 'U', grantType: 'PASSWORD', extraScopes: [js(5)] }),
    /UserContextClient: extraScopes must be a list of scope names.*\(got number 5 in the list\)/,
  ],
  [
    'js: redirectUris a string',
    () =>
      new UserContextClient(stack(), 'u', {
        name: 'U',
        capabilities: ['user-read'],
        redirectUris: js('https://x.example'),
      }),
    /UserContextClient: redirectUris must be a list of URLs.*\(got "https:\/\/x\.example"\)/,
  ],
  [
    'js: grantType a number',
    () => new UserContextClient(stack(), 'u', { name: 'U', capabilities: ['user-read'], grantType: js(5) }),
    /UserContextClient: grantType must be a string \(got number 5\)/,
  ],
  [
    'js: a null division for the reader',
    () => new ScreenRecordingReaderClient(stack(), 'q', { divisions: [js(null)] }),
    /grant of role "Screen recording reader role" to corpus\/q\/client: divisions must come from Division/,
  ],
  [
    'js: a division name string for the reader',
    () => new ScreenRecordingReaderClient(stack(), 'q', { divisions: [js('Chicago')] }),
    /divisions must come from Division\.fromName\/fromId\/home\/all/,
  ],
  [
    'js: reader name a number',
    reader({ name: 5 }),
    /ScreenRecordingReaderClient: name must be a string \(got number 5\)/,
  ],
  [
    'js: reader includeConversationSearch "yes"',
    reader({ includeConversationSearch: 'yes' }),
    /ScreenRecordingReaderClient: includeConversationSearch must be true or false \(got "yes"\)/,
  ],
  [
    'js: WFM principal a plain object',
    wfm({ principal: { email: 'a@b.c' } }),
    /WfmPublisherServiceAccount: principal must be WfmPrincipal\.clientCredentials\(\.\.\.\) or WfmPrincipal\.user\(\{ email, name \}\) \(got an object\)/,
  ],
  ['js: WFM principal null', wfm({ principal: null }), /WfmPublisherServiceAccount: principal must be .*\(got null\)/],
  [
    'js: WFM roleName a number',
    wfm({ roleName: 5 }),
    /WfmPublisherServiceAccount: roleName must be a string \(got number 5\)/,
  ],
  [
    'js: WfmPrincipal.user email a number',
    wfm({ principal: WfmPrincipal.user(js({ email: 5, name: 'Bot' })) }),
    /ServiceAccountUser: email must be a string \(got number 5\)/,
  ],
  [
    'js: WfmPrincipal.clientCredentials(5)',
    wfm({ principal: WfmPrincipal.clientCredentials(js(5)) }),
    /WfmPrincipal\.clientCredentials takes \{ name, exposeSecret, accessTokenValiditySeconds \} or nothing \(got number 5\)/,
  ],
  [
    'js: Division with no props',
    () => new Division(stack(), 'd', js(undefined)),
    /^\[corpus\/d\] Division needs props \{ name, description \} \(got nothing\)$/,
  ],
  [
    'js: Division name a number',
    () => new Division(stack(), 'd', { name: js(5) }),
    /Division: name must be a string \(got number 5\)$/,
  ],
  [
    'js: Division description an object',
    () => new Division(stack(), 'd', { name: 'D', description: js({}) }),
    /Division: description must be a string \(got an object\)$/,
  ],
  [
    'js: Division.fromName with a number',
    inDivision((s) => Division.fromName(s, 'd', js(5))),
    /Division\.fromName needs a division name, e\.g\. "Chicago" \(got number 5\)/,
  ],
  [
    'js: Division.fromName with null',
    inDivision((s) => Division.fromName(s, 'd', js(null))),
    /Division\.fromName needs a division name, e\.g\. "Chicago" \(got null\)/,
  ],
  [
    'js: Division.fromId with a number',
    inDivision((s) => Division.fromId(s, 'd', js(5))),
    /Division\.fromId needs a division id \(got number 5\); use Division\.fromName/,
  ],
  [
    'js: Division.fromId with an object',
    inDivision((s) => Division.fromId(s, 'd', js({ id: 'x' }))),
    /Division\.fromId needs a division id \(got an object\)/,
  ],
  [
    'js: Division.all with a string',
    inDivision(() => Division.all(js('QA reads every site'))),
    /Division\.all takes \{ reason \}, not a string: write Division\.all\(\{ reason: "QA reads every site" \}\)/,
  ],
  [
    'js: Division.all reason a number',
    inDivision(() => Division.all({ reason: js(5) })),
    /Division\.all: reason must be a string of at least 10 characters .*\(got number 5\)/,
  ],
  [
    'js: Division.home() without a scope',
    () => Division.home(js(undefined)),
    /^Division\.home\(this\) needs a construct in a stack, .*\(got nothing\)$/,
  ],
  [
    'js: Division.fromName(null, ...)',
    () => Division.fromName(js(null), 'd', 'Chicago'),
    /^Division\.fromName\(this, id, name\) needs a construct in a stack.*\(got null\)$/,
  ],
  [
    'js: ServiceAccountUser with no props',
    () => new ServiceAccountUser(stack(), 'u', js(undefined)),
    /ServiceAccountUser needs props \{ email, name, .*\(got nothing\)$/,
  ],
  [
    'js: ServiceAccountUser email a number',
    () => new ServiceAccountUser(stack(), 'u', { email: js(5), name: 'N' }),
    /ServiceAccountUser: email must be a string \(got number 5\)$/,
  ],
  [
    'js: ServiceAccountUser name an object',
    () => new ServiceAccountUser(stack(), 'u', { email: 'a@example.com', name: js({}) }),
    /ServiceAccountUser: name must be a string \(got an object\)$/,
  ],
  [
    'js: fromUserId a number',
    () => ServiceAccountUser.fromUserId(stack(), 'u', js(5)),
    /ServiceAccountUser\.fromUserId needs a user id \(got number 5\)/,
  ],
  [
    'js: fromUserId without a scope',
    () => ServiceAccountUser.fromUserId(js('stack'), 'u', 'u-1'),
    /^ServiceAccountUser\.fromUserId\(this, id, userId\) needs a construct in a stack.*\(got "stack"\)$/,
  ],
  [
    'js: PermissionBundle.of name a number',
    bundleRole(() => PermissionBundle.of(js(5), ['wfm:schedule:view'])),
    /a permission bundle needs a name \(got number 5\)/,
  ],
  [
    'js: PermissionBundle.of permissions a string',
    bundleRole(() => PermissionBundle.of('A', js('wfm:schedule:view'))),
    /permission bundle "A": permissions must be a list of permission names.*\(got "wfm:schedule:view"\)/,
  ],
  [
    'js: PermissionBundle.of permissions null',
    bundleRole(() => PermissionBundle.of('A', js(null))),
    /permission bundle "A": permissions must be a list of permission names.*\(got null\)/,
  ],
  [
    'js: PermissionBundle.of a number permission',
    bundleRole(() => PermissionBundle.of('A', [js(5)])),
    /permission bundle "A": each permission must be a string such as "wfm:schedule:view" \(got number 5\)/,
  ],
  [
    'js: bundle.without a string',
    bundleRole(() => PermissionBundle.of('A', ['wfm:schedule:view']).without('B', js('wfm:schedule:view'))),
    /removal from "A": permissions must be a list of permission names.*\(got "wfm:schedule:view"\)/,
  ],
  [
    'js: bundle.without name a number',
    bundleRole(() =>
      PermissionBundle.of('A', ['wfm:schedule:view', 'directory:user:view']).without(js(5), ['wfm:schedule:view']),
    ),
    /bundle\.without\(name, permissions\) needs a name for the new bundle, e\.g\. "A \(restricted\)" \(got number 5\)/,
  ],
  [
    'js: addSuppressions null',
    suppress(null),
    /AccessRules\.addSuppressions needs a list of \{ id, reason, appliesTo\? \} \(got null\)/,
  ],
  ['js: a null suppression', suppress([null]), /a suppression must be \{ id, reason, appliesTo\? \}.*\(got null\)/],
  [
    'js: appliesTo a string',
    suppress([{ id: 'GCA-DIV1', reason: 'a long enough reason', appliesTo: 'GCA-DIV1[x]' }]),
    /suppression of GCA-DIV1: appliesTo must be a list of finding ids or \/regex\/ patterns/,
  ],
  [
    'js: a number in appliesTo',
    suppress([{ id: 'GCA-DIV1', reason: 'a long enough reason', appliesTo: [5] }]),
    /appliesTo entries must be strings \(exact finding ids or \/regex\/\), not number/,
  ],
  [
    'js: a numeric reason',
    suppress([{ id: 'GCA-DIV1', reason: 5 }]),
    /suppression of GCA-DIV1 needs a reason of at least 10 characters saying why it is acceptable \(got 5\)/,
  ],
  [
    'js: AccessRules.check(null)',
    () => AccessRules.check(js(null)),
    /^AccessRules\.check\(this\) needs a construct in a stack, e\.g\. AccessRules\.check\(this\) inside your stack's constructor \(got null\)$/,
  ],
  [
    'js: AccessRules.check("stack")',
    () => AccessRules.check(js('stack')),
    /^AccessRules\.check\(this\) needs a construct in a stack.*\(got "stack"\)$/,
  ],
  [
    'js: AccessRules.findings({})',
    () => AccessRules.findings(js({})),
    /^AccessRules\.findings\(stack\) needs a construct in a stack.*\(got an object\)$/,
  ],
  [
    'js: Capabilities.resolve(5)',
    () => Capabilities.resolve(js(5)),
    /^a capability must be a built-in capability id such as "routing-queue-read" .*\(got number 5\)$/,
  ],
  [
    'js: Capabilities.resolve(null)',
    () => Capabilities.resolve(js(null)),
    /a capability must be a built-in capability id .*\(got null\)$/,
  ],
];

/** Hidden characters in names from code (issue 16): GCA-SUBJ5 at synth, every message showing them visibly. */
const hiddenNames: Array<[string, () => unknown, RegExp]> = [
  [
    'bidi: a right-to-left override in a role name',
    () => new AccessRole(stack(), 'r', { name: 'QA \u202eredaer', permissions: ['recording:screenRecording:view'] }),
    /GCA-SUBJ5\[U\+202E\] genesyscloud_auth_role\.r: role name "QA \\u202Eredaer" holds U\+202E RIGHT-TO-LEFT OVERRIDE/,
  ],
  [
    'bidi: a zero-width space in a client name',
    () => {
      const s = stack();
      const c = new ClientCredentialsClient(s, 'c', { name: 'QA\u200breader' });
      new AccessRole(s, 'r', { name: 'R', permissions: ['recording:screenRecording:view'] }).grant(c, Division.home(s));
    },
    /GCA-SUBJ5\[U\+200B\] genesyscloud_oauth_client\..*OAuth client name "QA\\u200Breader" holds U\+200B ZERO WIDTH SPACE/,
  ],
  [
    'bidi: an isolate in a division looked up by name',
    inDivision((s) => Division.fromName(s, 'd', 'Chi\u2066cago')),
    /GCA-SUBJ5\[U\+2066\] data\.genesyscloud_auth_division\.d: division name "Chi\\u2066cago"/,
  ],
  [
    'bidi: a Cyrillic look-alike in a role name',
    () => new AccessRole(stack(), 'r', { name: '\u0410dmin', permissions: ['recording:screenRecording:view'] }),
    /GCA-SUBJ5\[mixed-script\] .*role name "\u0410dmin" mixes Latin and Cyrillic letters in one word/,
  ],
  [
    'bidi: a mistake message naming a role with an override',
    () => new AccessRole(stack(), 'r', { name: 'R\u202e', permissions: [js(7)] }),
    /role "R\\u202E": each permission must be a string such as "wfm:schedule:view" \(got number 7\)/,
  ],
  [
    'bidi: an ESC sequence in a client name',
    () => new ClientCredentialsClient(stack(), 'c', { name: 'C\u001b[2J', accessTokenValiditySeconds: 10 }),
    /accessTokenValiditySeconds must be a whole number from 300 to 38880000 \(got 10\)/,
  ],
];

describe('error corpus', () => {
  test('has at least 60 cases', () => expect(cases.length).toBeGreaterThanOrEqual(60));

  test('has at least 40 hostile-type cases', () => expect(hostileTypes.length).toBeGreaterThanOrEqual(40));

  test.each([...cases, ...hostileTypes, ...hiddenNames])('%s', (_name, fn, expected) => {
    const lines = linesOf(fn);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(lines[0]).not.toMatch(/\n|\s+at\s+\S+\s+\(|Error:/);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  });
});
