import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FloatFormat } from '../base/float-format.js';
import { quantityCount } from './truth-pool-packed.js';

/** Points of one expression in one format, as columns (one Float64Array per variable, in `vars` order). */
export interface TruthJob {
  source: string;
  file?: string;
  format: FloatFormat;
  maxDigits: number;
  /** The variables whose gradient is packed (the form's: a reference lacking one gets an exact 0 there). */
  vars: string[];
  columns: Float64Array[];
}

/** What a worker is sent: the jobs once, then chunks of one job's points. */
export type PoolMessage = { jobs: Omit<TruthJob, 'columns'>[] } | { job: number; start: number; columns: Float64Array[] };
/** What a worker answers per chunk: the truths packed (see truth-pool-packed.ts). */
export interface PoolAnswer { job: number; start: number; kinds: Uint8Array; values: Float64Array }

/** Below this many points a pool costs more (worker start-up, ~0.1 s) than it saves. */
const MIN_POINTS = 512;
/** Points per chunk: small enough that the workers finish together and progress moves, large enough to be cheap to send. */
const CHUNK = 256;

/**
 * The ground truth of many points on all cores (the truth is most of a scan's time). Chunks are dealt to whichever
 * worker is free, so expensive stretches (tiny |x|, contiguous in sorted samples) are shared out; each chunk's packed
 * truths go to `onChunk` as they arrive, so nothing per point is held twice. Returns false when a pool is not worth
 * it, cannot start or fails part way (the caller then computes in-thread what the pool did not deliver).
 */
export async function truthsInParallel(
  jobs: TruthJob[],
  onChunk: (answer: PoolAnswer) => void,
  onPoints?: (done: number) => void,
): Promise<boolean> {
  const sizes = jobs.map((j) => j.columns[0]?.length ?? 0);
  const total = sizes.reduce((n, s) => n + s, 0);
  const threads = Math.min(availableParallelism(), 4);
  if (threads < 2 || total < MIN_POINTS || jobs.some((j) => j.vars.length === 0)) return false;
  const chunks: { job: number; start: number; end: number }[] = [];
  sizes.forEach((size, job) => {
    for (let start = 0; start < size; start += CHUNK) chunks.push({ job, start, end: Math.min(size, start + CHUNK) });
  });
  let next = 0;
  let workers: Worker[] = [];
  const specs = jobs.map(({ columns: _columns, ...spec }) => spec);
  try {
    workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new Worker(new URL('./truth-worker.js', import.meta.url)));
    let delivered = 0;
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        const c = chunks[next++];
        if (!c) return resolve();
        const columns = jobs[c.job]!.columns.map((col) => col.slice(c.start, c.end));
        w.postMessage({ job: c.job, start: c.start, columns } satisfies PoolMessage, columns.map((col) => col.buffer));
      };
      w.on('message', (a: PoolAnswer) => {
        const rows = a.kinds.length / quantityCount(jobs[a.job]!.vars);
        onChunk(a);
        delivered++;
        onPoints?.(rows);
        send();
      });
      w.once('error', reject);
      w.postMessage({ jobs: specs } satisfies PoolMessage);
      send();
    })));
    return delivered === chunks.length;
  } catch {
    return false;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
