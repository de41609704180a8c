import type { FloatArray } from '../backends/float.js';
import type { Graph } from '../graph/graph.js';
import { walkBack } from '../graph/walk.js';
import type { HazardEvent } from './types.js';
import type { HazardKind } from '../vocab/hazards.js';
import { maskedZeroOf, type EventTable } from './index.js';

/**
 * The origin events behind a non-finite value at point i: walk back from the target through the inputs that are
 * themselves non-finite (for a forward where, only the selected branch), collecting every op where a NaN or infinity
 * was born. In evaluation order, the first is the root cause: e.g. a forward overflow, then the backward 0 * inf it causes.
 */
export function originChain(graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number): HazardEvent[] {
  return originIds(graph, values, events, target, i).map((id) => toEvent(graph, events, id, i));
}

/** The root cause's hazard alone (originChain's first), without putting any event into words. */
export function originHazard(graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number): HazardKind | undefined {
  return originHazards(graph, values, events, target)(i);
}

/**
 * originHazard for many points of one batch (it runs per sample): originIds' walk, keeping only the smallest id that
 * qualifies, with no arrays, sets or event objects made per point (the nodes seen are marked in one array, by walk).
 */
export function originHazards(graph: Graph, values: FloatArray[], events: EventTable, target: number): (i: number) => HazardKind | undefined {
  const seenIn = new Uint32Array(graph.nodes.length);
  let walk = 0;
  const stack: number[] = [];
  return (i) => {
    if (++walk === 0xffffffff) {
      seenIn.fill(0);
      walk = 1;
    }
    const seen = (id: number) => seenIn[id] === walk;
    stack.length = 0;
    stack.push(target);
    let root = -1;
    const nonFinite = (id: number) => !Number.isFinite(values[id]![i]!);
    while (stack.length) {
      const id = stack.pop()!;
      if (seen(id)) continue;
      seenIn[id] = walk;
      if (!nonFinite(id)) continue;
      const hazard = events.hazardAt(id, i);
      if (hazard !== undefined && hazard !== 'underflow' && hazard !== 'cancellation' && (root < 0 || id < root)) root = id;
      const node = graph.nodes[id]!;
      if (node.op === 'where' && node.pass === 'forward') {
        const selected = values[node.inputs[0]!]![i] ? node.inputs[1]! : node.inputs[2]!;
        if (!seen(selected) && nonFinite(selected)) stack.push(selected);
      } else {
        for (const k of node.inputs) if (!seen(k) && nonFinite(k)) stack.push(k);
      }
    }
    return root < 0 ? undefined : events.hazardAt(root, i);
  };
}

function originIds(graph: Graph, values: FloatArray[], events: EventTable, target: number, i: number): number[] {
  const nonFinite = (id: number) => !Number.isFinite(values[id]![i]!);
  const visited = walkBack(graph, target, (node) => {
    if (!nonFinite(node.id)) return [];
    const inputs = node.op === 'where' && node.pass === 'forward' ? [values[node.inputs[0]!]![i] ? node.inputs[1]! : node.inputs[2]!] : node.inputs;
    return inputs.filter(nonFinite);
  });
  const found = [...visited].filter((id) => {
    const ev = events.at(id, i);
    return nonFinite(id) && ev !== undefined && ev.hazard !== 'underflow' && ev.hazard !== 'cancellation';
  });
  return found.sort((a, b) => a - b);
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
  const live = walkBack(graph, target, (node) => {
    const inputs = node.op === 'where' && node.pass === 'forward' ? [node.inputs[0]!, values[node.inputs[0]!]![i] ? node.inputs[1]! : node.inputs[2]!] : node.inputs;
    return inputs.filter((id) => !isMasked(id));
  });
  return [...live].sort((a, b) => a - b);
}

export function toEvent(graph: Graph, events: EventTable, id: number, i: number): HazardEvent {
  const node = graph.nodes[id]!;
  const ev = events.at(id, i)!;
  return { pass: node.pass, op: node.op, node: id, hazard: ev.hazard, span: node.span, detail: events.detail(id, i) };
}
