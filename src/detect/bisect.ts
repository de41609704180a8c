import { fromOrdinal, toOrdinal, type FloatFormat } from '../base/float-format.js';

/** Bisection steps judged per batch: 2^depth - 1 points, the midpoints the next `depth` steps could visit. */
const DEPTH = 5;

/**
 * firstChange (base/float-format.ts) with the points judged in batches: each batch holds every midpoint the next
 * DEPTH steps of the bisection could visit, and the steps then read their answers from it. The bisection takes the
 * very same path (the same answer, whatever `changed` does between a and b) in about 13 batches instead of 64 calls,
 * which pays when judging a batch costs little more than judging one point (a float evaluation over the graph).
 */
export function firstChangeBatched(a: number, b: number, format: FloatFormat, changedAll: (xs: number[]) => boolean[]): number {
  let lo = toOrdinal(a, format);
  let hi = toOrdinal(b, format);
  while (hi - lo > 1n) {
    const mids: bigint[] = [];
    const collect = (l: bigint, h: bigint, depth: number) => {
      if (depth === 0 || h - l <= 1n) return;
      const mid = l + (h - l) / 2n;
      mids.push(mid);
      collect(l, mid, depth - 1);
      collect(mid, h, depth - 1);
    };
    collect(lo, hi, DEPTH);
    const answers = changedAll(mids.map((m) => fromOrdinal(m, format)));
    const changed = new Map(mids.map((m, k) => [m, answers[k]!]));
    for (let step = 0; step < DEPTH && hi - lo > 1n; step++) {
      const mid = lo + (hi - lo) / 2n;
      if (changed.get(mid)!) hi = mid;
      else lo = mid;
    }
  }
  return fromOrdinal(hi, format);
}
