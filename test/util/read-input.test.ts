/**
 * The safe input reader: special files refused before they are opened, the size limit, strict UTF-8 with the
 * offset, the BOM dropped, JSON errors with line and column but no content, long values cut, bounded listings.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cutLongValues, cutValue } from '../../lib/cut';
import { jsonErrorOffset } from '../../lib/util/json-syntax';
import { lineColumn, parseJsonInput, parseJsonObject } from '../../lib/util/json-input';
import { MAX_DIR_ENTRIES, readDirInput } from '../../lib/util/read-dir';
import {
  decodeUtf8,
  DEFAULT_MAX_INPUT_BYTES,
  invalidUtf8Offset,
  maxInputBytes,
  readInputText,
} from '../../lib/util/read-input';

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gca-read-input-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('readInputText', () => {
  test('reads a UTF-8 file', () => {
    expect(readInputText(file('ok.json', '{"a":"é"}'), 'ok.json')).toBe('{"a":"é"}');
  });

  test('drops a leading byte order mark, as Terraform does', () => {
    expect(readInputText(file('bom.json', Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d])), 'bom.json')).toBe('{}');
  });

  test('a FIFO is refused without being opened (a read would block forever)', () => {
    const fifo = path.join(tmp, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(message(() => readInputText(fifo, 'pipe.json'))).toBe(
      '"pipe.json" is a FIFO (named pipe), not a regular file: give a regular file',
    );
  });

  test('a character device is refused', () => {
    expect(message(() => readInputText('/dev/zero', '/dev/zero', { give: 'give a plan' }))).toBe(
      '"/dev/zero" is a character device, not a regular file: give a plan',
    );
  });

  test('a directory, a missing file and a symlink loop are one line each', () => {
    expect(message(() => readInputText(tmp, 'dir'))).toBe('"dir" is a directory: give a regular file');
    expect(message(() => readInputText(path.join(tmp, 'nope'), 'nope'))).toMatch(/no such file or directory/);
    fs.symlinkSync('loop-b', path.join(tmp, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(tmp, 'loop-b'));
    expect(message(() => readInputText(path.join(tmp, 'loop-a'), 'loop-a'))).toMatch(/symlink loop/);
  });

  test('a file over the limit is refused before it is read', () => {
    const big = file('big.json', 'x'.repeat(2000));
    expect(message(() => readInputText(big, 'big.json', { maxBytes: 1000 }))).toBe(
      '"big.json" is 2000 bytes, more than the 1000-byte input limit: give the right file, or raise the limit with GENESYS_ACCESS_MAX_INPUT_BYTES=<bytes>',
    );
  });

  test('the limit comes from GENESYS_ACCESS_MAX_INPUT_BYTES', () => {
    expect(maxInputBytes({})).toBe(DEFAULT_MAX_INPUT_BYTES);
    expect(maxInputBytes({ GENESYS_ACCESS_MAX_INPUT_BYTES: '4096' })).toBe(4096);
    expect(message(() => maxInputBytes({ GENESYS_ACCESS_MAX_INPUT_BYTES: 'lots' }))).toMatch(
      /GENESYS_ACCESS_MAX_INPUT_BYTES must be a positive whole number of bytes \(got "lots"\)/,
    );
  });

  test('invalid UTF-8 is refused with the byte offset and the fix', () => {
    const latin1 = file('latin1.json', Buffer.from('{"name":"caf\xe9"}', 'latin1'));
    expect(message(() => readInputText(latin1, 'latin1.json'))).toBe(
      '"latin1.json" is not valid UTF-8 at byte 12: save it as UTF-8 (e.g. `iconv -f LATIN1 -t UTF-8`)',
    );
  });
});

describe('invalidUtf8Offset', () => {
  test.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0xff], 1],
    [[0x61, 0xc3], 1],
    [[0xc0, 0x80], 0],
    [[0xe0, 0x80, 0x80], 0],
    [[0xed, 0xa0, 0x80], 0],
    [[0xf4, 0x90, 0x80, 0x80], 0],
    [[0x61, 0x62, 0xe2, 0x82], 2],
  ])('%j: %i', (bytes, at) => {
    expect(invalidUtf8Offset(Uint8Array.from(bytes))).toBe(at);
    // Agrees with the strict decoder on validity.
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      valid = false;
    }
    expect(at === -1).toBe(valid);
    // And the reader's fast check agrees with both.
    const m = message(() => decodeUtf8(Uint8Array.from(bytes), 'x'));
    expect([m, m === '']).toEqual([m, valid]);
  });
});

describe('JSON errors', () => {
  const FIX = 'regenerate it';
  test.each([
    ['{"a": 1,\n  "b": tru }', 'line 2, column 11'],
    ['root:x:0:0:root:/root:/bin/bash', 'line 1, column 1'],
    ['{"a" 1}', 'line 1, column 6'],
    ['{"a": 1}}', 'line 1, column 9'],
    ['[1, 2,]', 'line 1, column 7'],
  ])('%j is reported at %s, with no content', (text, where) => {
    const m = message(() => parseJsonInput(text, 'x.json', FIX));
    expect(m).toBe(`"x.json" is not valid JSON at ${where}: ${FIX}`);
    expect(m).not.toContain('root:x');
  });

  test.each(['{"a": ', '{"a": [1, 2', '{"a": "b'])('%j ends too early', (text) => {
    expect(message(() => parseJsonInput(text, 'x.json', FIX))).toBe(
      `"x.json" is not valid JSON: it ends too early (cut off?): ${FIX}`,
    );
  });

  test('an empty file and a wrong top level say so', () => {
    expect(message(() => parseJsonInput(' \n', 'x.json', FIX))).toBe(`"x.json" is empty: ${FIX}`);
    expect(message(() => parseJsonObject('42', 'x.json', 'a plan', FIX))).toBe(
      `"x.json" holds a number at the top, not a plan: ${FIX}`,
    );
    expect(message(() => parseJsonObject('[]', 'x.json', 'a plan', FIX))).toMatch(/holds a list at the top/);
    expect(message(() => parseJsonObject('"s"', 'x.json', 'a plan', FIX))).toMatch(/holds a string at the top/);
  });

  test('the scanner agrees with JSON.parse on validity', () => {
    for (const t of ['{}', '[]', '{"a":[1,{"b":null}],"c":"\\u00e9"}', '-1.5e3', '"x"', ' true ']) {
      expect(jsonErrorOffset(t)).toBe(-1);
    }
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset(`${'['.repeat(100000)}${']'.repeat(100000)}`)).toBe(-1);
  });

  test('lineColumn counts from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('cutting long values', () => {
  test('cutValue keeps short values and cuts long ones with the full length', () => {
    expect(cutValue('short')).toBe('short');
    const cut = cutValue('x'.repeat(100000));
    expect(cut).toBe(`${'x'.repeat(179)}… (100000 characters)`);
    expect(cut.length).toBe(200);
    expect(cutValue(cut)).toBe(cut);
  });

  test('cutLongValues cuts quoted values and long runs in a message', () => {
    const m = cutLongValues(`unknown flag "--${'x'.repeat(5000)}" for report; and ${'y'.repeat(300)} too`);
    expect(m.length).toBeLessThan(600);
    expect(m).toContain('(5002 characters)');
    expect(m).toContain('(300 characters)');
  });
});

describe('readDirInput', () => {
  test('lists sorted, and refuses a directory with too many entries', () => {
    const d = path.join(tmp, 'many');
    fs.mkdirSync(d);
    for (const n of ['b', 'a']) fs.writeFileSync(path.join(d, n), '');
    expect(readDirInput(d, 'many').map((e) => e.name)).toEqual(['a', 'b']);
    for (let i = 0; i < MAX_DIR_ENTRIES; i++) fs.writeFileSync(path.join(d, `f${i}`), '');
    expect(message(() => readDirInput(d, 'many'))).toMatch(/"many" holds more than 10000 entries/);
  });
});
