import type { OpName } from '../../vocab/ops.js';
import { LINEAR, none } from './linear.js';
import type { GradContext, GradRule, GradTable, Ref } from './table.js';

/** SELU's scale and alpha * scale (torch/nn/functional.py selu -> elu with these coefficients). */
const SCALE = '1.0507009873554804934193349852946';
const SCALE_ALPHA = '1.7580993408473768599402175208123';


/** where(self == other, grad / 2, grad).masked_fill_(loses, 0): maximum/minimum's backward, ties split 0.5/0.5. */
function tieSplit(g: GradContext, loses: Ref): Ref {
  const [a, b] = g.x;
  return g.keep(g.where(g.equal(a!, b!), g.div(g.dy, g.num('2')), g.dy), g.logicalNot(loses));
}

/**
 * PyTorch's derivative formulas (tools/autograd/derivatives.yaml, torch/csrc/autograd/FunctionsManual.cpp; PyTorch
 * 2.13), op for op and in the same order of operations.
 */
/** torch's binary_cross_entropy_with_logits backward (derivatives.yaml): (sigmoid(x) - y) * grad; target: -x * grad. */
export const bceLogitsTorchRule: GradRule = (g) => {
  const [x, y] = g.x as [Ref, Ref];
  return [() => g.mul(g.sub(g.sigmoid(x), y), g.dy), () => g.mul(g.neg(x), g.dy)];
};

/** A cast's gradient is the upstream, cast back (TF's _CastGrad, torch's to(), jax's convert_element_type). */
export const castRule: GradRule = (g) => [() => g.dy];

/** Loss.cpp's `float EPSILON = 1e-12`: a float32 constant, 9.99999996e-13 in float64 too (measured: -1.000000004e12 at p = 0). */
const EPSILON_F32 = String(Math.fround(1e-12));

/** torch's fused binary_cross_entropy backward (FunctionsManual.cpp, Loss.cpp): see the bceTorch row. */
export const bceTorchRule: GradRule = (g) => {
  const [p, y] = g.x as [Ref, Ref];
  return [
    () => g.div(g.mul(g.dy, g.sub(p, y)), g.maximum(g.mul(g.sub(g.num('1'), p), p), g.num(EPSILON_F32))),
    () => g.mul(g.neg(g.log(g.div(p, g.sub(g.num('1'), p)))), g.dy),
  ];
};

const rules: Record<OpName, GradRule> = {
  ...LINEAR, // add/sub: grad, -grad (alpha 1); neg: grad.neg()
  // mul: mul_tensor_backward: grad * other, grad * self
  mul: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, b!), () => g.mul(g.dy, a!)];
  },
  // div: div_tensor_self_backward: grad / other; div_tensor_other_backward: -grad * ((self / other) / other)
  div: (g) => {
    const [a, b] = g.x;
    return [() => g.div(g.dy, b!), () => g.mul(g.neg(g.dy), g.div(g.div(a!, b!), b!))];
  },
  // pow: pow_backward_self: where(exponent == 0, 0, grad * (exponent * pow(self, exponent - 1)));
  // pow_backward_exponent: grad * where(self == 0 & exponent >= 0, 0, result * log(self))
  pow: (g) => {
    const [a, b] = g.x;
    const zero = g.num('0');
    return [
      () => g.keep(g.mul(g.dy, g.mul(b!, g.pow(a!, g.sub(b!, g.num('1'))))), g.notEqual(b!, zero)),
      () => g.mul(g.dy, g.keep(g.mul(g.y, g.log(a!)), g.logicalNot(g.logicalAnd(g.equal(a!, zero), g.greaterEqual(b!, zero))))),
    ];
  },
  // exp: grad * result; log: grad.div(self); expm1: grad * (result + 1); log1p: log1p_backward: grad / (self + 1)
  exp: (g) => [() => g.mul(g.dy, g.y)],
  log: (g) => [() => g.div(g.dy, g.x[0]!)],
  expm1: (g) => [() => g.mul(g.dy, g.add(g.y, g.num('1')))],
  log1p: (g) => [() => g.div(g.dy, g.add(g.x[0]!, g.num('1')))],
  // sqrt: grad / (2 * result)
  sqrt: (g) => [() => g.div(g.dy, g.mul(g.num('2'), g.y))],
  // abs: grad * self.sgn()  (sgn(NaN) = 0)
  abs: (g) => [() => g.mul(g.dy, g.sign(g.x[0]!))],
  // square is pow(self, 2): grad * (2 * self)
  square: (g) => [() => g.mul(g.dy, g.mul(g.num('2'), g.x[0]!))],
  // reciprocal: -grad * (result * result)
  reciprocal: (g) => [() => g.mul(g.neg(g.dy), g.mul(g.y, g.y))],
  // sign: zeros_like(grad)
  sign: (g) => [() => g.num('0')],
  // sin: grad * self.cos(); cos: grad * -self.sin(); tan: grad * (1 + result.pow(2))
  sin: (g) => [() => g.mul(g.dy, g.cos(g.x[0]!))],
  cos: (g) => [() => g.mul(g.dy, g.neg(g.sin(g.x[0]!)))],
  tan: (g) => [() => g.mul(g.dy, g.add(g.num('1'), g.square(g.y)))],
  // tanh: tanh_backward: grad * (1 - y * y)
  tanh: (g) => [() => g.mul(g.dy, g.sub(g.num('1'), g.mul(g.y, g.y)))],
  // sinh: grad * self.cosh(); cosh: grad * self.sinh()
  sinh: (g) => [() => g.mul(g.dy, g.cosh(g.x[0]!))],
  cosh: (g) => [() => g.mul(g.dy, g.sinh(g.x[0]!))],
  // asin: grad * (-self * self + 1).rsqrt(); acos: grad * -((-self * self + 1).rsqrt()); atan: grad / (self * self + 1)
  asin: (g) => [() => g.mul(g.dy, g.reciprocal(g.sqrt(g.add(g.mul(g.neg(g.x[0]!), g.x[0]!), g.num('1')))))],
  acos: (g) => [() => g.mul(g.dy, g.neg(g.reciprocal(g.sqrt(g.add(g.mul(g.neg(g.x[0]!), g.x[0]!), g.num('1'))))))],
  atan: (g) => [() => g.div(g.dy, g.add(g.mul(g.x[0]!, g.x[0]!), g.num('1')))],
  // atan2: atan2_backward: recip = (self^2 + other^2).reciprocal(), masked to 0 where the sum is 0 (2.x; NaN in 1.13);
  // grad * other * recip, grad * -self * recip
  atan2: (g) => {
    const [a, b] = g.x;
    const recip = () => {
      const d = g.add(g.mul(a!, a!), g.mul(b!, b!));
      return g.keep(g.reciprocal(d), g.notEqual(d, g.num('0')));
    };
    return [() => g.mul(g.mul(g.dy, b!), recip()), () => g.mul(g.mul(g.dy, g.neg(a!)), recip())];
  },
  // sigmoid: sigmoid_backward: grad * (1 - y) * y
  sigmoid: (g) => [() => g.mul(g.mul(g.dy, g.sub(g.num('1'), g.y)), g.y)],
  // softplus (beta 1, threshold 20): softplus_backward: x > 20 ? grad : grad * z / (z + 1), z = exp(x)
  softplus: (g) => {
    const x = g.x[0]!;
    const z = g.exp(x);
    return [() => g.where(g.greater(x, g.num('20')), g.dy, g.div(g.mul(g.dy, z), g.add(z, g.num('1'))))];
  },
  // log_sigmoid: log_sigmoid_backward (aten/src/ATen/native/cpu/Activation.cpp): z = exp(-|x|),
  // grad * (max_deriv - sign * (z / (1 + z))) with max_deriv, sign = x < 0 ? (1, 1) : (0, -1)
  logSigmoid: (g) => {
    const x = g.x[0]!;
    const neg = () => g.less(x, g.num('0'));
    const z = () => g.exp(g.neg(g.abs(x)));
    return [() => {
      const zz = z();
      const ratio = g.div(zz, g.add(g.num('1'), zz));
      return g.mul(g.dy, g.sub(g.where(neg(), g.num('1'), g.num('0')), g.mul(g.where(neg(), g.num('1'), g.num('-1')), ratio)));
    }];
  },
  // logaddexp: grad / (1 + exp(other - self)), grad / (1 + exp(self - other)) (derivatives.yaml)
  logaddexp: (g) => {
    const [a, b] = g.x;
    return [() => g.div(g.dy, g.add(g.num('1'), g.exp(g.sub(b!, a!)))), () => g.div(g.dy, g.add(g.num('1'), g.exp(g.sub(a!, b!))))];
  },
  // erf: 2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad; erfc: -2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad
  erf: (g) => [() => g.mul(g.mul(g.num('1.1283791670955126'), g.exp(g.neg(g.square(g.x[0]!)))), g.dy)],
  erfc: (g) => [() => g.mul(g.mul(g.num('-1.1283791670955126'), g.exp(g.neg(g.square(g.x[0]!)))), g.dy)],
  // rsqrt: -0.5 * grad * result.pow(3)
  rsqrt: (g) => [() => g.mul(g.mul(g.num('-0.5'), g.dy), g.mul(g.mul(g.y, g.y), g.y))],
  // softsign is Python, x / (x.abs() + 1): div's rules, abs's grad * sgn(x)
  softsign: (g) => {
    const x = g.x[0]!;
    const d = g.add(g.abs(x), g.num('1'));
    return [() => g.add(g.div(g.dy, d), g.mul(g.mul(g.neg(g.dy), g.div(g.div(x, d), d)), g.sign(x)))];
  },
  // elu / selu: elu_backward (is_result false, aten/src/ATen/native/cpu/Activation.cpp, vectorised):
  // x <= 0 ? grad * negiptcoef * negcoef * exp(x * negiptcoef) : grad * poscoef; NaN takes the negative side (batched)
  elu: (g) => {
    const x = g.x[0]!;
    return [() => g.where(g.greater(x, g.num('0')), g.dy, g.mul(g.dy, g.exp(x)))];
  },
  selu: (g) => {
    const x = g.x[0]!;
    return [() => g.where(g.greater(x, g.num('0')), g.mul(g.dy, g.num(SCALE)), g.mul(g.mul(g.dy, g.num(SCALE_ALPHA)), g.exp(x)))];
  },
  // silu_backward: sigmoid = 1 / (1 + exp(-x)); grad * sigmoid * (1 + x * (1 - sigmoid))
  silu: (g) => {
    const x = g.x[0]!;
    const s = g.div(g.num('1'), g.add(g.num('1'), g.exp(g.neg(x))));
    return [() => g.mul(g.mul(g.dy, s), g.add(g.num('1'), g.mul(x, g.sub(g.num('1'), s))))];
  },
  // relu6 is hardtanh(x, 0, 6): hardtanh_backward, vectorised: where((x > min) & (x < max), grad, 0) (NaN: 0)
  relu6: (g) => {
    const x = g.x[0]!;
    return [() => g.keep(g.dy, g.logicalAnd(g.greater(x, g.num('0')), g.less(x, g.num('6'))))];
  },
  // leaky_relu_backward: self > 0 ? grad : grad * negval
  leakyRelu: (g) => {
    const [x, slope] = g.x;
    return [() => g.where(g.greater(x!, g.num('0')), g.dy, g.mul(g.dy, slope!)), null];
  },
  // gelu_backward (GeluKernel.cpp, approximate='none'): cdf = 0.5 * (1 + erf(x * M_SQRT1_2));
  // pdf = exp(-0.5 * x * x) * kBeta (M_2_SQRTPI * M_SQRT1_2 * 0.5); grad * (cdf + x * pdf)
  gelu: (g) => {
    const x = g.x[0]!;
    const cdf = g.mul(g.num('0.5'), g.add(g.num('1'), g.erf(g.mul(x, g.num('0.7071067811865476')))));
    const pdf = g.mul(g.exp(g.mul(g.mul(g.num('-0.5'), x), x)), g.num('0.3989422804014327'));
    return [() => g.mul(g.dy, g.add(cdf, g.mul(x, pdf)))];
  },
  // gelu_backward, approximate='tanh': inner = kBeta * (x + kKappa * x^3); t = tanh(inner);
  // grad * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * kBeta * (1 + 3 * kKappa * x^2))
  geluTanh: (g) => {
    const x = g.x[0]!;
    const xsq = g.mul(x, x);
    const t = g.tanh(g.mul(g.num('0.7978845608028654'), g.add(x, g.mul(g.num('0.044715'), g.mul(xsq, x)))));
    const left = g.mul(g.num('0.5'), x);
    const right = g.add(g.num('1'), t);
    const innerD = g.mul(g.num('0.7978845608028654'), g.add(g.num('1'), g.mul(g.mul(g.num('3'), g.num('0.044715')), xsq)));
    return [() => g.mul(g.dy, g.add(g.mul(g.num('0.5'), right), g.mul(g.mul(left, g.sub(g.num('1'), g.mul(t, t))), innerD)))];
  },
  // mish_backward: sigmoid = 1 / (1 + exp(-x)); ts = tanh(log1p(exp(x))); grad * (ts + x * sigmoid * (1 - ts * ts))
  mish: (g) => {
    const x = g.x[0]!;
    const s = g.div(g.num('1'), g.add(g.num('1'), g.exp(g.neg(x))));
    const ts = g.tanh(g.log1p(g.exp(x)));
    return [() => g.mul(g.dy, g.add(ts, g.mul(g.mul(x, s), g.sub(g.num('1'), g.mul(ts, ts)))))];
  },
  // asinh: grad * (self.pow(2) + 1).rsqrt(); acosh: grad * (self.pow(2) - 1).rsqrt(); atanh: grad * 1 / (1 - self.pow(2))
  asinh: (g) => [() => g.mul(g.dy, g.rsqrt(g.add(g.square(g.x[0]!), g.num('1'))))],
  acosh: (g) => [() => g.mul(g.dy, g.rsqrt(g.sub(g.square(g.x[0]!), g.num('1'))))],
  atanh: (g) => [() => g.mul(g.dy, g.div(g.num('1'), g.sub(g.num('1'), g.square(g.x[0]!))))],
  // log2: grad / (self * 0.6931471805599453); log10: grad / (self * 2.302585092994046)
  log2: (g) => [() => g.div(g.dy, g.mul(g.x[0]!, g.num('0.6931471805599453')))],
  log10: (g) => [() => g.div(g.dy, g.mul(g.x[0]!, g.num('2.302585092994046')))],
  // xlogy.Tensor: self: at::xlogy(grad, other).masked_fill((self == 0.) & (other <= 0.), 0.); other: grad * self / other.
  // special_xlog1py: the same with xlog1py, (other <= -1.) and grad * self / (other + 1)
  xlogy: (g) => {
    const [x, y] = g.x;
    const zero = g.num('0');
    return [
      () => g.keep(g.xlogy(g.dy, y!), g.logicalNot(g.logicalAnd(g.equal(x!, zero), g.lessEqual(y!, zero)))),
      () => g.div(g.mul(g.dy, x!), y!),
    ];
  },
  xlog1py: (g) => {
    const [x, y] = g.x;
    return [
      () => g.keep(g.xlog1py(g.dy, y!), g.logicalNot(g.logicalAnd(g.equal(x!, g.num('0')), g.lessEqual(y!, g.num('-1'))))),
      () => g.div(g.mul(g.dy, x!), g.add(y!, g.num('1'))),
    ];
  },
  // relu: threshold_backward(grad, result, 0): where(self <= 0, 0, grad), a select (NaN passes grad)
  relu: (g) => [() => g.keep(g.dy, g.logicalNot(g.lessEqual(g.x[0]!, g.num('0'))))],
  // torch's F.binary_cross_entropy (derivatives.yaml): self: binary_cross_entropy_backward,
  // grad * (self - target) / max((1 - self) * self, 1e-12); target: binary_cross_entropy_target_backward,
  // -logit(self) * grad, unclamped (+-inf at p in {0, 1}). Only torch's call makes this node: every table has it.
  bceTorch: bceTorchRule,
  bceLogitsTorch: bceLogitsTorchRule,
  toFloat32: castRule,
  // hypot: grad * self / result, grad * other / result (derivatives.yaml)
  hypot: (g) => g.x.map((x) => () => g.div(g.mul(g.dy, x), g.y)),
  // sinc: sinc_backward (FunctionsManual.cpp): where(self * self * pi == 0, 0,
  // grad * (self_pi * cos(self_pi) - sin(self_pi)) / (self * self * pi)), self_pi = self * pi
  sinc: (g) => {
    const x = g.x[0]!;
    return [() => {
      const pi = g.num('3.141592653589793');
      const px = g.mul(x, pi);
      const sq = g.mul(g.mul(x, x), pi);
      const out = g.div(g.mul(g.dy, g.sub(g.mul(px, g.cos(px)), g.sin(px))), sq);
      return g.keep(out, g.notEqual(sq, g.num('0')));
    }];
  },
  // floor, ceil, round: zeros_like(grad)
  floor: (g) => [() => g.num('0')],
  ceil: (g) => [() => g.num('0')],
  round: (g) => [() => g.num('0')],
  // logsumexp: logsumexp_backward: grad * (self - result).exp()
  logsumexp: (g) => g.x.map((x) => () => g.mul(g.dy, g.exp(g.sub(x, g.y)))),
  logsumexp3: (g) => g.x.map((x) => () => g.mul(g.dy, g.exp(g.sub(x, g.y)))),
  // linalg.vector_norm / norm (p = 2): norm_backward: self * (grad / norm).masked_fill_(norm == 0, 0)
  norm: (g) => g.x.map((x) => () => g.mul(x, g.keep(g.div(g.dy, g.y), g.notEqual(g.y, g.num('0'))))),
  norm3: (g) => g.x.map((x) => () => g.mul(x, g.keep(g.div(g.dy, g.y), g.notEqual(g.y, g.num('0'))))),
  // maximum: where(self == other, grad / 2, grad).masked_fill_(self < other, 0); other: masked where self > other
  maximum: (g) => {
    const [a, b] = g.x;
    return [() => tieSplit(g, g.less(a!, b!)), () => tieSplit(g, g.greater(a!, b!))];
  },
  minimum: (g) => {
    const [a, b] = g.x;
    return [() => tieSplit(g, g.greater(a!, b!)), () => tieSplit(g, g.less(a!, b!))];
  },
  // clamp: clamp_backward: where(self >= min & self <= max, grad, 0): a select, NaN gets 0
  clip: (g) => {
    const [x, lo, hi] = g.x;
    return [() => g.keep(g.dy, g.logicalAnd(g.greaterEqual(x!, lo!), g.lessEqual(x!, hi!))), null, null];
  },
  // where: where(condition, grad, 0), where(condition, 0, grad)
  where: (g) => [null, () => g.selected(g.x[0]!, 'then'), () => g.selected(g.logicalNot(g.x[0]!), 'else')],
  less: none, lessEqual: none, greater: none, greaterEqual: none, equal: none, notEqual: none,
  logicalAnd: none, logicalOr: none, logicalNot: none, cast: none, step: none, keep: none,
};

export const TORCH_GRADS: GradTable = { source: 'PyTorch 2.13 (tools/autograd/derivatives.yaml, FunctionsManual.cpp)', rules };
