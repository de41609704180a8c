/**
 * The op vocabulary: every op's name, arity, kind and how users spell it. A leaf that the parser and the graph both
 * read, so a function name is resolved once (by the parser) and every later stage is keyed by OpName. What an op
 * computes, and how it fails, is graph/ops.ts.
 */
export type OpName =
  | 'const' | 'var'
  | 'add' | 'sub' | 'mul' | 'div' | 'neg' | 'pow'
  | 'exp' | 'log' | 'expm1' | 'log1p' | 'sqrt' | 'abs' | 'square' | 'reciprocal' | 'sign'
  | 'sin' | 'cos' | 'tan' | 'tanh' | 'sinh' | 'cosh' | 'asin' | 'acos' | 'atan' | 'atan2'
  | 'sigmoid' | 'softplus' | 'relu' | 'logSigmoid' | 'logaddexp' | 'erf' | 'erfc' | 'rsqrt' | 'softsign' | 'elu' | 'selu' | 'silu' | 'gelu' | 'geluTanh' | 'mish' | 'xlogy' | 'xlog1py' | 'asinh' | 'acosh' | 'atanh' | 'log2' | 'log10' | 'relu6' | 'leakyRelu' | 'hypot' | 'sinc' | 'floor' | 'ceil' | 'round' | 'logsumexp' | 'logsumexp3' | 'norm' | 'norm3' | 'bceTorch' | 'bceLogitsTorch' | 'toFloat32' | 'maximum' | 'minimum' | 'clip' | 'where'
  | 'less' | 'lessEqual' | 'greater' | 'greaterEqual' | 'equal' | 'notEqual'
  | 'logicalAnd' | 'logicalOr' | 'logicalNot'
  | 'cast' | 'step' | 'keep';

export type OpKind = 'leaf' | 'arith' | 'math' | 'compare' | 'logic' | 'select';

export interface OpWord {
  name: OpName;
  /** Number of inputs (clip: x, lo, hi; step: x, alpha). */
  arity: number;
  kind: OpKind;
  /** How a user writes it as a function call (without framework prefix); empty for operator-only and internal ops. */
  spellings: string[];
  /** How it is shown in messages, e.g. "exp" or "a / b". */
  display: string;
  /** True when the result is a condition (0 or 1). */
  boolean?: boolean;
}

const words: OpWord[] = [
  { name: 'const', arity: 0, kind: 'leaf', spellings: [], display: 'constant' },
  { name: 'var', arity: 0, kind: 'leaf', spellings: [], display: 'variable' },
  { name: 'add', arity: 2, kind: 'arith', spellings: ['add'], display: 'a + b' },
  { name: 'sub', arity: 2, kind: 'arith', spellings: ['subtract'], display: 'a - b' },
  { name: 'mul', arity: 2, kind: 'arith', spellings: ['multiply'], display: 'a * b' },
  { name: 'div', arity: 2, kind: 'arith', spellings: ['divide', 'truediv', 'true_divide', 'div'], display: 'a / b' },
  { name: 'neg', arity: 1, kind: 'arith', spellings: ['negative', 'neg'], display: '-a' },
  { name: 'pow', arity: 2, kind: 'math', spellings: ['pow', 'power'], display: 'a ** b' },
  { name: 'exp', arity: 1, kind: 'math', spellings: ['exp'], display: 'exp' },
  { name: 'log', arity: 1, kind: 'math', spellings: ['log'], display: 'log' },
  { name: 'expm1', arity: 1, kind: 'math', spellings: ['expm1'], display: 'expm1' },
  { name: 'log1p', arity: 1, kind: 'math', spellings: ['log1p'], display: 'log1p' },
  { name: 'sqrt', arity: 1, kind: 'math', spellings: ['sqrt'], display: 'sqrt' },
  { name: 'abs', arity: 1, kind: 'math', spellings: ['abs', 'fabs', 'absolute'], display: 'abs' },
  { name: 'square', arity: 1, kind: 'math', spellings: ['square'], display: 'square' },
  { name: 'reciprocal', arity: 1, kind: 'math', spellings: ['reciprocal'], display: 'reciprocal' },
  { name: 'sign', arity: 1, kind: 'math', spellings: ['sign'], display: 'sign' },
  { name: 'sin', arity: 1, kind: 'math', spellings: ['sin'], display: 'sin' },
  { name: 'cos', arity: 1, kind: 'math', spellings: ['cos'], display: 'cos' },
  { name: 'tan', arity: 1, kind: 'math', spellings: ['tan'], display: 'tan' },
  { name: 'tanh', arity: 1, kind: 'math', spellings: ['tanh'], display: 'tanh' },
  { name: 'sinh', arity: 1, kind: 'math', spellings: ['sinh'], display: 'sinh' },
  { name: 'cosh', arity: 1, kind: 'math', spellings: ['cosh'], display: 'cosh' },
  { name: 'asin', arity: 1, kind: 'math', spellings: ['asin', 'arcsin'], display: 'asin' },
  { name: 'acos', arity: 1, kind: 'math', spellings: ['acos', 'arccos'], display: 'acos' },
  { name: 'atan', arity: 1, kind: 'math', spellings: ['atan', 'arctan'], display: 'atan' },
  { name: 'atan2', arity: 2, kind: 'math', spellings: ['atan2', 'arctan2'], display: 'atan2' },
  { name: 'sigmoid', arity: 1, kind: 'math', spellings: ['sigmoid', 'expit'], display: 'sigmoid' },
  { name: 'softplus', arity: 1, kind: 'math', spellings: ['softplus'], display: 'softplus' },
  { name: 'logSigmoid', arity: 1, kind: 'math', spellings: ['log_sigmoid', 'logsigmoid'], display: 'log_sigmoid' },
  { name: 'logaddexp', arity: 2, kind: 'math', spellings: ['logaddexp'], display: 'logaddexp' },
  { name: 'erf', arity: 1, kind: 'math', spellings: ['erf'], display: 'erf' },
  { name: 'erfc', arity: 1, kind: 'math', spellings: ['erfc'], display: 'erfc' },
  { name: 'rsqrt', arity: 1, kind: 'math', spellings: ['rsqrt'], display: 'rsqrt' },
  { name: 'softsign', arity: 1, kind: 'math', spellings: ['softsign', 'soft_sign'], display: 'softsign' },
  { name: 'elu', arity: 1, kind: 'math', spellings: ['elu'], display: 'elu' },
  { name: 'selu', arity: 1, kind: 'math', spellings: ['selu'], display: 'selu' },
  { name: 'silu', arity: 1, kind: 'math', spellings: ['silu', 'swish'], display: 'silu' },
  /** gelu(x): the exact (erf) form; gelu_tanh(x): the tanh approximation, gelu(x, approximate=True/'tanh') in Python. */
  { name: 'gelu', arity: 1, kind: 'math', spellings: ['gelu'], display: 'gelu' },
  { name: 'geluTanh', arity: 1, kind: 'math', spellings: ['gelu_tanh'], display: 'gelu_tanh' },
  { name: 'mish', arity: 1, kind: 'math', spellings: ['mish'], display: 'mish' },
  /** x * log(y), 0 where x == 0 (even for y <= 0): the 0 * log(0) = 0 of cross-entropies and KL. */
  { name: 'xlogy', arity: 2, kind: 'math', spellings: ['xlogy'], display: 'xlogy' },
  { name: 'xlog1py', arity: 2, kind: 'math', spellings: ['xlog1py'], display: 'xlog1py' },
  { name: 'asinh', arity: 1, kind: 'math', spellings: ['asinh', 'arcsinh'], display: 'asinh' },
  { name: 'acosh', arity: 1, kind: 'math', spellings: ['acosh', 'arccosh'], display: 'acosh' },
  { name: 'atanh', arity: 1, kind: 'math', spellings: ['atanh', 'arctanh'], display: 'atanh' },
  { name: 'log2', arity: 1, kind: 'math', spellings: ['log2'], display: 'log2' },
  { name: 'log10', arity: 1, kind: 'math', spellings: ['log10'], display: 'log10' },
  { name: 'relu6', arity: 1, kind: 'math', spellings: ['relu6'], display: 'relu6' },
  /** leaky_relu(x, slope): the slope is a constant, as clip's bounds. */
  { name: 'leakyRelu', arity: 2, kind: 'math', spellings: ['leaky_relu', 'leakyRelu'], display: 'leaky_relu' },
  { name: 'relu', arity: 1, kind: 'math', spellings: ['relu'], display: 'relu' },
  { name: 'hypot', arity: 2, kind: 'math', spellings: ['hypot'], display: 'hypot' },
  /** The normalised sinc, sin(pi x) / (pi x), 1 at 0 (numpy, torch, jnp, tf.experimental.numpy). */
  { name: 'sinc', arity: 1, kind: 'math', spellings: ['sinc'], display: 'sinc' },
  { name: 'floor', arity: 1, kind: 'math', spellings: ['floor'], display: 'floor' },
  { name: 'ceil', arity: 1, kind: 'math', spellings: ['ceil'], display: 'ceil' },
  /** Half to even, as TF, torch, jnp and TF.js round (and numpy's rint). */
  { name: 'round', arity: 1, kind: 'math', spellings: ['round', 'rint'], display: 'round' },
  /** log(exp(a) + exp(b)) over stacked terms, as the frameworks' reductions compute it; logsumexp3 is three terms. */
  { name: 'logsumexp', arity: 2, kind: 'math', spellings: ['logsumexp', 'reduce_logsumexp'], display: 'logsumexp' },
  { name: 'logsumexp3', arity: 3, kind: 'math', spellings: [], display: 'logsumexp' },
  /** The Euclidean norm of stacked terms, sqrt(a^2 + b^2) (norm of one term is abs); norm3 is three terms. */
  { name: 'norm', arity: 2, kind: 'math', spellings: ['norm'], display: 'norm' },
  { name: 'norm3', arity: 3, kind: 'math', spellings: [], display: 'norm' },
  /**
   * PyTorch's F.binary_cross_entropy(p, y) (its own kernel and fused backward): (y - 1) max(log1p(-p), -100)
   * - y max(log(p), -100). The Python front end makes it from torch's call; written by name it means the same.
   */
  { name: 'bceTorch', arity: 2, kind: 'math', spellings: ['binary_cross_entropy'], display: 'binary_cross_entropy' },
  /** PyTorch's F.binary_cross_entropy_with_logits(x, y): (1 - y) x - log_sigmoid(x), with its fused backward. */
  { name: 'bceLogitsTorch', arity: 2, kind: 'math', spellings: ['binary_cross_entropy_with_logits'], display: 'binary_cross_entropy_with_logits' },
  /**
   * A constant a framework computes in float32 and then casts (Keras's log(2.0) in log_cosh, in its float32 floatx):
   * rounded to float32 in every format; exactly its argument for the ground truth.
   */
  { name: 'toFloat32', arity: 1, kind: 'math', spellings: ['round_to_float32'], display: 'round_to_float32' },
  { name: 'maximum', arity: 2, kind: 'math', spellings: ['maximum', 'max', 'fmax'], display: 'maximum' },
  { name: 'minimum', arity: 2, kind: 'math', spellings: ['minimum', 'min', 'fmin'], display: 'minimum' },
  { name: 'clip', arity: 3, kind: 'math', spellings: ['clip', 'clip_by_value', 'clamp', 'clipByValue'], display: 'clip' },
  { name: 'where', arity: 3, kind: 'select', spellings: ['where', 'select'], display: 'where' },
  { name: 'less', arity: 2, kind: 'compare', spellings: ['less'], display: 'a < b', boolean: true },
  { name: 'lessEqual', arity: 2, kind: 'compare', spellings: ['less_equal'], display: 'a <= b', boolean: true },
  { name: 'greater', arity: 2, kind: 'compare', spellings: ['greater'], display: 'a > b', boolean: true },
  { name: 'greaterEqual', arity: 2, kind: 'compare', spellings: ['greater_equal'], display: 'a >= b', boolean: true },
  { name: 'equal', arity: 2, kind: 'compare', spellings: ['equal'], display: 'a == b', boolean: true },
  { name: 'notEqual', arity: 2, kind: 'compare', spellings: ['not_equal'], display: 'a != b', boolean: true },
  { name: 'logicalAnd', arity: 2, kind: 'logic', spellings: ['logical_and'], display: 'a & b', boolean: true },
  { name: 'logicalOr', arity: 2, kind: 'logic', spellings: ['logical_or'], display: 'a | b', boolean: true },
  { name: 'logicalNot', arity: 1, kind: 'logic', spellings: ['logical_not'], display: '~a', boolean: true },
  /** A condition used as a 0/1 number (TF's cast(cond, float32)), as SelectV2's gradient does. */
  { name: 'cast', arity: 1, kind: 'arith', spellings: [], display: 'cast' },
  /** TF's step(x, alpha): 1 for x > 0, alpha otherwise, NaN for NaN (Abs's gradient). */
  { name: 'step', arity: 2, kind: 'math', spellings: [], display: 'step' },
  /** keep(dy, cond): dy where cond holds, 0 elsewhere: TF's where_v2(cond, dy, zeros), torch's where and masked_fill. */
  { name: 'keep', arity: 2, kind: 'select', spellings: [], display: 'keep' },
];

export const VOCABULARY: Readonly<Record<OpName, OpWord>> = Object.fromEntries(words.map((w) => [w.name, w])) as Record<OpName, OpWord>;
export const OP_NAMES: readonly OpName[] = words.map((w) => w.name);

/** Function-call spellings (lower case, prefix removed) to op names. */
export const CALLABLE: ReadonlyMap<string, OpName> = new Map(words.flatMap((w) => w.spellings.map((s) => [s, w.name] as const)));

/**
 * Spellings that take a few terms (a stacked vector): the op for each count of terms, when it is not the spelling's
 * own arity. norm of one term is abs, as the frameworks' norm of a scalar.
 */
const VARIANTS: Readonly<Record<string, Readonly<Record<number, OpName>>>> = {
  logsumexp: { 2: 'logsumexp', 3: 'logsumexp3' },
  norm: { 1: 'abs', 2: 'norm', 3: 'norm3' },
};

/** The op a spelling's op becomes with n arguments (logsumexp of three terms is logsumexp3), or undefined if none. */
export function variantOf(op: OpName, n: number): OpName | undefined {
  const byCount = VARIANTS[op];
  if (byCount === undefined) return VOCABULARY[op].arity === n ? op : undefined;
  return byCount[n];
}

/** The argument counts an op's spelling accepts. */
export function aritiesOf(op: OpName): number[] {
  const byCount = VARIANTS[op];
  return byCount === undefined ? [VOCABULARY[op].arity] : Object.keys(byCount).map(Number);
}

/** The counts for a message: "2", "2 or 3", "1, 2 or 3". */
export function countsText(counts: readonly number[]): string {
  return counts.length === 1 ? String(counts[0]) : `${counts.slice(0, -1).join(', ')} or ${counts[counts.length - 1]}`;
}

/** Framework prefixes accepted and ignored in front of a function name. */
export const PREFIXES: readonly string[] = [
  'tf.math.', 'tf.nn.', 'tf.keras.activations.', 'tf.', 'torch.special.', 'torch.nn.functional.', 'torch.',
  'np.', 'numpy.', 'jnp.', 'jax.numpy.', 'jax.nn.', 'F.', 'Math.', 'math.', 'scipy.special.', 'special.',
];
