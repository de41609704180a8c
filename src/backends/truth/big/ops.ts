/** bigOp: one entry point from the primitive op names to the ball functions. */
import type { PrimOp } from '../prim.js';
import { abs, add, div, mul, neg, ONE, sqrt, square, sub } from './ball.js';
import { exp, log } from './explog.js';
import { fail, MAX_PREC, type BigBall, type BigResult } from './types.js';

type Impl = (args: readonly BigBall[], prec: number) => BigResult;

const unary = (f: (x: BigBall, prec: number) => BigResult): Impl => (a, p) => f(a[0]!, p);
const binary = (f: (x: BigBall, y: BigBall, prec: number) => BigResult): Impl => (a, p) => f(a[0]!, a[1]!, p);

const IMPLS: Readonly<Partial<Record<PrimOp, Impl>>> = {
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
};

const ARITY: Partial<Record<PrimOp, number>> = { add: 2, sub: 2, mul: 2, div: 2, atan2: 2, pow: 2, hypot: 2 };

export function bigOp(op: PrimOp, args: readonly BigBall[], prec: number): BigResult {
  if (!Number.isInteger(prec) || prec < 8) return fail('limit', `precision ${prec} is not an integer >= 8`);
  if (prec > MAX_PREC) return fail('limit', `precision ${prec} is above the cap of ${MAX_PREC} bits`);
  const impl = IMPLS[op];
  if (impl === undefined) return fail('limit', `${op} is not implemented by the BigInt ball library`);
  const arity = ARITY[op] ?? 1;
  if (args.length !== arity) throw new RangeError(`${op} takes ${arity} argument(s), got ${args.length}`);
  return impl(args, prec);
}
