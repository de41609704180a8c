import type { Graph } from '../graph/graph.js';
import { allocate, type FloatFormat } from '../base/float-format.js';
import type { OpLoop } from './float-loops.js';
import { planOf } from './float-plan.js';

export type FloatArray = Float32Array | Float64Array;

interface Step {
  loop: OpLoop;
  out: FloatArray;
  a: FloatArray;
  b: FloatArray | undefined;
  c: FloatArray | undefined;
}

/** Points per chunk: a chunk of every node's array (16 KB each in float64) stays in the core's cache. */
const CHUNK = 2048;

/**
 * Evaluates every node of the graph (forward and backward) over a batch, in IEEE float64 or float32, with the forward
 * switches of the graph's framework (graph.framework): its kernels where they differ, and flush-to-zero of subnormal
 * inputs and results where its CPU kernels do that. Storing into a Float32Array rounds to nearest-even exactly as
 * Math.fround does, so float32 gets every constant, input and op result rounded. Returns the values per node id.
 */
export function evaluateFloat(
  graph: Graph,
  format: FloatFormat,
  inputs: Record<string, ArrayLike<number>>,
  /** Node values to impose (after rounding to the format), e.g. one op's exact result, to see what it changes downstream. */
  overrides?: ReadonlyMap<number, number>,
  /** The batch size when the graph has no variables (a constant expression evaluated at several points). */
  size = 1,
  /** Where the node arrays come from (default: new ones); see bufferPool. */
  buffers?: BufferPool,
): FloatArray[] {
  const n = graph.vars.length ? inputs[graph.vars[0]!]!.length : size;
  const values: FloatArray[] = new Array(graph.nodes.length);
  const plan = planOf(graph, format, overrides);
  const steps: Step[] = [];
  for (const node of graph.nodes) {
    const out = buffers ? buffers(format, n, node.id) : allocate(format, n);
    values[node.id] = out;
    const imposed = overrides?.get(node.id);
    if (imposed !== undefined) {
      out.fill(imposed);
      continue;
    }
    if (node.op === 'const') {
      out.fill(node.value!);
      continue;
    }
    if (node.op === 'var') {
      out.set(inputs[node.name!]!);
      continue;
    }
    const ins = node.inputs;
    const step: Step = { loop: plan[node.id]!, out, a: values[ins[0]!]!, b: values[ins[1]!], c: values[ins[2]!] };
    // one chunk or less: run it now (no second pass)
    if (n <= CHUNK) step.loop(out, step.a, step.b, step.c, 0, n);
    else steps.push(step);
  }
  // the whole graph a chunk of points at a time, so that an op's inputs are read from cache, not memory
  for (let lo = 0; lo < n && steps.length; lo += CHUNK) {
    const hi = Math.min(n, lo + CHUNK);
    for (const s of steps) s.loop(s.out, s.a, s.b, s.c, lo, hi);
  }
  return values;
}

/** Node arrays by slot (a node id), reused from one evaluation to the next: every element is written before use. */
export type BufferPool = (format: FloatFormat, n: number, slot: number) => FloatArray;

/**
 * A pool for evaluations done one after another whose results are dead when the next one starts (a scan's forms and
 * formats): their arrays share memory instead of each allocating a set (10^6 samples: ~170 MB per float64 set).
 */
export function bufferPool(): BufferPool {
  const slots: ArrayBuffer[] = [];
  return (format, n, slot) => {
    let buffer = slots[slot];
    if (!buffer || buffer.byteLength < n * 8) slots[slot] = buffer = new ArrayBuffer(n * 8);
    return format === 'float32' ? new Float32Array(buffer, 0, n) : new Float64Array(buffer, 0, n);
  };
}
