import type { Graph } from '../../graph/graph.js';
import { Builder } from './build.js';
import { derive } from './derive.js';
import { lowerForward } from './lower.js';
import { PGraph } from './pgraph.js';

/** A graph lowered to primitive nodes: the value node and one exact derivative node per variable. */
export interface Plan {
  g: PGraph;
  value: number;
  grads: number[];
  vars: readonly string[];
}

export function planOf(graph: Graph, directions: readonly string[] = graph.vars): Plan {
  const g = new PGraph();
  const b = new Builder(g);
  const value = lowerForward(graph, b).get(graph.output)!;
  return { g, value, grads: directions.map((v) => derive(b, value, v)), vars: graph.vars };
}
