import type { Graph, GraphNode } from '../graph/graph.js';

/** Ops whose result is one of their value inputs, or a function of it computed without rounding. */
const PASS_THROUGH = new Set(['neg', 'abs', 'maximum', 'minimum', 'clip', 'relu', 'relu6', 'floor', 'ceil', 'round', 'sign', 'keep']);
/** Ops whose result is 0 or 1 (comparisons, logic, the cast of a condition, a step). */
const BOOLEAN = new Set(['less', 'lessEqual', 'greater', 'greaterEqual', 'equal', 'notEqual', 'logicalAnd', 'logicalOr', 'logicalNot', 'cast', 'step']);

/**
 * 1 for the nodes whose value is exactly what the mathematics says at the sampled point, in every format: the
 * variables, constants that are small dyadic numbers (0.5, 3, -2; not 0.1 or pi), and what abs, max, min, where,
 * clip, relu, floor, sign and comparisons make of exact values. A subtraction of two exact values loses nothing to
 * cancellation (the difference of the floats is the exact difference, rounded once), so the cancellation detector
 * skips it: x - max(x, y) in TF's logsumexp gradient is 3 - 3 = 0, and so is the truth.
 */
export function exactNodes(graph: Graph): Uint8Array {
  const exact = new Uint8Array(graph.nodes.length);
  for (const node of graph.nodes) exact[node.id] = isExact(node, exact) ? 1 : 0;
  return exact;
}

function isExact(node: GraphNode, exact: Uint8Array): boolean {
  if (node.op === 'var') return true;
  if (node.op === 'const') return node.constant === undefined && dyadic(node.value);
  if (BOOLEAN.has(node.op)) return true;
  if (node.op === 'where') return exact[node.inputs[1]!] === 1 && exact[node.inputs[2]!] === 1;
  if (PASS_THROUGH.has(node.op)) return node.inputs.every((i) => exact[i] === 1);
  return false;
}

/** A float every format holds exactly: an integer below 2^24 in magnitude, or one over a power of two up to 2^10. */
function dyadic(v: number | undefined): boolean {
  return v !== undefined && Number.isFinite(v) && Math.abs(v) < 2 ** 24 && Number.isInteger(v * 1024) && Math.abs(v * 1024) < 2 ** 24;
}
