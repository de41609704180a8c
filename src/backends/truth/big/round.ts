/** Exact rounding of balls to float32/float64, and exact sign and comparison queries. */
import { absB, bitLen } from './bits.js';
import { endpoints, sub } from './ball.js';
import { cmpAbs } from './mag.js';
import { isFail, type BigBall } from './types.js';

interface Format {
  readonly p: number;
  readonly emin: number;
  readonly emax: number;
  readonly over: bigint; // top > over: certainly beyond MAX + half an ulp
  readonly under: bigint; // top < under: certainly below half the smallest subnormal
}
const format = (p: number, emin: number, emax: number): Format =>
  ({ p, emin, emax, over: BigInt(emax + 1), under: BigInt(emin - p - 1) });
const FORMATS: Record<'float32' | 'float64', Format> = {
  float32: format(24, -126, 127),
  float64: format(53, -1022, 1023),
};

/** Round the exact dyadic m 2^e to the nearest float of the format (ties to even, subnormals, overflow). */
export function roundDyadic(m: bigint, e: bigint, f: Format): number {
  if (m === 0n) return 0;
  const sign = m < 0n ? -1 : 1;
  const a = m < 0n ? -m : m;
  const bl = bitLen(a);
  const topB = BigInt(bl - 1) + e; // a 2^e lies in [2^top, 2^(top+1))
  if (topB > f.over) return sign * Infinity;
  if (topB < f.under) return sign * 0; // below a quarter of the smallest subnormal
  const top = Number(topB);
  const q = top > f.emin ? top - (f.p - 1) : f.emin - (f.p - 1); // the ulp's exponent
  const shift = q - Number(e); // |e| is small here: top is within the format's range and bl is a length
  let n: bigint;
  if (shift <= 0) n = a << BigInt(-shift);
  else {
    const sh = BigInt(shift);
    n = a >> sh;
    const rem = a - (n << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (n & 1n) === 1n)) n += 1n;
  }
  if (n === 0n) return sign * 0;
  if (q + bitLen(n) - 1 > f.emax) return sign * Infinity;
  // n < 2^(p+1) and q >= emin - p + 1: both factors and the product are exact doubles
  return sign * Number(n) * 2 ** q;
}

/** The single float every point of the ball rounds to, or undefined when two floats are possible. A ball within
 *  half the smallest subnormal of zero gives the zero with the sign of mid. */
export function bigRoundsTo(b: BigBall, format: 'float32' | 'float64'): number | undefined {
  const f = FORMATS[format];
  // Outward-rounded ends only widen the ball, so their agreement certifies; when they disagree, look again with ends
  // so long (4096 bits past mid's last bit) that they decide exactly for any ball within the float range.
  const bl = Math.max(bitLen(b.m), 60);
  const quick = roundEnds(b, f, bl + 64);
  if (quick !== undefined || b.r === 0n) return quick;
  return roundEnds(b, f, bl + 4096);
}

function roundEnds(b: BigBall, f: Format, bits: number): number | undefined {
  const [lo, hi] = endpoints(b, bits);
  const x = roundDyadic(lo.m, lo.e, f);
  const y = roundDyadic(hi.m, hi.e, f);
  if (x === 0 && y === 0) return b.m < 0n ? -0 : 0;
  return x === y ? x : undefined;
}

/** The sign of every point of the ball, 0 only for the exact zero, undefined when the ball contains 0. */
export function bigSign(b: BigBall): -1 | 0 | 1 | undefined {
  if (b.r === 0n) return b.m === 0n ? 0 : b.m > 0n ? 1 : -1;
  if (cmpAbs(b.m, b.e, b.r, b.re) <= 0) return undefined;
  return b.m > 0n ? 1 : -1;
}

/** -1, 0, 1 when a < b, a = b, a > b holds for every pair of points; undefined otherwise. */
export function bigCompare(a: BigBall, b: BigBall): -1 | 0 | 1 | undefined {
  const p = Math.max(bitLen(a.m), bitLen(b.m), 64) + 64;
  const d = sub(a, b, p);
  if (isFail(d)) return undefined;
  return bigSign(d);
}

/** Approximately log2 |mid| (-Infinity for 0). */
export function bigLog2Mag(b: BigBall): number {
  return log2Of(b.m, b.e);
}

/** Approximately log2(rad / |mid|): -Infinity for an exact ball, Infinity when mid is 0 and rad > 0. */
export function bigRelWidth(b: BigBall): number {
  if (b.r === 0n) return -Infinity;
  if (b.m === 0n) return Infinity;
  return log2Of(b.r, 0n) - log2Of(b.m, 0n) + Number(b.re - b.e); // exponents subtracted exactly first
}

function log2Of(m: bigint, e: bigint): number {
  if (m === 0n) return -Infinity;
  const a = absB(m);
  const bl = bitLen(a);
  const lead = bl > 53 ? Number(a >> BigInt(bl - 53)) : Number(a);
  return Math.log2(lead) + (bl > 53 ? bl - 53 : 0) + Number(e);
}
