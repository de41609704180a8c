import { parentPort } from 'node:worker_threads';
import { compile } from '../graph/compile.js';
import { groundTruth } from './truth/index.js';
import type { TruthGroup } from './truth-pool.js';

/** A worker of the truth pool: compiles each group's expression once and certifies its points. */
parentPort!.on('message', (groups: TruthGroup[]) => {
  const out = groups.map((g) => {
    const graph = compile(g.source, g.file);
    return g.points.map((p) => groundTruth(graph, p, g.format, { maxDigits: g.maxDigits }));
  });
  parentPort!.postMessage(out);
});
