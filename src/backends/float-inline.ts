import type { Kernel } from '../graph/frameworks/types.js';
import { OPS } from '../graph/ops.js';

/**
 * Loop bodies written out for kernels whose plain form branches on data: a select on a condition of random pattern
 * mispredicts (~5 ns per element; these forms take ~2). Each computes the kernel's value for every input, bit for
 * bit (test/backends/float-inline.test.ts runs both on all special values and random ones). `t` is a two-element
 * Float64Array the loop allocates once: a value stored and read back through it is unchanged.
 */
export interface InlineForm {
  /** The result, from the inputs' names. */
  expr: (x: readonly string[]) => string;
}

/** A number's truth value (c ? a : b) without a branch: 1 unless c is +-0 or NaN. */
const truth = (c: string) => `((${c} !== 0) & (${c} === ${c}))`;

export const INLINE: ReadonlyMap<Kernel, InlineForm> = new Map<Kernel, InlineForm>([
  // where(c, a, b) = c ? a : b
  [OPS.where.f64, { expr: ([c, a, b]) => `(t[0] = ${b}, t[1] = ${a}, t[${truth(c!)}])` }],
  // keep(dy, cond) = cond !== 0 ? dy : 0 (a NaN cond keeps dy)
  [OPS.keep.f64, { expr: ([dy, cond]) => `(t[0] = 0, t[1] = ${dy}, t[+(${cond} !== 0)])` }],
  // sign(a) = NaN for NaN, else (a > 0) - (a < 0), +0 for +-0: dividing by 1, or by 0 for NaN (0 / 0 is NaN)
  [OPS.sign.f64, { expr: ([a]) => `(((${a} > 0) - (${a} < 0)) / +(${a} === ${a}))` }],
]);
