/** bigOp: one entry point from the primitive op names to the ball functions. */
import type { PrimOp } from '../prim.js';
import { abs, add, div, mul, neg, ONE, sqrt, square, sub } from './ball.js';
import { exp, log } from './explog.js';
import { expm1, log1p, log10, log2, pow, sigmoid, softplus } from './expfamily.js';
import { acos, asin, atan, atan2 } from './arctrig.js';
import { erf, erfc } from './erf.js';
import { acosh, asinh, atanh, cosh, hypot, sinh, tanh } from './hyperbolic.js';
import { cos, sin, tan } from './trig.js';
import { fail, MAX_PREC, type BigBall, type BigResult } from './types.js';

type Impl = (args: readonly BigBall[], prec: number) => BigResult;

const unary = (f: (x: BigBall, prec: number) => BigResult): Impl => (a, p) => f(a[0]!, p);
const binary = (f: (x: BigBall, y: BigBall, prec: number) => BigResult): Impl => (a, p) => f(a[0]!, a[1]!, p);

const IMPLS: Readonly<Record<PrimOp, Impl>> = {
  add: binary(add),
  sub: binary(sub),
  mul: binary(mul),
  div: binary(div),
  neg: unary((x) => neg(x)),
  abs: unary((x) => abs(x)),
  sqrt: unary(sqrt),
  square: unary(square),
  reciprocal: unary((x, p) => div(ONE, x, p)),
  exp: unary(exp),
  log: unary(log),
  expm1: unary(expm1),
  log1p: unary(log1p),
  sigmoid: unary(sigmoid),
  softplus: unary(softplus),
  tanh: unary(tanh),
  sin: unary(sin),
  cos: unary(cos),
  tan: unary(tan),
  atan: unary(atan),
  pow: binary(pow),
  sinh: unary(sinh),
  cosh: unary(cosh),
  asin: unary(asin),
  acos: unary(acos),
  atan2: binary(atan2),
  asinh: unary(asinh),
  acosh: unary(acosh),
  atanh: unary(atanh),
  hypot: binary(hypot),
  log2: unary(log2),
  log10: unary(log10),
  erf: unary(erf),
  erfc: unary(erfc),
};

const ARITY: Partial<Record<PrimOp, number>> = { add: 2, sub: 2, mul: 2, div: 2, atan2: 2, pow: 2, hypot: 2 };

export function bigOp(op: PrimOp, args: readonly BigBall[], prec: number): BigResult {
  if (!Number.isInteger(prec) || prec < 8) return fail('limit', `precision ${prec} is not an integer >= 8`);
  if (prec > MAX_PREC) return fail('limit', `precision ${prec} is above the cap of ${MAX_PREC} bits`);
  const impl = IMPLS[op];
  const arity = ARITY[op] ?? 1;
  if (args.length !== arity) throw new RangeError(`${op} takes ${arity} argument(s), got ${args.length}`);
  for (const a of args) if (a.r < 0n) throw new RangeError(`${op}: a ball with a negative radius`);
  return impl(args, prec);
}
