import type { Rule, RuleHit } from '../types';

/**
 * Characters that make a name display as something other than what it is: bidirectional embeddings, overrides
 * and isolates (the "Trojan Source" class), zero-width and other invisible format characters, controls.
 */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]/g;

const NAMES: Readonly<Record<number, string>> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+0007 (a control character)`. */
function describeChar(c: number): string {
  const n = NAMES[c];
  if (n) return `${hex(c)} ${n}`;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f)
    ? `${hex(c)} (a control character)`
    : `${hex(c)} (an invisible character)`;
}

/** The name with every hidden character written as `\u202E`, cut to 60 characters. */
export function shownName(name: string): string {
  const v = name.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return v.length > 60 ? `${v.slice(0, 57)}...` : v;
}

const LATIN = /\p{Script=Latin}/u;
const LOOK_ALIKE: ReadonlyArray<[string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

/** The script a word mixes with Latin letters (a look-alike such as Cyrillic "а" in "Аdmin"), if any. */
function mixedScript(name: string): string | undefined {
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    if (!LATIN.test(word)) continue;
    for (const [script, re] of LOOK_ALIKE) if (re.test(word)) return script;
  }
  return undefined;
}

/** What is hidden in `name`, or undefined. */
export function hiddenIn(name: string): { finding: string; why: string } | undefined {
  const found = [...new Set([...name.matchAll(HIDDEN)].map((m) => m[0].charCodeAt(0)))].sort((a, b) => a - b);
  if (found.length) {
    return {
      finding: found.map(hex).join(','),
      why: `holds ${found.slice(0, 3).map(describeChar).join(', ')}${found.length > 3 ? ` and ${found.length - 3} more` : ''}, ${found.length === 1 ? 'which displays as nothing or reorders the text around it: remove it' : 'which display as nothing or reorder the text around them: remove them'}`,
    };
  }
  const script = mixedScript(name);
  if (script) {
    return {
      finding: `mixed-script`,
      why: `mixes Latin and ${script} letters in one word, so it looks like a different name: write it in one script`,
    };
  }
  return undefined;
}

/** GCA-SUBJ5: a principal, role or division name with hidden characters or look-alike letters. */
export const invisibleNameCharacters: Rule = {
  id: 'GCA-SUBJ5',
  name: 'invisible-name-characters',
  area: 'subjects',
  level: 'error',
  info: 'A principal, role or division name holds bidirectional controls, invisible characters or look-alike letters of another script.',
  explanation:
    'Bidi overrides and isolates (the "Trojan Source" class), zero-width and control characters make a name display as something else in the admin console, in reviews and in PR comments, and mixed-script look-alikes ("Аdmin" with a Cyrillic А) pass for a trusted name; either hides who gets access.',
  fix: 'Write the name in plain characters of one script; genesys-access shows hidden characters as \\u202E so you can find them.',
  suppressible: true,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const check = (what: string, address: string, name: string | undefined): void => {
      if (name === undefined || name === address) return;
      const h = hiddenIn(name);
      if (h) hits.push({ address, finding: h.finding, detail: `${what} name "${shownName(name)}" ${h.why}` });
    };
    for (const p of ctx.graph.principals) {
      if (p.defined) check(p.kind === 'oauth-client' ? 'OAuth client' : p.kind, p.key, p.name);
    }
    for (const r of ctx.graph.roles) if (r.origin === 'managed' || r.origin === 'data') check('role', r.key, r.name);
    for (const d of ctx.graph.divisions) {
      if (d.kind === 'managed' || d.kind === 'lookup') check('division', d.key, d.name);
    }
    return hits;
  },
};
