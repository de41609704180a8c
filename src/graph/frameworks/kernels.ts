import { erf64, erfc64 } from '../special.js';

/** Forward kernels that some frameworks use instead of the shared ones (graph/ops.ts); each says whose it is. */

/** sign with sign(NaN) = 0: torch's and TF.js's kernels compare, and comparisons with NaN are false. */
export const signNanZero = (a: number): number => (a > 0 ? 1 : a < 0 ? -1 : 0);

/** 1 / (1 + exp(-x)) with every step rounded to float32: exp(-x) overflows below -88.72, so the result is 0 there. */
export const sigmoidStepwise32 = (a: number): number => Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-a))));

/** torch's vectorised log1p (measured): 0 at the smallest subnormal of the format, other subnormals kept. */
export function log1pTorch(minSubnormal: number): (a: number) => number {
  return (a) => (Math.abs(a) === minSubnormal ? 0 : Math.log1p(a));
}

/** torch's softplus (beta 1, threshold 20): x above 20, else log1p(exp(x)), exp rounded to the format first. */
export function softplusTorch(round: (x: number) => number, minSubnormal: number): (a: number) => number {
  const log1p = log1pTorch(minSubnormal);
  return (a) => (a > 20 ? a : log1p(round(Math.exp(a))));
}

/** jax.nn.softplus = logaddexp(x, 0) = max(x, 0) + log1p(exp(-|x|)). */
export const softplusJax = (a: number): number => (Number.isNaN(a) ? NaN : Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a))));

/** torch's log_sigmoid_forward (aten/src/ATen/native/cpu/Activation.cpp): min(x, 0) - log1p(exp(-|x|)), exp rounded first. */
export function logSigmoidTorch(round: (x: number) => number): (a: number) => number {
  return (a) => (Number.isNaN(a) ? NaN : Math.min(a, 0) - Math.log1p(round(Math.exp(-Math.abs(a)))));
}

/** jax.nn.log_sigmoid = -softplus(-x), softplus being logaddexp(x, 0). */
export const logSigmoidJax = (a: number): number => -softplusJax(-a);

/** TF.js's cpu Erf (tfjs-backend-cpu kernels/Erf.js): Abramowitz & Stegun 7.1.26 in doubles, absolute error ~1.5e-7. */
export const erfTfjs = (x: number): number => {
  const v = Math.abs(x);
  const t = 1.0 / (1.0 + 0.3275911 * v);
  return Math.sign(x) * (1.0 - (((((1.061405429 * t + -1.453152027) * t) + 1.421413741) * t + -0.284496736) * t + 0.254829592) * t * Math.exp(-v * v));
};

/**
 * TF's float64 erf (Eigen): NaN at +-max and +-inf (measured; 1 at 100). Modelled as NaN once x^2 overflows: the
 * goldens do not bound the edge more tightly than (100, max].
 */
export const erfEigen64 = (x: number): number => (Number.isFinite(x * x) ? erf64(x) : NaN);

/**
 * Eigen's elu and selu (relu_op_functor.h): (x < 0).select(c * (exp(x) - 1), s * x). Under DAZ a subnormal x
 * compares as 0 and the select passes it through unchanged (elu(-1e-45) = -1e-45 measured), and exp(-min_normal) - 1
 * is 0 (elu(-1.2e-38) = 0).
 */
export function eluEigen(round: (x: number) => number, minNormal: number, c: number, s: number): (a: number) => number {
  const [cf, sf] = [round(c), round(s)];
  return (a) => (Math.abs(a) < minNormal || !(a < 0) ? (s === 1 ? a : sf * a) : cf * round(round(Math.exp(a)) - 1));
}

/** x * sigmoid(x) with the sigmoid flushed to 0 when subnormal (FTZ: tf and jax's silu at -88.7 in float32 is -0). */
export function siluFlushed(sigmoid: (a: number) => number, minNormal: number): (a: number) => number {
  return (a) => {
    const s = sigmoid(a);
    return a * (Math.abs(s) < minNormal ? 0 : s);
  };
}

/** torch's silu kernel: x / (1 + exp(-x)), each step in the format (exp(-x) overflows below -88.72 in float32). */
export function siluTorch(round: (x: number) => number): (a: number) => number {
  return (a) => a / round(1 + round(Math.exp(-a)));
}

/** TF.js's cpu Elu and Selu (tfjs-backend-cpu kernels/Elu.js, Selu.js): v >= 0 ? s * v : c * (Math.exp(v) - 1) in doubles. */
export function eluTfjs(c: number, s: number): (a: number) => number {
  return (a) => (a >= 0 ? s * a : c * (Math.exp(a) - 1));
}

/** TF's LeakyRelu in float64: the slope is a float32 attribute (0.01 becomes 0.009999999776482582). */
export const leakyReluTf64 = (a: number, slope: number): number => (Number.isNaN(a) ? NaN : a > 0 ? a : a * Math.fround(slope));

/**
 * jax.nn.leaky_relu, where(x >= 0, x, slope * x), under XLA's FTZ/DAZ: a subnormal x compares as 0 and the select
 * passes it through unchanged; a subnormal product is flushed (leaky_relu(-min_normal, 0.01) = -0 in float32).
 */
export function leakyReluXla(minNormal: number): (a: number, slope: number) => number {
  return (a, slope) => {
    if (Number.isNaN(a)) return NaN;
    if (Math.abs(a) < minNormal || a >= 0) return a;
    const r = slope * a;
    return Math.abs(r) < minNormal ? r * 0 : r;
  };
}

const SQRT_HALF = Math.SQRT1_2;

/** tf.nn.gelu / jax.nn.gelu (exact): 0.5 * x * erfc(-x * sqrt(0.5)), each step in the format. */
export function geluErfc(r: (x: number) => number, sqrtHalf = SQRT_HALF): (a: number) => number {
  const c = r(sqrtHalf);
  return (a) => r(r(0.5 * a) * r(erfc64(r(-a * c))));
}

/**
 * torch's gelu kernel, x * 0.5 * (1 + erf(x * M_SQRT1_2)) (aten/src/ATen/native/cpu/Activation.cpp). The vectorised
 * float32 path overflows at max and returns NaN at inf (measured: the scalar path does neither).
 */
export function geluTorch(r: (x: number) => number, vectorised32: boolean): (a: number) => number {
  const c = r(SQRT_HALF);
  return (a) => {
    const cdf = r(1 + r(erf64(r(a * c))));
    if (!vectorised32) return r(r(a * 0.5) * cdf);
    return a === Infinity ? NaN : r(r(a * cdf) * 0.5);
  };
}

/** The tanh form: cdf = 0.5 * (1 + tanh(c * (x + 0.044715 * x^3))), each step in the format, with the framework's tanh. */
export function geluTanhWith(r: (x: number) => number, tanh: (x: number) => number, order: 'half-x-first' | 'x-times-cdf', kappa = 0.044715): (a: number) => number {
  const c = r(0.7978845608028654);
  const k = r(kappa);
  return (a) => {
    const t = r(tanh(r(c * r(a + r(k * r(r(a * a) * a))))));
    return order === 'half-x-first' ? r(r(0.5 * a) * r(1 + t)) : r(a * r(0.5 * r(1 + t)));
  };
}

/** mish = x * tanh(softplus(x)) with the framework's softplus and tanh, each step in the format; a softplus below
 *  flushMin is flushed to 0 (FTZ: tf and jax's mish at -88.7 in float32 is -0). */
export function mishWith(r: (x: number) => number, softplus: (x: number) => number, tanh: (x: number) => number, flushMin = 0): (a: number) => number {
  return (a) => {
    const sp = r(softplus(a));
    return r(a * r(tanh(Math.abs(sp) < flushMin ? 0 : sp)));
  };
}

/** torch's xlogy / xlog1py kernels: NaN for a NaN y, then 0 where x == 0 (BinaryOpsKernel.cpp); jax's too (measured). */
export const xlogyTorch = (x: number, y: number): number => (Number.isNaN(y) ? NaN : x === 0 ? 0 : x * Math.log(y));
export const xlog1pyTorch = (x: number, y: number): number => (Number.isNaN(y) ? NaN : x === 0 ? 0 : x * Math.log1p(y));

/** gelu in TF.js ops (it has no gelu): x * 0.5 * (1 + erf(x * sqrt(0.5))) with TF.js's erf, each step in the format. */
export function geluTfjs(r: (x: number) => number): (a: number) => number {
  const c = r(SQRT_HALF);
  return (a) => r(r(a * 0.5) * r(1 + r(erfTfjs(r(a * c)))));
}

/**
 * C's pow (IEEE 754 pown/pow): pow(1, y) = 1 and pow(x, 0) = 1 even for NaN, pow(-1, +-inf) = 1; JS's Math.pow says NaN.
 * x ** -1 (a reciprocal written as a power) is 1 / x: V8's Math.pow (fdlibm's __ieee754_pow, src/base/ieee754.cc)
 * returns one / x for y = -1 itself, so this is the same value without the call (~30 ns per element).
 */
export const powC = (a: number, b: number): number =>
  a === 1 || b === 0 ? 1 : b === -1 ? 1 / a : a === -1 && (b === Infinity || b === -Infinity) ? 1 : Math.pow(a, b);

/**
 * powC for float32 (its result is rounded to float32): x ** -2 (the gradient of x ** -1) as 1 / (x * x), exact square
 * then one rounding in doubles, which rounds to the same float32 as Math.pow(x, -2) for every one of the 2^32 float32
 * inputs (checked exhaustively: F_DIAGNOSE_EXHAUSTIVE=1 in test/graph/frameworks/kernels.test.ts). Not in float64,
 * where the two differ.
 */
export const powC32 = (a: number, b: number): number => (b === -2 ? 1 / (a * a) : powC(a, b));

/** JS's Math.pow (TF.js's cpu pow), with powC's shortcut for y = -1. */
export const powJs = (a: number, b: number): number => (b === -1 ? 1 / a : Math.pow(a, b));

/** powJs for float32, with powC32's shortcut for y = -2. */
export const powJs32 = (a: number, b: number): number => (b === -2 ? 1 / (a * a) : powJs(a, b));

/** sinh/cosh as (exp(|x|) +- exp(-|x|)) / 2 in the format: inf once exp(|x|) overflows, just before the true result does. */
export function viaExp(f: (x: number) => number, round: (x: number) => number): (a: number) => number {
  return (a) => (round(Math.exp(Math.abs(a))) === Infinity ? f(a) * Infinity : f(a));
}

/** Eigen's float32 tanh (TF, XLA): a rational approximation clamped to exactly +-1 beyond |x| = 7.90531110763549805. */
export const tanhClamped32 = (a: number): number => (Math.abs(a) > 7.90531110763549805 ? Math.sign(a) : Math.tanh(a));

/**
 * Eigen's logistic (TF): e / (1 + e) with e = exp(x), each step rounded to the format. 1 + e rounds to e from x = 17
 * (float32) and 37 (float64) on, so the result is exactly 1 there, and 1 - y keeps two ULPs at 36.8; a subnormal
 * result far left is flushed by FTZ (the -87.34 cliff of log(sigmoid(x)) in float32).
 */
export function sigmoidEigen(round: (x: number) => number): (a: number) => number {
  return (a) => {
    const e = round(Math.exp(a));
    return e === Infinity ? 1 : e / round(1 + e);
  };
}

/** XLA's float32 atan2 (measured): inputs read unflushed, but two subnormals give NaN (their ratio is taken with DAZ). */
export const atan2Xla32 = (a: number, b: number): number => {
  const tiny = (v: number) => v !== 0 && Math.abs(v) < 2 ** -126;
  return tiny(a) && tiny(b) ? NaN : Math.atan2(a, b);
};
