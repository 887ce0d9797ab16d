import { ALL_RULES } from '../../lib';
import { checkSuppression, runRules } from '../../lib/rules/engine';
import { readCdktf } from '../../lib/sources/cdktf/read';
import { client, doc, role } from './harness';

const json = doc({
  genesyscloud_auth_role: {
    r: { ...role('R', ['wfm:schedule:*', 'wfm:schedule:publish']), '//': { metadata: { path: 's/team/role' } } },
  },
  genesyscloud_oauth_client: { c: { ...client('r'), '//': { metadata: { path: 's/team/client' } } } },
});
const ids = (fs: ReturnType<typeof runRules>) =>
  fs.map((f) => `${f.ruleId}[${f.finding ?? ''}]${f.suppressedBy ? ' suppressed' : ''}`);

describe('runRules', () => {
  test('finds, sorts and carries construct paths', () => {
    const fs = runRules(json, ALL_RULES);
    expect(ids(fs)).toEqual(['GCA-PERM1[wfm:schedule:publish]', 'GCA-PERM2[wfm:schedule:*]']);
    expect(fs[0].path).toBe('s/team/role');
  });

  test('a suppression on a parent path covers its children; appliesTo narrows it', () => {
    const fs = runRules(json, ALL_RULES, {}, [
      { id: 'GCA-PERM2', reason: 'admin role for the WFM team', path: 's/team' },
    ]);
    expect(ids(fs)).toEqual(['GCA-PERM1[wfm:schedule:publish]', 'GCA-PERM2[wfm:schedule:*] suppressed']);
    const narrow = runRules(json, ALL_RULES, {}, [
      { id: 'GCA-PERM2', reason: 'admin role for the WFM team', path: 's', appliesTo: ['wfm:queue:*'] },
    ]);
    expect(ids(narrow)).toEqual(['GCA-PERM1[wfm:schedule:publish]', 'GCA-PERM2[wfm:schedule:*]']);
    const regex = runRules(json, ALL_RULES, {}, [
      { id: 'GCA-PERM2', reason: 'admin role for the WFM team', path: 's/team/role', appliesTo: ['/^wfm:/'] },
    ]);
    expect(ids(regex)).toEqual(['GCA-PERM1[wfm:schedule:publish]', 'GCA-PERM2[wfm:schedule:*] suppressed']);
  });

  test('a suppression elsewhere does not apply', () => {
    expect(
      ids(runRules(json, ALL_RULES, {}, [{ id: 'GCA-PERM2', reason: 'admin role for the WFM team', path: 's/other' }])),
    ).toEqual(['GCA-PERM1[wfm:schedule:publish]', 'GCA-PERM2[wfm:schedule:*]']);
  });

  test('non-suppressible rules stay', () => {
    expect(
      ids(
        runRules(json, ALL_RULES, {}, [{ id: 'GCA-PERM1', reason: 'we know better than the catalog', path: 's' }]),
      )[0],
    ).toBe('GCA-PERM1[wfm:schedule:publish]');
  });

  test('suppressions recorded in the plan metadata apply (the CLI reads them)', () => {
    const withMeta = {
      ...json,
      locals: {
        genesyscloud_access: {
          suppressions: [{ id: 'GCA-PERM2', reason: 'admin role for the WFM team', path: 's/team/role' }],
        },
      },
    };
    expect(ids(runRules(readCdktf(withMeta), ALL_RULES))).toContain('GCA-PERM2[wfm:schedule:*] suppressed');
  });
});

describe('checkSuppression', () => {
  test.each([
    [
      { id: 'GCA-PERM2', reason: 'short' },
      /needs a reason of at least 10 characters saying why it is acceptable \(got "short"\)/,
    ],
    [{ id: 'GCA-PERM2', reason: '          ' }, /needs a reason of at least 10 characters/],
    [
      { id: 'GCA-PERM9', reason: 'a long enough reason' },
      /suppression of unknown rule "GCA-PERM9": rule ids are GCA-DIV1/,
    ],
    [
      { id: 'GCA-PERM1', reason: 'a long enough reason' },
      /GCA-PERM1 cannot be suppressed .*fix it: Use the suggested real permission/,
    ],
  ])('fails for %j', (s, re) => {
    expect(() => checkSuppression(s, ALL_RULES)).toThrow(re);
  });
});
