import type { FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { OPS } from '../graph/ops.js';
import type { Detector, OutputClass } from './detector.js';
import { EventTable } from './events.js';
import { exactNodes } from './exact-nodes.js';
import cancellation from './detectors/cancellation.js';
import divisionByZero from './detectors/division-by-zero.js';
import domain from './detectors/domain.js';
import infDivInf from './detectors/inf-div-inf.js';
import infMinusInf from './detectors/inf-minus-inf.js';
import logZero from './detectors/log-zero.js';
import nanInput from './detectors/nan-input.js';
import overflow from './detectors/overflow.js';
import underflow from './detectors/underflow.js';
import whereTrap from './detectors/where-trap.js';
import zeroDivZero from './detectors/zero-div-zero.js';
import zeroTimesInf from './detectors/zero-times-inf.js';

/** In priority order: at one op and point only the first rule that fires is recorded (the where trap before 0 * inf). */
export const DETECTORS: readonly Detector[] = [
  nanInput, whereTrap, zeroDivZero, infDivInf, infMinusInf, zeroTimesInf, domain,
  divisionByZero, logZero, overflow, underflow, cancellation,
];

export { EventTable, type DetectedEvent } from './events.js';

export function detectEvents(graph: Graph, values: FloatArray[], format: FloatFormat, cancellationBits: number): EventTable {
  const n = values[0]?.length ?? 0;
  const maskedZero = maskedZeroOf(graph, values, n);
  const events = new EventTable(graph, values, format, DETECTORS, maskedZero, cancellationBits, n);
  for (const { id, checks, indices } of planOf(graph)) {
    const ctx = events.context(id);
    const out = ctx.out;
    for (let i = 0; i < n; i++) {
      const y = out[i]!;
      const c = y !== y ? 0 : y - y === 0 ? 1 : 2;
      const list = checks[c]!;
      for (let d = 0; d < list.length; d++) {
        const found = list[d]!(ctx, i);
        if (found === false) continue;
        events.record(id, i, indices[c]![d]!, typeof found === 'number' ? found : undefined);
        break;
      }
    }
  }
  return events;
}

/** The detectors that apply at one op, per output class (nan, finite, inf), in priority order, with their indices. */
interface NodePlan { id: number; checks: Detector['check'][][]; indices: number[][] }

/** Per graph (graphs never change once compiled): detectEvents runs often on a few points (bisections, roots). */
const plans = new WeakMap<Graph, NodePlan[]>();

function planOf(graph: Graph): NodePlan[] {
  let plan = plans.get(graph);
  if (plan) return plan;
  plan = [];
  const exact = exactNodes(graph);
  for (const node of graph.nodes) {
    if (node.op === 'const') continue;
    const info = OPS[node.op];
    const inputsExact = node.inputs.length > 0 && node.inputs.every((i) => exact[i] === 1);
    const applicable = DETECTORS.map((d, k) => [d, k] as const).filter(([d]) => !d.applies || d.applies(node, info, inputsExact));
    if (!applicable.length) continue;
    const classes: OutputClass[] = ['nan', 'finite', 'inf'];
    const checks = classes.map((c) => applicable.filter(([d]) => d.on === c).map(([d]) => d.check));
    const indices = classes.map((c) => applicable.filter(([d]) => d.on === c).map(([, k]) => k));
    plan.push({ id: node.id, checks, indices });
  }
  plans.set(graph, plan);
  return plan;
}

/** For each backward node, 1 where its value is a zero that comes from where's mask (possibly through other ops). */
export function maskedZeroOf(graph: Graph, values: FloatArray[], n: number = values[0]?.length ?? 0): (id: number) => Uint8Array {
  const memo = new Map<number, Uint8Array>();
  const zeros = new Uint8Array(n);
  const get = (id: number): Uint8Array => memo.get(id) ?? zeros;
  // Nodes are in topological order, so one pass computes every backward node from its inputs (no recursion).
  for (const node of graph.nodes) {
    if (node.pass !== 'backward') continue;
    const id = node.id;
    if (!node.whereMask && node.inputs.every((i) => !memo.has(i))) continue; // no mask upstream: all zeros, shared
    const out = new Uint8Array(n);
    const v = values[id]!;
    if (node.whereMask) {
      // zero by this mask, or by an outer where's mask upstream (nested wheres)
      const mask = values[node.inputs[1]!]!;
      const dy = get(node.inputs[0]!);
      for (let i = 0; i < n; i++) out[i] = v[i] === 0 && (mask[i] === 0 || dy[i] === 1) ? 1 : 0;
    } else {
      // a sum is zero by the mask only if all its terms are; a product or quotient if any factor is (one pass per
      // input over the flags, 0 or 1, instead of a closure per sample)
      const sum = node.op === 'add' || node.op === 'sub';
      if (sum) out.fill(1);
      for (const k of node.inputs) {
        const a = get(k);
        if (sum) for (let i = 0; i < n; i++) out[i]! &= a[i]!;
        else for (let i = 0; i < n; i++) out[i]! |= a[i]!;
      }
      for (let i = 0; i < n; i++) if (v[i] !== 0) out[i] = 0;
    }
    memo.set(id, out);
  }
  return get;
}
