import type { FloatFormat } from '../../base/float-format.js';
import type { OpName } from '../../vocab/ops.js';
import type { GradTable } from '../grads/table.js';

export type FrameworkId = 'tf' | 'torch' | 'jax' | 'tfjs';

/** A float kernel, as graph/ops.ts's OpSemantics.f64. */
export type Kernel = (a: number, b: number, c: number) => number;

/**
 * The forward behaviour where a framework's CPU kernels differ from the shared ones (graph/ops.ts) beyond rounding.
 * Everything not listed here is the shared kernel rounded to the format.
 */
export interface ForwardSwitches {
  /**
   * Subnormal inputs read as zero and subnormal results written as zero (FTZ/DAZ), per format, as the vectorised CPU
   * kernels of TF (Eigen) and JAX (XLA) do. Selects (where) move values without arithmetic and keep them.
   */
  flushSubnormals: Readonly<Record<FloatFormat, boolean>>;
  /**
   * Ops exempt from the flush in a format: their kernels return a tiny input unchanged (neg, abs, and expm1, sin, tan
   * ... whose small-argument branch is "return x") or call a scalar library function (JAX's pow), as measured.
   */
  unflushed?: Partial<Record<FloatFormat, readonly OpName[]>>;
  /** Ops that read subnormal inputs as they are but flush a subnormal result (JAX's pow). */
  flushResultOnly?: Partial<Record<FloatFormat, readonly OpName[]>>;
  /** Kernels that differ, per format (a missing format uses the shared kernel). */
  kernels: Partial<Record<OpName, Partial<Record<FloatFormat, Kernel>>>>;
}

export interface Framework {
  id: FrameworkId;
  /** e.g. "TensorFlow". */
  name: string;
  /** The version the golden data (fixtures/frameworks/) was measured with, e.g. "2.21.0". */
  version: string;
  grads: GradTable;
  forward: ForwardSwitches;
}
