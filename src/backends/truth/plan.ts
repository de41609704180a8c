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

/**
 * Plans by graph: a graph is immutable once compiled, and a scan asks for thousands of points of the
 * same one. A WeakMap, so a graph's plan goes when the graph does (a cache, not state: the same
 * graph always gives the same plan).
 */
const plans = new WeakMap<Graph, Plan>();

export function cachedPlanOf(graph: Graph): Plan {
  let plan = plans.get(graph);
  if (!plan) {
    plan = planOf(graph);
    plans.set(graph, plan);
  }
  return plan;
}

export function planOf(graph: Graph, directions: readonly string[] = graph.vars): Plan {
  const g = new PGraph();
  const b = new Builder(g);
  const value = lowerForward(graph, b).get(graph.output)!;
  return { g, value, grads: directions.map((v) => derive(b, value, v)), vars: graph.vars };
}
