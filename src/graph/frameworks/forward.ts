import { FORMAT_LIMITS, roundTo, type FloatFormat } from '../../base/float-format.js';
import type { OpName } from '../../vocab/ops.js';
import { OPS } from '../ops.js';
import { DEFAULT_FRAMEWORK, FRAMEWORKS } from './index.js';
import type { FrameworkId, Kernel } from './types.js';

/** The kernel of an op in a format for a framework: its own where it differs, else the shared one (graph/ops.ts). */
export function forwardKernel(framework: FrameworkId | undefined, op: OpName, format: FloatFormat): Kernel {
  const own = FRAMEWORKS[framework ?? DEFAULT_FRAMEWORK].forward.kernels[op]?.[format];
  if (own) return own;
  const info = OPS[op];
  return (format === 'float32' && info.f32) || info.f64;
}

/** Selects move a value without arithmetic: no flush (a where keeps a subnormal branch value in TF and JAX). */
const MOVES: ReadonlySet<OpName> = new Set<OpName>(['where', 'keep', 'cast']);

/** How the framework flushes subnormals around this op in this format: inputs and result, the result only, or not at all. */
export function flushOf(framework: FrameworkId | undefined, op: OpName, format: FloatFormat): 'both' | 'result' | 'none' {
  if (!flushes(framework, op, format)) return 'none';
  return FRAMEWORKS[framework ?? DEFAULT_FRAMEWORK].forward.flushResultOnly?.[format]?.includes(op) ? 'result' : 'both';
}

/** Whether the framework flushes subnormal inputs and results of this op in this format. */
function flushes(framework: FrameworkId | undefined, op: OpName, format: FloatFormat): boolean {
  const forward = FRAMEWORKS[framework ?? DEFAULT_FRAMEWORK].forward;
  return forward.flushSubnormals[format] && !MOVES.has(op) && !forward.unflushed?.[format]?.includes(op);
}

/**
 * One op on one point as the framework computes it in the format: its kernel, rounded, with its flush-to-zero. What
 * evaluateFloat does per element, for callers that judge one op at a time (e.g. an op's local error).
 */
export function evaluateOp(framework: FrameworkId | undefined, op: OpName, format: FloatFormat, inputs: readonly number[]): number {
  const flush = flushOf(framework, op, format);
  const min = FORMAT_LIMITS[format].minNormal;
  const ftz = (x: number) => (x < min && x > -min ? x * 0 : x);
  const xs = flush === 'both' ? inputs.map(ftz) : inputs;
  const r = roundTo(format)(forwardKernel(framework, op, format)(xs[0] ?? 0, xs[1] ?? 0, xs[2] ?? 0));
  return flush === 'none' ? r : ftz(r);
}
