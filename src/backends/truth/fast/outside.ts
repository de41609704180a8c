// Arguments outside the dd range [2^-960, 2^990]: ops that are constants or the identity up to a tiny bound there,
// ops whose own code is safe for huge arguments, and ops that an exact scaling by a power of two brings back in range.
import {
  add, div, exact, inRange, magUp, MAX_MAG, MIN_MAG, mul, scale, sqrt, sub, up, type DDBall,
} from './ball.js';
import { LN10, LN2, PI_2 } from './constants.js';
import { twoSumLo } from './eft.js';
import { erf, erfc } from './erf.js';
import { TWO_OVER_SQRT_PI } from './erf-table.js';
import { exp, expm1, log, ONE } from './exp-log.js';
import { sigmoid, tanh } from './hyperbolic.js';
import { acosh, asinh, hypot, log10, log2 } from './misc.js';
import { pow2 } from './pow2.js';
import { atan, atan2 } from './trig.js';
import type { PrimOp } from '../prim.js';

/** Scaling by 2^+-400 takes any double outside the range inside it (2^-1074 * 2^400 = 2^-674, 2^1024 * 2^-400). */
const SHIFT = 400;
const HALF: DDBall = exact(0.5);
const MIN_SUB = 2 ** -1074;

/** x * 2^k (k > 0 only for balls below the range, where it is exact; k < 0 only for balls above it, where hi stays
 *  exact but lo or rad may lose bits in the subnormals: then the radius grows by more than they lost). */
function shifted(x: DDBall, k: number): DDBall | null {
  const p = pow2(k);
  const hi = x.hi * p;
  if (hi / p !== x.hi) return null; // a smaller argument shifted with a larger one's k would lose its own bits
  const lo = x.lo * p;
  const rad = x.rad * p;
  const inexact = lo / p !== x.lo || rad / p !== x.rad;
  return { hi, lo, rad: inexact ? up(rad + 2 * MIN_SUB) : rad };
}

/** The shift that brings a ball outside the range inside it, 0 for one inside. */
function shiftOf(x: DDBall): number {
  const a = Math.abs(x.hi);
  return a === 0 || (a >= MIN_MAG && a <= MAX_MAG) ? 0 : a < MIN_MAG ? SHIFT : -SHIFT;
}

/** c + [-k m, k m] with m >= |v| over the ball. */
function near(c: DDBall, k: number, m: number): DDBall | null {
  return add(c, { hi: 0, lo: 0, rad: up(k * m) + MIN_SUB });
}

/** log(v 2^400) - 400 ln2 for v below the range. */
function logTiny(x: DDBall): DDBall | null {
  const xs = shifted(x, SHIFT);
  const l = xs && log(xs);
  const k = mul(LN2, exact(SHIFT));
  return l && k && sub(l, k);
}

/** 2/sqrt(pi) v for tiny v, whose result may itself be below the range: computed at v 2^400 and scaled back, where
 *  the scaled hi and lo lose at most half of 2^-1074 each. |erf v - 2/sqrt(pi) v| <= |v|^3 is far below 2^-1074. */
function erfTiny(x: DDBall): DDBall | null {
  const xs = shifted(x, SHIFT);
  const p = xs && mul(TWO_OVER_SQRT_PI, xs);
  if (p === null) return null;
  const s = pow2(-SHIFT);
  const h = p.hi * s;
  const l = p.lo * s;
  const hi = h + l;
  return { hi, lo: twoSumLo(h, l, hi), rad: up(p.rad * s) + 2 * MIN_SUB };
}

/** A unary op at a ball below the range. Bounds: |e^v - 1|, |cos v - 1|, |cosh v - 1|, |erfc v - 1|,
 *  |acos v - pi/2| <= 2|v|; |sigmoid v - 1/2| <= |v|/4; |softplus v - ln2| <= |v|/2; and |f(v) - v| <= v^2, far below
 *  2^-1074, for f = atan, asin, asinh, atanh, sinh, tanh, expm1, log1p (so their ball is v's, widened by 2^-1074). */
function tinyOp(op: PrimOp, x: DDBall): DDBall | null {
  const m = magUp(x);
  switch (op) {
    case 'exp': case 'cos': case 'cosh': case 'erfc': return near(ONE, 2, m);
    case 'sigmoid': return near(HALF, 0.25, m);
    case 'softplus': return near(LN2, 0.5, m);
    case 'acos': return near(PI_2, 2, m);
    case 'atan': case 'asin': case 'asinh': case 'atanh': case 'sinh': case 'tanh': case 'expm1': case 'log1p':
      return { hi: x.hi, lo: x.lo, rad: up(x.rad) + MIN_SUB };
    case 'erf': return erfTiny(x);
    case 'sqrt': {
      if (!(x.hi > 0)) return null;
      const xs = shifted(x, SHIFT);
      const r = xs && sqrt(xs);
      return r && scale(r, pow2(-SHIFT / 2));
    }
    case 'log': return x.hi > 0 ? logTiny(x) : null;
    case 'log2': case 'log10': {
      if (!(x.hi > 0)) return null;
      const l = logTiny(x);
      return l && div(l, op === 'log2' ? LN2 : LN10);
    }
    default: return null;
  }
}

/** A unary op at a ball above the range: the ops whose code never splits or squares such an argument (log scales it
 *  by its binade first; atan, erf, tanh, sigmoid, expm1 of a huge value are constants up to their bounds), and
 *  sqrt(v) = sqrt(v 2^-400) 2^200, log1p(v) = log v + [0, 1/v]. */
function hugeOp(op: PrimOp, x: DDBall): DDBall | null {
  switch (op) {
    case 'log': return log(x);
    case 'log2': return log2(x);
    case 'log10': return log10(x);
    case 'asinh': return asinh(x);
    case 'acosh': return acosh(x);
    case 'atan': return atan(x);
    case 'erf': return erf(x);
    case 'erfc': return erfc(x);
    case 'tanh': return tanh(x);
    case 'sigmoid': return sigmoid(x);
    case 'expm1': return expm1(x);
    case 'exp': return exp(x);
    case 'sqrt': {
      if (!(x.hi > 0)) return null;
      const xs = shifted(x, -SHIFT);
      const r = xs && sqrt(xs);
      return r && scale(r, pow2(SHIFT / 2));
    }
    case 'log1p': {
      if (!(x.hi > 0)) return null;
      const l = log(x);
      return l && add(l, { hi: 0, lo: 0, rad: 2 ** -989 });
    }
    default: return null;
  }
}

/** A binary op with an argument outside the range: mul and div on arguments scaled back into it (the result is
 *  scaled by the inverse power, refused if it leaves the range); atan2 and hypot are homogeneous, so both arguments
 *  take the larger one's shift; pow(v, w) = exp(w log v) for v > 0. */
function binaryOp(op: PrimOp, a: DDBall, b: DDBall): DDBall | null {
  const ka = shiftOf(a);
  const kb = shiftOf(b);
  switch (op) {
    case 'mul': case 'div': {
      const as = shifted(a, ka);
      const bs = shifted(b, kb);
      const r = as && bs && (op === 'mul' ? mul(as, bs) : div(as, bs));
      return r && scale(r, pow2(op === 'mul' ? -(ka + kb) : kb - ka));
    }
    case 'atan2': case 'hypot': {
      const k = shiftOf(Math.abs(a.hi) >= Math.abs(b.hi) ? a : b);
      const as = shifted(a, k);
      const bs = shifted(b, k);
      if (as === null || bs === null) return null;
      if (op === 'atan2') return atan2(as, bs);
      const h = hypot(as, bs);
      return h && scale(h, pow2(-k));
    }
    case 'pow': {
      if (!(a.hi > 0) || !inRange(b.hi)) return null;
      const l = ka > 0 ? logTiny(a) : log(a);
      const p = l && mul(b, l);
      return p && exp(p);
    }
    default: return null;
  }
}

export function outsideOp(op: PrimOp, args: readonly DDBall[]): DDBall | null {
  const x = args[0]!;
  if (args.length === 2) return binaryOp(op, x, args[1]!);
  return Math.abs(x.hi) < MIN_MAG ? tinyOp(op, x) : hugeOp(op, x);
}
