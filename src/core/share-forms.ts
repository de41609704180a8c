import { runOnPool } from '../backends/truth-pool.js';
import type { FormSpec } from './diagnose.js';
import { snapshotCache } from './sample-truths.js';
import type { TruthCache } from './truth-store.js';
import type { FormResult, ScanOptions } from './types.js';

/** A form is taken by whichever thread flips its flag first (0: free), in memory both threads see. */
const taker = (claims: Int32Array) => (index: number) => Atomics.compareExchange(claims, index, 0, 1) === 0;

/** What a pool thread is sent for its share of an analysis. */
export interface SharedAnalysis {
  forms: FormSpec[];
  options: ScanOptions;
  truths: ReturnType<typeof snapshotCache>;
  claims: Int32Array;
  keepSeries: boolean;
}

/**
 * Shares a scan's analysis with an idle kept truth thread (after the truths, the pool's threads wait while this one
 * analyses form after form): this thread takes forms from the first, the other from the last, each the next one not
 * taken, so they meet wherever the work splits evenly. Undefined when no pool is running.
 */
export function shareForms(forms: FormSpec[], options: ScanOptions, cache: TruthCache, keepSeries: boolean): { take: (index: number) => boolean; results: Promise<[number, FormResult][]> } | undefined {
  const claims = new Int32Array(new SharedArrayBuffer(4 * forms.length));
  const input: SharedAnalysis = { forms, options, truths: snapshotCache(cache), claims, keepSeries };
  const results = runOnPool<[number, FormResult][]>(ANALYSE_TASK, 'analyseSharedTask', input);
  return results && { take: taker(claims), results };
}

/** The task module: its threads load it once their truths are done when a scan says so early (preloadOnPool). */
export const ANALYSE_TASK = new URL('./analyse-task.js', import.meta.url);

export { taker };
