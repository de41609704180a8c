/**
 * The golden rows f-diagnose's model of a framework does not reproduce, each with its explanation. Every entry must
 * excuse at least one row (the tests check), so a fixed model shows up as a stale entry.
 */
import type { Exception } from './golden.js';

const subnormal = (x: number) => x !== 0 && Number.isFinite(x) && Math.abs(x) < 2 ** -126;
const anySubnormal = (args: Record<string, number>) => Object.values(args).some(subnormal);

/** Shared by tf, torch and jax: rounding amplified by the formula, not a different rule. */
const AMPLIFIED: Exception[] = [
  {
    case: 'tanh', target: 'grad:x', when: ({ x }) => Math.abs(x!) >= 2,
    why: 'tanh\'s gradient 1 - y^2 amplifies a few-ULP difference in the framework\'s tanh(x) by about 2y^2 / (1 - y^2) (Eigen/XLA use a rational approximation in float32)',
  },
  {
    case: 'story_where', dtype: 'float64', target: 'grad:x', when: ({ x }) => x === 1,
    why: 'the gradient of 1/(1 - exp(-x)) - 1/x at 1 cancels two terms: a 1-ULP difference in exp(-1) becomes 8 ULPs',
  },
];

const ATAN2_SUBNORMAL: Exception = {
  case: 'atan2', when: anySubnormal,
  why: 'the vectorised atan2 (Eigen / XLA) with a subnormal operand: flushed on one side only, or computed from y/x, so atan2(0, 1e-45) = pi/4; no rule of the model reproduces it',
};

/** erfc next to float32's underflow: Eigen's and XLA's float32 erfc lose a few ULPs there. */
const ERFC_TAIL32: Exception = {
  case: 'erfc', dtype: 'float32', target: 'value', when: ({ x }) => x! > 9,
  why: 'the float32 erfc of Eigen / XLA next to underflow: erfc(9.19) = 1.2786754599966846e-38 measured, 5 ULPs from the correctly rounded 1.2786761606459168e-38 (mpmath)',
};

/** 1 + tanh(u) and 1 + erf(u) cancel for x <= -1 (gelu, gelu_tanh) and mish's two terms for x near -1. */
const CANCELS = (cases: string[], dtype?: 'float32' | 'float64'): Exception[] => cases.map((c) => ({
  case: c, dtype, when: ({ x }: Record<string, number>) => x! <= -0.9 || (c === 'gelu_tanh' && x! >= 5),
  why: 'gelu\'s 1 + erf(u) / 1 + tanh(u) and mish\'s th + x s (1 - th^2) cancel for x <= -1: a few-ULP difference in the framework\'s erf/tanh (Sleef, Eigen and XLA approximations) becomes hundreds to millions of ULPs (1 + erf(-3.54) is 4.8e-7 in torch float32, 6.0e-7 correctly rounded)',
}));

export const EXCEPTIONS: Readonly<Record<'tf' | 'torch' | 'jax' | 'tfjs', readonly Exception[]>> = {
  tfjs: [],
  tf: [
    ...AMPLIFIED,
    ATAN2_SUBNORMAL,
    ERFC_TAIL32,
    ...CANCELS(['gelu_tanh', 'mish']),
    ...['asinh', 'acosh'].map((c) => ({ case: c, dtype: 'float32' as const, target: 'grad:x' as const, when: ({ x }: Record<string, number>) => Math.abs(x!) > 1e19, why: 'TF\'s asinh/acosh gradient is grad / cosh(y) (sinh(y)) at y = 46.7: Eigen\'s float32 cosh/sinh there is 47 ULPs off (1.0000027e-20 measured, 9.999989e-21 with a correctly rounded cosh)' })),
    { case: 'rsqrt', dtype: 'float32', target: 'grad:x', why: 'Eigen\'s float32 rsqrt is an estimate refined by one Newton step, 2 ULPs off (rsqrt(1) = 0.99999988 measured), and the gradient\'s y^3 triples that' },
    { case: 'sign', target: 'value', when: anySubnormal, why: 'Eigen\'s vectorised sign returns a subnormal input\'s own magnitude (sign(-1e-45) = +1e-45 measured): not a flush and not a sign' },
    { case: 'pow', target: 'value', when: ({ x, y }) => y === 1 && subnormal(x!), why: 'Eigen\'s pow returns x unflushed for the exponent 1' },
  ],
  torch: [
    ...AMPLIFIED.filter((e) => e.case !== 'story_where'),
    ...CANCELS(['gelu', 'gelu_tanh']),
    { case: 'mish', dtype: 'float32', target: 'value', when: ({ x }) => x! < -88, why: 'torch\'s vectorised float32 exp of a subnormal result is a step off: exp(-100) = 3.92e-44 where the correctly rounded value is 3.78e-44 (also in log_sigmoid), and exp(-103.97) = 0' },
    { case: 'erfc', dtype: 'float32', target: 'value', when: ({ x }) => x! > 10, why: 'torch\'s float32 erfc underflows early: erfc(10.05) = 0 measured, 7.6e-46 exactly (mpmath), which rounds to the smallest subnormal 1.4e-45' },
  {
    case: 'story_naive', dtype: 'float64', when: ({ x }) => Math.abs(x!) < 1e-3,
    why: 'torch\'s float64 exp differs by 1 ULP from the others\' near 0, and there the two terms of 1/(1 - exp(-x)) - 1/x cancel: a 1-ULP difference in the framework\'s exp(-x) becomes 2^37 ULPs of the gradient',
  },
  ],
  jax: [
    {
      case: 'sinc', target: 'grad:x', when: ({ x }) => x !== 0 && Math.abs(x!) < 0.01,
      why: 'jnp.sinc\'s gradient near 0 is cos(pi x)/(pi x) - sin(pi x)/(pi x)^2 times pi: the two terms cancel (1e-8: all 53 bits), so XLA\'s few-ULP sin/cos differences become 1e3 to 1e15 ULPs; torch\'s sinc_backward cancels the same way but agrees',
    },
    ...AMPLIFIED,
    ERFC_TAIL32,
    ...CANCELS(['gelu_tanh', 'mish']),
    { ...CANCELS(['gelu'], 'float64')[0]!, target: 'grad:x' },
    { case: 'gelu', dtype: 'float64', target: 'value', when: ({ x }) => x! <= -5, why: 'XLA\'s float64 erfc in the tail is not correctly rounded (see erfc): gelu(-20) is 68 ULPs off' },
    { case: 'erfc', dtype: 'float64', target: 'value', when: ({ x }) => x! > 9, why: 'XLA\'s float64 erfc in the tail is not correctly rounded: erfc(10.1) = 2.7708969831311798e-46 measured, 15 ULPs from 2.770896983131174e-46 (mpmath)' },
    {
      case: 'atan2', when: (args) => anySubnormal(args) || Object.values(args).some((v) => Math.abs(v) > 1e38),
      why: 'XLA\'s atan2 (modelled: inputs unflushed, NaN for two subnormals) flushes its internal quotient: atan2(1, max) is 0, atan2(1e-45, 1) stays 1e-45, atan2(1e-45, 2) is 0, and float64 atan2(5e-324, -1) is -pi',
    },
    { case: 'asin', target: 'value', when: ({ x }) => Math.abs(x!) < 2 ** -125, why: 'XLA\'s asin is 2 * atan2(x, 1 + sqrt(1 - x^2)): at the smallest normal x/2 is subnormal and flushed to 0' },
    { case: 'tanh', dtype: 'float64', when: ({ x }) => Math.abs(x!) > 19, why: 'XLA\'s float64 tanh is not correctly rounded next to 1: 0.9999999999999992 at 19.1 (the others give 1)' },
    { case: 'pow', when: ({ x }) => subnormal(x!), why: 'XLA\'s pow of a subnormal base (no DAZ) is not correctly rounded: pow(1e-45, 0.5) = 2.6e-23 instead of 3.7e-23' },
    { case: 'sinh', dtype: 'float64', when: ({ x }) => Math.abs(x!) >= 50, why: 'XLA\'s float64 sinh/cosh compute exp(|x| - log 2): the error grows with |x| (10 ULPs at 100, 495 at 710.48)' },
    { case: 'cosh', dtype: 'float64', when: ({ x }) => Math.abs(x!) >= 50, why: 'XLA\'s float64 sinh/cosh compute exp(|x| - log 2): the error grows with |x| (10 ULPs at 100, 495 at 710.48)' },
  ],
};
