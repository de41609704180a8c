import { exactOp } from '../backends/decimal/index.js';
import type { FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../backends/format.js';
import type { Graph } from '../graph/graph.js';
import { OPS } from '../graph/ops.js';
import { ulpDistance } from '../sample/ordinal.js';
import type { HazardEvent } from '../types.js';
import type { EventTable } from './index.js';
import { bitsLost } from './rules/cancellation.js';
import { fmt } from './rule.js';
import { liveAncestors, toEvent } from './root-cause.js';

const SIGNIFICAND = { float32: 24, float64: 53 } as const;
/** Fewer bits than this lost in a subtraction is ordinary rounding, not the cause of an inaccurate result. */
const BLAME_BITS = 4;

/**
 * Why a finite result is inaccurate at point i, looking only at the ops that matter there (liveAncestors), in order:
 * an infinity or zero-division that a later op turned finite again (1/inf = 0 in a gradient rule); the subtraction
 * that lost the most bits; an underflow; else the op with the largest error of its own on exact inputs, as Herbie's
 * localize measures it (each op evaluated exactly on its float inputs and rounded).
 */
export function inaccuracyCause(graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number, format: FloatFormat): HazardEvent {
  const live = liveAncestors(graph, values, target, i);
  const eventOf = (kinds: string[]) => live.find((id) => kinds.includes(events.get(id)?.get(i)?.hazard ?? ''));
  const hidden = eventOf(['overflow', 'division-by-zero', 'log-zero']);
  if (hidden !== undefined) return toEvent(graph, events, hidden, i);

  let best: { id: number; bits: number } | undefined;
  for (const id of live) {
    const node = graph.nodes[id]!;
    if (node.op !== 'add' && node.op !== 'sub') continue;
    const a = values[node.inputs[0]!]![i]!;
    const b = values[node.inputs[1]!]![i]!;
    const subtracting = node.op === 'sub' ? Math.sign(a) === Math.sign(b) : Math.sign(a) !== Math.sign(b);
    if (!subtracting || a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    const bits = bitsLost(a, b, values[id]![i]!, SIGNIFICAND[format]);
    if (bits >= BLAME_BITS && (!best || bits > best.bits)) best = { id, bits };
  }
  if (best) {
    const node = graph.nodes[best.id]!;
    const a = values[node.inputs[0]!]![i]!;
    const b = values[node.inputs[1]!]![i]!;
    return {
      pass: node.pass, op: node.op, node: best.id, hazard: 'cancellation', span: node.span,
      detail: `${fmt(a)} ${node.op === 'sub' ? '-' : '+'} ${fmt(b)}: ${best.bits.toFixed(1)} bits lost`,
    };
  }
  const underflow = eventOf(['underflow']);
  if (underflow !== undefined) return toEvent(graph, events, underflow, i);
  return localize(graph, values, live, i, format);
}

function localize(graph: Graph, values: FloatArray[], live: number[], i: number, format: FloatFormat): HazardEvent {
  let worst = { id: live[live.length - 1]!, ulps: -1 };
  for (const id of live) {
    const node = graph.nodes[id]!;
    const info = OPS[node.op];
    if (info.kind === 'leaf' || info.boolean || node.op === 'where' || node.op === 'cast') continue;
    const inputs = node.inputs.map((k) => values[k]![i]!);
    if (!inputs.every(Number.isFinite)) continue;
    let exact;
    try {
      exact = exactOp(node.op, inputs, format);
    } catch {
      continue; // an op the exact evaluator has no rule for (TF-internal backward ops)
    }
    if (exact.kind !== 'finite') continue;
    const ulps = ulpDistance(values[id]![i]!, exact.value, format);
    if (ulps > worst.ulps) worst = { id, ulps };
  }
  const node = graph.nodes[worst.id]!;
  const detail = worst.ulps > 0 ? `this op alone is ${worst.ulps} ULP off on exact inputs` : 'every op is correctly rounded; the errors accumulate';
  return { pass: node.pass, op: node.op, node: worst.id, hazard: 'rounding', span: node.span, detail };
}
