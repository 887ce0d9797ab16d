/** GCA-SUBJ5: bidi controls, invisible characters and look-alike letters in principal, role and division names. */
import { hiddenIn, invisibleNameCharacters, shownName } from '../../lib/rules/subjects/invisible-name-characters';
import { client, doc, findings, role } from './harness';

const named = (name: string) =>
  doc({
    genesyscloud_auth_role: { r: role('Reader', ['recording:recording:view']) },
    genesyscloud_oauth_client: { qa: { ...client('r'), name } },
  });

describe('GCA-SUBJ5 invisible-name-characters', () => {
  test('a right-to-left override in a client name is an error, shown visibly', () => {
    expect(findings(invisibleNameCharacters, named('QA \u202Eredaer'))).toEqual([
      'GCA-SUBJ5[U+202E] genesyscloud_oauth_client.qa: OAuth client name "QA \\u202Eredaer" holds U+202E RIGHT-TO-LEFT OVERRIDE, which displays as nothing or reorders the text around it: remove it',
    ]);
  });

  test.each([
    ['\u2066isolate\u2069', 'U+2066,U+2069'],
    ['zero\u200bwidth', 'U+200B'],
    ['bom\ufeff', 'U+FEFF'],
    ['bell\u0007', 'U+0007'],
    ['esc\u001b[31m', 'U+001B'],
    ['soft\u00adhyphen', 'U+00AD'],
    ['line\u2028sep', 'U+2028'],
    ['\u202a\u202b\u202c\u202d', 'U+202A,U+202B,U+202C,U+202D'],
  ])('%j is found as %s', (name, finding) => {
    expect(hiddenIn(name)?.finding).toBe(finding);
    expect(shownName(name)).not.toMatch(/[\u0000-\u001f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\u00ad]/);
  });

  test('mixed-script look-alikes are found, one script per word is fine', () => {
    expect(hiddenIn('\u0410dmin')?.finding).toBe('mixed-script'); // Cyrillic А + Latin
    expect(hiddenIn('p\u03b1yroll')?.finding).toBe('mixed-script'); // Greek α
    expect(hiddenIn('Москва')).toBeUndefined();
    expect(hiddenIn('Москва Chicago')).toBeUndefined();
    expect(hiddenIn('Café Zürich')).toBeUndefined();
    expect(hiddenIn('QA reader (Chicago) | 2')).toBeUndefined();
  });

  test('role and division names are checked; plain names are not flagged', () => {
    const json = doc(
      {
        genesyscloud_auth_role: { r: role('Re\u200bader', ['recording:recording:view']) },
        genesyscloud_oauth_client: { qa: client('r', '${data.genesyscloud_auth_division.x.id}') },
      },
      { data: { genesyscloud_auth_division: { x: { name: 'Chic\u202eogac' } } } },
    );
    expect(findings(invisibleNameCharacters, json)).toEqual([
      expect.stringMatching(
        /^GCA-SUBJ5\[U\+202E\] data\.genesyscloud_auth_division\.x: division name "Chic\\u202Eogac"/,
      ),
      expect.stringMatching(
        /^GCA-SUBJ5\[U\+200B\] genesyscloud_auth_role\.r: role name "Re\\u200Bader" holds U\+200B ZERO WIDTH SPACE/,
      ),
    ]);
    expect(findings(invisibleNameCharacters, named('QA reader'))).toEqual([]);
  });

  test('a long name is cut in the message', () => {
    const [line] = findings(invisibleNameCharacters, named(`\u202e${'x'.repeat(500)}`));
    expect(line.length).toBeLessThan(300);
  });
});
