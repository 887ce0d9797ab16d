/**
 * Suppression `appliesTo` patterns: the linear matcher agrees with JavaScript's RegExp on the subset it takes,
 * refuses what it does not take in one line naming the fix, and matches catastrophic patterns in bounded time.
 */
import { compileAppliesTo } from '../../lib/util/pattern';

const SUBJECTS = [
  '',
  'wfm:schedule:publish',
  'wfm:schedule:*',
  'WFM:Schedule:View',
  'routing:queue:view',
  'recording:recording:view',
  'analytics:conversationDetail:view',
  'a.b',
  'aaaaaaaaaaaaaaaaaaaaaaaa!',
  'GCA-PERM2[x]',
  'x-y_z 1',
];

const PATTERNS = [
  '/^wfm:/',
  '/wfm/i',
  '/^wfm:schedule:(publish|view)$/',
  '/^(?:routing|recording):/',
  '/:view$/',
  '/^[a-z]+:[a-z]+:\\*$/',
  '/[^:]+:queue/',
  '/a.b/',
  '/a\\.b/',
  '/^a{3,5}/',
  '/^a{24}!$/',
  '/^a{2,}!/',
  '/colou?r/',
  '/\\d/',
  '/\\w+\\s\\d/',
  '/^(a+)+$/',
  '/(a|aa)*!/',
  '/^$/',
  '//',
  '/[]/',
  '/[^]/',
  '/^(?<domain>[a-z]+):/',
  '/SCHEDULE/i',
  '/[A-Z]+:/i',
  '/x|/',
  '/a+?b/',
  '/\\[x\\]$/',
  '/[-_ ]/',
  '/^(wfm|routing):(schedule|queue):(.*)$/',
];

describe('compileAppliesTo', () => {
  test.each(PATTERNS)('%s matches as RegExp does', (p) => {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(p)!;
    const re = new RegExp(m[1], m[2]);
    const test = compileAppliesTo(p);
    for (const s of SUBJECTS) expect([s, test(s)]).toEqual([s, re.test(s)]);
  });

  test('a plain string matches exactly', () => {
    const t = compileAppliesTo('wfm:schedule:*');
    expect(t('wfm:schedule:*')).toBe(true);
    expect(t('wfm:schedule:publish')).toBe(false);
  });

  test.each([
    ['/(/', /unclosed "\("/],
    ['/)/', /unmatched "\)"/],
    ['/[a/', /unclosed "\["/],
    ['/*a/', /nothing to repeat/],
    ['/a**/', /repeat of a repeat/],
    ['/(a)\\1/', /backreference/],
    ['/(?=a)/', /lookaround/],
    ['/\\bx/', /\\b/],
    ['/a{5,2}/', /out of order/],
    ['/a{1000}/', /more than 100 times/],
    ['/((a{100}){100}){100}/', /too complex/],
    ['/x/g', /flag "g"/],
    ['/x/y', /flag "y"/],
    [`/${'a'.repeat(300)}/`, /longer than 200 characters \(302\)/],
    ['/\\x41/', /escape "\\x"/],
  ])('%s is refused in one line naming the fix', (p, why) => {
    let message = '';
    try {
      compileAppliesTo(p);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(why);
    expect(message).toMatch(/fix it|list the exact finding ids|remove the others/);
    expect(message.length).toBeLessThan(400);
  });

  test.each([42, null, ['x'], { a: 1 }])('%p is refused: entries are strings', (v) => {
    expect(() => compileAppliesTo(v)).toThrow(/appliesTo entries must be strings/);
  });

  test.each(['/^(a+)+$/', '/(a|a)*b/', '/(a*)*b/', '/(.*a){20}/', '/(\\w+\\s?)*$/', '/^(a|aa|aaa)+$/'])(
    'the catastrophic %s matches a long subject quickly',
    (p) => {
      const t = compileAppliesTo(p);
      const start = Date.now();
      for (const s of ['a'.repeat(1000) + '!', 'a'.repeat(5000), `${'ab '.repeat(300)}!`]) t(s);
      expect(Date.now() - start).toBeLessThan(200);
    },
  );
});
