import type { Graph } from '../graph/graph.js';
import type { FloatFormat } from '../base/float-format.js';
import { flushOf, forwardKernel } from '../graph/frameworks/forward.js';
import { opLoop, type OpLoop } from './float-loops.js';
import { isSubnormalIn, maySubnormal } from './float-subnormals.js';

/** Each node's loop (undefined for constants and variables), by node id. */
export type Plan = readonly (OpLoop | undefined)[];

/**
 * Plans by graph and format, worked out once: a scan evaluates the same graph at one point at a time thousands of
 * times (bisections, root lookups), where choosing the loops cost as much as running them. Graphs are not changed
 * after they are built, and a plan is derived from the graph alone, so the memo holds nothing anyone can observe.
 */
const plans = new WeakMap<Graph, Partial<Record<FloatFormat, Plan>>>();

/**
 * The loops for an evaluation. Imposed values that are not subnormal can only make fewer arrays hold subnormals, so
 * the plan without them stays right (a flush it keeps is the identity there); a subnormal one gets its own plan.
 */
export function planOf(graph: Graph, format: FloatFormat, overrides?: ReadonlyMap<number, number>): Plan {
  if (overrides && [...overrides.values()].some((v) => isSubnormalIn(v, format))) return build(graph, format, overrides);
  let byFormat = plans.get(graph);
  if (!byFormat) plans.set(graph, (byFormat = {}));
  return (byFormat[format] ??= build(graph, format));
}

function build(graph: Graph, format: FloatFormat, overrides?: ReadonlyMap<number, number>): Plan {
  const may = maySubnormal(graph, format, overrides);
  return graph.nodes.map((node) => {
    if (node.op === 'const' || node.op === 'var') return undefined;
    const clean = node.inputs.reduce((bits, id, k) => (may[id] ? bits : bits | (1 << k)), 0);
    return opLoop(forwardKernel(graph.framework, node.op, format), node.inputs.length, flushOf(graph.framework, node.op, format), format, clean);
  });
}
