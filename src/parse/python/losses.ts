import type { Span } from '../../base/span.js';
import { UserError } from '../../base/user-error.js';
import type { OpName } from '../../vocab/ops.js';
import type { BinaryOperator, Expr } from '../ast.js';
import type { Lowering } from './lower.js';
import { reductionNote } from './notes.js';
import { KERAS_EPSILON } from './spellings.js';
import { constantOf, exprValue, type Value } from './values.js';

/**
 * The frameworks' built-in losses by name, each lowered to the op graph with its framework's own formula, read from
 * its source (Keras 3.15 keras/src/backend/tensorflow/nn.py and keras/src/losses/losses.py, TF 2.21 nn_impl.py,
 * PyTorch 2.13 aten Loss.cpp as torch/_decomp and torch/_refs write it, optax 0.2.8 losses/): elementwise, with the
 * batch reduction stated in a note as the other reductions are.
 */
export interface LossArgs {
  positional: Value[];
  keywords: Map<string, { value: Value; span: Span }>;
}

type Family = 'keras' | 'torch' | 'tf.nn' | 'optax';

interface LossSpec {
  family: Family;
  /** Parameter names in the function's order: the tensors first, then options with their defaults. */
  params: readonly string[];
  defaults?: Readonly<Record<string, string | boolean | null>>;
  /** The reduction the function applies over its last axis (Keras) or by its `reduction` argument (torch). */
  reduces?: 'mean' | 'sum';
  lower: (b: Build, a: Readonly<Record<string, Expr>>, o: Options) => Expr;
}

type Options = Readonly<Record<string, string | boolean | number | null>>;

/** AST builders at one span (the call's), so every node of a lowered loss points at the call. */
class Build {
  constructor(readonly span: Span) {}
  num(text: string): Expr {
    return { kind: 'number', text, span: this.span };
  }
  op(op: OpName, callee: string, ...args: Expr[]): Expr {
    return { kind: 'call', callee, op, calleeSpan: this.span, args, span: this.span };
  }
  bin(op: BinaryOperator, left: Expr, right: Expr): Expr {
    return { kind: 'binary', op, left, right, span: this.span };
  }
  neg(arg: Expr): Expr {
    return { kind: 'unary', op: '-', arg, span: this.span };
  }
  add = (a: Expr, b: Expr) => this.bin('+', a, b);
  sub = (a: Expr, b: Expr) => this.bin('-', a, b);
  mul = (a: Expr, b: Expr) => this.bin('*', a, b);
  div = (a: Expr, b: Expr) => this.bin('/', a, b);
  /** tf.nn.sigmoid_cross_entropy_with_logits: where(z >= 0, z, 0) - z * y + log1p(exp(where(z >= 0, -z, z))). */
  tfLogits(z: Expr, y: Expr): Expr {
    const cond = this.bin('>=', z, this.num('0'));
    const relu = this.op('where', 'where', cond, z, this.num('0'));
    const negAbs = this.op('where', 'where', cond, this.neg(z), z);
    return this.add(this.sub(relu, this.mul(z, y)), this.op('log1p', 'log1p', this.op('exp', 'exp', negAbs)));
  }
}

const eps = KERAS_EPSILON;

/** The tensor arguments each function reads, by its own parameter names. */
const SPECS: Readonly<Record<string, LossSpec>> = {
  // keras.losses.binary_crossentropy(y_true, y_pred, from_logits, label_smoothing, axis) -> ops.binary_crossentropy:
  // TF backend: clip(output, eps, 1 - eps); -(target log(output) + (1 - target) log(1 - output)); logits: tf.nn's
  'keras:binary_crossentropy': {
    family: 'keras', params: ['y_true', 'y_pred', 'from_logits', 'label_smoothing', 'axis'],
    defaults: { from_logits: false, label_smoothing: '0' }, reduces: 'mean',
    lower: (b, { y_true, y_pred }, o) => {
      const smoothing = Number(o['label_smoothing']);
      const y = smoothing ? b.add(b.mul(y_true!, b.num(String(1 - smoothing))), b.num(String(0.5 * smoothing))) : y_true!;
      if (o['from_logits'] === true) return b.tfLogits(y_pred!, y);
      const p = b.op('clip', 'clip_by_value', y_pred!, b.num(eps), b.sub(b.num('1'), b.num(eps)));
      const bce = b.add(b.mul(y, b.op('log', 'log', p)), b.mul(b.sub(b.num('1'), y), b.op('log', 'log', b.sub(b.num('1'), p))));
      return b.neg(bce);
    },
  },
  // tf.nn.sigmoid_cross_entropy_with_logits(labels, logits) (nn_impl.py)
  'tf.nn:sigmoid_cross_entropy_with_logits': {
    family: 'tf.nn', params: ['labels', 'logits'],
    lower: (b, { labels, logits }) => b.tfLogits(logits!, labels!),
  },
  // F.binary_cross_entropy_with_logits(input, target): (1 - target) * input - log_sigmoid(input)
  'torch:binary_cross_entropy_with_logits': {
    family: 'torch', params: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction', 'pos_weight'],
    defaults: { weight: null, pos_weight: null, reduction: 'mean' }, reduces: 'mean',
    // one op: its fused backward, (sigmoid(input) - target) * grad, differs from the formula's
    lower: (b, { input, target }) => b.op('bceLogitsTorch', 'binary_cross_entropy_with_logits', input!, target!),
  },
  // F.binary_cross_entropy(input, target): (target - 1) max(log1p(-input), -100) - target max(log(input), -100)
  'torch:binary_cross_entropy': {
    family: 'torch', params: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction'],
    defaults: { weight: null, reduction: 'mean' }, reduces: 'mean',
    // one op: its fused backward differs from the formula's (d/dy is -logit(p), unclamped)
    lower: (b, { input, target }) => b.op('bceTorch', 'binary_cross_entropy', input!, target!),
  },
  // optax.sigmoid_binary_cross_entropy(logits, labels): -labels log_sigmoid(logits) - (1 - labels) log_sigmoid(-logits)
  'optax:sigmoid_binary_cross_entropy': {
    family: 'optax', params: ['logits', 'labels'],
    lower: (b, { logits, labels }) => b.sub(
      b.mul(b.neg(labels!), b.op('logSigmoid', 'log_sigmoid', logits!)),
      b.mul(b.sub(b.num('1'), labels!), b.op('logSigmoid', 'log_sigmoid', b.neg(logits!))),
    ),
  },
  // keras.losses.huber(y_true, y_pred, delta): e = y_pred - y_true; where(|e| <= delta, 0.5 e^2, delta |e| - 0.5 delta^2)
  'keras:huber': {
    family: 'keras', params: ['y_true', 'y_pred', 'delta'], defaults: { delta: '1.0' }, reduces: 'mean',
    lower: (b, { y_true, y_pred }, o) => {
      const e = b.sub(y_pred!, y_true!);
      const abs = b.op('abs', 'abs', e);
      const d = b.num(String(o['delta']));
      return b.op('where', 'where', b.bin('<=', abs, d), b.mul(b.num('0.5'), b.op('square', 'square', e)),
        b.sub(b.mul(d, abs), b.mul(b.num('0.5'), b.op('square', 'square', d))));
    },
  },
  // F.huber_loss(input, target, reduction, delta): z = |input - target|; where(z < delta, 0.5 z z, delta (z - 0.5 delta))
  'torch:huber_loss': {
    family: 'torch', params: ['input', 'target', 'reduction', 'delta', 'weight'], defaults: { reduction: 'mean', delta: '1.0', weight: null }, reduces: 'mean',
    lower: (b, { input, target }, o) => {
      const z = b.op('abs', 'abs', b.sub(input!, target!));
      const d = b.num(String(o['delta']));
      return b.op('where', 'where', b.bin('<', z, d), b.mul(b.mul(b.num('0.5'), z), z), b.mul(d, b.sub(z, b.mul(b.num('0.5'), d))));
    },
  },
  // F.smooth_l1_loss(input, target, reduction, beta): where(z < beta, 0.5 z z / beta, z - 0.5 beta)
  'torch:smooth_l1_loss': {
    family: 'torch', params: ['input', 'target', 'size_average', 'reduce', 'reduction', 'beta'], defaults: { reduction: 'mean', beta: '1.0' }, reduces: 'mean',
    lower: (b, { input, target }, o) => {
      const z = b.op('abs', 'abs', b.sub(input!, target!));
      const beta = b.num(String(o['beta']));
      return b.op('where', 'where', b.bin('<', z, beta), b.div(b.mul(b.mul(b.num('0.5'), z), z), beta), b.sub(z, b.mul(b.num('0.5'), beta)));
    },
  },
  // optax.huber_loss(predictions, targets, delta): q = min(|e|, delta); 0.5 q^2 + delta (|e| - q)
  'optax:huber_loss': {
    family: 'optax', params: ['predictions', 'targets', 'delta'], defaults: { delta: '1.0' },
    lower: (b, { predictions, targets }, o) => {
      const abs = b.op('abs', 'abs', b.sub(predictions!, targets!));
      const d = b.num(String(o['delta']));
      const q = b.op('minimum', 'minimum', abs, d);
      return b.add(b.mul(b.num('0.5'), b.bin('**', q, b.num('2'))), b.mul(d, b.sub(abs, q)));
    },
  },
  // keras.losses.log_cosh(y_true, y_pred): x + softplus(-2 x) - log(2), x = y_pred - y_true
  'keras:log_cosh': {
    family: 'keras', params: ['y_true', 'y_pred'], reduces: 'mean',
    lower: (b, { y_true, y_pred }) => {
      const x = b.sub(y_pred!, y_true!);
      // log2 = convert_to_tensor(ops.log(2.0), dtype): the log is taken in Keras's float32 floatx, then cast
      const log2 = b.op('toFloat32', 'round_to_float32', b.op('log', 'log', b.num('2.0')));
      return b.sub(b.add(x, b.op('softplus', 'softplus', b.mul(x, b.num('-2.0')))), log2);
    },
  },
  // keras.losses.poisson(y_true, y_pred): y_pred - y_true log(y_pred + eps)
  'keras:poisson': {
    family: 'keras', params: ['y_true', 'y_pred'], reduces: 'mean',
    lower: (b, { y_true, y_pred }) => b.sub(y_pred!, b.mul(y_true!, b.op('log', 'log', b.add(y_pred!, b.num(eps))))),
  },
  // F.poisson_nll_loss(input, target, log_input=True, full=False, ..., eps=1e-8): exp(input) - target input, or
  // input - target log(input + eps)
  'torch:poisson_nll_loss': {
    family: 'torch', params: ['input', 'target', 'log_input', 'full', 'size_average', 'eps', 'reduce', 'reduction'],
    defaults: { log_input: true, full: false, eps: '1e-8', reduction: 'mean' }, reduces: 'mean',
    lower: (b, { input, target }, o) => (o['log_input'] === false
      ? b.sub(input!, b.mul(target!, b.op('log', 'log', b.add(input!, b.num(String(o['eps']))))))
      : b.sub(b.op('exp', 'exp', input!), b.mul(target!, input!))),
  },
  // keras.losses.kl_divergence(y_true, y_pred): both clipped to [eps, 1]; y_true log(y_true / y_pred), summed
  'keras:kl_divergence': {
    family: 'keras', params: ['y_true', 'y_pred'], reduces: 'sum',
    lower: (b, { y_true, y_pred }) => {
      const t = b.op('clip', 'clip', y_true!, b.num(eps), b.num('1'));
      const p = b.op('clip', 'clip', y_pred!, b.num(eps), b.num('1'));
      return b.mul(t, b.op('log', 'log', b.div(t, p)));
    },
  },
  // F.kl_div(input, target, ..., log_target=False) (aten Loss.cpp): xlogy(target, target) - target input, or
  // exp(target) (target - input) with log_target
  'torch:kl_div': {
    family: 'torch', params: ['input', 'target', 'size_average', 'reduce', 'reduction', 'log_target'],
    defaults: { reduction: 'mean', log_target: false }, reduces: 'mean',
    lower: (b, { input, target }, o) => (o['log_target'] === true
      ? b.mul(b.op('exp', 'exp', target!), b.sub(target!, input!))
      : b.sub(b.op('xlogy', 'xlogy', target!, target!), b.mul(target!, input!))),
  },
  'keras:mean_squared_error': {
    family: 'keras', params: ['y_true', 'y_pred'], reduces: 'mean',
    lower: (b, { y_true, y_pred }) => b.op('square', 'square', b.sub(y_true!, y_pred!)),
  },
  'torch:mse_loss': {
    family: 'torch', params: ['input', 'target', 'size_average', 'reduce', 'reduction', 'weight'], defaults: { reduction: 'mean', weight: null }, reduces: 'mean',
    lower: (b, { input, target }) => b.bin('**', b.sub(input!, target!), b.num('2')),
  },
  'torch:l1_loss': {
    family: 'torch', params: ['input', 'target', 'size_average', 'reduce', 'reduction'], defaults: { reduction: 'mean' }, reduces: 'mean',
    lower: (b, { input, target }) => b.op('abs', 'abs', b.sub(input!, target!)),
  },
};

/** Keras's other names for its losses (keras.losses.kld, K.binary_crossentropy, keras.ops.binary_crossentropy). */
const KERAS_ALIASES: Readonly<Record<string, string>> = {
  logcosh: 'log_cosh', kld: 'kl_divergence', kullback_leibler_divergence: 'kl_divergence', mse: 'mean_squared_error',
  huber_loss: 'huber',
};

const KERAS_KEYWORDS: Readonly<Record<string, string>> = { target: 'y_true', output: 'y_pred' };

/** Which family a dotted path's module belongs to. */
function familyOf(path: string): Family | undefined {
  if (/(^|\.)keras(\.|$)/.test(path)) return 'keras';
  if (path.startsWith('torch.nn.functional.') || path.startsWith('torch.')) return 'torch';
  if (path.startsWith('tensorflow.nn.') || path.startsWith('tensorflow.math.')) return 'tf.nn';
  if (path.startsWith('optax.')) return 'optax';
  return undefined;
}

/** The spec of a built-in loss at this path (tensorflow.keras.losses.huber, torch.nn.functional.kl_div, ...). */
export function lossAt(path: string): LossSpec | undefined {
  const family = familyOf(path);
  if (family === undefined) return undefined;
  const name = path.slice(path.lastIndexOf('.') + 1);
  return SPECS[`${family}:${family === 'keras' ? KERAS_ALIASES[name] ?? name : name}`];
}

/** A built-in loss call, lowered to its formula; its options must be known when the file is read. */
export function lowerLoss(lw: Lowering, spec: LossSpec, path: string, args: LossArgs, span: Span, calleeSpan: Span): Value {
  const name = path.slice(path.lastIndexOf('.') + 1);
  const given = new Map<string, { value: Value; span: Span }>();
  args.positional.forEach((v, i) => {
    const p = spec.params[i];
    if (p === undefined) throw new UserError(`'${name}' takes at most ${spec.params.length} arguments`, span);
    given.set(p, { value: v, span });
  });
  // the Keras backend's spelling (K.binary_crossentropy(target, output)) names the same two tensors differently
  const rename = spec.family === 'keras' ? KERAS_KEYWORDS : {};
  for (const [written, v] of args.keywords) {
    const k = rename[written] ?? written;
    if (!spec.params.includes(k) && k !== 'name') throw new UserError(`'${name}' has no parameter '${k}'`, v.span);
    if (given.has(k)) throw new UserError(`'${name}' got '${k}' twice`, v.span);
    given.set(k, v);
  }
  const tensors = spec.params.filter((p) => !(spec.defaults && p in spec.defaults) && !['axis', 'size_average', 'reduce', 'name'].includes(p));
  const exprs: Record<string, Expr> = {};
  for (const p of tensors) {
    const v = given.get(p);
    if (v === undefined) throw new UserError(`'${name}' needs its argument '${p}'`, span);
    exprs[p] = lw.asExpr(v.value);
  }
  const options: Record<string, string | boolean | number | null> = {};
  for (const [p, d] of Object.entries(spec.defaults ?? {})) {
    const v = given.get(p);
    if ((p === 'weight' || p === 'pos_weight') && v !== undefined && !(v.value.kind === 'literal' && v.value.value === null)) {
      throw new UserError(`the '${p}' of '${name}' is not supported`, v.span);
    }
    const c = v === undefined ? d : constantOf(v.value);
    if (c === undefined) throw new UserError(`'${p}' of '${name}' must be known when the file is read`, v!.span);
    options[p] = c;
  }
  if (options['full'] === true) throw new UserError(`'full=True' of '${name}' (the Stirling term) is not supported`, given.get('full')!.span);
  for (const p of ['delta', 'beta', 'eps', 'label_smoothing']) {
    if (options[p] !== undefined && !Number.isFinite(Number(options[p]))) throw new UserError(`'${p}' of '${name}' must be a number`, given.get(p)?.span ?? span);
  }
  const reduction = options['reduction'];
  if (spec.family === 'torch' && reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum') {
    throw new UserError(`'reduction' of '${name}' must be 'mean', 'sum' or 'none'`, given.get('reduction')?.span ?? span);
  }
  // Keras reduces over the last axis in keras.losses (and metrics), not in the backend's or keras.ops's spelling
  const kind = spec.family === 'torch' ? (reduction === 'none' ? undefined : reduction as 'mean' | 'sum')
    : spec.family === 'keras' && !/\.(losses|metrics)\./.test(path) ? undefined : spec.reduces;
  if (kind !== undefined) lw.ctx.notes.push(reductionNote(kind, calleeSpan));
  return exprValue(spec.lower(new Build(span), exprs, options));
}
