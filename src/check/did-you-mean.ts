import { editDistance } from '../parse/suggest.js';

/**
 * For config field names: a candidate the word abbreviates (case-insensitive), else the closest within
 * a third of the word's length in edits (the parser's distance, which also counts adjacent swaps).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const prefixOf = candidates.find((c) => word.length >= 3 && c.toLowerCase().startsWith(word.toLowerCase()));
  if (prefixOf !== undefined) return prefixOf;
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
