import { ddOp, ddRoundsToShifted, type DDBall } from './fast/index.js';
import { magDown, magUp, scale, up } from './fast/ball.js';
import { exponentOf, pow2 } from './fast/pow2.js';
import type { PrimOp } from './prim.js';
import { isFar } from './quick-far.js';
import * as Q from './rational.js';

/**
 * Scaled balls: a double-double ball times 2^s, for products and quotients beyond the double range that keep all
 * their digits (1/x^2 = 1e-400 at x = 1e200, the story's derivative there), where the fast path gives nothing and an
 * underflow ball only a bound. The mantissa (hi, lo, rad) is a regular ball in [1/2, 4) (normalised after each op),
 * s an integer; a result back inside [2^-950, 2^980] is a regular ball again (an exact rescaling). Ops: neg, abs,
 * products, quotients, squares, integer powers (the mantissas through the fast path, the exponents added), and sums
 * where one term dwarfs the other; anything else is null (the BigInt balls decide).
 */
export interface ScaledBall extends DDBall {
  readonly s: number;
}

export const isScaled = (b: DDBall): b is ScaledBall => (b as Partial<ScaledBall>).s !== undefined;

const sb = (hi: number, lo: number, rad: number, s: number): ScaledBall => ({ hi, lo, rad, s });

const isUnder = (b: DDBall) => b.hi === 0 && b.rad > 0;
const isRegular = (b: DDBall) => !isScaled(b) && !isFar(b) && !isUnder(b);

/** A regular ball scaled by 2^k exactly (in two steps when 2^k is not a normal double), or null. */
function times2(b: DDBall, k: number): DDBall | null {
  if (k === 0) return b;
  if (Math.abs(k) <= 1000) return scale(b, pow2(k));
  const half = Math.trunc(k / 2);
  const once = scale(b, pow2(half));
  return once === null ? null : scale(once, pow2(k - half));
}

/** m 2^s from a mantissa ball m (nonzero, regular): normalised, or a regular ball when it fits. */
export function scaled(m: DDBall, s: number): DDBall | null {
  if (!Number.isFinite(m.hi) || m.hi === 0 || !Number.isInteger(s)) return null;
  const k = exponentOf(m.hi);
  const n = k === 0 ? m : times2(m, -k);
  if (n === null) return null;
  const t = s + k;
  if (t >= -950 && t <= 980) return times2(n, t);
  if (!(Math.abs(t) < 2 ** 52)) return null;
  return sb(n.hi, n.lo, n.rad, t);
}

/** [mantissa, exponent] of a scaled or regular nonzero ball; null for an underflow or far ball, or 0. */
function split(b: DDBall): [DDBall, number] | null {
  if (isScaled(b)) return [{ hi: b.hi, lo: b.lo, rad: b.rad }, b.s];
  if (!isRegular(b) || b.hi === 0 || !Number.isFinite(b.hi)) return null;
  const k = exponentOf(b.hi);
  const m = times2(b, -k);
  return m === null ? null : [m, k];
}

/** The integer n of an exact integer ball (|n| <= 64), else null. */
function smallInt(b: DDBall): number | null {
  if (!isRegular(b) || b.rad !== 0 || b.lo !== 0 || !Number.isInteger(b.hi) || Math.abs(b.hi) > 64) return null;
  return b.hi;
}

/** A product, quotient, square, reciprocal or integer power through mantissas and exponents (null: not one). */
export function scaledProduct(op: PrimOp, a: DDBall, b: DDBall | undefined): DDBall | null {
  const x = split(a);
  if (x === null) return null;
  switch (op) {
    case 'square': {
      const m = ddOp('square', [x[0]]);
      return m === null ? null : scaled(m, 2 * x[1]);
    }
    case 'reciprocal': {
      const m = ddOp('reciprocal', [x[0]]);
      return m === null ? null : scaled(m, -x[1]);
    }
    case 'pow': {
      const n = b === undefined ? null : smallInt(b);
      if (n === null) return null;
      const m = ddOp('pow', [x[0], b!]);
      return m === null ? null : scaled(m, n * x[1]);
    }
    case 'mul':
    case 'div': {
      const y = b === undefined ? null : split(b);
      if (y === null) return null;
      const m = ddOp(op, [x[0], y[0]]);
      return m === null ? null : scaled(m, op === 'mul' ? x[1] + y[1] : x[1] - y[1]);
    }
    default: return null;
  }
}

/** An op with a scaled ball among its arguments (the other regular, underflow, far or scaled). */
export function scaledOp(op: PrimOp, a: DDBall, b: DDBall | undefined): DDBall | null {
  switch (op) {
    case 'neg': return isScaled(a) ? sb(-a.hi, -a.lo, a.rad, a.s) : null;
    case 'abs': return isScaled(a) ? (a.hi < 0 ? sb(-a.hi, -a.lo, a.rad, a.s) : a) : null;
    case 'add':
    case 'sub': {
      if (b === undefined) return null;
      // -b: a far ball keeps its log2 bounds in lo and rad
      const nb = op === 'add' ? b : isScaled(b) ? sb(-b.hi, -b.lo, b.rad, b.s)
        : isFar(b) ? { hi: -b.hi, lo: b.lo, rad: b.rad } : { hi: -b.hi, lo: -b.lo, rad: b.rad };
      return scaledSum(a, nb);
    }
    default: return scaledProduct(op, a, b);
  }
}

/** log2 of an upper bound of |b| for a scaled ball. */
const topOf = (b: ScaledBall): number => Math.log2(magUp(b)) + b.s;

/**
 * a + b: the mantissas added at a common exponent when the exponents are close, else the bigger term with its radius
 * grown by the smaller's bound when one dwarfs the other (or b is an exact 0).
 */
function scaledSum(a: DDBall, b: DDBall): DDBall | null {
  if (!isScaled(a)) [a, b] = [b, a];
  const A = a as ScaledBall;
  if (isRegular(b) && b.hi === 0 && b.rad === 0) return A;
  const y = split(b);
  if (y !== null && Math.abs(y[1] - A.s) <= 200) {
    const m = times2(y[0], y[1] - A.s);
    const sum = m === null ? null : ddOp('add', [{ hi: A.hi, lo: A.lo, rad: A.rad }, m]);
    return sum === null || sum.hi === 0 ? null : scaled(sum, A.s);
  }
  // |b| <= 2^tb
  const tb = isScaled(b) ? topOf(b) : isFar(b) ? b.rad : Math.log2(isUnder(b) ? b.rad : magUp(b));
  // |a| >= 2^la (its sign proved: the radius below |hi| - |lo|)
  const low = magDown(A);
  if (!(low > 0) || !Number.isFinite(tb)) return null;
  const la = Math.log2(low) + A.s;
  if (tb < la - 120) {
    // b adds at most 2^(tb - s) to the mantissa's radius (as a double: the smallest subnormal when below)
    const d = tb - A.s + 2 ** -30;
    const extra = d < -1074 ? Number.MIN_VALUE : up(2 ** d) + Number.MIN_VALUE;
    return sb(A.hi, A.lo, up(A.rad + extra), A.s);
  }
  const ta = topOf(A);
  if (ta < -960 && !isScaled(b) && !isFar(b) && ta < tb - 120) {
    // a tiny scaled ball beside a regular or underflow ball: an underflow term of at most 2^ta
    const r = ta < -1074 ? Number.MIN_VALUE : up(2 ** (ta + 2 ** -30)) + Number.MIN_VALUE;
    return { hi: b.hi, lo: b.lo, rad: up(b.rad + r) };
  }
  return null;
}

/** Which float of the format every point of a scaled ball rounds to, when that is +-0 or +-Infinity; else undefined. */
export function scaledRoundsTo(b: ScaledBall, format: 'float32' | 'float64'): number | undefined {
  // beyond the exponents whose digits digits.ts prints: the BigInt balls decide
  if (Math.abs(b.s) > 19000) return undefined;
  const low = magDown(b);
  if (!(low > 0)) return undefined; // the sign is not proved
  const sign = b.hi > 0 ? 1 : -1;
  const margin = 2 ** -30;
  // below half the smallest subnormal (2^-1075, 2^-150; a tie there rounds to the even 0): +-0
  if (Math.log2(magUp(b)) + b.s + margin < (format === 'float64' ? -1075 : -150)) return sign * 0;
  // at or beyond 2^1024 (above every float64 and float32 overflow threshold): +-Infinity
  if (Math.log2(low) + b.s - margin >= 1024) return sign * Infinity;
  // a float64 below 2^-940 (subnormal or not): decided on the ball scaled up by 2^400
  if (format === 'float64' && b.s < -940 && b.s > -1200) {
    const up400 = times2({ hi: b.hi, lo: b.lo, rad: b.rad }, b.s + 400);
    return up400 === null ? undefined : ddRoundsToShifted(up400.hi, up400.lo, up400.rad, 400);
  }
  return undefined;
}

/** The exact value of an exact scaled ball (rad 0), as a rational (null when its exponent is too large to hold). */
export function scaledExact(b: ScaledBall): Q.Q | null {
  if (b.rad !== 0 || Math.abs(b.s) > 20000) return null;
  const [mh, eh] = Q.dyadicOf(b.hi);
  const [ml, el] = b.lo === 0 ? [0n, eh] : Q.dyadicOf(b.lo);
  const e = eh < el ? eh : el;
  const m = (mh << (eh - e)) + (ml << (el - e));
  const E = e + BigInt(b.s);
  return E >= 0n ? Q.q(m << E) : Q.q(m, 1n << -E);
}
