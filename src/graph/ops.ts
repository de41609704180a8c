import type { FloatFormat, FormatLimits } from '../base/float-format.js';
import type { HazardKind } from '../vocab/hazards.js';
import { bceLogitsTorchWith, bceTorchWith, logSumExp2, logSumExp3, roundHalfEven, sincWith, sqrtOfSquares2, sqrtOfSquares3 } from './composite-kernels.js';
import { erf64, erfc64 } from './special.js';
import { VOCABULARY, type OpName, type OpWord } from '../vocab/ops.js';

/**
 * What every op computes and how it fails, keyed by the vocabulary's op names (vocab/ops.ts): the float kernels, the
 * hazard a NaN or infinity born at the op is called, and the inputs where its behaviour changes. The evaluators, the
 * detectors and the sampler read it; the Record type makes the compiler demand an entry for every op.
 */
export interface OpSemantics {
  /**
   * The float64 kernel. The float32 evaluator applies it to float32 inputs and rounds the result,
   * which is what TF.js's cpu backend does (it computes in JS doubles and stores into Float32Array).
   */
  f64: (a: number, b: number, c: number) => number;
  /** A float32 kernel where TF's differs from the float64 one beyond rounding (softplus's thresholds). */
  f32?: (a: number, b: number, c: number) => number;
  /** What a NaN born at this op (no NaN input) is called. */
  nanCause?: (a: number, b: number) => HazardKind;
  /** What an infinity born at this op from finite inputs is called. */
  infCause?: (a: number, b: number) => HazardKind;
  /** The mathematical result is never 0 for nonzero finite inputs, so a 0 or subnormal result is underflow. */
  underflows?: boolean;
  /** Input values (in the op's input space) where behaviour changes; the sampler maps them to variables. */
  thresholds?: (f: FormatLimits) => number[];
}

export type OpInfo = OpWord & OpSemantics;

const domain = (): HazardKind => 'domain';
const mulNan = (): HazardKind => 'zero-times-inf';
const expThresholds = (f: FormatLimits) => [Math.log(f.max), Math.log(f.minSubnormal), Math.log(f.minNormal)];

function softplus64(x: number, epsilon: number): number {
  // TF's softplus kernel: the same thresholds as tensorflow/core/kernels/softplus_op.h.
  const threshold = Math.log(epsilon) + 2;
  if (x > -threshold) return x;
  if (x < threshold) return Math.exp(x);
  return Math.log1p(Math.exp(x));
}

/** SELU's constants (Klambauer et al.), as the frameworks write them. */
export const SELU_SCALE = 1.0507009873554804934193349852946;
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

/** sqrt(2 / pi) as the frameworks write it. */
export const GELU_C = 0.7978845608028654;

function logaddexp64(a: number, b: number): number {
  const delta = a - b;
  return Number.isNaN(delta) ? a + b : Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(delta)));
}

const SEMANTICS: Record<OpName, OpSemantics> = {
  const: { f64: () => NaN },
  var: { f64: () => NaN },
  add: { f64: (a, b) => a + b, nanCause: () => 'inf-minus-inf' },
  sub: { f64: (a, b) => a - b, nanCause: () => 'inf-minus-inf' },
  mul: { f64: (a, b) => a * b, nanCause: mulNan, underflows: true },
  div: { f64: (a, b) => a / b, nanCause: (a) => (a === 0 ? 'zero-div-zero' : 'inf-div-inf'), infCause: (_a, b) => (b === 0 ? 'division-by-zero' : 'overflow'), underflows: true, thresholds: () => [0] },
  neg: { f64: (a) => -a },
  pow: { f64: Math.pow, nanCause: domain, infCause: (a, b) => (a === 0 && b < 0 ? 'division-by-zero' : 'overflow'), underflows: true, thresholds: () => [0, 1, -1] },
  exp: { f64: Math.exp, nanCause: domain, infCause: () => 'overflow', underflows: true, thresholds: expThresholds },
  log: { f64: Math.log, nanCause: domain, infCause: () => 'log-zero', thresholds: () => [0, 1] },
  expm1: { f64: Math.expm1, nanCause: domain, infCause: () => 'overflow', thresholds: expThresholds },
  log1p: { f64: Math.log1p, nanCause: domain, infCause: () => 'log-zero', thresholds: () => [-1, 0] },
  sqrt: { f64: Math.sqrt, nanCause: domain, thresholds: () => [0] },
  abs: { f64: Math.abs },
  square: { f64: (a) => a * a, infCause: () => 'overflow', underflows: true },
  reciprocal: { f64: (a) => 1 / a, infCause: () => 'division-by-zero', underflows: true, thresholds: () => [0] },
  sign: { f64: (a) => (Number.isNaN(a) ? NaN : a > 0 ? 1 : a < 0 ? -1 : 0) },
  sin: { f64: Math.sin, nanCause: domain },
  cos: { f64: Math.cos, nanCause: domain },
  tan: { f64: Math.tan, nanCause: domain, infCause: () => 'overflow', thresholds: () => [Math.PI / 2, -Math.PI / 2] },
  tanh: { f64: Math.tanh, nanCause: domain },
  sinh: { f64: Math.sinh, nanCause: domain, infCause: () => 'overflow', thresholds: (f) => [Math.log(f.max) + Math.LN2] },
  cosh: { f64: Math.cosh, nanCause: domain, infCause: () => 'overflow', thresholds: (f) => [Math.log(f.max) + Math.LN2] },
  asin: { f64: Math.asin, nanCause: domain, thresholds: () => [-1, 1] },
  acos: { f64: Math.acos, nanCause: domain, thresholds: () => [-1, 1] },
  atan: { f64: Math.atan },
  atan2: { f64: Math.atan2, thresholds: () => [0] },
  sigmoid: { f64: (a) => 1 / (1 + Math.exp(-a)), underflows: true, thresholds: expThresholds },
  softplus: { f64: (a) => softplus64(a, 2 ** -52), f32: (a) => softplus64(a, 2 ** -23), underflows: true, thresholds: expThresholds },
  // tf.math.log_sigmoid and jax.nn.log_sigmoid are -softplus(-x) (math_ops.py, jax/_src/nn/functions.py), TF.js too
  logSigmoid: { f64: (a) => -softplus64(-a, 2 ** -52), f32: (a) => -softplus64(-a, 2 ** -23), underflows: true, thresholds: (f) => expThresholds(f).map((t) => -t) },
  // tf.experimental.numpy's and jnp's logaddexp: where(isnan(a - b), a + b, max(a, b) + log1p(exp(-|a - b|)));
  // torch's kernel (a == b == +-inf ? a : the same sum) gives the same values
  logaddexp: { f64: logaddexp64, infCause: () => 'overflow' },
  erf: { f64: erf64 },
  // erfc underflows past 9.2 (float32) and 26.5 (float64)
  erfc: { f64: erfc64, underflows: true, thresholds: (f) => [Math.sqrt(-Math.log(f.minNormal)), Math.sqrt(-Math.log(f.minSubnormal))] },
  rsqrt: { f64: (a) => 1 / Math.sqrt(a), nanCause: domain, infCause: () => 'division-by-zero', thresholds: () => [0] },
  // x / (1 + |x|): NaN at +-inf in every framework's forward (inf / inf)
  softsign: { f64: (a) => a / (1 + Math.abs(a)) },
  // alpha 1: x > 0 ? x : expm1(x)
  elu: { f64: (a) => (Number.isNaN(a) ? NaN : a > 0 ? a : Math.expm1(a)), thresholds: () => [0] },
  selu: { f64: (a) => (Number.isNaN(a) ? NaN : a > 0 ? SELU_SCALE * a : SELU_SCALE_ALPHA * Math.expm1(a)), infCause: () => 'overflow', thresholds: () => [0] },
  // x * sigmoid(x) = x / (1 + exp(-x))
  silu: { f64: (a) => a / (1 + Math.exp(-a)), underflows: true },
  // tf.nn.gelu and jax.nn.gelu: 0.5 * x * erfc(-x / sqrt 2) (torch's differs: graph/frameworks/kernels.ts)
  gelu: { f64: (a) => 0.5 * a * erfc64(-a * Math.SQRT1_2), underflows: true },
  // 0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))
  geluTanh: { f64: (a) => 0.5 * a * (1 + Math.tanh(GELU_C * (a + 0.044715 * Math.pow(a, 3)))) },
  // x * tanh(softplus(x))
  mish: { f64: (a) => a * Math.tanh(softplus64(a, 2 ** -52)), f32: (a) => a * Math.fround(Math.tanh(Math.fround(softplus64(a, 2 ** -23)))), underflows: true },
  // tf: x == 0 ? 0 : x * log(y), so xlogy(0, NaN) = 0 (torch and jax: NaN, graph/frameworks/kernels.ts)
  xlogy: { f64: (x, y) => (x === 0 ? 0 : x * Math.log(y)), nanCause: (_x, y) => (y < 0 ? 'domain' : 'zero-times-inf'), infCause: (_x, y) => (y === 0 ? 'log-zero' : 'overflow'), thresholds: () => [0] },
  xlog1py: { f64: (x, y) => (x === 0 ? 0 : x * Math.log1p(y)), nanCause: (_x, y) => (y < -1 ? 'domain' : 'zero-times-inf'), infCause: (_x, y) => (y === -1 ? 'log-zero' : 'overflow'), thresholds: () => [0] },
  asinh: { f64: Math.asinh },
  acosh: { f64: Math.acosh, nanCause: domain, thresholds: () => [1] },
  atanh: { f64: Math.atanh, nanCause: domain, infCause: () => 'division-by-zero', thresholds: () => [-1, 1] },
  // tf.experimental.numpy and jnp: log(x) / log(2), two roundings (torch's own kernels: graph/frameworks/torch.ts)
  log2: { f64: (a) => Math.log(a) / Math.LN2, f32: (a) => Math.fround(Math.log(a)) / Math.fround(Math.LN2), nanCause: domain, infCause: () => 'log-zero', thresholds: () => [0, 1] },
  log10: { f64: (a) => Math.log(a) / Math.LN10, f32: (a) => Math.fround(Math.log(a)) / Math.fround(Math.LN10), nanCause: domain, infCause: () => 'log-zero', thresholds: () => [0, 1] },
  // min(max(x, 0), 6), NaN kept
  relu6: { f64: (a) => (Number.isNaN(a) ? NaN : Math.min(Math.max(a, 0), 6)), thresholds: () => [0, 6] },
  // x > 0 ? x : slope * x (torch, TF.js; TF selects on x > 0, JAX on x >= 0: the same values)
  leakyRelu: { f64: (a, slope) => (Number.isNaN(a) ? NaN : a > 0 ? a : slope * a), thresholds: () => [0] },
  // max(x, 0) with NaN kept (TF's Relu: x > 0 ? x : 0 would lose it; measured NaN in all four)
  relu: { f64: (a) => (Number.isNaN(a) ? NaN : a > 0 ? a : 0), thresholds: () => [0] },
  // std::hypot (torch): no overflow in the squares, inf if either is inf (even with a NaN)
  hypot: { f64: (a, b) => Math.hypot(a, b), infCause: () => 'overflow', thresholds: () => [0] },
  sinc: { f64: sincWith(), f32: sincWith(Math.fround, Math.fround(Math.PI)), nanCause: domain, thresholds: () => [0] },
  floor: { f64: Math.floor, thresholds: () => [0, 1, -1] },
  ceil: { f64: Math.ceil, thresholds: () => [0, 1, -1] },
  round: { f64: roundHalfEven, thresholds: () => [0.5, -0.5, 1.5] },
  // the maximum subtracted first (0 when it is not finite): inf - inf is NaN only where the frameworks give it
  logsumexp: { f64: logSumExp2(), f32: logSumExp2(Math.fround), nanCause: () => 'inf-minus-inf', infCause: () => 'overflow' },
  logsumexp3: { f64: logSumExp3(), f32: logSumExp3(Math.fround), nanCause: () => 'inf-minus-inf', infCause: () => 'overflow' },
  // sqrt(a^2 + b^2) as the frameworks' norms compute it: the squares overflow past sqrt(max)
  norm: { f64: sqrtOfSquares2(), f32: sqrtOfSquares2(Math.fround), infCause: () => 'overflow', thresholds: () => [0] },
  norm3: { f64: sqrtOfSquares3(), f32: sqrtOfSquares3(Math.fround), infCause: () => 'overflow', thresholds: () => [0] },
  // aten's binary_cross_entropy kernel (Loss.cpp): each log clamped at -100, so p in {0, 1} gives 100, not inf
  bceTorch: { f64: bceTorchWith(), f32: bceTorchWith(Math.fround) },
  bceLogitsTorch: { f64: bceLogitsTorchWith(), f32: bceLogitsTorchWith(Math.fround) },
  toFloat32: { f64: Math.fround },
  // NaN if either is; max(-0, 0) = 0, as in TF.js
  maximum: { f64: (a, b) => Math.max(a, b) },
  minimum: { f64: (a, b) => Math.min(a, b) },
  // TF's clip_by_value: maximum(minimum(x, hi), lo), so lo > hi gives lo (clip_ops.py); a NaN bound gives NaN
  clip: { f64: (x, lo, hi) => (Number.isNaN(x) ? NaN : Math.max(Math.min(x, hi), lo)) },
  where: { f64: (c, a, b) => (c ? a : b) },
  less: { f64: (a, b) => +(a < b) },
  lessEqual: { f64: (a, b) => +(a <= b) },
  greater: { f64: (a, b) => +(a > b) },
  greaterEqual: { f64: (a, b) => +(a >= b) },
  equal: { f64: (a, b) => +(a === b) },
  notEqual: { f64: (a, b) => +(a !== b) },
  logicalAnd: { f64: (a, b) => +(a !== 0 && b !== 0) },
  logicalOr: { f64: (a, b) => +(a !== 0 || b !== 0) },
  logicalNot: { f64: (a) => +(a === 0) },
  /** A condition used as a 0/1 number (TF's cast(cond, float32)), as SelectV2's gradient does. */
  cast: { f64: (a) => a },
  /** TF's step(x, alpha): 1 for x > 0, alpha otherwise, NaN for NaN (Abs's gradient). */
  step: { f64: (a, alpha) => (Number.isNaN(a) ? NaN : a > 0 ? 1 : alpha) },
  /** keep(dy, cond): a select, so an inf or NaN dy where cond is 0 gives 0 (not NaN as dy * cast(cond) would). */
  keep: { f64: (dy, cond) => (cond !== 0 ? dy : 0) },
};

export const OPS: Readonly<Record<OpName, OpInfo>> = Object.fromEntries(
  Object.values(VOCABULARY).map((w) => [w.name, { ...w, ...SEMANTICS[w.name] }]),
) as Record<OpName, OpInfo>;

/** The kernel of an op in a format (float32 uses its own where TF's differs beyond rounding). */
export function kernelOf(op: OpName, format: FloatFormat): OpSemantics['f64'] {
  const info = OPS[op];
  return (format === 'float32' && info.f32) || info.f64;
}
