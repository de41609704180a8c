/**
 * The emulator's float32 results held against TensorFlow.js's, sample by sample: do they agree on
 * NaN / +inf / -inf / finite, how many ULPs apart are the finite pairs, and where they disagree,
 * the first forward op where the two computations part.
 */
import type { Span } from '../../base/span.js';
import { targetsOf, type Graph, type Target } from '../../graph/graph.js';
import { OPS } from '../../graph/ops.js';
import { type OpName } from '../../vocab/ops.js';
import { evaluateFloat } from '../float.js';
import { evaluateTfjs, type TfjsEvaluation } from './evaluate.js';
import { classify, ulps32 } from './float32.js';
import type { TfjsRuntime } from './load.js';

/** Where the emulator and TF.js part: a forward op whose values differ in class, or else the backward pass. */
export type TfjsPartingOp = { pass: 'forward'; node: number; op: OpName; span: Span } | { pass: 'backward' };

export interface TfjsDisagreement {
  at: Record<string, number>;
  target: Target;
  emulated: number;
  tfjs: number;
  op: TfjsPartingOp;
}

/** The per-result `tfjs` block of the JSON report. */
export interface TfjsComparison {
  backend: string;
  versions: TfjsRuntime['versions'];
  fallbackReason?: string;
  samples: number;
  agreement: {
    /** Fraction (0..1) of samples on which both sides are in the same class (NaN, +inf, -inf, finite). */
    nanInf: number;
    /** Largest float32 ULP distance between two finite results (0 when there is no finite pair). */
    maxUlpsDiff: number;
  };
  /** Every disagreeing sample, in input order (up to maxDisagreements). */
  disagreements: TfjsDisagreement[];
  /** Disagreeing samples left out of `disagreements` by maxDisagreements. */
  omitted: number;
}

export interface CompareOptions {
  /** Cap on the disagreements listed per target (default: all). */
  maxDisagreements?: number;
}

type Values = ArrayLike<number>;

/**
 * Runs the float32 emulator and TF.js on the same batch and compares every target.
 * `emulated`: evaluateFloat(graph, 'float32', inputs), when the caller already has it.
 */
export function crossCheck(
  rt: TfjsRuntime,
  graph: Graph,
  inputs: Record<string, Float32Array>,
  emulated: Values[] = evaluateFloat(graph, 'float32', inputs),
  options: CompareOptions = {},
): Record<Target, TfjsComparison> {
  // like with like: TF.js's kernels and gradient functions are the tfjs model's; the others differ on purpose
  if (graph.framework !== 'tfjs') throw new Error(`crossCheck compares TF.js with the tfjs model, not ${graph.framework ?? 'tf'} (compile with { framework: 'tfjs' })`);
  const tfjs = evaluateTfjs(rt, graph, inputs);
  const out = {} as Record<Target, TfjsComparison>;
  for (const target of targetsOf(graph)) out[target] = compareTarget(rt, graph, inputs, emulated, tfjs, target, options);
  return out;
}

/** Compares one target, given both evaluations (pure). */
export function compareTarget(
  rt: Pick<TfjsRuntime, 'backend' | 'versions' | 'fallbackReason'>,
  graph: Graph,
  inputs: Record<string, Values>,
  emulated: Values[],
  tfjs: TfjsEvaluation,
  target: Target,
  options: CompareOptions = {},
): TfjsComparison {
  const ours = target === 'value' ? emulated[graph.output]! : emulated[graph.grads[target.slice(5)]!]!;
  const theirs = target === 'value' ? tfjs.value : tfjs.grads[target.slice(5)]!;
  const n = theirs.length;
  const limit = options.maxDisagreements ?? Infinity;
  const disagreements: TfjsDisagreement[] = [];
  let agreeing = 0;
  let disagreeing = 0;
  let maxUlpsDiff = 0;
  for (let i = 0; i < n; i++) {
    const a = at(ours, i);
    const b = theirs[i]!;
    const ca = classify(a);
    if (ca === classify(b)) {
      agreeing++;
      if (ca === 'finite') maxUlpsDiff = Math.max(maxUlpsDiff, ulps32(a, b));
      continue;
    }
    disagreeing++;
    if (disagreements.length < limit) {
      disagreements.push({ at: pointAt(graph, inputs, i), target, emulated: a, tfjs: b, op: partingOp(graph, emulated, tfjs, i) });
    }
  }
  return {
    backend: rt.backend,
    versions: rt.versions,
    ...(rt.fallbackReason === undefined ? {} : { fallbackReason: rt.fallbackReason }),
    samples: n,
    agreement: { nanInf: n === 0 ? 1 : agreeing / n, maxUlpsDiff },
    disagreements,
    omitted: disagreeing - disagreements.length,
  };
}

/** The first forward node (by id) whose values at sample i differ in class (conditions: in value); else the backward pass. */
export function partingOp(graph: Graph, emulated: Values[], tfjs: TfjsEvaluation, i: number): TfjsPartingOp {
  for (const node of graph.nodes) {
    if (node.pass !== 'forward') continue;
    const theirs = tfjs.forward.get(node.id);
    if (!theirs) continue;
    const a = at(emulated[node.id]!, i);
    const b = theirs[i]!;
    const differ = OPS[node.op].boolean ? (a !== 0) !== (b !== 0) : classify(a) !== classify(b);
    if (differ) return { pass: 'forward', node: node.id, op: node.op, span: node.span };
  }
  return { pass: 'backward' };
}

/** Sample i of a per-node array; constants may be stored once. */
function at(values: Values, i: number): number {
  return values.length === 1 ? values[0]! : values[i]!;
}

function pointAt(graph: Graph, inputs: Record<string, Values>, i: number): Record<string, number> {
  return Object.fromEntries(graph.vars.map((v) => [v, at(inputs[v]!, i)]));
}
