import type { Round } from '../composite-kernels.js';

/**
 * graph/composite-kernels.ts's logsumexp and sqrt-of-squares for exactly two and three inputs: the same steps in the
 * same order, without the rest array, reduce and forEach closure each element cost there (logsumexp ~80 ns to ~50).
 * test/graph/frameworks/composite-fixed.test.ts checks them bit for bit against those.
 */
const id: Round = (x) => x;

/** NaN if either is, else Math.max: the reduce of logSumExpWith, one pair at a time. */
const maxNan = (m: number, x: number): number => (Number.isNaN(m) || Number.isNaN(x) ? NaN : Math.max(m, x));

export function logSumExp2(r: Round = id, f: Round = id, maskInf = true) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number): number => {
    const max = maxNan(a, b);
    const m = maskInf && !Number.isFinite(max) ? 0 : max;
    const s = step(step(Math.exp(step(a - m))) + step(Math.exp(step(b - m))));
    return step(step(Math.log(s)) + m);
  };
}

export function logSumExp3(r: Round = id, f: Round = id, maskInf = true) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number, c: number): number => {
    const max = maxNan(maxNan(a, b), c);
    const m = maskInf && !Number.isFinite(max) ? 0 : max;
    const s2 = step(step(Math.exp(step(a - m))) + step(Math.exp(step(b - m))));
    const s = step(s2 + step(Math.exp(step(c - m))));
    return step(step(Math.log(s)) + m);
  };
}

export function sqrtOfSquares2(r: Round = id, f: Round = id) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number): number => step(Math.sqrt(step(step(a * a) + step(b * b))));
}

export function sqrtOfSquares3(r: Round = id, f: Round = id) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number, c: number): number => step(Math.sqrt(step(step(step(a * a) + step(b * b)) + step(c * c))));
}
