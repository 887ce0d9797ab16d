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

/** Levenshtein distance (insert, delete, substitute). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
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
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (ALIASES.get(a) === b) return 0.9;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return 0.8;
  const d = editDistance(a, b);
  const sim = 1 - d / Math.max(a.length, b.length);
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
export function similarity(query: string, candidate: string, queryTokens = tokenize(query)): number {
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
  const qt = tokenize(query);
  const scored: Array<[string, number]> = [];
  for (const cand of candidates) {
    const s = similarity(query, cand, qt);
    if (s >= threshold) scored.push([cand, s]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.slice(0, limit).map(([c]) => c);
}
