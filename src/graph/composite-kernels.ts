/**
 * Float kernels of the ops the frameworks compute as a few primitive steps (hypot, sinc, logsumexp, norm), each step
 * rounded to the format by `r` and, where a framework flushes subnormals, flushed by `f`: the shared kernels of
 * graph/ops.ts and the frameworks' own (graph/frameworks/) are these with different steps.
 */
export type Round = (x: number) => number;
const id: Round = (x) => x;

/** Flush-to-zero below the smallest normal (the vectorised kernels of TF and XLA, per step). */
export const flushBelow = (minNormal: number): Round => (x) => (x < minNormal && x > -minNormal ? x * 0 : x);

/** Half to even (TF's Round, torch.round, jnp.round, TF.js's round): -0.5 gives -0. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : r;
}

/**
 * sin(pi x) / (pi x), 1 at x == 0, with pi in the format (`piF`): the frameworks multiply by their dtype's pi and
 * divide by the same product (tf, jnp, torch).
 */
export function sincWith(r: Round = id, piF = Math.PI, f: Round = id) {
  return (x: number): number => {
    if (x === 0) return 1;
    const px = f(r(piF * x));
    return f(r(Math.sin(px))) / px;
  };
}


/**
 * jnp.hypot (jax/_src/numpy/ufuncs.py): hi * sqrt(1 + (lo / hi)^2) over |x1|, |x2|, hi where hi == 0, inf where
 * either is +inf (so hypot(inf, NaN) = inf).
 */
export function hypotJaxWith(r: Round = id, f: Round = id) {
  const step = (x: number) => f(r(x));
  return (x1: number, x2: number): number => {
    const a = Math.abs(x1);
    const b = Math.abs(x2);
    if (a === Infinity || b === Infinity) return Infinity;
    const hi = Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
    const lo = Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
    if (hi === 0) return hi;
    const q = step(lo / hi);
    return step(hi * step(Math.sqrt(step(1 + step(q * q)))));
  };
}


/** torch's binary_cross_entropy kernel: (y - 1) * max(log1p(-p), -100) - y * max(log(p), -100), each step rounded. */
export function bceTorchWith(r: Round = id) {
  const clamp = (x: number) => (Number.isNaN(x) ? x : Math.max(x, -100));
  return (p: number, y: number): number => r(r(r(y - 1) * clamp(r(Math.log1p(-p)))) - r(y * clamp(r(Math.log(p)))));
}

/** torch's binary_cross_entropy_with_logits forward (Loss.cpp): (1 - y) * x - log_sigmoid(x), log_sigmoid as torch's. */
export function bceLogitsTorchWith(r: Round = id) {
  const logSigmoid = (x: number) => (Number.isNaN(x) ? NaN : r(Math.min(x, 0) - r(Math.log1p(r(Math.exp(-Math.abs(x)))))));
  return (x: number, y: number): number => r(r(r(1 - y) * x) - logSigmoid(x));
}

/** NaN if either is, else Math.max. */
const maxNan = (m: number, x: number): number => (Number.isNaN(m) || Number.isNaN(x) ? NaN : Math.max(m, x));

/**
 * log(sum(exp(x - m))) + m with m the maximum, replaced by 0 when it is not finite (tf.reduce_logsumexp,
 * torch.logsumexp, jax.nn.logsumexp); `maskInf` false keeps it (TF.js's logSumExp, so inf - inf gives NaN). One
 * function per number of terms (2, 3): the terms summed in order, each step rounded, without a rest array.
 */
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

/**
 * sqrt(square(a) + square(b) [+ square(c)]): tf.experimental.numpy.hypot, and the norms (tf, jax, torch); one function
 * per number of terms, as logSumExp2/3.
 */
export function sqrtOfSquares2(r: Round = id, f: Round = id) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number): number => step(Math.sqrt(step(step(a * a) + step(b * b))));
}

export function sqrtOfSquares3(r: Round = id, f: Round = id) {
  const step = (x: number) => f(r(x));
  return (a: number, b: number, c: number): number => step(Math.sqrt(step(step(step(a * a) + step(b * b)) + step(c * c))));
}
