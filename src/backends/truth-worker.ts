import { parentPort } from 'node:worker_threads';
import { userRecord } from '../base/record.js';
import { compile } from '../graph/compile.js';
import type { Graph } from '../graph/graph.js';
import { groundTruth } from './truth/index.js';
import { forVariables } from './truth.js';
import type { PoolAnswer, PoolMessage, TaskAnswer, TaskMessage, TruthJob } from './truth-pool.js';
import { packTruth, quantityCount } from './truth-pool-packed.js';

/** A worker of the truth pool: compiles each job's expression once, then certifies the chunks it is sent, packed. */
function serve(port: NonNullable<typeof parentPort>): void {
  let jobs: Omit<TruthJob, 'columns'>[] = [];
  const graphs = new Map<number, Graph>();
  port.on('message', (m: PoolMessage) => {
    if ('preload' in m) {
      import(m.preload).catch(() => {}); // a task importing it reports the failure
      return;
    }
    if ('task' in m) {
      void runTask(port, m.task);
      return;
    }
    if ('jobs' in m) {
      // a new call's jobs (the pool is kept between calls): the graphs are by job number
      jobs = m.jobs;
      graphs.clear();
      return;
    }
    const job = jobs[m.job]!;
    let graph = graphs.get(m.job);
    if (!graph) graphs.set(m.job, (graph = compile(job.source, job.file)));
    const rows = m.columns[0]!.length;
    const q = quantityCount(job.vars);
    const kinds = new Uint8Array(rows * q);
    const values = new Float64Array(rows * q);
    for (let r = 0; r < rows; r++) {
      const point: Record<string, number> = userRecord();
      job.vars.forEach((v, k) => (point[v] = m.columns[k]![r]!));
      const t = forVariables(groundTruth(graph, point, job.format, { maxDigits: job.maxDigits }), job.vars);
      packTruth(t, job.vars, kinds, values, r);
    }
    port.postMessage({ job: m.job, start: m.start, kinds, values } satisfies PoolAnswer, [kinds.buffer, values.buffer]);
  });
}

/** A task (runOnPool): the module is loaded on first use; a failure is answered with its message. */
async function runTask(port: NonNullable<typeof parentPort>, t: TaskMessage): Promise<void> {
  try {
    const f = ((await import(t.module)) as Record<string, (input: unknown) => unknown>)[t.name]!;
    port.postMessage({ task: t.id, result: await f(t.input) } satisfies TaskAnswer);
  } catch (e) {
    port.postMessage({ task: t.id, error: e instanceof Error ? e.message : String(e) } satisfies TaskAnswer);
  }
}

serve(parentPort!);
