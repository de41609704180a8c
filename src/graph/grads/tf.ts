import type { OpName } from '../../vocab/ops.js';
import { LINEAR, none } from './linear.js';
import { bceLogitsTorchRule, bceTorchRule, castRule } from './torch.js';
import type { GradContext, GradRule, GradTable, Ref } from './table.js';

/** SELU's scale and scale * alpha as the kernels write them (relu_op_functor.h). */
const SCALE = '1.0507009873554804934193349852946';
const SCALE_ALPHA = '1.7580993408473768599402175208123';

/** tf.nn.gelu's constants: float32 tensors cast to the input's dtype (measured in the float64 goldens). */
const F32_SQRT_HALF = String(Math.fround(Math.SQRT1_2));
const F32_KAPPA = String(Math.fround(0.044715));

/** TF's xdivy(x, y): 0 where x == 0, else x / y. */
const xdivy = (g: GradContext, x: Ref, y: Ref): Ref => g.where(g.equal(x, g.num('0')), g.num('0'), g.div(x, y));


/**
 * The fused TF gradient kernels SqrtGrad, RsqrtGrad and ReciprocalGrad (tensorflow/core/kernels/cwise_ops_gradients.h)
 * return 0 where the upstream gradient is 0, whatever the other factor: a branch masked off by where stays 0.
 */
const unlessZeroDy = (g: GradContext, value: Ref): Ref => g.keep(value, g.notEqual(g.dy, g.num('0')));

/**
 * TensorFlow's gradient rules (tensorflow/python/ops/math_grad.py and array_grad.py, TF 2.21), op for op and in the
 * same order of operations. Where the Python rule calls a fused kernel (SqrtGrad, TanhGrad, SigmoidGrad, SoftplusGrad)
 * the kernel's formula is written out from tensorflow/core/kernels.
 */
/**
 * tf has no logaddexp op: tf.experimental.numpy.logaddexp (np_math_ops.py) is
 * where(is_nan(a - b), a + b, maximum(a, b) + log1p(exp(-abs(a - b)))), differentiated op by op: _SelectGradV2's
 * selects, _MaximumMinimumGrad (a tie goes to a), _Log1pGrad, _ExpGrad, _NegGrad, _AbsGrad (sign), _SubGrad.
 */
export const logaddexpComposite: GradRule = (g) => {
  const [a, b] = g.x;
  const delta = () => g.sub(a!, b!);
  const isNan = () => g.notEqual(delta(), delta());
  const viaSum = () => g.keep(g.dy, isNan());
  const viaMax = () => g.keep(g.dy, g.logicalNot(isNan()));
  // d/d(delta) of log1p(exp(-abs(delta))): e * reciprocal(1 + E) * E, negated, times sign(delta)
  const dDelta = () => {
    const e = g.exp(g.neg(g.abs(delta())));
    return g.mul(g.neg(g.mul(g.mul(viaMax(), g.reciprocal(g.add(g.num('1'), e))), e)), g.sign(delta()));
  };
  const ge = () => g.greaterEqual(a!, b!);
  return [
    () => g.add(g.add(viaSum(), g.keep(viaMax(), ge())), dDelta()),
    () => g.add(g.add(viaSum(), g.keep(viaMax(), g.logicalNot(ge()))), g.neg(dDelta())),
  ];
};

/** is_finite(m) as a condition: |m| < inf (false for NaN). */
const isFinite = (g: GradContext, m: Ref): Ref => g.less(g.abs(m), g.num('Infinity'));

/** The reduce_max of the terms, NaN if any is (NaN propagates through the maximum). */
const maxOf = (g: GradContext, xs: readonly Ref[]): Ref => xs.slice(1).reduce((m, x) => g.maximum(m, x), xs[0]!);

/**
 * tf.math.reduce_logsumexp(tf.stack(xs), 0) (math_ops.py): log(reduce_sum(exp(x - my_max))) + my_max, my_max =
 * stop_gradient(where(is_finite(max), max, 0)): _LogGrad (grad * reciprocal(sum)), _SumGrad (broadcast), _ExpGrad
 * (grad * y), _SubGrad; nothing flows into my_max.
 */
const logsumexpTf: GradRule = (g) => {
  const m = () => {
    const max = maxOf(g, g.x);
    return g.where(isFinite(g, max), max, g.num('0'));
  };
  const e = (x: Ref) => g.exp(g.sub(x, m()));
  const sum = () => g.x.slice(1).reduce((s, x) => g.add(s, e(x)), e(g.x[0]!));
  return g.x.map((x) => () => g.mul(g.mul(g.dy, g.reciprocal(sum())), e(x)));
};

/**
 * tf.norm(tf.stack(xs), axis=0) (linalg_ops.py): sqrt(reduce_sum(t * conj(t))), conj the identity for reals:
 * SqrtGrad's fused kernel (0 where dy is 0, else 0.5 * dy / y), _SumGrad, _MulGrad into both factors (the same t).
 */
const normTf: GradRule = (g) => {
  const ds = () => unlessZeroDy(g, g.div(g.mul(g.num('0.5'), g.dy), g.y));
  return g.x.map((x) => () => g.add(g.mul(ds(), x), g.mul(ds(), x)));
};

const rules: Record<OpName, GradRule> = {
  ...LINEAR, // _AddGrad / _SubGrad / _NegGrad
  // _MulGrad: grad * y, grad * x
  mul: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, b!), () => g.mul(g.dy, a!)];
  },
  // _RealDivGrad: grad / y; grad * ((-x / y) / y) (finite where y^2 would underflow)
  div: (g) => {
    const [a, b] = g.x;
    return [() => g.div(g.dy, b!), () => g.mul(g.dy, g.div(g.div(g.neg(a!), b!), b!))];
  },
  // _PowGrad: grad * y * pow(x, y - 1); grad * z * where(x > 0, log(where(x > 0, x, 1)), 0)
  pow: (g) => {
    const [a, b] = g.x;
    return [
      () => g.mul(g.mul(g.dy, b!), g.pow(a!, g.sub(b!, g.num('1')))),
      () => {
        const mask = g.greater(a!, g.num('0'));
        return g.mul(g.mul(g.dy, g.y), g.where(mask, g.log(g.where(mask, a!, g.num('1'))), g.num('0')));
      },
    ];
  },
  // _ExpGrad: grad * y
  exp: (g) => [() => g.mul(g.dy, g.y)],
  // _LogGrad: grad * reciprocal(x)
  log: (g) => [() => g.mul(g.dy, g.reciprocal(g.x[0]!))],
  // _Expm1Grad: grad * exp(x)
  expm1: (g) => [() => g.mul(g.dy, g.exp(g.x[0]!))],
  // _Log1pGrad: grad * reciprocal(1 + x)
  log1p: (g) => [() => g.mul(g.dy, g.reciprocal(g.add(g.num('1'), g.x[0]!)))],
  // _SqrtGrad -> SqrtGrad kernel: dy == 0 ? 0 : 0.5 * dy / y
  sqrt: (g) => [() => unlessZeroDy(g, g.div(g.mul(g.num('0.5'), g.dy), g.y))],
  // _AbsGrad: grad * sign(x)  (0 at 0, NaN at NaN)
  abs: (g) => [() => g.mul(g.dy, g.sign(g.x[0]!))],
  // _SquareGrad: grad * (x * 2)
  square: (g) => [() => g.mul(g.dy, g.mul(g.x[0]!, g.num('2')))],
  // _ReciprocalGrad -> ReciprocalGrad kernel: dy == 0 ? 0 : -y * y * dy
  reciprocal: (g) => [() => unlessZeroDy(g, g.mul(g.mul(g.neg(g.y), g.y), g.dy))],
  // _SignGrad: zeros
  sign: (g) => [() => g.num('0')],
  // _SinGrad: grad * cos(x); _CosGrad: -grad * sin(x); _TanGrad: grad * square(reciprocal(cos(x)))
  sin: (g) => [() => g.mul(g.dy, g.cos(g.x[0]!))],
  cos: (g) => [() => g.mul(g.neg(g.dy), g.sin(g.x[0]!))],
  tan: (g) => [() => g.mul(g.dy, g.square(g.reciprocal(g.cos(g.x[0]!))))],
  // _TanhGrad -> TanhGrad kernel: dy * (1 - y * y)
  tanh: (g) => [() => g.mul(g.dy, g.sub(g.num('1'), g.mul(g.y, g.y)))],
  // _SinhGrad: grad * cosh(x); _CoshGrad: grad * sinh(x)
  sinh: (g) => [() => g.mul(g.dy, g.cosh(g.x[0]!))],
  cosh: (g) => [() => g.mul(g.dy, g.sinh(g.x[0]!))],
  // _AsinGrad: grad * reciprocal(sqrt(1 - square(x))); _AcosGrad: -grad * (same); _AtanGrad: grad * reciprocal(1 + square(x))
  asin: (g) => [() => g.mul(g.dy, g.reciprocal(g.sqrt(g.sub(g.num('1'), g.square(g.x[0]!)))))],
  acos: (g) => [() => g.mul(g.neg(g.dy), g.reciprocal(g.sqrt(g.sub(g.num('1'), g.square(g.x[0]!)))))],
  atan: (g) => [() => g.mul(g.dy, g.reciprocal(g.add(g.num('1'), g.square(g.x[0]!))))],
  // _Atan2Grad (atan2(y, x)): grad_inv = grad / (square(x) + square(y)); x * grad_inv, -y * grad_inv
  atan2: (g) => {
    const [a, b] = g.x;
    const inv = () => g.div(g.dy, g.add(g.square(b!), g.square(a!)));
    return [() => g.mul(b!, inv()), () => g.mul(g.neg(a!), inv())];
  },
  // _SigmoidGrad -> SigmoidGrad kernel: dy * y * (1 - y)
  sigmoid: (g) => [() => g.mul(g.mul(g.dy, g.y), g.sub(g.num('1'), g.y))],
  // _SoftplusGrad -> SoftplusGrad kernel: dy / (exp(-x) + 1)
  softplus: (g) => [() => g.div(g.dy, g.add(g.exp(g.neg(g.x[0]!)), g.num('1')))],
  // log_sigmoid is neg(softplus(neg(x))) (math_ops.py): _NegGrad, SoftplusGrad (dy / (exp(-u) + 1)), _NegGrad
  logSigmoid: (g) => [() => g.neg(g.div(g.neg(g.dy), g.add(g.exp(g.neg(g.neg(g.x[0]!))), g.num('1'))))],
  logaddexp: logaddexpComposite,
  // _ErfGrad: grad * (2/sqrt(pi)) * exp(-square(x)); _ErfcGrad: grad * (-2/sqrt(pi)) * exp(-square(x))
  erf: (g) => [() => g.mul(g.mul(g.dy, g.num('1.1283791670955126')), g.exp(g.neg(g.square(g.x[0]!))))],
  erfc: (g) => [() => g.mul(g.mul(g.dy, g.num('-1.1283791670955126')), g.exp(g.neg(g.square(g.x[0]!))))],
  // _RsqrtGrad -> RsqrtGrad kernel (cwise_ops_gradients.h): dy == 0 ? 0 : -0.5 * (dy * y) * (y * y)
  rsqrt: (g) => [() => unlessZeroDy(g, g.mul(g.mul(g.num('-0.5'), g.mul(g.dy, g.y)), g.mul(g.y, g.y)))],
  // _SoftsignGrad -> SoftsignGrad kernel: gradients / (1 + |features|).square()
  softsign: (g) => [() => g.div(g.dy, g.square(g.add(g.num('1'), g.abs(g.x[0]!))))],
  // _EluGrad -> EluGrad kernel (relu_op_functor.h): (features < 0).select(gradients * (activations + 1), gradients)
  elu: (g) => [() => g.where(g.less(g.x[0]!, g.num('0')), g.mul(g.dy, g.add(g.y, g.num('1'))), g.dy)],
  // _SeluGrad -> SeluGrad kernel: (activations < 0).select(gradients * (activations + scale * alpha), gradients * scale)
  selu: (g) => [() => g.where(g.less(g.y, g.num('0')), g.mul(g.dy, g.add(g.y, g.num(SCALE_ALPHA))), g.mul(g.dy, g.num(SCALE)))],
  // tf.nn.silu's custom gradient (nn_impl.py swish): s = sigmoid(x); dy * (s * (1 + x * (1 - s)))
  silu: (g) => {
    const x = g.x[0]!;
    const s = g.sigmoid(x);
    return [() => g.mul(g.dy, g.mul(s, g.add(g.num('1'), g.mul(x, g.sub(g.num('1'), s)))))];
  },
  // _Relu6Grad -> Relu6Grad kernel: gradients * ((features > 0) & (features < 6)), a multiply
  relu6: (g) => {
    const x = g.x[0]!;
    return [() => g.mul(g.dy, g.cast(g.logicalAnd(g.greater(x, g.num('0')), g.less(x, g.num('6')))))];
  },
  // _LeakyReluGrad -> LeakyReluGrad kernel: (features > 0).select(gradients, gradients * alpha); alpha is a float32
  // attribute, so float64 uses fround(alpha) (0.009999999776482582 measured)
  leakyRelu: (g) => {
    const [x, slope] = g.x;
    const text = g.literal(slope!);
    const alpha = text === undefined ? slope! : g.num(String(Math.fround(Number(text))));
    return [() => g.where(g.greater(x!, g.num('0')), g.dy, g.mul(g.dy, alpha)), null];
  },
  // tf.nn.gelu (nn_ops.py; its constants are float32 tensors cast to the dtype, so float32-rounded), exact: 0.5 * x * erfc(-x * 0.7071067811865476), differentiated op by op (_MulGrad,
  // _ErfcGrad: grad * (-2/sqrt(pi)) * exp(-square(m)), _NegGrad)
  gelu: (g) => {
    const x = g.x[0]!;
    const c = g.num(F32_SQRT_HALF);
    const m = g.mul(g.neg(x), c);
    const viaT = () => g.mul(g.mul(g.dy, g.erfc(m)), g.num('0.5'));
    const viaE = () => g.neg(g.mul(g.mul(g.mul(g.mul(g.dy, g.mul(g.num('0.5'), x)), g.num('-1.1283791670955126')), g.exp(g.neg(g.square(m)))), c));
    return [() => g.add(viaT(), viaE())];
  },
  // tf.nn.gelu(approximate=True): 0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * pow(x, 3)))), op by op
  // (_TanhGrad's dy * (1 - y * y), _PowGrad's grad * 3 * pow(x, 2))
  geluTanh: (g) => {
    const x = g.x[0]!;
    const th = g.tanh(g.mul(g.num('0.7978845608028654'), g.add(x, g.mul(g.num(F32_KAPPA), g.pow(x, g.num('3'))))));
    const du = () => g.mul(g.mul(g.dy, g.mul(g.num('0.5'), x)), g.sub(g.num('1'), g.mul(th, th)));
    const dv = () => g.mul(du(), g.num('0.7978845608028654'));
    return [() => g.add(g.add(g.mul(g.mul(g.dy, g.add(g.num('1'), th)), g.num('0.5')), dv()), g.mul(g.mul(g.mul(dv(), g.num(F32_KAPPA)), g.num('3')), g.pow(x, g.num('2'))))];
  },
  // keras.activations.mish: x * tanh(softplus(x)), op by op (_MulGrad, TanhGrad, SoftplusGrad dy / (exp(-x) + 1))
  mish: (g) => {
    const x = g.x[0]!;
    const th = g.tanh(g.softplus(x));
    return [() => g.add(g.mul(g.dy, th), g.div(g.mul(g.mul(g.dy, x), g.sub(g.num('1'), g.mul(th, th))), g.add(g.exp(g.neg(x)), g.num('1'))))];
  },
  // _AsinhGrad: grad / cosh(y); _AcoshGrad: grad / sinh(y); _AtanhGrad: grad * reciprocal(1 - square(x))
  asinh: (g) => [() => g.div(g.dy, g.cosh(g.y))],
  acosh: (g) => [() => g.div(g.dy, g.sinh(g.y))],
  atanh: (g) => [() => g.mul(g.dy, g.reciprocal(g.sub(g.num('1'), g.square(g.x[0]!))))],
  // tf.experimental.numpy.log2/log10 are log(x) / log(b) (np_math_ops.py): _RealDivGrad then _LogGrad
  log2: (g) => [() => g.mul(g.div(g.dy, g.log(g.num('2'))), g.reciprocal(g.x[0]!))],
  log10: (g) => [() => g.mul(g.div(g.dy, g.log(g.num('10'))), g.reciprocal(g.x[0]!))],
  // _XLogyGrad: partial_x = xlogy(cast(x != 0), y), partial_y = xdivy(x, y) (x == 0 ? 0 : x / y); partial * grad.
  // _XLog1pyGrad: the same with xlog1py and xdivy(x, y + 1)
  xlogy: (g) => {
    const [x, y] = g.x;
    return [() => g.mul(g.xlogy(g.cast(g.notEqual(x!, g.num('0'))), y!), g.dy), () => g.mul(xdivy(g, x!, y!), g.dy)];
  },
  xlog1py: (g) => {
    const [x, y] = g.x;
    return [() => g.mul(g.xlog1py(g.cast(g.notEqual(x!, g.num('0'))), y!), g.dy), () => g.mul(xdivy(g, x!, g.add(y!, g.num('1'))), g.dy)];
  },
  // _ReluGrad -> ReluGrad kernel: gradients * (features > 0) (relu_op_functor.h): a multiply, so inf * 0 = NaN
  relu: (g) => [() => g.mul(g.dy, g.cast(g.greater(g.x[0]!, g.num('0'))))],
  // tf.experimental.numpy.hypot is sqrt(square(x1) + square(x2)) (np_math_ops.py): SqrtGrad's fused kernel, then
  // _SquareGrad (grad * (2 * x)) for each
  // only torch's F.binary_cross_entropy makes this node: torch's fused rule (grads/torch.ts)
  bceTorch: bceTorchRule,
  bceLogitsTorch: bceLogitsTorchRule,
  toFloat32: castRule,
  hypot: (g) => {
    const ds = () => unlessZeroDy(g, g.div(g.mul(g.num('0.5'), g.dy), g.y));
    return g.x.map((x) => () => g.mul(ds(), g.mul(x, g.num('2'))));
  },
  // tf.experimental.numpy.sinc: where_v2(x == 0, 1, sin(pi_x) / pi_x), pi_x = x * pi (np_math_ops.py): _SelectGradV2
  // (the else branch: where_v2(x == 0, 0, grad)), _RealDivGrad, _SinGrad, _MulGrad; at 0 the masked 0 meets 0 / 0
  sinc: (g) => {
    const x = g.x[0]!;
    const pi = () => g.num('3.141592653589793');
    return [() => {
      const px = g.mul(x, pi());
      const dq = g.keep(g.dy, g.logicalNot(g.equal(x, g.num('0'))));
      const dNum = g.mul(g.div(dq, px), g.cos(px));
      const dDen = g.mul(dq, g.div(g.div(g.neg(g.sin(px)), px), px));
      return g.mul(g.add(dNum, dDen), pi());
    }];
  },
  // floor, ceil, round: no gradient registered (ops.NotDifferentiable): the tape returns None
  floor: none, ceil: none, round: none,
  logsumexp: logsumexpTf, logsumexp3: logsumexpTf,
  norm: normTf, norm3: normTf,
  // _MaximumMinimumGrad: where_v2(x >= y, grad, 0), where_v2(x >= y, 0, grad) (minimum: x <= y): selects, ties to x
  maximum: (g) => {
    const [a, b] = g.x;
    return [() => g.keep(g.dy, g.greaterEqual(a!, b!)), () => g.keep(g.dy, g.logicalNot(g.greaterEqual(a!, b!)))];
  },
  minimum: (g) => {
    const [a, b] = g.x;
    return [() => g.keep(g.dy, g.lessEqual(a!, b!)), () => g.keep(g.dy, g.logicalNot(g.lessEqual(a!, b!)))];
  },
  // clip_by_value is maximum(minimum(x, hi), lo) (clip_ops.py), differentiated by _MaximumMinimumGrad: selects, a tie
  // at a bound passes the gradient, NaN gets 0
  clip: (g) => {
    const [x, lo, hi] = g.x;
    return [() => g.keep(g.keep(g.dy, g.greaterEqual(g.minimum(x!, hi!), lo!)), g.lessEqual(x!, hi!)), null, null];
  },
  // _SelectGradV2: where_v2(c, grad, 0), where_v2(c, 0, grad): selects, so an inf upstream does not become NaN
  where: (g) => [null, () => g.selected(g.x[0]!, 'then'), () => g.selected(g.logicalNot(g.x[0]!), 'else')],
  less: none, lessEqual: none, greater: none, greaterEqual: none, equal: none, notEqual: none,
  logicalAnd: none, logicalOr: none, logicalNot: none, cast: none, step: none, keep: none,
};

export const TF_GRADS: GradTable = { source: 'TensorFlow 2.21 (tensorflow/python/ops/math_grad.py, array_grad.py)', rules };
