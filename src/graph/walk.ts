import type { Graph, GraphNode } from './graph.js';

/**
 * The one backward walk: the ids reachable from `from` (itself included) when each node leads on to the ids `next`
 * returns (its inputs by default; a caller narrows them, e.g. to where's selected branch). Iterative: no stack limit.
 */
export function walkBack(graph: Graph, from: number, next: (node: GraphNode) => readonly number[] = (n) => n.inputs): Set<number> {
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const input of next(graph.nodes[id]!)) if (!seen.has(input)) stack.push(input);
  }
  return seen;
}

/** Ids of the nodes the target depends on (itself included). */
export function ancestors(graph: Graph, target: number): Set<number> {
  return walkBack(graph, target);
}

/** For nodes in topological order: true where `seed` holds or any input (through `passes`) is marked. */
export function markForward(nodes: readonly GraphNode[], seed: (n: GraphNode) => boolean, passes: (n: GraphNode) => boolean = () => true): boolean[] {
  const on = new Array<boolean>(nodes.length).fill(false);
  for (const n of nodes) on[n.id] = seed(n) || (passes(n) && n.inputs.some((i) => on[i]));
  return on;
}
