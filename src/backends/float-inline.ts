import type { Kernel } from '../graph/frameworks/types.js';
import { OPS } from '../graph/ops.js';

/**
 * Loop bodies written out for kernels whose plain form branches on data: a select on a condition of random pattern
 * mispredicts (~5 ns per element; these forms take ~2). Each computes the kernel's value for every input, bit for
 * bit (test/backends/float-inline.test.ts runs both on all special values and random ones). `t` is a small
 * Float64Array the loop allocates once: a value stored and read back through it is unchanged.
 */
export interface InlineForm {
  /** The result, from the inputs' names. */
  expr: (x: readonly string[]) => string;
}

/** A number's truth value (c ? a : b) without a branch: 1 unless c is +-0 or NaN. */
const truth = (c: string) => `((${c} !== 0) & (${c} === ${c}))`;

/** Index for maximum (`>`) or minimum (`<`): 1 where b wins, 2 for two zeros, 3 for a NaN, else 0 (a). */
const pick = (a: string, b: string, wins: '>' | '<') =>
  `((${b} ${wins} ${a}) | (((${a} === ${b}) & (${a} === 0)) << 1) | (((${a} !== ${a}) | (${b} !== ${b})) * 3))`;

export const INLINE: ReadonlyMap<Kernel, InlineForm> = new Map<Kernel, InlineForm>([
  // where(c, a, b) = c ? a : b
  [OPS.where.f64, { expr: ([c, a, b]) => `(t[0] = ${b}, t[1] = ${a}, t[${truth(c!)}])` }],
  // keep(dy, cond) = cond !== 0 ? dy : 0 (a NaN cond keeps dy)
  [OPS.keep.f64, { expr: ([dy, cond]) => `(t[0] = 0, t[1] = ${dy}, t[+(${cond} !== 0)])` }],
  // relu(a) = NaN for NaN, a > 0 ? a : 0
  [OPS.relu.f64, { expr: ([a]) => `(t[0] = 0, t[1] = ${a}, t[(${a} > 0) | (${a} !== ${a})])` }],
  // step(a, alpha) = NaN for NaN, a > 0 ? 1 : alpha (TF's gradient of abs and relu)
  [OPS.step.f64, { expr: ([a, alpha]) => `(t[0] = ${alpha}, t[1] = 1, t[2] = NaN, t[(${a} > 0) | ((${a} !== ${a}) << 1)])` }],
  // maximum(a, b) = Math.max(a, b): NaN if either is; between zeros +0 unless both are -0, which is a + b there
  [OPS.maximum.f64, { expr: ([a, b]) => `(t[0] = ${a}, t[1] = ${b}, t[2] = ${a} + ${b}, t[3] = NaN, t[${pick(a!, b!, '>')}])` }],
  // minimum(a, b) = Math.min(a, b): between zeros -0 unless both are +0, which is -(-a - b) there
  [OPS.minimum.f64, { expr: ([a, b]) => `(t[0] = ${a}, t[1] = ${b}, t[2] = -(-${a} - ${b}), t[3] = NaN, t[${pick(a!, b!, '<')}])` }],
  // sign(a) = NaN for NaN, else (a > 0) - (a < 0), +0 for +-0: dividing by 1, or by 0 for NaN (0 / 0 is NaN)
  [OPS.sign.f64, { expr: ([a]) => `(((${a} > 0) - (${a} < 0)) / +(${a} === ${a}))` }],
]);
