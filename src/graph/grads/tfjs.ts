import type { OpName } from '../../vocab/ops.js';
import { LINEAR, none } from './linear.js';
import type { GradRule, GradTable, Ref } from './table.js';
import { logaddexpComposite } from './tf.js';


/**
 * TF.js's gradient rules (tfjs-core/src/gradients/*_grad.ts), op for op and in the same order of operations, so the
 * backward pass rounds and overflows where TF.js's does.
 */
/**
 * tf.logSumExp (tfjs-core/src/ops/log_sum_exp.ts): xMax = max(x); res = xMax + log(sum(exp(x - xMax))), no
 * stop_gradient: Log_grad (dy / c), Sum_grad, Exp_grad (dy * y), Sub_grad, and xMax's own share (dy from the add,
 * minus the exps' sum from the sub) through Max_grad (dy * cast(x == max)).
 */
const logsumexpTfjs: GradRule = (g) => {
  const max = () => g.x.slice(1).reduce((acc, x) => g.maximum(acc, x), g.x[0]!);
  const e = (x: Ref) => g.exp(g.sub(x, max()));
  const dd = () => g.div(g.dy, g.x.slice(1).reduce((acc, x) => g.add(acc, e(x)), e(g.x[0]!)));
  const da = (x: Ref) => g.mul(dd(), e(x));
  const dMax = () => g.add(g.dy, g.neg(g.x.slice(1).reduce((acc, x) => g.add(acc, da(x)), da(g.x[0]!))));
  return g.x.map((x) => () => g.add(da(x), g.mul(dMax(), g.cast(g.equal(x, max())))));
};

/**
 * tf.norm(x, 'euclidean', 0) (tfjs-core/src/ops/norm.ts): sqrt(sum(pow(abs(x), 2))): Sqrt_grad (dy / (2 sqrt(x))),
 * Sum_grad, Pow_grad (dy * (2 * pow(a, 1))), Abs_grad (dy * step(x, -1)).
 */
const normTfjs: GradRule = (g) => {
  const sum = () => g.x.slice(1).reduce((acc, x) => g.add(acc, g.pow(g.abs(x), g.num('2'))), g.pow(g.abs(g.x[0]!), g.num('2')));
  const ds = () => g.div(g.dy, g.mul(g.sqrt(sum()), g.num('2')));
  return g.x.map((x) => () => g.mul(g.mul(ds(), g.mul(g.num('2'), g.pow(g.abs(x), g.num('1')))), g.step(x, g.num('-1'))));
};

const rules: Record<OpName, GradRule> = {
  ...LINEAR, // Add_grad / Sub_grad / Neg_grad
  // Multiply_grad: dy * b, dy * a
  mul: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, b!), () => g.mul(g.dy, a!)];
  },
  // Div_grad: dy / b; -(dy * a) / square(b)
  div: (g) => {
    const [a, b] = g.x;
    return [() => g.div(g.dy, b!), () => g.neg(g.div(g.mul(g.dy, a!), g.square(b!)))];
  },
  // Pow_grad: dy * (b * a^(b-1)); dy * (y * where(a > 0, log(a), 0))
  pow: (g) => {
    const [a, b] = g.x;
    return [
      () => g.mul(g.dy, g.mul(b!, g.pow(a!, g.sub(b!, g.num('1'))))),
      () => g.mul(g.dy, g.mul(g.y, g.where(g.greater(a!, g.num('0')), g.log(a!), g.num('0')))),
    ];
  },
  // Exp_grad: dy * y
  exp: (g) => [() => g.mul(g.dy, g.y)],
  // Log_grad: dy / x
  log: (g) => [() => g.div(g.dy, g.x[0]!)],
  // Expm1_grad: dy * exp(x)
  expm1: (g) => [() => g.mul(g.dy, g.exp(g.x[0]!))],
  // Log1p_grad: dy / (x + 1)
  log1p: (g) => [() => g.div(g.dy, g.add(g.x[0]!, g.num('1')))],
  // Sqrt_grad: dy / (sqrt(x) * 2)
  sqrt: (g) => [() => g.div(g.dy, g.mul(g.sqrt(g.x[0]!), g.num('2')))],
  // Abs_grad: dy * step(x, -1)  (so d|x|/dx at 0 is -1 in TF.js)
  abs: (g) => [() => g.mul(g.dy, g.step(g.x[0]!, g.num('-1')))],
  // Square_grad: dy * (x * 2)
  square: (g) => [() => g.mul(g.dy, g.mul(g.x[0]!, g.num('2')))],
  // Reciprocal_grad: dy / -square(x)
  reciprocal: (g) => [() => g.div(g.dy, g.neg(g.square(g.x[0]!)))],
  // Sign_grad: zeros (not dy * 0: a NaN dy does not pass)
  sign: (g) => [() => g.num('0')],
  // Sin_grad: cos(x) * dy; Cos_grad: -sin(x) * dy; Tan_grad: dy / square(cos(x))
  sin: (g) => [() => g.mul(g.cos(g.x[0]!), g.dy)],
  cos: (g) => [() => g.mul(g.neg(g.sin(g.x[0]!)), g.dy)],
  tan: (g) => [() => g.div(g.dy, g.square(g.cos(g.x[0]!)))],
  // Tanh_grad: (1 - square(y)) * dy
  tanh: (g) => [() => g.mul(g.sub(g.num('1'), g.square(g.y)), g.dy)],
  // Sinh_grad: cosh(x) * dy; Cosh_grad: sinh(x) * dy
  sinh: (g) => [() => g.mul(g.cosh(g.x[0]!), g.dy)],
  cosh: (g) => [() => g.mul(g.sinh(g.x[0]!), g.dy)],
  // Asin_grad: dy / sqrt(1 - square(x)); Acos_grad: -(dy / sqrt(1 - square(x))); Atan_grad: dy / (square(x) + 1)
  asin: (g) => [() => g.div(g.dy, g.sqrt(g.sub(g.num('1'), g.square(g.x[0]!))))],
  acos: (g) => [() => g.neg(g.div(g.dy, g.sqrt(g.sub(g.num('1'), g.square(g.x[0]!)))))],
  atan: (g) => [() => g.div(g.dy, g.add(g.square(g.x[0]!), g.num('1')))],
  // Atan2_grad: d = square(a) + square(b); dy * (b / d); -(dy * (a / d))
  atan2: (g) => {
    const [a, b] = g.x;
    const d = () => g.add(g.square(a!), g.square(b!));
    return [() => g.mul(g.dy, g.div(b!, d())), () => g.neg(g.mul(g.dy, g.div(a!, d())))];
  },
  // Sigmoid_grad: dy * (y * (1 - y))
  sigmoid: (g) => [() => g.mul(g.dy, g.mul(g.y, g.sub(g.num('1'), g.y)))],
  // Softplus_grad: dy * sigmoid(x)
  softplus: (g) => [() => g.mul(g.dy, g.sigmoid(g.x[0]!))],
  // logSigmoid's customGrad (tfjs-core/src/ops/log_sigmoid.ts): mul(dy, sigmoid(neg(x)))
  logSigmoid: (g) => [() => g.mul(g.dy, g.sigmoid(g.neg(g.x[0]!)))],
  // TF.js has no logaddexp (the goldens skip it): modelled as TF's tf.experimental.numpy formula
  logaddexp: logaddexpComposite,
  // Erf_grad: mul(dy, mul(exp(neg(square(x))), 2 / Math.sqrt(Math.PI)))
  erf: (g) => [() => g.mul(g.dy, g.mul(g.exp(g.neg(g.square(g.x[0]!))), g.num('1.1283791670955126')))],
  // TF.js has no erfc (the goldens skip it): modelled as 1 - erf's rule
  erfc: (g) => [() => g.neg(g.mul(g.dy, g.mul(g.exp(g.neg(g.square(g.x[0]!))), g.num('1.1283791670955126'))))],
  // Rsqrt_grad: neg(div(dy, mul(pow(x, 1.5), 2)))
  rsqrt: (g) => [() => g.neg(g.div(g.dy, g.mul(g.pow(g.x[0]!, g.num('1.5')), g.num('2'))))],
  // TF.js has no softsign (the goldens skip it): x / (abs(x) + 1) by Div_grad (neg(div(mul(dy, a), square(b)))) and
  // Abs_grad (step(x, -1))
  softsign: (g) => {
    const x = g.x[0]!;
    const d = g.add(g.abs(x), g.num('1'));
    return [() => g.add(g.div(g.dy, d), g.mul(g.neg(g.div(g.mul(g.dy, x), g.square(d))), g.step(x, g.num('-1'))))];
  },
  // Elu_grad -> EluGrad kernel (tfjs-backend-cpu EluGrad.js): y >= 0 ? dy : dy * (y + 1)
  elu: (g) => [() => g.where(g.greaterEqual(g.y, g.num('0')), g.dy, g.mul(g.dy, g.add(g.y, g.num('1'))))],
  // Selu_grad: where(x > 0, dy * scale, dy * scaleAlpha * exp(x))
  selu: (g) => {
    const x = g.x[0]!;
    return [() => g.where(g.greater(x, g.num('0')), g.mul(g.dy, g.num('1.0507009873554804934193349852946')), g.mul(g.mul(g.dy, g.num('1.7580993408473768599402175208123')), g.exp(x)))];
  },
  // TF.js has no silu: x * sigmoid(x) by Mul_grad and Sigmoid_grad (dy * (y * (1 - y)))
  silu: (g) => {
    const x = g.x[0]!;
    const s = g.sigmoid(x);
    return [() => g.add(g.mul(g.dy, s), g.mul(g.mul(g.dy, x), g.mul(s, g.sub(g.num('1'), s))))];
  },
  // TF.js has no gelu or mish (the goldens skip them): their formulas by TF.js's rules (Erf_grad, Tanh_grad
  // (1 - y^2) * dy, Softplus_grad dy * sigmoid(x), Mul_grad)
  gelu: (g) => {
    const x = g.x[0]!;
    const c = g.num('0.7071067811865476');
    const e = g.erf(g.mul(x, c));
    const de = () => g.mul(g.dy, g.mul(x, g.num('0.5')));
    return [() => g.add(g.mul(g.mul(g.dy, g.add(g.num('1'), e)), g.num('0.5')), g.mul(g.mul(de(), g.mul(g.exp(g.neg(g.square(g.mul(x, c)))), g.num('1.1283791670955126'))), c))];
  },
  geluTanh: (g) => {
    const x = g.x[0]!;
    const t = g.tanh(g.mul(g.num('0.7978845608028654'), g.add(x, g.mul(g.num('0.044715'), g.mul(g.mul(x, x), x)))));
    const dv = () => g.mul(g.mul(g.sub(g.num('1'), g.square(t)), g.mul(g.dy, g.mul(x, g.num('0.5')))), g.num('0.7978845608028654'));
    return [() => g.add(g.add(g.mul(g.mul(g.dy, g.add(g.num('1'), t)), g.num('0.5')), dv()), g.mul(g.mul(dv(), g.num('0.044715')), g.mul(g.num('3'), g.mul(x, x))))];
  },
  mish: (g) => {
    const x = g.x[0]!;
    const t = g.tanh(g.softplus(x));
    return [() => g.add(g.mul(g.dy, t), g.mul(g.mul(g.sub(g.num('1'), g.square(t)), g.mul(g.dy, x)), g.sigmoid(x)))];
  },
  // Asinh_grad: div(dy, sqrt(add(square(x), 1))); Acosh_grad: div(dy, sqrt(sub(square(x), 1)));
  // Atanh_grad: div(dy, sub(1, square(x)))
  asinh: (g) => [() => g.div(g.dy, g.sqrt(g.add(g.square(g.x[0]!), g.num('1'))))],
  acosh: (g) => [() => g.div(g.dy, g.sqrt(g.sub(g.square(g.x[0]!), g.num('1'))))],
  atanh: (g) => [() => g.div(g.dy, g.sub(g.num('1'), g.square(g.x[0]!)))],
  // TF.js has no log2 / log10: log(x) / log(b) by Div_grad and Log_grad
  log2: (g) => [() => g.div(g.div(g.dy, g.num('0.6931471805599453')), g.x[0]!)],
  log10: (g) => [() => g.div(g.div(g.dy, g.num('2.302585092994046')), g.x[0]!)],
  // TF.js has no xlogy / xlog1py: where(x == 0, 0, x * log(y)) by Select_grad (a mask multiply), Mul_grad, Log_grad
  xlogy: (g) => {
    const [x, y] = g.x;
    const live = () => g.mul(g.dy, g.cast(g.notEqual(x!, g.num('0'))));
    return [() => g.mul(live(), g.log(y!)), () => g.div(g.mul(live(), x!), y!)];
  },
  xlog1py: (g) => {
    const [x, y] = g.x;
    const live = () => g.mul(g.dy, g.cast(g.notEqual(x!, g.num('0'))));
    return [() => g.mul(live(), g.log1p(y!)), () => g.div(g.mul(live(), x!), g.add(y!, g.num('1')))];
  },
  // Relu6_grad: mul(dy, mul(lessEqual(x, 6), step(x))): 1 at 6, NaN at NaN
  relu6: (g) => {
    const x = g.x[0]!;
    return [() => g.mul(g.dy, g.mul(g.cast(g.lessEqual(x, g.num('6'))), g.step(x, g.num('0'))))];
  },
  // LeakyRelu_grad: where(greater(x, 0), dy, mul(dy, alpha))
  leakyRelu: (g) => {
    const [x, slope] = g.x;
    return [() => g.where(g.greater(x!, g.num('0')), g.dy, g.mul(g.dy, slope!)), null];
  },
  // Relu_grad: mul(dy, step(cast(x, float32))): step(NaN) = NaN
  relu: (g) => [() => g.mul(g.dy, g.step(g.x[0]!, g.num('0')))],
  // TF.js has no hypot: backends/tfjs computes sqrt(square(a) + square(b)), differentiated by Sqrt_grad and Square_grad
  // torch's binary_cross_entropy_with_logits in TF.js ops: sub(mul(sub(1, y), x), logSigmoid(x)): Sub_grad, Mul_grad,
  // logSigmoid's custom gradient dy * sigmoid(-x)
  bceLogitsTorch: (g) => {
    const [x, y] = g.x as [Ref, Ref];
    return [
      () => g.add(g.mul(g.dy, g.sub(g.num('1'), y)), g.neg(g.mul(g.dy, g.sigmoid(g.neg(x))))),
      () => g.neg(g.mul(g.dy, x)),
    ];
  },
  // Cast_grad: dy
  toFloat32: (g) => [() => g.dy],
  // torch's binary_cross_entropy as backends/tfjs computes it in TF.js ops, differentiated by TF.js: Sub_grad,
  // Mul_grad, Maximum_grad (dy * cast(a >= b)), Log1p_grad (dy / (x + 1)), Neg_grad, Log_grad (dy / x)
  bceTorch: (g) => {
    const [p, y] = g.x as [Ref, Ref];
    const l1 = () => g.log1p(g.neg(p));
    const l2 = () => g.log(p);
    const clamp = (l: Ref) => g.maximum(l, g.num('-100'));
    const dA = () => g.mul(g.dy, g.sub(y, g.num('1')));
    const dB = () => g.mul(g.neg(g.dy), y);
    return [
      () => g.add(g.neg(g.div(g.mul(dA(), g.cast(g.greaterEqual(l1(), g.num('-100')))), g.add(g.neg(p), g.num('1')))),
        g.div(g.mul(dB(), g.cast(g.greaterEqual(l2(), g.num('-100')))), p)),
      () => g.add(g.mul(g.dy, clamp(l1())), g.mul(g.neg(g.dy), clamp(l2()))),
    ];
  },
  hypot: (g) => {
    const ds = () => g.div(g.dy, g.mul(g.sqrt(g.add(g.square(g.x[0]!), g.square(g.x[1]!))), g.num('2')));
    return g.x.map((x) => () => g.mul(ds(), g.mul(x, g.num('2'))));
  },
  // TF.js has no sinc: backends/tfjs computes where(x == 0, 1, sin(pi x) / (pi x)): Select_grad's mask multiply,
  // Div_grad, Sin_grad, Mul_grad (at 0 the masked 0 meets 0 / 0)
  sinc: (g) => {
    const x = g.x[0]!;
    return [() => {
      const pi = g.num('3.141592653589793');
      const px = g.mul(x, pi);
      const dq = g.mul(g.dy, g.cast(g.logicalNot(g.equal(x, g.num('0')))));
      const dNum = g.mul(g.cos(px), g.div(dq, px));
      const dDen = g.neg(g.div(g.mul(dq, g.sin(px)), g.square(px)));
      return g.mul(g.add(dNum, dDen), pi);
    }];
  },
  // Floor_grad, Ceil_grad, Round_grad: zerosLike(dy)
  floor: (g) => [() => g.num('0')],
  ceil: (g) => [() => g.num('0')],
  round: (g) => [() => g.num('0')],
  logsumexp: logsumexpTfjs, logsumexp3: logsumexpTfjs,
  norm: normTfjs, norm3: normTfjs,
  // Maximum_grad: dy * cast(a >= b); dy * cast(a < b). Minimum_grad: dy * cast(a <= b); dy * cast(a > b)
  maximum: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, g.cast(g.greaterEqual(a!, b!))), () => g.mul(g.dy, g.cast(g.less(a!, b!)))];
  },
  minimum: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, g.cast(g.lessEqual(a!, b!))), () => g.mul(g.dy, g.cast(g.greater(a!, b!)))];
  },
  // ClipByValue_grad: where(x >= lo & x <= hi, dy, 0); the bounds are constants
  clip: (g) => {
    const [x, lo, hi] = g.x;
    return [() => g.where(g.logicalAnd(g.greaterEqual(x!, lo!), g.lessEqual(x!, hi!)), g.dy, g.num('0')), null, null];
  },
  // SelectV2_grad: condition gets nothing; then: dy * cast(cond); else: dy * cast(!cond). The where trap lives here:
  // a masked branch receives 0, and its own rules turn 0 * inf or 0 / 0 into NaN.
  where: (g) => [null, () => g.masked(g.x[0]!, 'then'), () => g.masked(g.logicalNot(g.x[0]!), 'else')],
  less: none, lessEqual: none, greater: none, greaterEqual: none, equal: none, notEqual: none,
  logicalAnd: none, logicalOr: none, logicalNot: none, cast: none, step: none, keep: none,
};

export const TFJS_GRADS: GradTable = { source: 'TensorFlow.js 4.22 (tfjs-core/src/gradients/*_grad.ts)', rules };
