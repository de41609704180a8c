import type { FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { FORMAT_LIMITS } from '../base/float-format.js';
import { OPS } from '../graph/ops.js';
import { type HazardKind } from '../vocab/hazards.js';
import type { Detector, OutputClass, RuleContext } from './detector.js';
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

export interface DetectedEvent { hazard: HazardKind; detail: string; bits?: number }

/** Events per node id, per point index. */
export type EventTable = Map<number, Map<number, DetectedEvent>>;

export function detectEvents(graph: Graph, values: FloatArray[], format: FloatFormat, cancellationBits: number): EventTable {
  const n = values[0]?.length ?? 0;
  const limits = FORMAT_LIMITS[format];
  const events: EventTable = new Map();
  const maskedZero = maskedZeroOf(graph, values, n);
  for (const node of graph.nodes) {
    const info = OPS[node.op];
    const rules = DETECTORS.filter((r) => !r.applies || r.applies(node, info));
    if (!rules.length || (node.op === 'const')) continue;
    const byClass: Record<OutputClass, Detector[]> = {
      nan: rules.filter((r) => r.on === 'nan'),
      inf: rules.filter((r) => r.on === 'inf'),
      finite: rules.filter((r) => r.on === 'finite'),
    };
    const ctx: RuleContext = {
      node, info, inputs: node.inputs.map((i) => values[i]!), out: values[node.id]!, format, limits, maskedZero, cancellationBits,
    };
    const out = ctx.out;
    for (let i = 0; i < n; i++) {
      const y = out[i]!;
      const list = byClass[Number.isNaN(y) ? 'nan' : Number.isFinite(y) ? 'finite' : 'inf'];
      for (const rule of list) {
        const found = rule.check(ctx, i);
        if (found === null) continue;
        let perNode = events.get(node.id);
        if (!perNode) events.set(node.id, (perNode = new Map()));
        perNode.set(i, typeof found === 'string' ? { hazard: rule.meta.id, detail: found } : { hazard: rule.meta.id, ...found });
        break;
      }
    }
  }
  return events;
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
      // a sum is zero by the mask only if all its terms are; a product or quotient if any factor is
      const ins = node.inputs.map(get);
      const sum = node.op === 'add' || node.op === 'sub';
      for (let i = 0; i < n; i++) out[i] = v[i] === 0 && (sum ? ins.every((a) => a[i] === 1) : ins.some((a) => a[i] === 1)) ? 1 : 0;
    }
    memo.set(id, out);
  }
  return get;
}
