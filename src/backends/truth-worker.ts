import { parentPort } from 'node:worker_threads';
import { compile } from '../graph/compile.js';
import { groundTruth } from './truth/index.js';
import type { TruthGroup } from './truth-pool.js';

/** Points between two progress messages. */
const EVERY = 64;

/** A worker of the truth pool: compiles each group's expression once and certifies its points, saying how far it is. */
parentPort!.on('message', (groups: TruthGroup[]) => {
  let done = 0;
  const out = groups.map((g) => {
    const graph = compile(g.source, g.file);
    return g.points.map((p) => {
      if (++done % EVERY === 0) parentPort!.postMessage({ done: EVERY });
      return groundTruth(graph, p, g.format, { maxDigits: g.maxDigits });
    });
  });
  parentPort!.postMessage({ truths: out });
});
