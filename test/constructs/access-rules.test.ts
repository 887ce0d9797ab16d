import { TerraformStack, Testing } from 'cdktf';
import { AccessRole, AccessRules, Division, ScreenRecordingReaderClient } from '../../lib';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { OauthClient } from '../../src/generated/provider/oauth-client';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { validationErrors } from './validation-errors';

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 's');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  AccessRules.check(s);
  return s;
}

function rawClient(s: TerraformStack, id: string, extra: Record<string, unknown> = {}): OauthClient {
  const role = new AuthRole(s, `${id}-role`, {
    name: id === 'qa' ? 'Raw' : `Raw ${id}`, // role names are unique (GCA-SUBJ3)
    permissionPolicies: [{ domain: 'recording', entityName: 'recording', actionSet: ['view'] }],
  });
  return new OauthClient(s, id, {
    name: 'Raw',
    authorizedGrantType: 'CLIENT-CREDENTIALS',
    roles: [{ roleId: role.id }],
    ...extra,
  });
}

function warnings(s: TerraformStack): string[] {
  return s.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === 'warning' || String(m.type).includes('warn'))
    .map((m) => String(m.data));
}

describe('AccessRules.check', () => {
  test('fails synth on a raw client granted only in the implicit home division, naming the rule and the fix', () => {
    const s = stack();
    rawClient(s, 'qa');
    expect(() => Testing.synth(s, true)).toThrow(
      /\[s\] GCA-DIV1\[Raw\] genesyscloud_oauth_client.qa: role "Raw" is granted to Raw with no division, so only in the home division: name the division\(s\) explicitly \(fix: Name the division: Division.fromName/,
    );
  });

  test('a suppression with a reason silences it and is recorded in cdk.tf.json', () => {
    const s = stack();
    const c = rawClient(s, 'qa');
    AccessRules.addSuppressions(c, [{ id: 'GCA-DIV1', reason: 'legacy client, all objects are in home' }]);
    const json = JSON.parse(Testing.synth(s, true));
    expect(json.locals.genesyscloud_access.suppressions).toEqual([
      { id: 'GCA-DIV1', path: 's/qa', reason: 'legacy client, all objects are in home' },
    ]);
    expect(json.locals.genesyscloud_access.suppressedFindings).toEqual([
      {
        address: 'genesyscloud_oauth_client.qa',
        id: 'GCA-DIV1[Raw]',
        reason: 'legacy client, all objects are in home',
      },
    ]);
  });

  test('a stack-wide suppression covers every resource', () => {
    const s = stack();
    rawClient(s, 'a');
    rawClient(s, 'b');
    AccessRules.addSuppressions(s, [{ id: 'GCA-DIV1', reason: 'single-division org, home is everything' }]);
    expect(() => Testing.synth(s, true)).not.toThrow();
    expect(AccessRules.findings(s).filter((f) => f.suppressedBy)).toHaveLength(2);
  });

  test('warnings become annotations with the rule id', () => {
    const s = stack();
    const role = new AccessRole(s, 'r', { name: 'R', capabilities: ['wfm-schedule-read'] });
    const c = new OauthClient(s, 'c', {
      name: 'C',
      authorizedGrantType: 'CLIENT-CREDENTIALS',
      scopes: ['workforce-management:readonly'],
      roles: [{ roleId: role.roleId, divisionId: Division.home(s).divisionId }],
    });
    expect(c).toBeDefined();
    Testing.synth(s, true);
    expect(warnings(s)).toEqual([
      'GCA-SCOPE2 genesyscloud_oauth_client.c: client "C" sets scopes workforce-management:readonly, which CLIENT-CREDENTIALS tokens ignore: remove them; its roles x divisions decide',
    ]);
  });

  test('our seed constructs have zero findings', () => {
    const s = stack();
    new ScreenRecordingReaderClient(s, 'qa', {
      divisions: [Division.fromName(s, 'c', 'Chicago')],
      includeConversationSearch: true,
    });
    Testing.synth(s, true);
    expect(AccessRules.findings(s)).toEqual([]);
    expect(warnings(s)).toEqual([]);
  });

  test('a bad suppression is reported at synth on the construct it was added to, and silences nothing', () => {
    const s = stack();
    const c = rawClient(s, 'qa');
    AccessRules.addSuppressions(c, [{ id: 'GCA-DIV1', reason: 'ok' }]);
    AccessRules.addSuppressions(s, [{ id: 'GCA-SUBJ1', reason: 'two owners are fine here' }]);
    const lines = validationErrors(s);
    // The client's GCA-DIV1 is not a second line: the suppression meant for it is the mistake to fix.
    expect(lines).toEqual([
      expect.stringMatching(/^\[s\] GCA-SUBJ1 cannot be suppressed/),
      expect.stringMatching(/^\[s\/qa\] suppression of GCA-DIV1 needs a reason of at least 10 characters/),
    ]);
  });
});
