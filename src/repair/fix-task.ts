import { preloadOnPool, runOnPool } from '../backends/truth-pool.js';
import { restoreCache, snapshotCache } from '../core/sample-truths.js';
import type { StoreSnapshot } from '../core/truth-store.js';
import { fixSearch, type FixLine, type FixSearch, type RunFix } from './attach.js';

/** What a pool thread is sent for a fix search: the search and the truths certified so far. */
interface FixSearchInput {
  search: FixSearch;
  truths: [string, StoreSnapshot][];
}

/** A fix search on a pool thread (run by runOnPool): the emulator's floats, the sent truths continued there. */
export function fixSearchTask(input: FixSearchInput): Promise<FixLine> {
  return fixSearch(input.search, { backend: 'emulated', truthCache: restoreCache(input.truths), graphs: new Map() });
}

/**
 * Fix searches on the kept truth threads, which are idle once the truths are certified: a scan's fix search then runs
 * beside its analysis. Only where the emulator judges float32 (not with TF.js results: the threads do not load it).
 */
export const fixOnPool: RunFix = (search, cache) =>
  runOnPool<FixLine>(HERE, 'fixSearchTask', { search, truths: cache ? snapshotCache(cache) : [] } satisfies FixSearchInput);

/** Has the pool threads load the fix search once their truths are done (a scan calls it as it starts). */
export const preloadFixOnPool = (): void => preloadOnPool(HERE);

const HERE = new URL('./fix-task.js', import.meta.url);
