/**
 * jsonPointerLine: the line a JSON pointer points at, checked against JSON the way cdktf and Terraform write it
 * (indented, compact, escaped keys, lists) and against a seeded set of random documents, where the line of every
 * pointer must hold its key.
 */
import { jsonPointerLine, jsonPointerLines } from '../../lib/review/sarif';
import { pointerTokens } from '../../lib/review/sarif/json-pointer-line';

const DOC = `{
  "resource": {
    "genesyscloud_oauth_client": {
      "qa-client": {
        "name": "QA {not a brace} \\"quoted\\" [1, 2]",
        "roles": [
          { "role_id": "a" },
          {
            "role_id": "b"
          }
        ]
      },
      "a/b~c": { "name": "escaped key" }
    }
  },
  "list": [1, -2.5e3, true, null, "x,y"],
  "empty": {}, "none": []
}
`;

describe('jsonPointerLine', () => {
  test.each([
    ['', 1],
    ['/resource', 2],
    ['/resource/genesyscloud_oauth_client', 3],
    ['/resource/genesyscloud_oauth_client/qa-client', 4],
    ['/resource/genesyscloud_oauth_client/qa-client/name', 5],
    ['/resource/genesyscloud_oauth_client/qa-client/roles', 6],
    ['/resource/genesyscloud_oauth_client/qa-client/roles/0', 7],
    ['/resource/genesyscloud_oauth_client/qa-client/roles/1', 8],
    ['/resource/genesyscloud_oauth_client/qa-client/roles/1/role_id', 9],
    ['/resource/genesyscloud_oauth_client/a~1b~0c', 13],
    ['/resource/genesyscloud_oauth_client/a~1b~0c/name', 13],
    ['/list/4', 16],
    ['/none', 17],
  ])('%s is on line %d', (pointer, line) => {
    expect(jsonPointerLine(DOC, pointer)).toBe(line);
  });

  test.each([
    ['a member that is not there', '/resource/genesyscloud_auth_role'],
    ['an index past the end', '/resource/genesyscloud_oauth_client/qa-client/roles/2'],
    ['a key inside a string value', '/resource/genesyscloud_oauth_client/qa-client/not a brace'],
    ['a member of a scalar', '/list/0/x'],
    ['a member of an empty object', '/empty/x'],
    ['not a pointer', 'resource'],
  ])('undefined for %s', (_, pointer) => {
    expect(jsonPointerLine(DOC, pointer)).toBeUndefined();
  });

  test('many pointers in one pass; a BOM, CRLF line ends and a repeated key (the last one counts, as in JSON.parse)', () => {
    const text = '\ufeff{\r\n  "a": 1,\r\n  "b": {\r\n    "c": 2\r\n  },\r\n  "a": 3\r\n}';
    expect(JSON.parse(text.slice(1)).a).toBe(3);
    expect(jsonPointerLines(text, ['/a', '/b', '/b/c', '/z'])).toEqual(
      new Map([
        ['/b', 3],
        ['/b/c', 4],
        ['/a', 6],
      ]),
    );
  });

  test('compact JSON (terraform show -json) is all on line 1', () => {
    const text = JSON.stringify({ planned_values: { root_module: { resources: [{ a: 1 }, { b: [2] }] } } });
    expect(jsonPointerLine(text, '/planned_values/root_module/resources/1/b/0')).toBe(1);
  });

  test('text that stops being JSON: lines before the break are kept, the rest are undefined', () => {
    const text = '{\n "a": 1,\n "b": {\n "c": 2 "d": 3 }\n}';
    expect(jsonPointerLines(text, ['/a', '/b/c', '/b/d'])).toEqual(
      new Map([
        ['/a', 2],
        ['/b/c', 4],
      ]),
    );
    expect(jsonPointerLine('{"a": [1, 2', '/a/1')).toBe(1);
    expect(jsonPointerLine('{"a": [1, 2', '/b')).toBeUndefined();
    expect(jsonPointerLine('', '/a')).toBeUndefined();
    expect(jsonPointerLine('{"a": "unterminated', '/b')).toBeUndefined();
  });

  test('pointerTokens unescapes ~1 before ~0 (RFC 6901)', () => {
    expect(pointerTokens('/a~01/b~1c/')).toEqual(['a~1', 'b/c', '']);
    expect(pointerTokens('')).toEqual([]);
    expect(pointerTokens('x')).toBeUndefined();
  });

  describe('random documents', () => {
    // A small seeded generator (mulberry32): the same documents on every run.
    function rng(seed: number): () => number {
      let a = seed;
      return () => {
        a = (a + 0x6d2b79f5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    const KEYS = ['a', 'b/c', 'd~e', 'quote"d', 'new\nline', '{x}', '[y]', 'é', '', 'k,1'];

    function value(r: () => number, depth: number): unknown {
      const n = r();
      if (depth > 3 || n < 0.3) return [1, 'str, "with" {braces}', null, true, -0.5][Math.floor(r() * 5)];
      if (n < 0.65) return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[KEYS[Math.floor(r() * KEYS.length)]] = value(r, depth + 1);
      return o;
    }

    /** Every pointer of a document, with the key or index it ends in. */
    function pointers(v: unknown, at = ''): Array<[string, string | number]> {
      const out: Array<[string, string | number]> = [];
      const entries: Array<[string | number, unknown]> = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : typeof v === 'object' && v !== null
          ? Object.entries(v)
          : [];
      for (const [k, x] of entries) {
        const p = `${at}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`;
        out.push([p, k], ...pointers(x, p));
      }
      return out;
    }

    test.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %d', (seed) => {
      const doc = value(rng(seed), 0);
      const text = JSON.stringify({ root: doc }, null, 2);
      const lines = text.split('\n');
      const all = pointers({ root: doc });
      const found = jsonPointerLines(
        text,
        all.map(([p]) => p),
      );
      for (const [p, k] of all) {
        const line = found.get(p);
        expect(line).toBeDefined();
        const shown = lines[line! - 1];
        // A member's line starts with its key; an item's line is where its value starts.
        if (typeof k === 'string') expect(shown.trimStart().startsWith(`${JSON.stringify(k)}:`)).toBe(true);
        else expect(shown.trim()).not.toBe('');
      }
    });
  });
});
