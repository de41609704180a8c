import type { GraphNode } from '../graph.js';
import type { OpName } from '../../vocab/ops.js';

/** Builds backward nodes for one forward node; each call appends a node (merged when identical). */
export interface GradOps {
  /** The upstream gradient dy. */
  dy: number;
  /** The forward node's inputs and its output y. */
  x: number[];
  y: number;
  op(op: OpName, ...inputs: number[]): number;
  c(text: string): number;
  /** dy * cast(mask), marked as where's mask multiply for the where-trap detector. */
  masked(mask: number, branch: 'then' | 'else'): number;
}

/** One thunk per input, called only for inputs on a path to a variable (as TF's backprop does). */
export type GradRule = (g: GradOps, node: GraphNode) => Array<(() => number) | null>;

const none: GradRule = (_g, node) => node.inputs.map(() => null);

/**
 * TF.js's gradient rules (tfjs-core/src/gradients/*_grad.ts), op for op and in the same order of operations, so the
 * backward pass rounds and overflows where TensorFlow's does. Record<OpName, ...>: the compiler demands every op.
 */
export const GRAD_RULES: Record<OpName, GradRule> = {
  const: none,
  var: none,
  // Add_grad / Sub_grad / Neg_grad
  add: (g) => [() => g.dy, () => g.dy],
  sub: (g) => [() => g.dy, () => g.op('neg', g.dy)],
  neg: (g) => [() => g.op('neg', g.dy)],
  // Multiply_grad: dy * b, dy * a
  mul: (g) => [() => g.op('mul', g.dy, g.x[1]!), () => g.op('mul', g.dy, g.x[0]!)],
  // Div_grad: dy / b; -(dy * a) / square(b)
  div: (g) => [
    () => g.op('div', g.dy, g.x[1]!),
    () => g.op('neg', g.op('div', g.op('mul', g.dy, g.x[0]!), g.op('square', g.x[1]!))),
  ],
  // Pow_grad: dy * (b * a^(b-1)); dy * (y * where(a > 0, log(a), 0))
  pow: (g) => [
    () => g.op('mul', g.dy, g.op('mul', g.x[1]!, g.op('pow', g.x[0]!, g.op('sub', g.x[1]!, g.c('1'))))),
    () => g.op('mul', g.dy, g.op('mul', g.y, g.op('where', g.op('greater', g.x[0]!, g.c('0')), g.op('log', g.x[0]!), g.c('0')))),
  ],
  // Exp_grad: dy * y
  exp: (g) => [() => g.op('mul', g.dy, g.y)],
  // Log_grad: dy / x
  log: (g) => [() => g.op('div', g.dy, g.x[0]!)],
  // Expm1_grad: dy * exp(x)
  expm1: (g) => [() => g.op('mul', g.dy, g.op('exp', g.x[0]!))],
  // Log1p_grad: dy / (x + 1)
  log1p: (g) => [() => g.op('div', g.dy, g.op('add', g.x[0]!, g.c('1')))],
  // Sqrt_grad: dy / (sqrt(x) * 2)
  sqrt: (g) => [() => g.op('div', g.dy, g.op('mul', g.op('sqrt', g.x[0]!), g.c('2')))],
  // Abs_grad: dy * step(x, -1)  (so d|x|/dx at 0 is -1 in TF.js)
  abs: (g) => [() => g.op('mul', g.dy, g.op('step', g.x[0]!, g.c('-1')))],
  // Square_grad: dy * (x * 2)
  square: (g) => [() => g.op('mul', g.dy, g.op('mul', g.x[0]!, g.c('2')))],
  // Reciprocal_grad: dy / -square(x)
  reciprocal: (g) => [() => g.op('div', g.dy, g.op('neg', g.op('square', g.x[0]!)))],
  // Sign_grad: zeros (not dy * 0: a NaN dy does not pass)
  sign: (g) => [() => g.c('0')],
  // Sin_grad: cos(x) * dy; Cos_grad: -sin(x) * dy; Tan_grad: dy / square(cos(x))
  sin: (g) => [() => g.op('mul', g.op('cos', g.x[0]!), g.dy)],
  cos: (g) => [() => g.op('mul', g.op('neg', g.op('sin', g.x[0]!)), g.dy)],
  tan: (g) => [() => g.op('div', g.dy, g.op('square', g.op('cos', g.x[0]!)))],
  // Tanh_grad: (1 - square(y)) * dy
  tanh: (g) => [() => g.op('mul', g.op('sub', g.c('1'), g.op('square', g.y)), g.dy)],
  // Sinh_grad: cosh(x) * dy; Cosh_grad: sinh(x) * dy
  sinh: (g) => [() => g.op('mul', g.op('cosh', g.x[0]!), g.dy)],
  cosh: (g) => [() => g.op('mul', g.op('sinh', g.x[0]!), g.dy)],
  // Asin_grad: dy / sqrt(1 - square(x)); Acos_grad: -(dy / sqrt(1 - square(x))); Atan_grad: dy / (square(x) + 1)
  asin: (g) => [() => g.op('div', g.dy, g.op('sqrt', g.op('sub', g.c('1'), g.op('square', g.x[0]!))))],
  acos: (g) => [() => g.op('neg', g.op('div', g.dy, g.op('sqrt', g.op('sub', g.c('1'), g.op('square', g.x[0]!)))))],
  atan: (g) => [() => g.op('div', g.dy, g.op('add', g.op('square', g.x[0]!), g.c('1')))],
  // Atan2_grad: d = square(a) + square(b); dy * (b / d); -(dy * (a / d))
  atan2: (g) => {
    const d = () => g.op('add', g.op('square', g.x[0]!), g.op('square', g.x[1]!));
    return [() => g.op('mul', g.dy, g.op('div', g.x[1]!, d())), () => g.op('neg', g.op('mul', g.dy, g.op('div', g.x[0]!, d())))];
  },
  // Sigmoid_grad: dy * (y * (1 - y))
  sigmoid: (g) => [() => g.op('mul', g.dy, g.op('mul', g.y, g.op('sub', g.c('1'), g.y)))],
  // Softplus_grad: dy * sigmoid(x)
  softplus: (g) => [() => g.op('mul', g.dy, g.op('sigmoid', g.x[0]!))],
  // Maximum_grad: dy * cast(a >= b); dy * cast(a < b). Minimum_grad: dy * cast(a <= b); dy * cast(a > b)
  maximum: (g) => [
    () => g.op('mul', g.dy, g.op('cast', g.op('greaterEqual', g.x[0]!, g.x[1]!))),
    () => g.op('mul', g.dy, g.op('cast', g.op('less', g.x[0]!, g.x[1]!))),
  ],
  minimum: (g) => [
    () => g.op('mul', g.dy, g.op('cast', g.op('lessEqual', g.x[0]!, g.x[1]!))),
    () => g.op('mul', g.dy, g.op('cast', g.op('greater', g.x[0]!, g.x[1]!))),
  ],
  // ClipByValue_grad: where(x >= lo & x <= hi, dy, 0); the bounds are constants
  clip: (g) => [
    () => g.op('where', g.op('logicalAnd', g.op('greaterEqual', g.x[0]!, g.x[1]!), g.op('lessEqual', g.x[0]!, g.x[2]!)), g.dy, g.c('0')),
    null,
    null,
  ],
  // SelectV2_grad: condition gets nothing; then: dy * cast(cond); else: dy * cast(!cond). The where trap lives here:
  // a masked branch receives 0, and its own rules turn 0 * inf or 0 / 0 into NaN.
  where: (g, node) => [null, () => g.masked(node.inputs[0]!, 'then'), () => g.masked(g.op('logicalNot', node.inputs[0]!), 'else')],
  less: none, lessEqual: none, greater: none, greaterEqual: none, equal: none, notEqual: none,
  logicalAnd: none, logicalOr: none, logicalNot: none, cast: none, step: none,
};
