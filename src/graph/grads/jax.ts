import type { OpName } from '../../vocab/ops.js';
import { LINEAR, none } from './linear.js';
import { bceLogitsTorchRule, bceTorchRule, castRule } from './torch.js';
import type { GradContext, GradRule, GradTable, Ref } from './table.js';


/** _balanced_eq(x, z, y) (jax/_src/lax/lax.py): 1 where x alone is the result z, 0.5 at a tie, 0 elsewhere (and NaN). */
function balancedEq(g: GradContext, x: Ref, z: Ref, y: Ref): Ref {
  return g.where(g.equal(x, z), g.where(g.equal(y, z), g.num('0.5'), g.num('1')), g.num('0'));
}

/** (1 - x) * (1 + x): asin and acos's jvp, without the cancellation of 1 - x^2 near +-1. */
function oneMinusSquare(g: GradContext, x: Ref): Ref {
  return g.mul(g.sub(g.num('1'), x), g.add(g.num('1'), x));
}

/** _replace_inf(x) (jax/_src/numpy/ufuncs.py): 0 where x is +inf. */
function replaceInf(g: GradContext, x: Ref): Ref {
  return g.where(g.equal(x, g.num('Infinity')), g.num('0'), x);
}

/** integer_pow(x, n) as XLA computes it for n < 0: 1 / x^|n| (lax.py _integer_pow). */
function integerPow(g: GradContext, x: Ref, n: number): Ref {
  if (n === 0) return g.num('1');
  if (n === 1) return x;
  const p = n === -1 || n === 2 || n === -2 ? (Math.abs(n) === 1 ? x : g.mul(x, x)) : g.pow(x, g.num(String(Math.abs(n))));
  return n < 0 ? g.div(g.num('1'), p) : p;
}

/** The integer n when the exponent is an integer literal (x ** 2, not x ** 2.0): JAX then uses lax.integer_pow. */
function integerLiteral(g: GradContext, ref: Ref): number | undefined {
  const text = g.literal(ref);
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

const SELU_SCALE = '1.0507009873554804934193349852946';
const SELU_ALPHA = '1.6732632423543772848170429916717';

/** The cotangent of jax.nn.elu's x for a cotangent ct of its output (alpha 1 unless given). */
function eluJax(g: GradContext, ct: Ref, alpha?: string): Ref {
  const x = g.x[0]!;
  const pos = g.greater(x, g.num('0'));
  const inner = g.where(pos, g.num('0'), x);
  const neg = alpha === undefined ? g.keep(ct, g.logicalNot(pos)) : g.mul(g.num(alpha), g.keep(ct, g.logicalNot(pos)));
  return g.add(g.keep(ct, pos), g.keep(g.mul(neg, g.add(g.expm1(inner), g.num('1'))), g.logicalNot(pos)));
}

/**
 * JAX's rules (jax/_src/lax/lax.py jvp rules, JAX 0.10.2), transposed as JAX's reverse mode does: a jvp
 * mul(g, jac) becomes mul(ct, jac), and the forward value jac is computed as the jvp rule writes it.
 */
/**
 * jnp.hypot (jax/_src/numpy/ufuncs.py): a, b = |x1|, |x2|; hi, lo = maximum, minimum; d = where(hi == 0, 1, hi);
 * v = hi * sqrt(1 + square(lo / d)); where(isposinf(a) | isposinf(b), inf, where(hi == 0, hi, v)). Transposed op by
 * op: the selects, mul, sqrt (g * 0.5 / ans), square, div, max/min (_balanced_eq) and abs (select on x >= 0).
 */
const hypotJax: GradRule = (g) => {
  const [x1, x2] = g.x as [Ref, Ref];
  const zero = () => g.num('0');
  const inf = () => g.num('Infinity');
  const a = () => g.abs(x1);
  const b = () => g.abs(x2);
  const hi = () => g.maximum(a(), b());
  const lo = () => g.minimum(a(), b());
  const isZero = () => g.equal(hi(), zero());
  const d = () => g.where(isZero(), g.num('1'), hi());
  const q = () => g.div(lo(), d());
  const r = () => g.sqrt(g.add(g.num('1'), g.square(q())));
  const anyInf = () => g.logicalOr(g.equal(a(), inf()), g.equal(b(), inf()));
  const ctX = () => g.where(anyInf(), zero(), g.dy);
  const ctV = () => g.where(isZero(), zero(), ctX());
  const ctQ = () => g.mul(g.mul(g.mul(ctV(), hi()), g.div(g.num('0.5'), r())), g.mul(g.num('2'), q()));
  const ctD = () => g.neg(g.mul(g.mul(ctQ(), integerPow(g, d(), -2)), lo()));
  const ctHi = () => g.add(g.add(g.where(isZero(), ctX(), zero()), g.mul(ctV(), r())), g.where(isZero(), zero(), ctD()));
  const ctLo = () => g.div(ctQ(), d());
  const leg = (self: () => Ref, other: () => Ref, x: Ref) => () => {
    const ct = g.add(g.mul(ctHi(), balancedEq(g, self(), hi(), other())), g.mul(ctLo(), balancedEq(g, self(), lo(), other())));
    return g.where(g.greaterEqual(x, zero()), ct, g.neg(ct));
  };
  return [leg(a, b, x1), leg(b, a, x2)];
};

/**
 * jnp.sinc: where(x == 0, _sinc_maclaurin(0, pi_x), sin(safe) / safe), safe = where(x == 0, 1, pi_x): at 0 the
 * custom jvp's next term, pi_x * 0; elsewhere the quotient's (div, sin) through the selects; then pi_x = pi * x.
 */
const sincJax: GradRule = (g) => {
  const x = g.x[0]!;
  return [() => {
    const pi = g.num('3.141592653589793');
    const isZero = g.equal(x, g.num('0'));
    const px = g.mul(pi, x);
    const safe = g.where(isZero, g.num('1'), px);
    const ctElse = g.where(isZero, g.num('0'), g.dy);
    const ctThen = g.where(isZero, g.dy, g.num('0'));
    const ctSafe = g.add(g.mul(g.div(ctElse, safe), g.cos(safe)), g.neg(g.mul(g.mul(ctElse, integerPow(g, safe, -2)), g.sin(safe))));
    const ctPx = g.add(g.mul(ctThen, g.mul(px, g.num('0'))), g.where(isZero, g.num('0'), ctSafe));
    return g.mul(ctPx, pi);
  }];
};

/**
 * jax.nn.logsumexp / jax.scipy.special.logsumexp (jax/_src/ops/special.py): log(|sum(exp(a - amax))|) + amax, amax a
 * stop_gradient of where(isfinite(max), max, 0): log's g / x, abs's select (the sum is >= 0), exp's g * ans.
 */
const logsumexpJax: GradRule = (g) => {
  const m = () => {
    const max = g.x.slice(1).reduce((acc, x) => g.maximum(acc, x), g.x[0]!);
    return g.where(g.less(g.abs(max), g.num('Infinity')), max, g.num('0'));
  };
  const e = (x: Ref) => g.exp(g.sub(x, m()));
  const sum = () => g.x.slice(1).reduce((acc, x) => g.add(acc, e(x)), e(g.x[0]!));
  return g.x.map((x) => () => g.mul(g.div(g.dy, sum()), e(x)));
};

/** jnp.linalg.norm of a vector: sqrt(sum(real(x * conj(x)))): sqrt's g * (0.5 / ans), then mul into both factors. */
const normJax: GradRule = (g) => {
  const ds = () => g.mul(g.dy, g.div(g.num('0.5'), g.y));
  return g.x.map((x) => () => g.add(g.mul(ds(), x), g.mul(ds(), x)));
};

const rules: Record<OpName, GradRule> = {
  ...LINEAR, // add_p / sub_p / neg_p: linear
  // mul_p transpose: mul(ct, y), mul(x, ct)
  mul: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, b!), () => g.mul(a!, g.dy)];
  },
  // div_p: div(g, y); mul(mul(neg(g), x), integer_pow(y, -2)), transposed: neg(mul(mul(ct, y^-2), x)). y^-2 = 1/(y*y)
  // underflows before -x/y/y does (-inf at 1e-30 in float32)
  div: (g) => {
    const [a, b] = g.x;
    return [() => g.div(g.dy, b!), () => g.neg(g.mul(g.mul(g.dy, integerPow(g, b!, -2)), a!))];
  },
  // pow_p: _pow_jvp_lhs: mul(g, mul(y, pow(x, y - 1))); _pow_jvp_rhs: mul(g, mul(log(_replace_zero(x)), ans)).
  // An integer literal exponent is integer_pow_p: _integer_pow_jvp: zeros for n == 0, else g * (n * integer_pow(x, n - 1))
  pow: (g) => {
    const [a, b] = g.x;
    const n = integerLiteral(g, b!);
    if (n !== undefined) return [() => (n === 0 ? g.num('0') : g.mul(g.dy, g.mul(g.num(String(n)), integerPow(g, a!, n - 1)))), null];
    return [
      () => g.mul(g.dy, g.mul(b!, g.pow(a!, g.sub(b!, g.num('1'))))),
      () => g.mul(g.dy, g.mul(g.log(g.where(g.equal(a!, g.num('0')), g.num('1'), a!)), g.y)),
    ];
  },
  // exp_p: mul(g, ans); log_p: div(g, x); expm1_p: mul(g, add(ans, 1)); log1p_p: div(g, add(x, 1))
  exp: (g) => [() => g.mul(g.dy, g.y)],
  log: (g) => [() => g.div(g.dy, g.x[0]!)],
  expm1: (g) => [() => g.mul(g.dy, g.add(g.y, g.num('1')))],
  log1p: (g) => [() => g.div(g.dy, g.add(g.x[0]!, g.num('1')))],
  // sqrt_p: div(g, mul(2, ans))
  sqrt: (g) => [() => g.div(g.dy, g.mul(g.num('2'), g.y))],
  // abs_p: _abs_jvp_rule: select(x >= 0, g, neg(g))  (+1 at 0, -1 at NaN)
  abs: (g) => [() => g.where(g.greaterEqual(g.x[0]!, g.num('0')), g.dy, g.neg(g.dy))],
  // square_p: mul(g, mul(2, x))
  square: (g) => [() => g.mul(g.dy, g.mul(g.num('2'), g.x[0]!))],
  // jnp.reciprocal is integer_pow(x, -1): g * (-1 * integer_pow(x, -2))
  reciprocal: (g) => [() => g.mul(g.dy, g.mul(g.num('-1'), integerPow(g, g.x[0]!, -2)))],
  // sign_p: zeros
  sign: (g) => [() => g.num('0')],
  // sin_p: mul(g, cos(x)); cos_p: neg(mul(g, sin(x))); tan_p: mul(g, add(1, square(ans)))
  sin: (g) => [() => g.mul(g.dy, g.cos(g.x[0]!))],
  cos: (g) => [() => g.neg(g.mul(g.dy, g.sin(g.x[0]!)))],
  tan: (g) => [() => g.mul(g.dy, g.add(g.num('1'), g.square(g.y)))],
  // tanh_p: jvp mul(add(g, mul(g, ans)), sub(1, ans)); transposed, the outer multiply comes first:
  // c = ct * (1 - ans); c + c * ans (so a huge ct times 1 - ans = 0 is 0, not inf * 0: jax's mish'(max) = 1)
  tanh: (g) => [() => {
    const c = g.mul(g.dy, g.sub(g.num('1'), g.y));
    return g.add(c, g.mul(c, g.y));
  }],
  // sinh_p: mul(g, cosh(x)); cosh_p: mul(g, sinh(x))
  sinh: (g) => [() => g.mul(g.dy, g.cosh(g.x[0]!))],
  cosh: (g) => [() => g.mul(g.dy, g.sinh(g.x[0]!))],
  // asin_p: mul(g, rsqrt((1 - x) * (1 + x))); acos_p: mul(g, -rsqrt((1 - x) * (1 + x))); atan_p: div(g, 1 + square(x))
  asin: (g) => [() => g.mul(g.dy, g.reciprocal(g.sqrt(oneMinusSquare(g, g.x[0]!))))],
  acos: (g) => [() => g.mul(g.dy, g.neg(g.reciprocal(g.sqrt(oneMinusSquare(g, g.x[0]!)))))],
  atan: (g) => [() => g.div(g.dy, g.add(g.num('1'), g.square(g.x[0]!)))],
  // atan2_p: g * (y / (square(x) + square(y))), g * -x / (square(x) + square(y))
  atan2: (g) => {
    const [a, b] = g.x;
    const d = () => g.add(g.square(a!), g.square(b!));
    return [() => g.mul(g.dy, g.div(b!, d())), () => g.div(g.mul(g.dy, g.neg(a!)), d())];
  },
  // logistic_p: g * ans * (1 - ans)
  sigmoid: (g) => [() => g.mul(g.mul(g.dy, g.y), g.sub(g.num('1'), g.y))],
  // jax.nn.softplus is jnp.logaddexp(x, 0), whose custom jvp is g * exp(_replace_inf(x) - _replace_inf(ans))
  softplus: (g) => [() => g.mul(g.dy, g.exp(g.sub(replaceInf(g, g.x[0]!), replaceInf(g, g.y))))],
  // max_p: mul(g, _balanced_eq(x, ans, y)), mul(g, _balanced_eq(y, ans, x)): a mask multiply (inf * 0 = NaN)
  // jnp.logaddexp's custom jvp (jax/_src/numpy/ufuncs.py): t1 * exp(_replace_inf(x1) - _replace_inf(out)) + t2 * (same for x2)
  logaddexp: (g) => {
    const [a, b] = g.x;
    return [
      () => g.mul(g.dy, g.exp(g.sub(replaceInf(g, a!), replaceInf(g, g.y)))),
      () => g.mul(g.dy, g.exp(g.sub(replaceInf(g, b!), replaceInf(g, g.y)))),
    ];
  },
  // erf_p: mul(_const(x, 2/sqrt(pi)), mul(g, exp(neg(square(x))))); erfc_p: the same with -2/sqrt(pi)
  erf: (g) => [() => g.mul(g.num('1.1283791670955126'), g.mul(g.dy, g.exp(g.neg(g.square(g.x[0]!)))))],
  erfc: (g) => [() => g.mul(g.num('-1.1283791670955126'), g.mul(g.dy, g.exp(g.neg(g.square(g.x[0]!)))))],
  // rsqrt_p: defjvp2: mul(g, mul(_const(x, -0.5), div(ans, x)))
  rsqrt: (g) => [() => g.mul(g.dy, g.mul(g.num('-0.5'), g.div(g.y, g.x[0]!)))],
  // jax.nn.soft_sign is x / (jnp.abs(x) + 1): div_p's rules (y^-2 for the divisor), abs_p's select(x >= 0, g, -g)
  softsign: (g) => {
    const x = g.x[0]!;
    const d = g.add(g.abs(x), g.num('1'));
    const viaD = () => g.neg(g.mul(g.mul(g.dy, integerPow(g, d, -2)), x));
    return [() => g.add(g.div(g.dy, d), g.where(g.greaterEqual(x, g.num('0')), viaD(), g.neg(viaD())))];
  },
  // jax.nn.elu: where(x > 0, x, alpha * expm1(where(x > 0, 0, x))): selects, expm1_p's jvp g * (ans + 1)
  elu: (g) => [() => eluJax(g, g.dy)],
  // jax.nn.selu: scale * elu(x, alpha)
  selu: (g) => [() => eluJax(g, g.mul(g.num(SELU_SCALE), g.dy), SELU_ALPHA)],
  // jax.nn.silu: x * sigmoid(x) (logistic_p's jvp g * ans * (1 - ans)): mul(ct, s) + mul(x, ct) * (s * (1 - s))
  silu: (g) => {
    const x = g.x[0]!;
    const s = g.sigmoid(x);
    return [() => g.add(g.mul(g.dy, s), g.mul(g.mul(x, g.dy), g.mul(s, g.sub(g.num('1'), s))))];
  },
  // jax.nn.relu6's custom jvp: select((x > 0) & (x < 6), g, 0)
  relu6: (g) => {
    const x = g.x[0]!;
    return [() => g.keep(g.dy, g.logicalAnd(g.greater(x, g.num('0')), g.less(x, g.num('6'))))];
  },
  // jax.nn.leaky_relu: where(x >= 0, x, negative_slope * x): selects, so -0 takes the identity side (1)
  leakyRelu: (g) => {
    const [x, slope] = g.x;
    const pos = () => g.greaterEqual(x!, g.num('0'));
    return [() => g.add(g.keep(g.dy, pos()), g.mul(slope!, g.keep(g.dy, g.logicalNot(pos())))), null];
  },
  // jax.nn.gelu(approximate=False): 0.5 * x * erfc(-x * sqrt_half), transposed op by op (erfc_p's -2/sqrt(pi) rule)
  gelu: (g) => {
    const x = g.x[0]!;
    const c = g.num('0.7071067811865476');
    const m = g.mul(g.neg(x), c);
    const viaT = () => g.mul(g.num('0.5'), g.mul(g.dy, g.erfc(m)));
    const de = () => g.mul(g.mul(g.num('0.5'), x), g.dy);
    const viaE = () => g.neg(g.mul(g.mul(g.num('-1.1283791670955126'), g.mul(de(), g.exp(g.neg(g.square(m))))), c));
    return [() => g.add(viaT(), viaE())];
  },
  // jax.nn.gelu(approximate=True): x * (0.5 * (1 + tanh(c * (x + 0.044715 * x ** 3)))), x ** 3 being integer_pow
  geluTanh: (g) => {
    const x = g.x[0]!;
    const th = g.tanh(g.mul(g.num('0.7978845608028654'), g.add(x, g.mul(g.num('0.044715'), g.mul(g.mul(x, x), x)))));
    const ds = () => g.mul(g.num('0.5'), g.mul(x, g.dy));
    const c = () => g.mul(ds(), g.sub(g.num('1'), th));
    const dv = () => g.mul(g.num('0.7978845608028654'), g.add(c(), g.mul(c(), th)));
    const cdf = g.mul(g.num('0.5'), g.add(g.num('1'), th));
    return [() => g.add(g.add(g.mul(g.dy, cdf), dv()), g.mul(g.mul(g.num('0.044715'), dv()), g.mul(g.num('3'), g.mul(x, x))))];
  },
  // jax.nn.mish: x * tanh(softplus(x)): mul_p, tanh_p (ct + ct * ans) * (1 - ans), softplus's logaddexp jvp
  mish: (g) => {
    const x = g.x[0]!;
    const sp = g.softplus(x);
    const th = g.tanh(sp);
    const dt = () => g.mul(x, g.dy);
    const c = () => g.mul(dt(), g.sub(g.num('1'), th));
    const dsp = () => g.add(c(), g.mul(c(), th));
    return [() => g.add(g.mul(g.dy, th), g.mul(dsp(), g.exp(g.sub(replaceInf(g, x), replaceInf(g, sp)))))];
  },
  // asinh_p: mul(rsqrt(square(x) + 1), g); acosh_p: mul(g, rsqrt((x - 1) * (x + 1))); XLA gives +inf at
  // x = -1 (measured) where rsqrt(-0) is -inf, modelled as |rsqrt(...)|, the same value everywhere else;
  // atanh_p: mul(reciprocal(1 + x), div(g, 1 - x))
  asinh: (g) => [() => g.mul(g.rsqrt(g.add(g.square(g.x[0]!), g.num('1'))), g.dy)],
  acosh: (g) => [() => g.mul(g.dy, g.abs(g.rsqrt(g.mul(g.sub(g.x[0]!, g.num('1')), g.add(g.x[0]!, g.num('1'))))))],
  atanh: (g) => [() => g.mul(g.reciprocal(g.add(g.num('1'), g.x[0]!)), g.div(g.dy, g.sub(g.num('1'), g.x[0]!)))],
  // jnp.log2 / log10: div(log(x), log(b)): div_p's div(ct, log b), then log_p's div(g, x)
  log2: (g) => [() => g.div(g.div(g.dy, g.log(g.num('2'))), g.x[0]!)],
  log10: (g) => [() => g.div(g.div(g.dy, g.log(g.num('10'))), g.x[0]!)],
  // jax.scipy.special.xlogy's custom jvp: x_dot * log(y) + y_dot * x / y (no mask), transposed: ct * log(y), (ct / y) * x.
  // xlog1py: the same with log1p(y) and 1 + y
  xlogy: (g) => {
    const [x, y] = g.x;
    return [() => g.mul(g.dy, g.log(y!)), () => g.mul(g.div(g.dy, y!), x!)];
  },
  xlog1py: (g) => {
    const [x, y] = g.x;
    return [() => g.mul(g.dy, g.log1p(y!)), () => g.mul(g.div(g.dy, g.add(g.num('1'), y!)), x!)];
  },
  // jax.nn.log_sigmoid is -softplus(-x); softplus(u) = logaddexp(u, 0), whose custom jvp is
  // g * exp(_replace_inf(u) - _replace_inf(ans)) (jax/_src/numpy/ufuncs.py); ans = softplus(u) = -y
  logSigmoid: (g) => [() => g.neg(g.mul(g.neg(g.dy), g.exp(g.sub(replaceInf(g, g.neg(g.x[0]!)), replaceInf(g, g.neg(g.y))))))],
  // jax.nn.relu's custom jvp: select(x > 0, g, zeros) (jax/_src/nn/functions.py): a select, NaN gets 0
  relu: (g) => [() => g.keep(g.dy, g.greater(g.x[0]!, g.num('0')))],
  // only torch's F.binary_cross_entropy makes this node: torch's fused rule (grads/torch.ts)
  bceTorch: bceTorchRule,
  bceLogitsTorch: bceLogitsTorchRule,
  toFloat32: castRule,
  hypot: hypotJax,
  sinc: sincJax,
  // floor_p, ceil_p, round_p: defjvp_zero
  floor: (g) => [() => g.num('0')],
  ceil: (g) => [() => g.num('0')],
  round: (g) => [() => g.num('0')],
  logsumexp: logsumexpJax, logsumexp3: logsumexpJax,
  norm: normJax, norm3: normJax,
  maximum: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, balancedEq(g, a!, g.y, b!)), () => g.mul(g.dy, balancedEq(g, b!, g.y, a!))];
  },
  minimum: (g) => {
    const [a, b] = g.x;
    return [() => g.mul(g.dy, balancedEq(g, a!, g.y, b!)), () => g.mul(g.dy, balancedEq(g, b!, g.y, a!))];
  },
  // jnp.clip(x, lo, hi) is minimum(maximum(x, lo), hi) (jax/_src/numpy/lax_numpy.py): both max_p and min_p rules
  clip: (g) => {
    const [x, lo, hi] = g.x;
    return [
      () => {
        const m = g.maximum(x!, lo!);
        return g.mul(g.mul(g.dy, balancedEq(g, m, g.y, hi!)), balancedEq(g, x!, m, lo!));
      },
      null,
      null,
    ];
  },
  // select_n_p transpose: select(c, ct, 0), select(c, 0, ct)
  where: (g) => [null, () => g.selected(g.x[0]!, 'then'), () => g.selected(g.logicalNot(g.x[0]!), 'else')],
  less: none, lessEqual: none, greater: none, greaterEqual: none, equal: none, notEqual: none,
  logicalAnd: none, logicalOr: none, logicalNot: none, cast: none, step: none, keep: none,
};

export const JAX_GRADS: GradTable = { source: 'JAX 0.10.2 (jax/_src/lax/lax.py jvp rules, transposed)', rules };
