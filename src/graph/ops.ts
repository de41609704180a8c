/**
 * THE op table. Every op the language, the graph, the evaluators, the gradient rules, the
 * detectors and the tfjs backend know is declared here once; everything else is keyed by OpName.
 */
export type HazardKind =
  | 'overflow' | 'division-by-zero' | 'zero-div-zero' | 'inf-div-inf' | 'inf-minus-inf'
  | 'zero-times-inf' | 'domain' | 'log-zero' | 'underflow' | 'cancellation' | 'where-trap'
  | 'nan-input' | 'approximation' | 'rounding' | 'kink';

export type OpName =
  | 'const' | 'var'
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow'
  | 'exp' | 'log' | 'expm1' | 'log1p' | 'sqrt' | 'abs' | 'square' | 'reciprocal' | 'sign'
  | 'sin' | 'cos' | 'tan' | 'tanh' | 'sinh' | 'cosh' | 'asin' | 'acos' | 'atan' | 'atan2'
  | 'sigmoid' | 'softplus' | 'maximum' | 'minimum' | 'clip' | 'where'
  | 'less' | 'lessEqual' | 'greater' | 'greaterEqual' | 'equal' | 'notEqual'
  | 'logicalAnd' | 'logicalOr' | 'logicalNot'
  | 'cast' | 'step';

export type OpKind = 'leaf' | 'arith' | 'math' | 'compare' | 'logic' | 'select';

export interface OpInfo {
  name: OpName;
  /** Number of inputs (clip: x, lo, hi; step: x, alpha). */
  arity: number;
  kind: OpKind;
  /** How a user writes it as a function call (without framework prefix); empty for operator-only and internal ops. */
  spellings: string[];
  /** How it is shown in messages, e.g. "exp" or "a / b". */
  display: string;
  /**
   * The float64 kernel. The float32 evaluator applies it to float32 inputs and rounds the result,
   * which is what TF.js's cpu backend does (it computes in JS doubles and stores into Float32Array).
   */
  f64: (a: number, b: number, c: number) => number;
  /** A float32 kernel where TF's differs from the float64 one beyond rounding (softplus's thresholds). */
  f32?: (a: number, b: number, c: number) => number;
  /** True when the result is a condition (0 or 1). */
  boolean?: boolean;
  /** What a NaN born at this op (no NaN input) is called. */
  nanCause?: (a: number, b: number) => HazardKind;
  /** What an infinity born at this op from finite inputs is called. */
  infCause?: (a: number, b: number) => HazardKind;
  /** The mathematical result is never 0 for nonzero finite inputs, so a 0 or subnormal result is underflow. */
  underflows?: boolean;
  /** Input values (in the op's input space) where behaviour changes; the sampler maps them to variables. */
  thresholds?: (f: FormatLimits) => number[];
}

export interface FormatLimits {
  max: number;
  minNormal: number;
  minSubnormal: number;
  epsilon: number;
}

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

const table: OpInfo[] = [
  { name: 'const', arity: 0, kind: 'leaf', spellings: [], display: 'constant', f64: () => NaN },
  { name: 'var', arity: 0, kind: 'leaf', spellings: [], display: 'variable', f64: () => NaN },
  {
    name: 'add', arity: 2, kind: 'arith', spellings: ['add'], display: 'a + b', f64: (a, b) => a + b,
    nanCause: () => 'inf-minus-inf',
  },
  {
    name: 'sub', arity: 2, kind: 'arith', spellings: ['subtract'], display: 'a - b', f64: (a, b) => a - b,
    nanCause: () => 'inf-minus-inf',
  },
  {
    name: 'mul', arity: 2, kind: 'arith', spellings: ['multiply'], display: 'a * b', f64: (a, b) => a * b,
    nanCause: mulNan, underflows: true,
  },
  {
    name: 'div', arity: 2, kind: 'arith', spellings: ['divide', 'truediv', 'true_divide', 'div'], display: 'a / b',
    f64: (a, b) => a / b,
    nanCause: (a) => (a === 0 ? 'zero-div-zero' : 'inf-div-inf'),
    infCause: (_a, b) => (b === 0 ? 'division-by-zero' : 'overflow'),
    underflows: true,
    thresholds: () => [0],
  },
  { name: 'neg', arity: 1, kind: 'arith', spellings: ['negative', 'neg'], display: '-a', f64: (a) => -a },
  {
    name: 'pow', arity: 2, kind: 'math', spellings: ['pow', 'power'], display: 'a ** b', f64: Math.pow,
    nanCause: domain, infCause: (a, b) => (a === 0 && b < 0 ? 'division-by-zero' : 'overflow'),
    underflows: true, thresholds: () => [0, 1, -1],
  },
  {
    name: 'exp', arity: 1, kind: 'math', spellings: ['exp'], display: 'exp', f64: Math.exp,
    nanCause: domain, infCause: () => 'overflow', underflows: true, thresholds: expThresholds,
  },
  {
    name: 'log', arity: 1, kind: 'math', spellings: ['log'], display: 'log', f64: Math.log,
    nanCause: domain, infCause: () => 'log-zero', thresholds: () => [0, 1],
  },
  {
    name: 'expm1', arity: 1, kind: 'math', spellings: ['expm1'], display: 'expm1', f64: Math.expm1,
    nanCause: domain, infCause: () => 'overflow', thresholds: expThresholds,
  },
  {
    name: 'log1p', arity: 1, kind: 'math', spellings: ['log1p'], display: 'log1p', f64: Math.log1p,
    nanCause: domain, infCause: () => 'log-zero', thresholds: () => [-1, 0],
  },
  {
    name: 'sqrt', arity: 1, kind: 'math', spellings: ['sqrt'], display: 'sqrt', f64: Math.sqrt,
    nanCause: domain, thresholds: () => [0],
  },
  { name: 'abs', arity: 1, kind: 'math', spellings: ['abs', 'fabs', 'absolute'], display: 'abs', f64: Math.abs },
  {
    name: 'square', arity: 1, kind: 'math', spellings: ['square'], display: 'square', f64: (a) => a * a,
    infCause: () => 'overflow', underflows: true,
  },
  {
    name: 'reciprocal', arity: 1, kind: 'math', spellings: ['reciprocal'], display: 'reciprocal', f64: (a) => 1 / a,
    infCause: () => 'division-by-zero', underflows: true, thresholds: () => [0],
  },
  { name: 'sign', arity: 1, kind: 'math', spellings: ['sign'], display: 'sign', f64: (a) => (Number.isNaN(a) ? NaN : a > 0 ? 1 : a < 0 ? -1 : 0) },
  { name: 'sin', arity: 1, kind: 'math', spellings: ['sin'], display: 'sin', f64: Math.sin, nanCause: domain },
  { name: 'cos', arity: 1, kind: 'math', spellings: ['cos'], display: 'cos', f64: Math.cos, nanCause: domain },
  {
    name: 'tan', arity: 1, kind: 'math', spellings: ['tan'], display: 'tan', f64: Math.tan, nanCause: domain,
    infCause: () => 'overflow', thresholds: () => [Math.PI / 2, -Math.PI / 2],
  },
  { name: 'tanh', arity: 1, kind: 'math', spellings: ['tanh'], display: 'tanh', f64: Math.tanh, nanCause: domain },
  {
    name: 'sinh', arity: 1, kind: 'math', spellings: ['sinh'], display: 'sinh', f64: Math.sinh, nanCause: domain,
    infCause: () => 'overflow', thresholds: (f) => [Math.log(f.max) + Math.LN2],
  },
  {
    name: 'cosh', arity: 1, kind: 'math', spellings: ['cosh'], display: 'cosh', f64: Math.cosh, nanCause: domain,
    infCause: () => 'overflow', thresholds: (f) => [Math.log(f.max) + Math.LN2],
  },
  { name: 'asin', arity: 1, kind: 'math', spellings: ['asin', 'arcsin'], display: 'asin', f64: Math.asin, nanCause: domain, thresholds: () => [-1, 1] },
  { name: 'acos', arity: 1, kind: 'math', spellings: ['acos', 'arccos'], display: 'acos', f64: Math.acos, nanCause: domain, thresholds: () => [-1, 1] },
  { name: 'atan', arity: 1, kind: 'math', spellings: ['atan', 'arctan'], display: 'atan', f64: Math.atan },
  { name: 'atan2', arity: 2, kind: 'math', spellings: ['atan2', 'arctan2'], display: 'atan2', f64: Math.atan2, thresholds: () => [0] },
  {
    name: 'sigmoid', arity: 1, kind: 'math', spellings: ['sigmoid', 'expit'], display: 'sigmoid',
    f64: (a) => 1 / (1 + Math.exp(-a)), underflows: true, thresholds: expThresholds,
  },
  {
    name: 'softplus', arity: 1, kind: 'math', spellings: ['softplus'], display: 'softplus',
    f64: (a) => softplus64(a, 2 ** -52), f32: (a) => softplus64(a, 2 ** -23), underflows: true, thresholds: expThresholds,
  },
  {
    name: 'maximum', arity: 2, kind: 'math', spellings: ['maximum', 'max', 'fmax'], display: 'maximum',
    f64: (a, b) => Math.max(a, b), // NaN if either is; max(-0, 0) = 0, as in TF.js (the evaluator passes a third 0)
  },
  {
    name: 'minimum', arity: 2, kind: 'math', spellings: ['minimum', 'min', 'fmin'], display: 'minimum',
    f64: (a, b) => Math.min(a, b),
  },
  {
    name: 'clip', arity: 3, kind: 'math', spellings: ['clip', 'clip_by_value', 'clamp', 'clipByValue'], display: 'clip',
    f64: (x, lo, hi) => (Number.isNaN(x) ? NaN : Math.min(Math.max(x, lo), hi)),
  },
  { name: 'where', arity: 3, kind: 'select', spellings: ['where', 'select'], display: 'where', f64: (c, a, b) => (c ? a : b) },
  { name: 'less', arity: 2, kind: 'compare', spellings: ['less'], display: 'a < b', f64: (a, b) => +(a < b), boolean: true },
  { name: 'lessEqual', arity: 2, kind: 'compare', spellings: ['less_equal'], display: 'a <= b', f64: (a, b) => +(a <= b), boolean: true },
  { name: 'greater', arity: 2, kind: 'compare', spellings: ['greater'], display: 'a > b', f64: (a, b) => +(a > b), boolean: true },
  { name: 'greaterEqual', arity: 2, kind: 'compare', spellings: ['greater_equal'], display: 'a >= b', f64: (a, b) => +(a >= b), boolean: true },
  { name: 'equal', arity: 2, kind: 'compare', spellings: ['equal'], display: 'a == b', f64: (a, b) => +(a === b), boolean: true },
  { name: 'notEqual', arity: 2, kind: 'compare', spellings: ['not_equal'], display: 'a != b', f64: (a, b) => +(a !== b), boolean: true },
  { name: 'logicalAnd', arity: 2, kind: 'logic', spellings: ['logical_and'], display: 'a & b', f64: (a, b) => +(a !== 0 && b !== 0), boolean: true },
  { name: 'logicalOr', arity: 2, kind: 'logic', spellings: ['logical_or'], display: 'a | b', f64: (a, b) => +(a !== 0 || b !== 0), boolean: true },
  { name: 'logicalNot', arity: 1, kind: 'logic', spellings: ['logical_not'], display: '~a', f64: (a) => +(a === 0), boolean: true },
  /** A condition used as a 0/1 number (TF's cast(cond, float32)), as SelectV2's gradient does. */
  { name: 'cast', arity: 1, kind: 'arith', spellings: [], display: 'cast', f64: (a) => a },
  /** TF's step(x, alpha): 1 for x > 0, alpha otherwise, NaN for NaN (Abs's gradient). */
  { name: 'step', arity: 2, kind: 'math', spellings: [], display: 'step', f64: (a, alpha) => (Number.isNaN(a) ? NaN : a > 0 ? 1 : alpha) },
];

export const OPS: Readonly<Record<OpName, OpInfo>> = Object.fromEntries(table.map((op) => [op.name, op])) as Record<OpName, OpInfo>;
export const OP_NAMES: readonly OpName[] = table.map((op) => op.name);

/** Function-call spellings (lower case, prefix removed) to op names. */
export const CALLABLE: ReadonlyMap<string, OpName> = new Map(
  table.flatMap((op) => op.spellings.map((s) => [s, op.name] as const)),
);

/** Framework prefixes accepted and ignored in front of a function name. Longest first. */
export const PREFIXES: readonly string[] = [
  'tf.math.', 'tf.nn.', 'tf.keras.activations.', 'tf.', 'torch.special.', 'torch.nn.functional.', 'torch.',
  'np.', 'numpy.', 'jnp.', 'jax.numpy.', 'jax.nn.', 'F.', 'Math.', 'math.', 'scipy.special.', 'special.',
];

export const FORMAT_LIMITS: Readonly<Record<'float32' | 'float64', FormatLimits>> = {
  float32: { max: 3.4028234663852886e38, minNormal: 1.1754943508222875e-38, minSubnormal: 1.401298464324817e-45, epsilon: 2 ** -23 },
  float64: { max: Number.MAX_VALUE, minNormal: 2.2250738585072014e-308, minSubnormal: Number.MIN_VALUE, epsilon: 2 ** -52 },
};
