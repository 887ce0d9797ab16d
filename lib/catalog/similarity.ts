/**
 * Did-you-mean scoring for catalog names: token overlap with fuzzy token matching, so that
 * `screen_recording:read` finds `recordings:readonly` and `wfm:scheduel:edit` finds `wfm:schedule:edit`.
 */

/** Words that forum posts use for catalog words. Data, not logic: extend it when a new myth shows up. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['wfm', 'workforcemanagement'],
  ['read', 'view'],
  ['write', 'edit'],
  ['get', 'view'],
  ['update', 'edit'],
  ['create', 'add'],
  ['remove', 'delete'],
]);

const tokenCache = new Map<string, string[]>();

function cachedTokens(s: string): string[] {
  let t = tokenCache.get(s);
  if (!t) {
    t = tokenize(s);
    tokenCache.set(s, t);
  }
  return t;
}

/** Splits a name into lower-case words: `screenRecording:view` → `screen recording view`; `{id}` → `{}`. */
export function tokenize(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(/[^A-Za-z0-9{}]+/)) {
    if (!raw) continue;
    if (raw.startsWith('{')) {
      out.push('{}');
      continue;
    }
    for (const w of raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ')) {
      if (w) out.push(w.toLowerCase());
    }
  }
  return out;
}

/**
 * Levenshtein distance (insert, delete, substitute). With `max`, the work is bounded: only the band of width
 * `2 * max + 1` around the diagonal is computed, and anything farther than `max` returns `max + 1` early.
 */
export function editDistance(a: string, b: string, max: number = Infinity): number {
  if (a === b) return 0;
  if (!a.length) return Math.min(b.length, max + 1);
  if (!b.length) return Math.min(a.length, max + 1);
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return max >= Math.max(a.length, b.length) ? fullDistance(a, b) : bandedDistance(a, b, Math.floor(max));
}

/** The whole Levenshtein table, two rows at a time. */
function fullDistance(a: string, b: string): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** Only the cells within `band` of the diagonal; `band + 1` as soon as a whole row is farther than `band`. */
function bandedDistance(a: string, b: string, band: number): number {
  const big = band + 1;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j < big ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = i - band > 1 ? i - band : 1;
    const to = i + band < b.length ? i + band : b.length;
    cur[from - 1] = from === 1 ? (i < big ? i : big) : big;
    const ca = a.charCodeAt(i - 1);
    let rowMin = cur[from - 1];
    for (let j = from; j <= to; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      if (v > big) v = big;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < b.length) cur[to + 1] = big;
    if (rowMin > band) return big;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length] < big ? prev[b.length] : big;
}

/**
 * Longest query that gets suggestions: every catalog name is far shorter, so a longer input is not a typo of
 * one, and skipping it keeps did-you-mean linear for hostile inputs (a 3,000-character invented permission).
 */
export const MAX_SUGGEST_LENGTH = 256;

/** True when `query` is too long to be a typo of `candidate` (more than four times as long, plus slack). */
function farTooLong(query: string, candidate: string): boolean {
  return query.length > MAX_SUGGEST_LENGTH || query.length > 4 * candidate.length + 32;
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (ALIASES.get(a) === b) return 0.9;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return 0.8;
  // Only distances up to 40% of the longer word score; farther ones are cut off early.
  const limit = Math.floor(0.4 * long.length);
  const d = editDistance(a, b, limit);
  if (d > limit) return 0;
  const sim = 1 - d / long.length;
  return sim >= 0.6 ? sim * 0.9 : 0;
}

function coverage(from: readonly string[], to: readonly string[]): number {
  if (!from.length) return 0;
  let sum = 0;
  for (const w of from) {
    let best = 0;
    for (const v of to) best = Math.max(best, wordSimilarity(w, v));
    sum += best;
  }
  return sum / from.length;
}

/** Similarity in 0..1 of a query and a candidate name (both as written). */
export function similarity(query: string, candidate: string, queryTokens?: readonly string[]): number {
  if (farTooLong(query, candidate)) return 0;
  queryTokens ??= tokenize(query);
  const candTokens = cachedTokens(candidate);
  const q = coverage(queryTokens, candTokens);
  const c = coverage(candTokens, queryTokens);
  // The whole-string distance only breaks ties; skip it where the words already rule the candidate out.
  if (0.6 * q + 0.25 * c + 0.15 < 0.3) return 0;
  const whole =
    1 - editDistance(query.toLowerCase(), candidate.toLowerCase()) / Math.max(query.length, candidate.length, 1);
  return 0.6 * q + 0.25 * c + 0.15 * whole;
}

/** The `limit` best candidates scoring at least `threshold`, best first (ties by name). */
export function rankBySimilarity(query: string, candidates: Iterable<string>, limit = 5, threshold = 0.35): string[] {
  if (query.length > MAX_SUGGEST_LENGTH) return [];
  const qt = tokenize(query);
  const scored: Array<[string, number]> = [];
  for (const cand of candidates) {
    const s = similarity(query, cand, qt);
    if (s >= threshold) scored.push([cand, s]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.slice(0, limit).map(([c]) => c);
}
