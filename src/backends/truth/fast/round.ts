// Which float every point of a ball rounds to (round to nearest, ties to even), decided exactly.
import type { DDBall } from './ball.js';
import { twoSumLo } from './eft.js';
import { exponentOf, pow2 } from './pow2.js';

export type FloatFormat = 'float32' | 'float64';

interface FormatSpec {
  readonly precision: number; // significand bits, hidden bit included
  readonly minNormalExp: number;
  readonly minSubExp: number; // exponent of the smallest subnormal
  readonly max: number;
}
const F64: FormatSpec = { precision: 53, minNormalExp: -1022, minSubExp: -1074, max: Number.MAX_VALUE };
const F32: FormatSpec = { precision: 24, minNormalExp: -126, minSubExp: -149, max: 3.4028234663852886e38 };
/** float32 values at or above 2^128 - 2^103 (the midpoint past the largest float32, a tie that goes to the even
 *  "2^128") round to Infinity. */
const F32_OVERFLOW = 2 ** 128 - 2 ** 103;
/** Below this, float64 half-spacings are not doubles, so the test runs on the ball scaled by 2^SHIFT (exact). */
const SMALL = 2 ** -900;
const SHIFT = 200;

/** The exact sign of a + b + c + d (Shewchuk's Grow-Expansion: the result is a nonoverlapping expansion whose sign
 *  is that of its largest nonzero component). No input may be infinite and no partial sum may overflow. */
export function signOfSum(a: number, b: number, c: number, d: number): number {
  const s1 = a + b;
  const e1 = twoSumLo(a, b, s1);
  const q1 = c + e1;
  const f1 = twoSumLo(c, e1, q1);
  const s2 = q1 + s1;
  const f2 = twoSumLo(q1, s1, s2);
  const r1 = d + f1;
  const g1 = twoSumLo(d, f1, r1);
  const r2 = r1 + f2;
  const g2 = twoSumLo(r1, f2, r2);
  const s3 = r2 + s2;
  const g3 = twoSumLo(r2, s2, s3);
  if (s3 !== 0) return s3 > 0 ? 1 : -1;
  if (g3 !== 0) return g3 > 0 ? 1 : -1;
  if (g2 !== 0) return g2 > 0 ? 1 : -1;
  if (g1 !== 0) return g1 > 0 ? 1 : -1;
  return 0;
}

/** Does every point of hi + lo + [-rad, rad] round to the finite float f of the format? `shift` scales the test:
 *  hi, lo, rad and f are already multiplied by 2^shift. */
function roundsToFinite(hi: number, lo: number, rad: number, f: number, spec: FormatSpec, shift: number): boolean {
  const mag = Math.abs(f);
  let ulpExp: number, towardZeroExp: number;
  if (mag === 0) {
    ulpExp = spec.minSubExp;
    towardZeroExp = spec.minSubExp - 1;
  } else {
    const e = Math.max(exponentOf(mag) - shift, spec.minNormalExp);
    ulpExp = e - (spec.precision - 1);
    const isPow2 = pow2(exponentOf(mag)) === mag;
    // Below a power of two the spacing halves, except at the smallest normal, where subnormals keep it.
    towardZeroExp = isPow2 && exponentOf(mag) - shift > spec.minNormalExp ? ulpExp - 2 : ulpExp - 1;
  }
  const away = pow2(ulpExp - 1 + shift);
  const toward = pow2(towardZeroExp + shift);
  const above = f >= 0 ? away : toward;
  const below = f > 0 ? toward : away;
  // A tie goes to f when f's last significand bit is 0.
  const even = mag === 0 || (mag / pow2(ulpExp + shift)) % 2 === 0;
  const d = hi - f; // exact: f is hi rounded to fewer bits, or hi itself
  const top = signOfSum(d, lo, rad, -above);
  const bottom = signOfSum(d, lo, -rad, below);
  return even ? top <= 0 && bottom >= 0 : top < 0 && bottom > 0;
}

/**
 * The float64 every point of (hi + lo +- rad) 2^-shift rounds to, for a ball given scaled up by 2^shift (a normal
 * double-double whose true value lies below 2^-900: a scaled ball of quick-scaled.ts), or undefined.
 */
export function ddRoundsToShifted(hi: number, lo: number, rad: number, shift: number): number | undefined {
  if (!Number.isFinite(hi) || !Number.isFinite(lo) || !(rad >= 0 && rad < Infinity) || shift < 100 || shift > 1000) return undefined;
  // the candidate: hi scaled down in one rounding (to the subnormal grid when there), then back up exactly
  const f = hi * pow2(-shift);
  if (!(Math.abs(f) < SMALL)) return undefined;
  return roundsToFinite(hi, lo, rad, f * pow2(shift), F64, shift) ? f : undefined;
}

/** The single float of the format every real in the ball rounds to, or undefined when two are possible. */
export function ddRoundsTo(b: DDBall, format: FloatFormat): number | undefined {
  const { hi, lo, rad } = b;
  if (!Number.isFinite(hi) || !Number.isFinite(lo) || !Number.isFinite(rad) || rad < 0) return undefined;
  if (format === 'float64') {
    if (Math.abs(hi) >= SMALL) return roundsToFinite(hi, lo, rad, hi, F64, 0) ? hi : undefined;
    // Width above 2^-949 exceeds the spacing (at most 2^-952) of every float64 below 2^-900.
    if (rad > 2 ** -950) return undefined;
    const s = pow2(SHIFT);
    return roundsToFinite(hi * s, lo * s, rad * s, hi * s, F64, SHIFT) ? hi : undefined; // a zero keeps hi's sign
  }
  const f0 = Math.fround(hi); // a zero keeps hi's sign
  if (!Number.isFinite(f0)) {
    if (roundsToInfinity(hi, lo, rad)) return f0;
    // hi exactly at the overflow midpoint: hi + lo may fall below it.
    const top = f0 > 0 ? F32.max : -F32.max;
    return Math.abs(hi) === F32_OVERFLOW && roundsToFinite(hi, lo, rad, top, F32, 0) ? top : undefined;
  }
  if (roundsToFinite(hi, lo, rad, f0, F32, 0)) return f0;
  // hi itself may be a midpoint that hi + lo leaves on the other side: try that neighbour.
  const d = hi - f0;
  if (d === 0) return undefined;
  const f1 = f0 + 2 * d;
  if (Math.abs(f1) > F32.max) return roundsToInfinity(hi, lo, rad) ? (f1 > 0 ? Infinity : -Infinity) : undefined;
  if (Math.fround(f1) !== f1 || Math.abs(hi - f1) !== Math.abs(d)) return undefined;
  return roundsToFinite(hi, lo, rad, f1, F32, 0) ? f1 : undefined;
}

function roundsToInfinity(hi: number, lo: number, rad: number): boolean {
  return hi > 0 ? signOfSum(hi, lo, -rad, -F32_OVERFLOW) >= 0 : signOfSum(hi, lo, rad, F32_OVERFLOW) <= 0;
}

/** The sign of every point of the ball; 0 only for the exact zero. */
export function ddSign(b: DDBall): -1 | 0 | 1 | undefined {
  const { hi, lo, rad } = b;
  if (!Number.isFinite(hi) || !Number.isFinite(rad)) return undefined;
  if (rad === 0) return hi > 0 ? 1 : hi < 0 ? -1 : 0;
  if (hi === 0) return undefined;
  const s = hi > 0 ? 1 : -1;
  return signOfSum(s * hi, s * lo, -rad, 0) > 0 ? s : undefined;
}
