import { FORMAT_LIMITS, type FloatFormat } from '../base/float-format.js';
import type { Kernel } from '../graph/frameworks/types.js';
import type { FloatArray } from './float.js';
import { INLINE } from './float-inline.js';

/** How an op's loop flushes subnormals (see flushOf): inputs and result, the result only, or not at all. */
export type Flush = 'both' | 'result' | 'none';

/** One op over a range of a batch: out[i] = kernel(a[i], b[i], c[i]) for lo <= i < hi, with the op's flush-to-zero. */
export type OpLoop = (out: FloatArray, a: FloatArray, b: FloatArray | undefined, c: FloatArray | undefined, lo: number, hi: number) => void;

/**
 * A loop per (kernel, arity, flush, format), each compiled from its own source text, so that each has its own call
 * site for its kernel: V8 sees one function there and inlines it (a shared loop calling many kernels stays a slow
 * indirect call, ~50M op-evaluations/s), and its arrays are of one type (a loop fed both Float32Array and
 * Float64Array is polymorphic at every access). The kernel is called as evaluateOp calls it (or written out in a
 * form tested bit for bit against it: float-inline.ts), and storing into a Float32Array rounds as Math.fround does,
 * so results are bit-identical. The memo holds only code derived from the immutable kernels (no state anyone can
 * observe).
 */
const compiled = new WeakMap<Kernel, Map<string, OpLoop>>();
/**
 * Numbers each loop's source text. V8 caches compiled code by source text: two loops with the same text share one
 * SharedFunctionInfo and its optimized (OSR) code, which was specialised to the other's kernel, so every call deopts
 * ("wrong call target") and the loop settles as an indirect call (mul and add at ~16 ns per element).
 */
let built = 0;

/**
 * The loop of a kernel. `clean` has bit k set when input k is known to hold no subnormal (see maySubnormal): with
 * flush 'both' its flush would be the identity, so it is left out.
 */
export function opLoop(kernel: Kernel, arity: number, flush: Flush, format: FloatFormat, clean = 0): OpLoop {
  let byShape = compiled.get(kernel);
  if (!byShape) compiled.set(kernel, (byShape = new Map()));
  const n = Math.min(arity, 3);
  const daz = flush === 'both' ? ~clean & ((1 << n) - 1) : 0;
  const shape = `${n}|${daz}|${flush !== 'none'}|${format}`;
  let loop = byShape.get(shape);
  if (!loop) byShape.set(shape, (loop = build(kernel, n, daz, flush !== 'none', format)));
  return loop;
}

/**
 * The smallest double magnitude whose rounding to the format is normal: a result is flushed iff |r| is below it,
 * decided on the double before the store rounds it. For float64 that is the smallest normal; for float32 it is the
 * midpoint 2^-126 - 2^-150 between the largest subnormal and the smallest normal, which rounds (ties to even) up to
 * 2^-126. Math.fround is monotone, so |fround(r)| < 2^-126 exactly when |r| < 2^-126 - 2^-150.
 */
export const RESULT_FLUSH_BELOW: Readonly<Record<FloatFormat, number>> = { float32: 2 ** -126 - 2 ** -150, float64: 2 ** -1022 };

/**
 * FTZ/DAZ without a branch: x * 1 where |x| >= t, else x * 0, a zero of x's sign; NaN fails the test and NaN * 0 is
 * NaN. The same values as `x < t && x > -t ? x * 0 : x`, but a compare-and-branch on data of random sign mispredicts
 * about half the time (it made mul and add ~15 ns per element; this form is ~2 ns).
 */
const flushed = (x: string, t: number) => `(${x} * +(Math.abs(${x}) >= ${String(t)}))`;

/** A loop's source: inputs in bit mask `daz` read as zero when subnormal, the result flushed when `ftz`. */
function build(kernel: Kernel, arity: number, daz: number, ftz: boolean, format: FloatFormat): OpLoop {
  const names = ['x0', 'x1', 'x2'].slice(0, arity);
  const reads = names.map((x, k) => `const ${x} = ${'abc'[k]}[i];`).join(' ');
  const dazed = names.map((x, k) => (daz & (1 << k) ? `const y${k} = ${flushed(x, FORMAT_LIMITS[format].minNormal)};` : '')).join(' ');
  const args = [...names.map((x, k) => (daz & (1 << k) ? `y${k}` : x)), '0', '0', '0'].slice(0, 3);
  const inline = INLINE.get(kernel);
  const call = inline ? inline.expr(args) : `f(${args.join(', ')})`;
  const store = ftz ? `const r = ${call}; out[i] = ${flushed('r', RESULT_FLUSH_BELOW[format])};` : `out[i] = ${call};`;
  const source = `'use strict'; return function opLoop${built++}(out, a, b, c, lo, hi) { ${inline ? 'const t = new Float64Array(4);' : ''} for (let i = lo; i < hi; i++) { ${reads} ${dazed} ${store} } };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh function per kernel is the point (see above)
  return new Function('f', source)(kernel) as OpLoop;
}
