import { availableParallelism } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
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

/** What a worker is sent: the jobs once, then chunks of one job's points; or a task (see runOnPool). */
export type PoolMessage = { jobs: Omit<TruthJob, 'columns'>[] } | { job: number; start: number; columns: Float64Array[] } | { task: TaskMessage } | { preload: string };

/** A function of one of this package's modules, run on a pool thread: module URL, export name, its one argument. */
export interface TaskMessage { id: number; module: string; name: string; input: unknown }
/** A task's answer: its result, or its error's message. */
export interface TaskAnswer { task: number; result?: unknown; error?: string }
/** What a worker answers per chunk: the truths packed (see truth-pool-packed.ts). */
export interface PoolAnswer { job: number; start: number; kinds: Uint8Array; values: Float64Array }

/** Below this many points a pool costs more (worker start-up, ~0.1 s) than it saves. */
const MIN_POINTS = 512;
/** Points per chunk: small enough that the workers finish together and progress moves, large enough to be cheap to send. */
const CHUNK = 256;

/** The pool's threads: all cores, at most 4. */
const poolThreads = () => Math.min(availableParallelism(), 4);

/** An idle pool is kept this long for the next call (a scan's fix proofs follow it), then its threads end. */
const KEEP_IDLE_MS = 3000;
/** A pool that certified more points than this in one call is not kept (see the end of truthsInParallel). */
const KEEP_AFTER_POINTS = 100_000;

/**
 * The workers, kept between calls: starting one costs ~0.1 s of loading, paid once per command instead of once per
 * call, and before the first call when warmTruthPool is called early. Unreferenced while idle: they never keep the
 * process alive.
 */
let kept: { workers: Worker[]; busy: boolean; idle?: ReturnType<typeof setTimeout>; tasks: number[]; preload: Set<string>; loaded: Set<string>[] } | undefined;

function startWorkers(count: number): Worker[] {
  return Array.from({ length: count }, () => new Worker(new URL('./truth-worker.js', import.meta.url)));
}

/** A pool to keep: it forgets itself when one of its threads ends (an error, or terminate). */
function keep(workers: Worker[]): NonNullable<typeof kept> {
  const pool: NonNullable<typeof kept> = { workers, busy: false, tasks: workers.map(() => 0), preload: new Set(), loaded: workers.map(() => new Set()) };
  for (const w of workers) {
    w.on('error', () => {}); // a call's own listener rejects it; an idle thread's error only ends it (see 'exit')
    w.once('exit', () => {
      if (kept === pool) kept = undefined;
    });
  }
  return pool;
}

function releaseIdle(pool: NonNullable<typeof kept>): void {
  pool.busy = false;
  if (pool.tasks.some((n) => n > 0)) return; // the last task to end releases it
  for (const w of pool.workers) w.unref();
  pool.idle = setTimeout(() => {
    if (kept === pool) kept = undefined;
    for (const w of pool.workers) void w.terminate();
  }, KEEP_IDLE_MS);
  pool.idle.unref();
}

/** Ends the kept workers now (tests, or a library user done with scans); the next call starts new ones. */
export async function closeTruthPool(): Promise<void> {
  const pool = kept;
  kept = undefined;
  if (!pool) return;
  clearTimeout(pool.idle);
  await Promise.all(pool.workers.map((w) => w.terminate()));
}

/**
 * Starts the pool's workers now, so that their loading overlaps this thread's own (compiling, sampling) instead of
 * delaying the truths: a scan calls it as it begins. Does nothing on one core or when they are already running.
 */
export function warmTruthPool(): void {
  const threads = poolThreads();
  if (threads < 2 || kept) return;
  kept = keep(startWorkers(threads));
  releaseIdle(kept);
}

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
  const threads = poolThreads();
  // a pool thread running a task certifies in its own thread: the pool belongs to the main thread
  if (!isMainThread || threads < 2 || total < MIN_POINTS || jobs.some((j) => j.vars.length === 0)) return false;
  const chunks: { job: number; start: number; end: number }[] = [];
  sizes.forEach((size, job) => {
    for (let start = 0; start < size; start += CHUNK) chunks.push({ job, start, end: Math.min(size, start + CHUNK) });
  });
  let next = 0;
  // the kept workers when free (a call running alongside, as tests may do, starts its own and ends them after)
  if (!kept) kept = keep(startWorkers(threads));
  const pool = kept.busy ? undefined : kept;
  let workers: Worker[] = [];
  let failed = false;
  const detach: (() => void)[] = [];
  const specs = jobs.map(({ columns: _columns, ...spec }) => spec);
  try {
    if (pool) {
      clearTimeout(pool.idle);
      pool.busy = true;
      for (const w of pool.workers) w.ref();
      workers = pool.workers.slice(0, Math.min(threads, chunks.length));
    } else {
      workers = startWorkers(Math.min(threads, chunks.length));
    }
    let delivered = 0;
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        const c = chunks[next++];
        if (!c) {
          if (pool) sendPreloads(pool, pool.workers.indexOf(w));
          return resolve();
        }
        const columns = jobs[c.job]!.columns.map((col) => col.slice(c.start, c.end));
        w.postMessage({ job: c.job, start: c.start, columns } satisfies PoolMessage, columns.map((col) => col.buffer));
      };
      const onMessage = (a: PoolAnswer | TaskAnswer) => {
        if ('task' in a) return; // a task's answer (runOnPool listens for it)
        const rows = a.kinds.length / quantityCount(jobs[a.job]!.vars);
        onChunk(a);
        delivered++;
        onPoints?.(rows);
        send();
      };
      const onExit = () => reject(new Error('a truth worker ended'));
      w.on('message', onMessage);
      w.once('error', reject);
      w.once('exit', onExit);
      detach.push(() => {
        w.off('message', onMessage);
        w.off('error', reject);
        w.off('exit', onExit);
      });
      w.postMessage({ jobs: specs } satisfies PoolMessage);
      send();
    })));
    return delivered === chunks.length;
  } catch {
    failed = true;
    return false;
  } finally {
    for (const d of detach) d();
    // after a big call the threads' heaps are big too: they end, so that the analysis after it has their memory
    // (10^6 samples: ~90 MB more at its peak if kept)
    if (pool && !failed && total <= KEEP_AFTER_POINTS) releaseIdle(pool);
    else {
      if (pool && kept === pool) kept = undefined;
      await Promise.all((pool ? pool.workers : workers).map((w) => w.terminate()));
    }
  }
}

/** Has pool thread k load the modules its tasks will need (it does so once it has no truths left to certify). */
function sendPreloads(pool: NonNullable<typeof kept>, k: number): void {
  for (const module of pool.preload) {
    if (pool.loaded[k]!.has(module)) continue;
    pool.loaded[k]!.add(module);
    pool.workers[k]!.postMessage({ preload: module } satisfies PoolMessage);
  }
}

/**
 * Says that tasks from `module` will follow (runOnPool): each pool thread loads it when its share of the next truths
 * is done (not before: while the command itself loads, both cores are busy), so that the first task does not wait.
 */
export function preloadOnPool(module: URL): void {
  kept?.preload.add(module.href);
}

let nextTask = 0;

/**
 * Runs `name(input)` from `module` (a URL of one of this package's modules) on a kept pool thread, the one with the
 * fewest tasks, so that work this thread would do after the truths (a fix search) runs beside it. Undefined when no
 * pool is running (one core, or none was started): the caller then runs it itself. The input and result must be
 * structured-clonable; a thread that ends rejects its tasks.
 */
export function runOnPool<T>(module: URL, name: string, input: unknown): Promise<T> | undefined {
  const pool = kept;
  if (!pool) return undefined;
  const k = pool.tasks.indexOf(Math.min(...pool.tasks));
  const w = pool.workers[k]!;
  const id = nextTask++;
  clearTimeout(pool.idle);
  w.ref();
  pool.tasks[k]!++;
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      w.off('message', onMessage);
      w.off('exit', onExit);
      pool.tasks[k]!--;
      if (!pool.busy && kept === pool && pool.tasks.every((n) => n === 0)) releaseIdle(pool);
    };
    const onMessage = (a: TaskAnswer | PoolAnswer) => {
      if (!('task' in a) || a.task !== id) return;
      done();
      if (a.error !== undefined) reject(new Error(a.error));
      else resolve(a.result as T);
    };
    const onExit = () => {
      done();
      reject(new Error('a pool thread ended'));
    };
    w.on('message', onMessage);
    w.once('exit', onExit);
    w.postMessage({ task: { id, module: module.href, name, input } } satisfies PoolMessage);
  });
}
