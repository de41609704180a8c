// The double-double ball fast path of the truth engine: a cheap enclosure of each primitive op that usually rounds to a
// single float, and null (never a wrong ball) whenever it cannot bound the result.
//
// Every op is implemented. ddOp returns null when
// - an argument or the result is outside [2^-960, 2^990] in magnitude (and not an exact 0), except: neg, abs, add and
//   sub work across the whole double range; sin, cos, tan take any finite argument (Payne-Hanek beyond 2^20); and
//   outside.ts answers many ops at arguments outside the range (constants and near-identities below 2^-960, exact
//   rescaling for mul, div, atan2, hypot, sqrt and the logarithms, huge arguments where the op's code is safe);
// - an argument ball touches a domain edge or a pole (log/sqrt of a ball reaching 0, asin/acos/atanh beyond 1, a
//   divisor ball containing 0, tan where cos may vanish, pow of a negative base with a non-integer or inexact exponent,
//   atan2 on the branch cut or at the origin);
// - an argument or the result is wider than 2^-40 relative to its midpoint (the exact engine does better there);
// - a cheap start value (Math.log, Math.atan, Math.sqrt, ...) is too far off for its one correction step.
// How each op bounds its error is written beside it: ball.ts (+ - * / sqrt, Horner), exp-log.ts, hyperbolic.ts,
// trig.ts (+ trig-big.ts), misc.ts (pow hypot log2 log10 asinh acosh atanh), erf.ts; round.ts decides roundings exactly.
import type { PrimOp } from '../prim.js';
import { abs, addWide, div, inRange, mul, neg, reciprocal, sqrt, square, subWide, type DDBall } from './ball.js';
import { erf, erfc } from './erf.js';
import { exp, expm1, log, log1p } from './exp-log.js';
import { cosh, sigmoid, sinh, softplus, tanh } from './hyperbolic.js';
import { acosh, asinh, atanh, hypot, log10, log2, pow } from './misc.js';
import { outsideOp } from './outside.js';
import { acos, asin, atan, atan2, cos, sin, tan } from './trig.js';

export type { DDBall } from './ball.js';
export { ddFromDecimal } from './decimal.js';
export { ddRoundsTo, ddRoundsToShifted, ddSign } from './round.js';

/** Balls wider than this (relative to their midpoint) are not worth carrying: the exact engine takes over. */
const MAX_REL_RAD = 2 ** -40;

export function ddFromDouble(x: number): DDBall {
  return { hi: x, lo: 0, rad: 0 };
}

/** A ball worth passing on: finite, narrow and, unless the op works across the whole double range, within the dd
 *  safe range [2^-960, 2^990]. */
function usable(b: DDBall | undefined | null, wide: boolean): b is DDBall {
  if (b === undefined || b === null) return false;
  if (!Number.isFinite(b.hi) || !Number.isFinite(b.lo) || !(b.rad >= 0 && b.rad < Infinity)) return false;
  if (b.hi + b.lo !== b.hi) return false; // not a normalised dd: the dd error bounds assume |lo| <= ulp(hi)/2
  if (!wide && !inRange(b.hi)) return false;
  return b.rad === 0 || b.rad <= MAX_REL_RAD * Math.abs(b.hi);
}

type Unary = (a: DDBall) => DDBall | null;
type Binary = (a: DDBall, b: DDBall) => DDBall | null;
interface Entry {
  readonly unary?: Unary;
  readonly binary?: Binary;
  /** Arguments may lie anywhere in the double range, not just [2^-960, 2^990]. */
  readonly wideArgs: boolean;
  /** So may the result. */
  readonly wideResult: boolean;
}
const u = (unary: Unary): Entry => ({ unary, wideArgs: false, wideResult: false });
const b = (binary: Binary): Entry => ({ binary, wideArgs: false, wideResult: false });

/** Every primitive op. Sign changes and sums are exact or error-free at any magnitude; sin, cos and tan reduce any
 *  finite argument (Payne-Hanek beyond 2^20, v + O(v^3) for tiny ones) but their results take the usual check. */
const OPS: Readonly<Record<PrimOp, Entry>> = {
  neg: { unary: neg, wideArgs: true, wideResult: true },
  abs: { unary: abs, wideArgs: true, wideResult: true },
  add: { binary: addWide, wideArgs: true, wideResult: true },
  sub: { binary: subWide, wideArgs: true, wideResult: true },
  sin: { unary: sin, wideArgs: true, wideResult: false },
  cos: { unary: cos, wideArgs: true, wideResult: false },
  tan: { unary: tan, wideArgs: true, wideResult: false },
  mul: b(mul), div: b(div), atan2: b(atan2), pow: b(pow), hypot: b(hypot),
  sqrt: u(sqrt), square: u(square), reciprocal: u(reciprocal), exp: u(exp), expm1: u(expm1), log: u(log),
  log1p: u(log1p), sigmoid: u(sigmoid), softplus: u(softplus), tanh: u(tanh), sinh: u(sinh), cosh: u(cosh),
  atan: u(atan), asin: u(asin), acos: u(acos), log2: u(log2), log10: u(log10), asinh: u(asinh), acosh: u(acosh),
  atanh: u(atanh), erf: u(erf), erfc: u(erfc),
};

export function ddOp(op: PrimOp, args: readonly DDBall[]): DDBall | null {
  const e: Entry | undefined = OPS[op];
  if (e === undefined || args.length !== (e.unary !== undefined ? 1 : 2)) return null;
  const a = args[0]!;
  const y = args[1];
  if (!usable(a, true) || (y !== undefined && !usable(y, true))) return null;
  if (!e.wideArgs && !(inRange(a.hi) && (y === undefined || inRange(y.hi)))) {
    const out = outsideOp(op, args);
    return usable(out, true) ? out : null;
  }
  const out = e.unary !== undefined ? e.unary(a) : e.binary!(a, y!);
  return usable(out, e.wideResult) ? out : null;
}
