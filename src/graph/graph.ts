import type { Span } from '../base/span.js';
import type { OpName } from '../vocab/ops.js';
import type { FrameworkId } from './frameworks/types.js';

export type Pass = 'forward' | 'backward';

export interface GraphNode {
  id: number;
  op: OpName;
  inputs: number[];
  pass: Pass;
  /** The characters of the user's text this op comes from; for a backward node, those of the forward op it differentiates. */
  span: Span;
  /** const: the value as a float64 (the float32 evaluator rounds it). */
  value?: number;
  /** const: the exact decimal text (a literal as written, or a gradient rule's constant). */
  text?: string;
  /** const: pi or e, exact for the ground truth (text holds 60 digits for the floats). */
  constant?: 'pi' | 'e';
  /** var: the variable's name. */
  name?: string;
  /** backward: the forward node whose gradient rule made this node, and which of its inputs it serves. */
  gradOf?: { node: number; input: number };
  /** backward: this node is where's mask multiply (dy * cast(cond)); it zeroes the unselected branch's gradient. */
  whereMask?: { where: number; branch: 'then' | 'else' };
}

export interface Graph {
  source: string;
  /**
   * Whose gradient rules built the backward nodes, and whose forward kernels (flush-to-zero, ...) evaluate them.
   * Absent only in graphs made by hand (the ground truth's single-op graphs): then tf, the default.
   */
  framework?: FrameworkId;
  file?: string;
  nodes: GraphNode[];
  /** The forward output (the expression under test). */
  output: number;
  /** Free variables, in order of first appearance. */
  vars: string[];
  /** Node id of d(output)/d(var) for every variable; a const 0 node when the output does not depend on it. */
  grads: Record<string, number>;
}

/** A target is what is compared: the value, or the gradient with respect to one variable. */
export type Target = 'value' | `grad:${string}`;

export function targetNode(graph: Graph, target: Target): number {
  return target === 'value' ? graph.output : graph.grads[target.slice(5)]!;
}

export function targetsOf(graph: Graph): Target[] {
  return ['value', ...graph.vars.map((v) => `grad:${v}` as Target)];
}
