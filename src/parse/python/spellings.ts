/**
 * How ML code spells what the vocabulary has: the module paths whose functions are math ops, the constants, the calls
 * that are the identity here, the batch reductions, and the names not supported yet. Op names themselves come from
 * vocab/ops.ts (CALLABLE), so a spelling the vocabulary gains is accepted here too.
 */

/** Module paths (after import aliases are resolved) whose functions are looked up by name in the vocabulary. */
export const MATH_NAMESPACES: readonly string[] = [
  'numpy', 'jax.numpy', 'jax.nn', 'jax.scipy.special', 'jax.lax', 'math', 'scipy.special',
  'tensorflow', 'tensorflow.math', 'tensorflow.nn', 'tensorflow.keras.backend', 'tensorflow.keras.activations',
  'tensorflow.keras.ops', 'keras.backend', 'keras.ops', 'keras.activations', 'keras.src.ops',
  'torch', 'torch.special', 'torch.nn.functional', 'builtins',
  'tensorflow.linalg', 'tensorflow.experimental.numpy', 'torch.linalg', 'jax.numpy.linalg', 'numpy.linalg',
];

/** The longest known namespace a dotted path starts with, and the function name after it. */
export function splitNamespace(path: string): { namespace: string; name: string } | undefined {
  let best: string | undefined;
  for (const ns of MATH_NAMESPACES) {
    if (path.startsWith(`${ns}.`) && !path.slice(ns.length + 1).includes('.') && (best === undefined || ns.length > best.length)) best = ns;
  }
  return best === undefined ? undefined : { namespace: best, name: path.slice(best.length + 1) };
}

/** Exact decimal values of the constants code reads (2^-23 and 2^-126 exactly, not their shortest float text). */
export const PI = '3.14159265358979323846264338327950288419716939937510582097494';
export const E = '2.71828182845904523536028747135266249775724709369995957496697';
export const FINFO: Readonly<Record<'float32' | 'float64', Readonly<Record<string, string>>>> = {
  float32: {
    eps: '1.1920928955078125e-7',
    tiny: '1.1754943508222875079687365372222456778186655567720875215087517062784172594547271728515625e-38',
    smallest_normal: '1.1754943508222875079687365372222456778186655567720875215087517062784172594547271728515625e-38',
    max: '340282346638528859811704183484516925440',
  },
  float64: {
    eps: '2.220446049250313080847263336181640625e-16',
    tiny: '2.2250738585072014e-308',
    smallest_normal: '2.2250738585072014e-308',
    max: '1.7976931348623157e308',
  },
};

/** Dtype spellings, after the module prefix. */
export const DTYPES: Readonly<Record<string, 'float32' | 'float64'>> = { float32: 'float32', float64: 'float64', float: 'float64', double: 'float64', single: 'float32' };

/** Module attributes that are constants: math.pi, np.pi, torch.pi, np.e. */
export const MODULE_CONSTANTS: Readonly<Record<string, { text: string; constant: 'pi' | 'e' }>> = {
  pi: { text: PI, constant: 'pi' },
  e: { text: E, constant: 'e' },
};

/** Keras's fuzz factor: K.epsilon() is 1e-7 unless the user sets it. */
export const KERAS_EPSILON = '1e-7';
export const EPSILON_FUNCTIONS = new Set(['epsilon']);

/** Calls that return their argument unchanged for this analysis (a scalar stays a scalar, a dtype is the scan's). */
export const IDENTITY_CALLS = new Set([
  'constant', 'convert_to_tensor', 'cast', 'tensor', 'as_tensor', 'asarray', 'array', 'float', 'float32', 'float64',
  'to', 'type', 'type_as', 'double', 'item', 'squeeze', 'flatten', 'reshape', 'view', 'contiguous', 'identity',
]);

/** Calls that stack a few terms into a vector (the argument of logsumexp or norm over axis 0). */
export const STACK_CALLS = new Set(['stack', 'array', 'asarray', 'tensor', 'as_tensor', 'convert_to_tensor', 'constant']);

/** Reductions over the batch: analysed elementwise, with a note in the report. */
export const REDUCTIONS: Readonly<Record<string, 'mean' | 'sum' | 'max' | 'min'>> = {
  mean: 'mean', reduce_mean: 'mean', nanmean: 'mean', average: 'mean',
  sum: 'sum', reduce_sum: 'sum', nansum: 'sum',
  reduce_max: 'max', amax: 'max', reduce_min: 'min', amin: 'min',
};

/** Keyword arguments that select axes or shapes, which do not change an elementwise value. */
export const SHAPE_KEYWORDS = new Set(['axis', 'axes', 'dim', 'keepdims', 'keepdim', 'name', 'dtype', 'out']);

/**
 * Names losses use that the vocabulary does not have yet (another change adds them): refused with a clear message
 * at the call. Adding one to the vocabulary is one line there, and deleting it here.
 */
export const NOT_YET: ReadonlySet<string> = new Set([
  'hard_sigmoid', 'softmax', 'log_softmax', 'zeros_like', 'ones_like', 'stop_gradient', 'detach',
  'binary_crossentropy', 'binary_cross_entropy', 'binary_cross_entropy_with_logits', 'sigmoid_cross_entropy_with_logits',
  'categorical_crossentropy', 'cross_entropy', 'huber', 'huber_loss', 'smooth_l1_loss', 'log_cosh', 'logcosh',
  'poisson', 'poisson_nll_loss', 'kl_div', 'kl_divergence', 'kld', 'mse_loss', 'l1_loss', 'mean_squared_error',
]);
