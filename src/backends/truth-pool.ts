import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FloatFormat } from '../base/float-format.js';
import type { PointTruth } from './truth.js';

/** Points of one expression in one format. */
export interface TruthGroup {
  source: string;
  file?: string;
  format: FloatFormat;
  points: Record<string, number>[];
  maxDigits: number;
}

/** Below this many points a pool costs more (worker start-up, ~0.1 s) than it saves. */
const MIN_POINTS = 512;

/**
 * The ground truth of many points on all cores (the truth is most of a scan's time).
 * Points are dealt round-robin, so the expensive ones (e.g. tiny |x|, contiguous in sorted samples) are shared out.
 * Returns undefined when a pool is not worth it or cannot start; the caller then computes in-thread.
 */
export async function truthsInParallel(groups: TruthGroup[], onPoints?: (done: number) => void): Promise<PointTruth[][] | undefined> {
  const total = groups.reduce((n, g) => n + g.points.length, 0);
  const threads = Math.min(availableParallelism(), 4);
  if (threads < 2 || total < MIN_POINTS) return undefined;
  const shares = Array.from({ length: threads }, (_, w) => groups.map((g) => ({ ...g, points: g.points.filter((_p, i) => i % threads === w) })));
  let workers: Worker[] = [];
  try {
    workers = shares.map(() => new Worker(new URL('./truth-worker.js', import.meta.url)));
    const answers = await Promise.all(workers.map((w, k) => new Promise<PointTruth[][]>((resolve, reject) => {
      w.on('message', (m: { done: number } | { truths: PointTruth[][] }) => ('truths' in m ? resolve(m.truths) : onPoints?.(m.done)));
      w.once('error', reject);
      w.postMessage(shares[k]);
    })));
    return groups.map((g, gi) => g.points.map((_p, i) => answers[i % threads]![gi]![Math.floor(i / threads)]!));
  } catch {
    return undefined;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
