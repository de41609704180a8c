import { ddOp, ddRoundsToShifted, type DDBall } from './fast/index.js';
import { magDown, magUp, scale, up } from './fast/ball.js';
import { exponentOf, pow2 } from './fast/pow2.js';
import type { PrimOp } from './prim.js';
import { ddBallDigits } from './digits.js';
import { isFar } from './quick-far.js';
import * as Q from './rational.js';

/**
 * Scaled balls: a double-double ball times 2^s, for products and quotients beyond the double range that keep all
 * their digits (1/x^2 = 1e-400 at x = 1e200, the story's derivative there), where the fast path gives nothing and an
 * underflow ball only a bound. The mantissa m is a regular ball in [1/2, 4) (normalised after each op), s an
 * integer; a result back inside [2^-950, 2^980] is a regular ball again (an exact rescaling). Ops: neg, abs,
 * products, quotients, squares, integer powers (the mantissas through the fast path, the exponents added), sums at
 * close exponents or where one term dwarfs the other; anything else is null (the BigInt balls decide).
 *
 * Stored as { hi: +-Infinity (the sign), lo: NaN, rad: NaN, m (the mantissa), s }: like a far ball (quick-far.ts) its
 * hi is infinite, so the regular path's only test is the one for far balls, and no fast-path op or rounding accepts
 * it; lo = NaN tells it from a far ball.
 */
export interface ScaledBall extends DDBall {
  readonly m: DDBall;
  readonly s: number;
}

export const isScaled = (b: DDBall): boolean => (b.hi === Infinity || b.hi === -Infinity) && b.lo !== b.lo;
const mOf = (b: DDBall): DDBall => (b as ScaledBall).m;
const sOf = (b: DDBall): number => (b as ScaledBall).s;
const sb = (m: DDBall, s: number): ScaledBall => ({ hi: m.hi > 0 ? Infinity : -Infinity, lo: NaN, rad: NaN, m, s });

const isUnder = (b: DDBall) => b.hi === 0 && b.rad > 0;
const isRegular = (b: DDBall) => Number.isFinite(b.hi) && !isUnder(b);

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
  return sb(n, t);
}

/** [mantissa, exponent] of a scaled or regular nonzero ball; null for an underflow or far ball, or 0. */
function split(b: DDBall): [DDBall, number] | null {
  if (isScaled(b)) return [mOf(b), sOf(b)];
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
    case 'neg': return isScaled(a) ? sb(negM(mOf(a)), sOf(a)) : null;
    case 'abs': return isScaled(a) ? (a.hi < 0 ? sb(negM(mOf(a)), sOf(a)) : a) : null;
    case 'add':
    case 'sub': {
      if (b === undefined) return null;
      // -b: a far ball keeps its log2 bounds in lo and rad
      const nb = op === 'add' ? b : isScaled(b) ? sb(negM(mOf(b)), sOf(b))
        : isFar(b) ? { hi: -b.hi, lo: b.lo, rad: b.rad } : negM(b);
      return scaledSum(a, nb);
    }
    default: return scaledProduct(op, a, b);
  }
}

/** log2 of an upper bound of |b| for a scaled ball. */
const topOf = (b: DDBall): number => Math.log2(magUp(mOf(b))) + sOf(b);
const negM = (m: DDBall): DDBall => ({ hi: -m.hi, lo: -m.lo, rad: m.rad });

/**
 * a + b: the mantissas added at a common exponent when the exponents are close, else the bigger term with its radius
 * grown by the smaller's bound when one dwarfs the other (or b is an exact 0).
 */
function scaledSum(a: DDBall, b: DDBall): DDBall | null {
  if (!isScaled(a)) [a, b] = [b, a];
  const A = a;
  if (isRegular(b) && b.hi === 0 && b.rad === 0) return A;
  const y = split(b);
  if (y !== null && Math.abs(y[1] - sOf(A)) <= 200) {
    const m = times2(y[0], y[1] - sOf(A));
    const sum = m === null ? null : ddOp('add', [mOf(A), m]);
    return sum === null || sum.hi === 0 ? null : scaled(sum, sOf(A));
  }
  // |b| <= 2^tb
  const tb = isScaled(b) ? topOf(b) : isFar(b) ? b.rad : Math.log2(isUnder(b) ? b.rad : magUp(b));
  // |a| >= 2^la (its sign proved: the radius below |hi| - |lo|)
  const low = magDown(mOf(A));
  if (!(low > 0) || !Number.isFinite(tb)) return null;
  const la = Math.log2(low) + sOf(A);
  if (tb < la - 120) {
    // b adds at most 2^(tb - s) to the mantissa's radius (as a double: the smallest subnormal when below)
    const d = tb - sOf(A) + 2 ** -30;
    const extra = d < -1074 ? Number.MIN_VALUE : up(2 ** d) + Number.MIN_VALUE;
    const m0 = mOf(A);
    return sb({ hi: m0.hi, lo: m0.lo, rad: up(m0.rad + extra) }, sOf(A));
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
export function scaledRoundsTo(b: DDBall, format: 'float32' | 'float64'): number | undefined {
  // beyond the exponents whose digits digits.ts prints: the BigInt balls decide
  if (Math.abs(sOf(b)) > 19000) return undefined;
  const m = mOf(b);
  const low = magDown(m);
  if (!(low > 0)) return undefined; // the sign is not proved
  const sign = m.hi > 0 ? 1 : -1;
  const margin = 2 ** -30;
  // below half the smallest subnormal (2^-1075, 2^-150; a tie there rounds to the even 0): +-0
  if (Math.log2(magUp(m)) + sOf(b) + margin < (format === 'float64' ? -1075 : -150)) return sign * 0;
  // at or beyond 2^1024 (above every float64 and float32 overflow threshold): +-Infinity
  if (Math.log2(low) + sOf(b) - margin >= 1024) return sign * Infinity;
  // a float64 below 2^-940 (subnormal or not): decided on the ball scaled up by 2^400
  if (format === 'float64' && sOf(b) < -940 && sOf(b) > -1200) {
    const up400 = times2(m, sOf(b) + 400);
    return up400 === null ? undefined : ddRoundsToShifted(up400.hi, up400.lo, up400.rad, 400);
  }
  return undefined;
}

/** The sign of a scaled ball (every op keeps its mantissa narrow, so this is a check, not a hope). */
export function scaledSign(b: DDBall): -1 | 1 | undefined {
  const m = mOf(b);
  return magDown(m) > 0 ? (m.hi > 0 ? 1 : -1) : undefined;
}

/** The relative width (log2) of a scaled ball: its mantissa's. */
const scaledRelWidthOf = (m: DDBall): number => (m.rad === 0 ? -Infinity : Math.log2(m.rad / Math.abs(m.hi)));
export const scaledRelWidth = (b: DDBall): number => (scaledRelWidthOf(mOf(b)));

/** The exact value of an exact scaled ball (rad 0), as a rational (null when its exponent is too large to hold). */
export function scaledExact(b: DDBall): Q.Q | null {
  const m = mOf(b);
  if (m.rad !== 0 || Math.abs(sOf(b)) > 20000) return null;
  const [mh, eh] = Q.dyadicOf(m.hi);
  const [ml, el] = m.lo === 0 ? [0n, eh] : Q.dyadicOf(m.lo);
  const e = eh < el ? eh : el;
  const n = (mh << (eh - e)) + (ml << (el - e));
  const E = e + BigInt(sOf(b));
  return E >= 0n ? Q.q(n << E) : Q.q(n, 1n << -E);
}

/** The digits of a scaled ball (digits.ts's rule on its mantissa and exponent; '0e+0', no digit, if that fails). */
export function scaledDigits(b: DDBall): string {
  const m = mOf(b);
  return ddBallDigits(m.hi, m.lo, scaledRelWidthOf(m), 21, BigInt(sOf(b))) ?? '0e+0';
}
