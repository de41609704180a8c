import type { PrimOp } from '../../../../src/backends/truth/prim.js';

/** Ops the fast path implements, each held to the certification target. */
export const IMPLEMENTED: readonly PrimOp[] = [
  'add', 'sub', 'mul', 'div', 'neg', 'abs', 'square', 'reciprocal', 'sqrt', 'exp', 'expm1', 'log', 'log1p',
  'sigmoid', 'softplus', 'tanh', 'sinh', 'cosh',
  'sin', 'cos', 'tan', 'atan', 'asin', 'acos', 'atan2',
  'pow', 'hypot', 'log2', 'log10', 'asinh', 'acosh', 'atanh',
  'erf', 'erfc',
];
