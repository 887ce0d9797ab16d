import { TerraformStack, Testing } from 'cdktf';
import {
  AccessRole,
  ClientCredentialsClient,
  Division,
  PermissionBundle,
  ScreenRecordingReaderClient,
  ServiceAccountUser,
  UserContextClient,
  WfmPrincipal,
  WfmPublisherServiceAccount,
} from '../../lib';
import { synthValid } from '../../lib/testing';
import { validationErrors } from './validation-errors';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';

let made: TerraformStack[] = [];
let seen = new Set<string>();
beforeEach(() => {
  made = [];
  seen = new Set();
});

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'test');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  made.push(s);
  return s;
}

/**
 * The one mistake `fn` makes: constructs never throw; synth (with validations, as `cdktf synth`) reports each
 * mistake as one `[path] message` line.
 */
function errorOf(fn: () => unknown): string {
  fn();
  const lines = made.flatMap((s) => validationErrors(s)).filter((l) => !seen.has(l));
  for (const l of lines) seen.add(l);
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('AccessRole', () => {
  test('groups permission_policies by domain and entity, sorted', () => {
    const s = stack();
    new AccessRole(s, 'r', {
      name: 'R',
      permissions: [
        'wfm:schedule:view',
        'recording:screenRecording:view',
        'wfm:schedule:add',
        'recording:recording:view',
      ],
    });
    const json = synthValid(s) as any;
    expect(json.resource.genesyscloud_auth_role.r.permission_policies).toEqual([
      { action_set: ['view'], domain: 'recording', entity_name: 'recording' },
      { action_set: ['view'], domain: 'recording', entity_name: 'screenRecording' },
      { action_set: ['add', 'view'], domain: 'wfm', entity_name: 'schedule' },
    ]);
  });

  test('fails when a permission is invented, with did-you-mean', () => {
    expect(
      errorOf(() => new AccessRole(stack(), 'r', { name: 'R', permissions: ['wfm:schedule:publish' as any] })),
    ).toMatch(
      /^\[test\/r\] role "R": unknown permission "wfm:schedule:publish": there is no publish permission.*Did you mean "wfm:schedule:edit"/,
    );
  });

  test('fails when a permission is removed from a base that never had it', () => {
    const agent = PermissionBundle.of('Agent', ['recording:recording:view']);
    expect(
      errorOf(
        () =>
          new AccessRole(stack(), 'r', { name: 'Restricted', base: agent, remove: ['recording:screenRecording:view'] }),
      ),
    ).toBe(
      '[test/r] cannot remove "recording:screenRecording:view" from "Agent": it never had it; its permissions are "recording:recording:view"',
    );
  });

  test('fails with no permissions, and for an unknown capability', () => {
    expect(errorOf(() => new AccessRole(stack(), 'r', { name: 'Empty' }))).toBe(
      '[test/r] role "Empty" has no permissions: give it capabilities or permissions',
    );
    expect(
      errorOf(() => new AccessRole(stack(), 'r', { name: 'R', capabilities: ['screen-recordings-read' as any] })),
    ).toMatch(/unknown capability "screen-recordings-read". Did you mean "screen-recording-read"/);
  });

  test('grant fails with no division instead of silently granting home', () => {
    const s = stack();
    const role = new AccessRole(s, 'r', { name: 'R', capabilities: ['wfm-schedule-read'] });
    const client = new ClientCredentialsClient(s, 'c', { name: 'C' });
    expect(errorOf(() => role.grant(client))).toMatch(/needs at least one division: pass Division.fromName/);
  });
});

describe('Division', () => {
  test('all() needs a reason and is the only way to write *', () => {
    expect(
      errorOf(
        () => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [Division.all({ reason: 'because' })] }),
      ),
    ).toMatch(/^\[test\/qa\/role\] Division.all needs a reason of at least 10 characters/);
    expect(Division.all({ reason: 'because' }).problem).toMatch(/at least 10 characters/);
    expect(
      errorOf(() => {
        const s = stack();
        new ScreenRecordingReaderClient(s, 'qa', { divisions: [Division.fromId(s, 'd', '*')] });
      }),
    ).toMatch(/use Division.all\(\{ reason \}\)/);
    expect(Division.all({ reason: 'org-wide compliance export' }).divisionId).toBe('*');
  });

  test('the all-divisions reason is recorded in the synthesized output', () => {
    const s = stack();
    const qa = new ScreenRecordingReaderClient(s, 'qa', {
      divisions: [Division.all({ reason: 'QA reviews every site' })],
    });
    const json = synthValid(s) as any;
    const [entry] = Object.values(json.locals.genesyscloud_access.principals) as any[];
    expect(entry.allDivisionsReasons).toEqual(['QA reviews every site']);
    expect(json).toGrantPermission(qa.client, 'recording:screenRecording:view', { division: 'Anywhere' });
  });

  test('home() is one data source per stack', () => {
    const s = stack();
    expect(Division.home(s).divisionKey).toBe(Division.home(s).divisionKey);
  });

  test('mixing all() with other divisions fails', () => {
    const s = stack();
    expect(
      errorOf(
        () =>
          new ScreenRecordingReaderClient(s, 'qa', {
            divisions: [Division.home(s), Division.all({ reason: 'QA reviews every site' })],
          }),
      ),
    ).toMatch(/Division.all\(...\) already covers every division/);
  });
});

describe('ClientCredentialsClient', () => {
  test('fails synth without role grants', () => {
    const s = stack();
    new ClientCredentialsClient(s, 'c', { name: 'Lonely' });
    expect(() => Testing.synth(s, true)).toThrow(/client "Lonely" has no role grants/);
  });

  test('rejects an out-of-range token lifetime', () => {
    expect(
      errorOf(() => new ClientCredentialsClient(stack(), 'c', { name: 'C', accessTokenValiditySeconds: 60 })),
    ).toMatch(/accessTokenValiditySeconds must be a whole number from 300 to 38880000 \(got 60\)/);
  });

  test('exposeSecret sets expose_client_secret and a sensitive output; off by default', () => {
    const s = stack();
    const a = new ScreenRecordingReaderClient(s, 'a', { divisions: [Division.home(s)], exposeSecret: true });
    const b = new ScreenRecordingReaderClient(s, 'b', { name: 'B', divisions: [Division.home(s)] });
    const json = synthValid(s) as any;
    const clients = json.resource.genesyscloud_oauth_client;
    const aId = a.client.resource.friendlyUniqueId;
    expect(clients[aId].expose_client_secret).toBe(true);
    expect(clients[b.client.resource.friendlyUniqueId].expose_client_secret).toBeUndefined();
    expect(Object.values(json.output)).toEqual([
      {
        description: 'Client secret of Screen recording reader (returned once, on create)',
        sensitive: true,
        value: `\${genesyscloud_oauth_client.${aId}.client_secret}`,
      },
    ]);
  });
});

describe('ServiceAccountUser', () => {
  test('fails when two constructs own the roles of one user', () => {
    const s = stack();
    ServiceAccountUser.fromUserId(s, 'a', 'u-1');
    expect(errorOf(() => ServiceAccountUser.fromUserId(s, 'b', 'u-1'))).toMatch(
      /^\[test\/b\] user u-1 already has its roles managed by test\/a: genesyscloud_user_roles replaces all of a user's direct grants/,
    );
    const w = stack();
    const d = Division.home(w);
    new WfmPublisherServiceAccount(w, 'one', {
      divisions: [d],
      principal: WfmPrincipal.user({ email: 'x@example.com', name: 'X' }),
    });
    expect(
      errorOf(
        () =>
          new WfmPublisherServiceAccount(w, 'two', {
            divisions: [d],
            principal: WfmPrincipal.user({ email: 'X@example.com', name: 'X' }),
          }),
      ),
    ).toMatch(/user x@example.com already has its roles managed by test\/one\/user/);
  });

  test('several roles end up in one user_roles, grouped per role', () => {
    const s = stack();
    const u = ServiceAccountUser.fromUserId(s, 'svc', 'u-1');
    const chicago = Division.fromName(s, 'chicago', 'Chicago');
    new AccessRole(s, 'r1', { name: 'R1', capabilities: ['wfm-schedule-read'] }).grant(u, chicago, Division.home(s));
    new AccessRole(s, 'r2', { name: 'R2', capabilities: ['screen-recording-read'] }).grant(u, chicago);
    const json = synthValid(s) as any;
    expect(Object.keys(json.resource.genesyscloud_user_roles)).toHaveLength(1);
    expect(json).toGrantExactly('user:u-1', ['recording:screenRecording:view', 'wfm:schedule:view'], {
      division: 'Chicago',
    });
    expect(json).toGrantExactly('user:u-1', ['wfm:schedule:view'], { division: 'home' });
  });
});

describe('UserContextClient', () => {
  test('needs redirect URIs for CODE and computes scopes', () => {
    expect(
      errorOf(() => new UserContextClient(stack(), 'u', { name: 'U', capabilities: ['wfm-schedule-read'] })),
    ).toMatch(/a CODE client needs redirectUris/);
    const c = new UserContextClient(stack(), 'u', {
      name: 'U',
      grantType: 'PASSWORD',
      capabilities: ['screen-recording-read'],
    });
    expect(c.scopes).toEqual(['quality:readonly', 'recordings:readonly']);
  });

  test('fails on an unknown extra scope with a suggestion', () => {
    expect(
      errorOf(
        () =>
          new UserContextClient(stack(), 'u', {
            name: 'U',
            grantType: 'PASSWORD',
            capabilities: ['wfm-schedule-read'],
            extraScopes: ['screen_recording:read' as any],
          }),
      ),
    ).toMatch(/unknown OAuth scope "screen_recording:read".*Did you mean "recordings:readonly"/);
  });
});

describe('seed constructs', () => {
  test('ScreenRecordingReaderClient fails with empty divisions', () => {
    expect(errorOf(() => new ScreenRecordingReaderClient(stack(), 'qa', { divisions: [] }))).toMatch(
      /grant of role "Screen recording reader role" to test\/qa\/client needs at least one division/,
    );
  });

  test('AccessGrant records permissions × divisions', () => {
    const s = stack();
    const qa = new ScreenRecordingReaderClient(s, 'qa', {
      divisions: [Division.fromName(s, 'c', 'Chicago'), Division.home(s)],
    });
    expect(qa.grant.toJSON()).toEqual([
      {
        grantee: 'test/qa/client',
        role: 'test/qa/role',
        permissions: ['recording:screenRecording:view'],
        divisions: ['Chicago', 'home'],
        capabilities: ['screen-recording-read'],
      },
    ]);
    expect(qa.grant.success).toBe(true);
  });

  test('synth is deterministic regardless of grant order', () => {
    const build = (order: number[]): string => {
      const s = stack();
      const ds = [Division.fromName(s, 'a', 'A'), Division.fromName(s, 'b', 'B'), Division.home(s)];
      new ScreenRecordingReaderClient(s, 'qa', { divisions: order.map((i) => ds[i]) });
      return Testing.synth(s, true);
    };
    expect(build([2, 1, 0])).toBe(build([0, 1, 2]));
  });
});
