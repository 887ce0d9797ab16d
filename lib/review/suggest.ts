/** Did-you-mean for names typed on the command line. No cdktf import. */
import { editDistance, MAX_SUGGEST_LENGTH, rankBySimilarity } from '../catalog/similarity';

/**
 * The names nearest to `query`: by word similarity ({@link rankBySimilarity}), else by edit distance for short
 * typos such as swapped letters (`--plna` → `--plan`), at most `limit`. Bounded for long inputs: none for a
 * query longer than {@link MAX_SUGGEST_LENGTH}, and a banded edit distance.
 */
export function nearest(query: string, names: Iterable<string>, limit = 3, threshold = 0.3): string[] {
  // A very long input is no typo: skip the (length-proportional) search rather than echo a guess.
  if (query.length > MAX_SUGGEST_LENGTH) return [];
  const list = [...new Set(names)];
  const ranked = rankBySimilarity(query, list, limit, threshold);
  if (ranked.length) return ranked;
  const q = query.toLowerCase();
  const max = Math.max(2, Math.floor(q.length / 3));
  return list
    .map((n) => [n, editDistance(q, n.toLowerCase(), max)] as const)
    .filter(([, d]) => d <= max)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([n]) => n);
}
