import type { FloatFormat } from '../base/float-format.js';
import { firstChange } from '../base/float-format.js';
import { nextDown } from '../base/float-format.js';
import { firstChangeBatched } from './bisect.js';
import type { Outcome } from './types.js';

/**
 * A run of samples with the same key: the outcome, and for NaN/inf also the root cause's hazard ("nan|overflow"), so that a NaN
 * region born of log(negative) and the NaN at 0 born of 0 * inf are two regions with their own causes.
 */
export interface Run { key: string; outcome: Outcome; first: number; last: number; lo: number; hi: number; exact: boolean }

export const outcomeOfKey = (key: string): Outcome => key.split('|')[0] as Outcome;

export interface RunOptions {
  format: FloatFormat;
  /** The key at an arbitrary float; `cheap`: the truth is not needed (a NaN/inf boundary), so any finite result may say 'finite'. */
  keyAt: (x: number, cheap: boolean) => string;
  /** keyAt(x, true) for many points at once (one evaluation of the graph over a batch), when the caller has it. */
  cheapKeysAt?: (xs: number[]) => string[];
  /** At most this many boundaries are bisected with the ground truth (those next to the largest errors first); the
   * others keep sample resolution. */
  truthBisections: number;
  /** ULPs per sample, to rank boundaries. */
  ulps?: ArrayLike<number>;
}

const nonFinite = (o: Outcome) => o === 'nan' || o === 'inf';

/**
 * Runs of equal outcome over sorted samples xs, with each boundary refined to the exact float where the outcome changes.
 * A NaN/inf boundary is found from the float result alone; a boundary between finite outcomes (ok, inaccurate,
 * unknown) needs the ground truth at every step, so only the first `truthBisections` of those are refined.
 */
export function outcomeRuns(xs: Float64Array, keys: string[], opts: RunOptions): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < xs.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.key === keys[i]) {
      last.last = i;
      last.hi = xs[i]!;
    } else runs.push({ key: keys[i]!, outcome: outcomeOfKey(keys[i]!), first: i, last: i, lo: xs[i]!, hi: xs[i]!, exact: true });
  }
  // finite-to-finite boundaries cost the ground truth at every step: the ones next to the worst errors go first
  const worst = (r: Run) => {
    let m = 0; // a loop, not Math.max(...): a run may hold 10^6 samples
    for (let i = r.first; i <= r.last; i++) if ((opts.ulps?.[i] ?? 0) > m) m = opts.ulps![i]!;
    return m;
  };
  const boundaries = runs.slice(1).map((run, j) => ({ k: j + 1, weight: Math.max(worst(runs[j]!), worst(run)) }));
  const refined = new Set(
    boundaries
      .filter(({ k }) => !(nonFinite(runs[k - 1]!.outcome) || nonFinite(runs[k]!.outcome)))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, opts.truthBisections)
      .map(({ k }) => k),
  );
  for (let k = 1; k < runs.length; k++) {
    const prev = runs[k - 1]!;
    const run = runs[k]!;
    const a = xs[prev.last]!;
    const b = xs[run.first]!;
    const cheap = nonFinite(prev.outcome) || nonFinite(run.outcome);
    if (!cheap && !refined.has(k)) {
      prev.exact = false;
      run.exact = false;
      continue;
    }
    const classOf = (key: string) => (cheap && !nonFinite(outcomeOfKey(key)) ? 'finite' : key);
    const before = classOf(prev.key);
    const cheapKeys = opts.cheapKeysAt;
    const start = cheap && cheapKeys
      ? firstChangeBatched(a, b, opts.format, (xs) => cheapKeys(xs).map((k) => classOf(k) !== before))
      : firstChange(a, b, opts.format, (x) => classOf(opts.keyAt(x, cheap)) !== before);
    run.lo = start;
    prev.hi = nextDown(start, opts.format);
  }
  return runs;
}
