/**
 * Exact rationals for series coefficients: the truth engine's (src/backends/truth/rational.ts, normalised: d > 0,
 * gcd(n, d) = 1), with the two conversions the repair needs on top.
 */
import * as Q from '../backends/truth/rational.js';

export type Rat = Q.Q;
export const { ZERO, ONE, add, sub, mul, div, neg, isZero } = Q;
export const rat = (num: bigint, den = 1n): Rat => Q.q(num, den);
export const fromInt = (n: number): Rat => Q.fromInt(n);

/** A decimal literal as written ("0.5", "1e-3", "2.") exactly, or undefined when it is not one. */
export function parseDecimal(text: string): Rat | undefined {
  return /^[\d.]/.test(text) ? Q.fromDecimal(text) ?? undefined : undefined;
}

/** The nearest double (good to about 1 ULP: enough for bounds, never printed as a coefficient). */
export function toNumber(a: Rat): number {
  return Number(a.n) / Number(a.d) || scaledToNumber(a);
}

function scaledToNumber(a: Rat): number {
  if (a.n === 0n) return 0;
  const shift = BigInt(a.d.toString().length - a.n.toString().length + 20);
  return Number((a.n * 10n ** (shift > 0n ? shift : 0n)) / a.d) / 10 ** Number(shift > 0n ? shift : 0n);
}

/** Decimal text with `digits` significant digits (rounded half away from zero): a literal of the language. */
export function toDecimal(a: Rat, digits = 25): string {
  if (a.n === 0n) return '0';
  const negative = a.n < 0n;
  const n = negative ? -a.n : a.n;
  // Scale so the integer quotient has exactly `digits` digits.
  let e = n.toString().length - a.d.toString().length - digits + 1;
  const quotient = (s: number) => (s >= 0 ? (n * 2n) / (a.d * 10n ** BigInt(s)) : (n * 2n * 10n ** BigInt(-s)) / a.d);
  let q = (quotient(e) + 1n) / 2n;
  if (q.toString().length > digits) {
    e += 1;
    q = (quotient(e) + 1n) / 2n;
  } else if (q.toString().length < digits) {
    e -= 1;
    q = (quotient(e) + 1n) / 2n;
  }
  const d = q.toString();
  const mantissa = `${d[0]}.${d.slice(1)}`.replace(/\.?0+$/, '');
  const power = e + d.length - 1;
  const text = power === 0 ? mantissa : `${mantissa}e${power}`;
  return negative ? `-${text}` : text;
}
