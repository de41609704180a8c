import type { Graph } from '../graph/graph.js';

/** Ids of the nodes the target depends on (itself included). */
export function ancestors(graph: Graph, target: number): Set<number> {
  const seen = new Set<number>();
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...graph.nodes[id]!.inputs);
  }
  return seen;
}
