import { exactOp, groundTruth } from '../backends/truth/index.js';
import { evaluateFloat, type FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { OPS } from '../graph/ops.js';
import { evaluateOp } from '../graph/frameworks/forward.js';
import type { Truth } from '../backends/truth.js';
import { roundTo, ulpDistance } from '../base/float-format.js';
import type { HazardEvent } from './types.js';
import type { EventTable } from './index.js';
import { cancellation } from './detectors/cancellation.js';
import { countText, valueText } from '../base/numbers.js';
import { liveAncestors, toEvent } from './root-cause.js';
import { applied } from './detector.js';

/** Fewer bits than this lost in a subtraction is ordinary rounding, not the cause of an inaccurate result. */
const BLAME_BITS = 4;

/**
 * Why a finite result is inaccurate at point i, looking only at the ops that matter there (liveAncestors), in order:
 * an infinity or zero-division that a later op turned finite again (1/inf = 0 in a gradient rule); the subtraction
 * that lost the most bits; an underflow; for a gradient, a kink; the op whose exact value removes the error
 * (substitution); else the op with the largest error of its own on exact inputs, as Herbie's localize measures it.
 */
export function inaccuracyCause(
  graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number, format: FloatFormat, truth: number,
): HazardEvent {
  // the events' masks are over these values already: one per batch, not one per region asked about
  const live = liveAncestors(graph, values, target, i, events.maskedZero);
  const eventOf = (kinds: string[]) => live.find((id) => kinds.includes(events.at(id, i)?.hazard ?? ''));
  const hidden = eventOf(['overflow', 'division-by-zero', 'log-zero']);
  if (hidden !== undefined) return toEvent(graph, events, hidden, i);

  let best: { id: number; bits: number; detail: string } | undefined;
  for (const id of live) {
    const node = graph.nodes[id]!;
    if (node.op !== 'add' && node.op !== 'sub') continue;
    const c = cancellation(node.op, values[node.inputs[0]!]![i]!, values[node.inputs[1]!]![i]!, values[id]![i]!, format);
    if (c && c.bits >= BLAME_BITS && (!best || c.bits > best.bits)) best = { id, ...c };
  }
  if (best) {
    const node = graph.nodes[best.id]!;
    return { pass: node.pass, op: node.op, node: best.id, hazard: 'cancellation', span: node.span, detail: best.detail };
  }
  const underflow = eventOf(['underflow']);
  if (underflow !== undefined) return toEvent(graph, events, underflow, i);
  if (graph.nodes[target]!.pass === 'backward') {
    const kink = kinkAt(graph, values, live, i);
    if (kink) return kink;
  }
  // Substitution and local error cost one exact evaluation per op: past a size, say only where the error ends up.
  const forwardOps = live.filter((id) => graph.nodes[id]!.pass === 'forward' && OPS[graph.nodes[id]!.op].kind !== 'leaf').length;
  if (forwardOps > BLAME_BY_TRUTH_OPS) return accumulated(graph, target, forwardOps);
  return substitution(graph, values, live, target, i, format, truth) ?? localize(graph, values, live, i, format);
}

/** Above this many ops on the path, blaming one op needs too many exact evaluations (one per op, per region). */
const BLAME_BY_TRUTH_OPS = 64;

function accumulated(graph: Graph, target: number, ops: number): HazardEvent {
  const node = graph.nodes[target]!;
  return {
    pass: node.pass, op: node.op, node: target, hazard: 'rounding', span: node.span,
    detail: `rounding errors accumulate over ${ops} ops; no single subtraction loses the bits (too many ops to blame one by exact substitution)`,
  };
}

/**
 * The forward op (or constant) whose rounding matters: each one's float value is replaced by its exact value, correctly
 * rounded, and the rest recomputed in floats; the one whose replacement removes the most error is to blame. This sees
 * what an op's own error misses: a constant like 1 - 1e-7 rounded to float32 is off by under half an ULP, but log near 1
 * turns that into a 19% error.
 */
function substitution(graph: Graph, values: FloatArray[], live: number[], target: number, i: number, format: FloatFormat, truth: number): HazardEvent | undefined {
  if (!Number.isFinite(truth)) return undefined;
  const point = pointOf(graph, values, i);
  const before = ulpDistance(values[target]![i]!, truth, format);
  let best: { id: number; after: number; exact: number } | undefined;
  for (const id of live) {
    const node = graph.nodes[id]!;
    if (node.pass !== 'forward' || node.op === 'var' || OPS[node.op].boolean) continue;
    const exact = groundTruth({ ...graph, output: id }, point, format).value;
    if (exact.kind !== 'finite' || Object.is(exact.value, values[id]![i]!)) continue;
    const redone = evaluateFloat(graph, format, Object.fromEntries(Object.entries(point).map(([k, v]) => [k, [v]])), new Map([[id, exact.value]]));
    const after = ulpDistance(redone[target]![0]!, truth, format);
    if (after < before && (!best || after < best.after)) best = { id, after, exact: exact.value };
  }
  if (!best || best.after > before / 2) return undefined;
  const node = graph.nodes[best.id]!;
  const got = values[best.id]![i]!;
  const [g, e] = valueText(got) === valueText(best.exact) ? [String(got), String(best.exact)] : [valueText(got), valueText(best.exact)];
  const inputs = node.inputs.map((k) => values[k]![i]!);
  const own = node.inputs.length && node.op !== 'where' ? exactOp(node.op, inputs, format) : undefined;
  const amplified = own !== undefined && own.kind === 'finite' && ulpDistance(got, own.value, format) <= 1;
  const call = applied(OPS[node.op].display, inputs.map(valueText));
  const absorbedInput = node.inputs.map((k) => {
    const n = graph.nodes[k]!;
    return absorbed(graph, n.op, n.inputs, n.inputs.map((j) => values[j]![i]!), values[k]![i]!);
  }).find((t) => t !== undefined);
  const what = absorbed(graph, node.op, node.inputs, inputs, got)
    ?? (amplified && absorbedInput ? `${call} = ${g} is correctly rounded, but its input ${absorbedInput}` : undefined)
    ?? (amplified
      ? `${call} = ${g} is correctly rounded, but amplifies the rounding error ${inputs.length > 1 ? 'its inputs carry' : 'its input carries'} (exact: ${e})`
      : `${call} gives ${g} where the exact value rounds to ${e}`);
  return {
    pass: node.pass, op: node.op, node: best.id, hazard: 'rounding', span: node.span,
    detail: `${what}; with that one value exact the result is ${countText(best.after)} ULP off instead of ${countText(before)}`,
  };
}


/**
 * "1 + exp(x) absorbs exp(x) = 1e-9: no more than half an ULP of 1": a sum that returns one operand unchanged although the
 * other is not zero, so the small operand is lost entirely (the fix is log1p/expm1 or reordering, not more digits).
 */
function absorbed(graph: Graph, op: string, ids: readonly number[], inputs: readonly number[], got: number): string | undefined {
  if ((op !== 'add' && op !== 'sub') || inputs.length !== 2 || !inputs.every(Number.isFinite)) return undefined;
  const big = inputs.findIndex((v, k) => v === got && inputs[1 - k] !== 0);
  if (big < 0) return undefined;
  const text = (k: number) => graph.source.slice(graph.nodes[ids[k]!]!.span.start, graph.nodes[ids[k]!]!.span.end);
  const whole = `${text(0)} ${op === 'add' ? '+' : '-'} ${text(1)}`;
  return `${whole} absorbs ${text(1 - big)} = ${valueText(inputs[1 - big]!)}: no more than half an ULP of ${valueText(got)}`;
}

/** A forward op at a point where it is not differentiable, whose TF gradient rule picks one side. */
function kinkAt(graph: Graph, values: FloatArray[], live: number[], i: number): HazardEvent | undefined {
  // The forward ops whose gradient rules the target went through (a rule reads the op's inputs, not the op itself).
  const ops = new Set<number>();
  for (const id of live) {
    const node = graph.nodes[id]!;
    if (node.pass === 'forward') ops.add(id);
    else if (node.gradOf && node.gradOf.input >= 0) ops.add(node.gradOf.node);
  }
  for (const id of [...ops].sort((a, b) => a - b)) {
    const node = graph.nodes[id]!;
    const v = node.inputs.map((k) => values[k]![i]!);
    const at =
      (node.op === 'abs' || node.op === 'sign') && v[0] === 0 ? `${node.op}(0)` :
      (node.op === 'maximum' || node.op === 'minimum') && v[0] === v[1] ? `${node.op}(${valueText(v[0]!)}, ${valueText(v[1]!)}), a tie` :
      node.op === 'clip' && (v[0] === v[1] || v[0] === v[2]) ? `clip at its bound ${valueText(v[0]!)}` : undefined;
    if (at) return { pass: 'forward', op: node.op, node: id, hazard: 'kink', span: node.span, detail: `${at}: the gradient takes one side's derivative` };
  }
  return undefined;
}

/**
 * Herbie's local error (src/core/localize.rkt), the last resort: for a forward op, its float kernel applied to its
 * inputs' exact values rounded to the format, against its own exact value rounded, in ULPs: the error the op adds even
 * when everything before it is exact. Backward ops have no exact counterpart node by node, so for them it is the op's
 * own rounding on the computed inputs, and the detail says so.
 */
function localize(graph: Graph, values: FloatArray[], live: number[], i: number, format: FloatFormat): HazardEvent {
  const point = pointOf(graph, values, i);
  const exactAt = (id: number) => groundTruth({ ...graph, output: id }, point, format).value;
  let worst = { id: live[live.length - 1]!, ulps: -1, local: true };
  for (const id of live) {
    const node = graph.nodes[id]!;
    const info = OPS[node.op];
    if (info.kind === 'leaf' || info.boolean || node.op === 'where' || node.op === 'cast') continue;
    let got: number;
    let exact: Truth;
    const local = node.pass === 'forward';
    if (local) {
      const inputs = node.inputs.map(exactAt);
      if (!inputs.every((t) => t.kind === 'finite' && Number.isFinite(t.value))) continue;
      const xs = inputs.map((t) => (t as { value: number }).value);
      got = roundTo(format)(evaluateOp(graph.framework, node.op, format, xs));
      exact = exactAt(id);
    } else {
      const xs = node.inputs.map((k) => values[k]![i]!);
      if (!xs.every(Number.isFinite)) continue;
      got = values[id]![i]!;
      exact = exactOp(node.op, xs, format);
    }
    if (exact.kind !== 'finite' || !Number.isFinite(got)) continue;
    const ulps = ulpDistance(got, exact.value, format);
    if (ulps > worst.ulps) worst = { id, ulps, local };
  }
  const node = graph.nodes[worst.id]!;
  const detail = worst.ulps <= 0 ? 'every op is correctly rounded; the errors accumulate'
    : worst.local ? `this op alone is ${worst.ulps} ULP off on exact inputs (Herbie's local error)`
    : `this op alone is ${worst.ulps} ULP off on its computed inputs`;
  return { pass: node.pass, op: node.op, node: worst.id, hazard: 'rounding', span: node.span, detail };
}

/** The point of sample i, from the variables' values in the batch. */
function pointOf(graph: Graph, values: FloatArray[], i: number): Record<string, number> {
  return Object.fromEntries(graph.nodes.filter((n) => n.op === 'var').map((n) => [n.name!, values[n.id]![i]!]));
}
