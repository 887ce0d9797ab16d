/**
 * Did-you-mean stays bounded for hostile input: the banded edit distance agrees with the full one within its
 * bound, and a 3,000-character invented permission, scope or operation is rejected quickly (the bound is loose,
 * 200 ms, so a loaded 2-core CI machine passes; the unbounded search took seconds).
 */
import { Catalog } from '../../lib/catalog/catalog';
import { editDistance, MAX_SUGGEST_LENGTH, rankBySimilarity } from '../../lib/catalog/similarity';
import { nearest } from '../../lib/review/suggest';

/** The textbook Levenshtein distance, to check the banded one against. */
function reference(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** A small deterministic generator (no Math.random: failures reproduce). */
function words(seed: number, count: number): string[] {
  let x = seed;
  const next = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const len = next() % 12;
    let w = '';
    for (let i = 0; i < len; i++) w += 'abcd:'[next() % 5];
    out.push(w);
  }
  return out;
}

function ms(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('editDistance', () => {
  const ws = words(7, 120);
  test('without a bound it is the Levenshtein distance', () => {
    for (let i = 0; i + 1 < ws.length; i++) expect(editDistance(ws[i], ws[i + 1])).toBe(reference(ws[i], ws[i + 1]));
  });

  test.each([0, 1, 2, 3, 5])('with max %i it is exact up to max, else max + 1', (max) => {
    for (let i = 0; i + 1 < ws.length; i++) {
      const d = reference(ws[i], ws[i + 1]);
      expect(editDistance(ws[i], ws[i + 1], max)).toBe(d <= max ? d : max + 1);
    }
  });

  test('known values', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('', 'abc', 1)).toBe(2);
    expect(editDistance('flaw', 'lawn', 2)).toBe(2);
  });

  test('a bounded distance between long strings is fast', () => {
    const a = 'x'.repeat(100000);
    const b = 'y'.repeat(100000);
    expect(ms(() => expect(editDistance(a, b, 3)).toBe(4))).toBeLessThan(200);
  });
});

describe('bounded suggestions', () => {
  // Warm the catalog tables, so the timings measure the search only.
  beforeAll(() => Catalog.suggestPermissions('routing:queue:view'));

  test('short typos still get suggestions', () => {
    expect(Catalog.suggestPermissions('routing:queue:veiw')).toContain('routing:queue:view');
    expect(nearest('--plna', ['--plan', '--format'])).toEqual(['--plan']);
  });

  test('a query longer than any name gets none', () => {
    expect(rankBySimilarity('a'.repeat(MAX_SUGGEST_LENGTH + 1), ['a', 'aa'])).toEqual([]);
    expect(nearest(`--${'p'.repeat(3000)}`, ['--plan'])).toEqual([]);
  });

  test.each([
    ['permission', () => Catalog.explainUnknownPermission(`routing:${'queue'.repeat(600)}:view`)],
    ['permission of many words', () => Catalog.explainUnknownPermission('ab:'.repeat(1000))],
    ['scope', () => Catalog.explainUnknownScope('routing'.repeat(430))],
    ['operation path', () => Catalog.explainUnknownOperation(`GET /api/v2/${'users/'.repeat(500)}`)],
    ['operation id', () => Catalog.explainUnknownOperation('getUser'.repeat(430))],
    ['nearest', () => nearest('q'.repeat(3000), ['report', 'diff', 'explain'])],
  ])('a 3,000-character invented %s is rejected in under 200 ms', (_, fn) => {
    expect(ms(fn)).toBeLessThan(200);
  });
});
