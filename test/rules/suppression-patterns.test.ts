/**
 * Suppression patterns through the construct API: a bad `appliesTo` is a synth error naming the suppression (never
 * an exception from inside the library), and a catastrophic pattern suppresses in bounded time.
 */
import { TerraformStack, Testing } from 'cdktf';
import { AccessRules } from '../../lib';
import { AuthRole } from '../../src/generated/provider/auth-role';
import { GenesyscloudProvider } from '../../src/generated/provider/provider';
import { validationErrors } from '../constructs/validation-errors';

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'sup');
  new GenesyscloudProvider(s, 'genesyscloud', {});
  AccessRules.check(s);
  return s;
}

describe('AccessRules.addSuppressions appliesTo', () => {
  test.each([
    ['/(/', '/(/', /suppression of GCA-PERM2: appliesTo pattern "\/\(\/" has an unclosed "\(": fix it/],
    ['/(?=x)/', '/(?=x)/', /suppression of GCA-PERM2: .*lookaround/],
    [
      'a 500-character pattern',
      `/${'x'.repeat(500)}/`,
      /suppression of GCA-PERM2: appliesTo entry ".*" is longer than 200 characters/,
    ],
  ])('%s is a synth error naming the suppression', (_, p, why) => {
    const s = stack();
    AccessRules.addSuppressions(s, [{ id: 'GCA-PERM2', reason: 'break-glass admin role', appliesTo: [p] }]);
    const errors = validationErrors(s);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(why);
  });

  test('a catastrophic pattern applies without hanging', () => {
    const s = stack();
    new AuthRole(s, 'admin', {
      name: 'WFM admin',
      permissionPolicies: [{ domain: 'wfm', entityName: 'schedule', actionSet: ['*'] }],
    });
    AccessRules.addSuppressions(s, [
      { id: 'GCA-PERM2', reason: 'break-glass admin role for WFM', appliesTo: ['/^(w|wf|wfm|[a-z:*]+)+$/'] },
    ]);
    const start = Date.now();
    validationErrors(s);
    expect(Date.now() - start).toBeLessThan(2000);
    const perm2 = AccessRules.findings(s).filter((f) => f.ruleId === 'GCA-PERM2');
    expect(perm2.length).toBeGreaterThan(0);
    expect(perm2.every((f) => f.suppressedBy !== undefined)).toBe(true);
  });
});
