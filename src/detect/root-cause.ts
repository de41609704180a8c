import type { FloatArray } from '../backends/float.js';
import type { Graph } from '../graph/graph.js';
import type { HazardEvent } from './types.js';
import { maskedZeroOf, type EventTable } from './index.js';

/**
 * The origin events behind a non-finite value at point i: walk back from the target through the inputs that are
 * themselves non-finite (for a forward where, only the selected branch), collecting every op where a NaN or infinity
 * was born. In evaluation order, the first is the root cause: e.g. a forward overflow, then the backward 0 * inf it causes.
 */
export function originChain(graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number): HazardEvent[] {
  const found = new Set<number>();
  const seen = new Set<number>();
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = graph.nodes[id]!;
    if (Number.isFinite(values[id]![i]!)) continue;
    const ev = events.get(id)?.get(i);
    if (ev && ev.hazard !== 'underflow' && ev.hazard !== 'cancellation') found.add(id);
    let inputs = node.inputs;
    if (node.op === 'where' && node.pass === 'forward') inputs = [values[node.inputs[0]!]![i] ? node.inputs[1]! : node.inputs[2]!];
    for (const input of inputs) if (!Number.isFinite(values[input]![i]!)) stack.push(input);
  }
  return [...found].sort((a, b) => a - b).map((id) => toEvent(graph, events, id, i));
}

/**
 * The nodes that matter for the target at point i: a forward where contributes only its selected branch, and in the
 * backward pass a branch zeroed by where's mask contributes nothing (unless it turns NaN, which is not this question).
 */
export function liveAncestors(
  graph: Graph, values: FloatArray[], target: number, i: number,
  /** Where a backward value is a zero from where's mask; pass it when calling for many points of one batch. */
  maskedZero: (id: number) => Uint8Array = maskedZeroOf(graph, values),
): number[] {
  const isMasked = (id: number) => maskedZero(id)[i] === 1;
  const seen = new Set<number>();
  const stack = [target];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || (id !== target && isMasked(id))) continue;
    seen.add(id);
    const node = graph.nodes[id]!;
    let inputs = node.inputs;
    if (node.op === 'where' && node.pass === 'forward') inputs = [node.inputs[0]!, values[node.inputs[0]!]![i] ? node.inputs[1]! : node.inputs[2]!];
    stack.push(...inputs);
  }
  return [...seen].sort((a, b) => a - b);
}

export function toEvent(graph: Graph, events: EventTable, id: number, i: number): HazardEvent {
  const node = graph.nodes[id]!;
  const ev = events.get(id)!.get(i)!;
  return { pass: node.pass, op: node.op, node: id, hazard: ev.hazard, span: node.span, detail: ev.detail };
}
