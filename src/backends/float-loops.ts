import type { Kernel } from '../graph/frameworks/types.js';
import type { FloatArray } from './float.js';

/** How an op's loop flushes subnormals (see flushOf): inputs and result, the result only, or not at all. */
export type Flush = 'both' | 'result' | 'none';

/** One op over a batch: out[i] = kernel(a[i], b[i], c[i]) for i < n, with the op's flush-to-zero. */
export type OpLoop = (out: FloatArray, a: FloatArray, b: FloatArray | undefined, c: FloatArray | undefined, n: number, min: number) => void;

/**
 * A loop per (kernel, arity, flush), each compiled from its own source text, so that each has its own call site for
 * its kernel: V8 sees one function there and inlines it (a shared loop calling many kernels stays a slow indirect
 * call, ~50M op-evaluations/s; one loop per op runs at hundreds of millions). The kernel is called exactly as the
 * shared loop called it, and storing into a Float32Array rounds as Math.fround does, so results are bit-identical.
 * The memo holds only code derived from the immutable kernels (no state anyone can observe).
 */
const compiled = new WeakMap<Kernel, Map<string, OpLoop>>();

export function opLoop(kernel: Kernel, arity: number, flush: Flush): OpLoop {
  let byShape = compiled.get(kernel);
  if (!byShape) compiled.set(kernel, (byShape = new Map()));
  const shape = `${Math.min(arity, 3)}|${flush}`;
  let loop = byShape.get(shape);
  if (!loop) byShape.set(shape, (loop = build(kernel, Math.min(arity, 3), flush)));
  return loop;
}

// FTZ/DAZ: a subnormal (|x| < the smallest normal) becomes a zero of its sign, x * 0; NaN fails both tests
const daz = (x: string) => `(${x} < min && ${x} > -min ? ${x} * 0 : ${x})`;

function build(kernel: Kernel, arity: number, flush: Flush): OpLoop {
  const names = ['a[i]', 'b[i]', 'c[i]'].map((x, k) => (k < arity ? x : '0'));
  const args = flush === 'both' ? names.map((x, k) => (k < arity ? daz(x) : x)) : names;
  const body = flush === 'none'
    ? `for (let i = 0; i < n; i++) out[i] = f(${args.join(', ')});`
    : `for (let i = 0; i < n; i++) {
        out[i] = f(${args.join(', ')});
        const r = out[i]; // read back: float32 storage has rounded it
        if (r < min && r > -min) out[i] = r * 0;
      }`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a fresh function per kernel is the point (see above)
  return new Function('f', `'use strict'; return function opLoop(out, a, b, c, n, min) { ${body} };`)(kernel) as OpLoop;
}
