import type { Graph } from '../graph/graph.js';
import type { OpName } from '../vocab/ops.js';
import { FORMAT_LIMITS, roundTo, type FloatFormat } from '../base/float-format.js';
import { flushOf } from '../graph/frameworks/forward.js';

/** Ops that pass one of their inputs through unchanged (or negated): a subnormal in, the same subnormal out. */
const PASSES: Partial<Record<OpName, readonly number[]>> = { neg: [0], abs: [0], cast: [0], keep: [0], where: [1, 2] };

/**
 * Which nodes' arrays may hold a subnormal in this evaluation. A result flushed to zero cannot (so an op reading it
 * need not flush it again: the flush is the identity there); variables can; a constant or imposed value can if it is
 * one; a pass-through op can if an input it passes can; any other unflushed op is assumed to.
 */
export function maySubnormal(graph: Graph, format: FloatFormat, overrides?: ReadonlyMap<number, number>): boolean[] {
  const isSubnormal = (v: number) => isSubnormalIn(v, format);
  const may: boolean[] = new Array(graph.nodes.length);
  for (const node of graph.nodes) {
    const imposed = overrides?.get(node.id);
    if (imposed !== undefined) may[node.id] = isSubnormal(imposed);
    else if (node.op === 'const') may[node.id] = isSubnormal(node.value!);
    else if (node.op === 'var') may[node.id] = true;
    else if (flushOf(graph.framework, node.op, format) !== 'none') may[node.id] = false;
    else {
      const passes = PASSES[node.op];
      may[node.id] = passes ? passes.some((k) => may[node.inputs[k]!]!) : true;
    }
  }
  return may;
}

/** Whether v, rounded to the format, is subnormal (nonzero and below the smallest normal in magnitude). */
export function isSubnormalIn(v: number, format: FloatFormat): boolean {
  const r = roundTo(format)(v);
  const min = FORMAT_LIMITS[format].minNormal;
  return r !== 0 && r < min && r > -min;
}
