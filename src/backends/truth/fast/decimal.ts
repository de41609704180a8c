// An enclosure of an exact decimal ("0.1", "-2.5e-7") as a dd ball, computed exactly with BigInt rationals (this
// runs once per sample coordinate, not in the inner loop).
import { type DDBall } from './ball.js';
import { twoSumLo } from './eft.js';
import { exponentOf, pow2 } from './pow2.js';

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

interface Rational { num: bigint; den: bigint } // den > 0

/** x = num / den exactly, for a finite double x. */
function ofDouble(x: number): Rational {
  if (x === 0) return { num: 0n, den: 1n };
  const k = Math.max(exponentOf(x) - 52, -1074);
  // x * 2^-k is an integer below 2^53; the scaling is split so that no factor overflows.
  const mant = BigInt(k < -1000 ? x * pow2(1000) * pow2(-k - 1000) : x * pow2(-k));
  return k >= 0 ? { num: mant << BigInt(k), den: 1n } : { num: mant, den: 1n << BigInt(-k) };
}

function minus(a: Rational, b: Rational): Rational {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** A double near num / den (within a few ulps; the caller measures the exact remainder). */
function approx(r: Rational): number {
  if (r.num === 0n) return 0;
  const neg = r.num < 0n;
  const n = neg ? -r.num : r.num;
  const shift = 64 - (bitLength(n) - bitLength(r.den)); // n * 2^shift / den has about 64 bits
  const q = shift >= 0 ? (n << BigInt(shift)) / r.den : n / (r.den << BigInt(-shift));
  const v = scaleBy(Number(q), -shift);
  return neg ? -v : v;
}

/** An upper bound on |num / den| as a double. */
function upper(r: Rational): number {
  if (r.num === 0n) return 0;
  const n = r.num < 0n ? -r.num : r.num;
  const shift = 64 - (bitLength(n) - bitLength(r.den));
  const q = (shift >= 0 ? (n << BigInt(shift)) / r.den : n / (r.den << BigInt(-shift))) + 1n; // > exact * 2^shift
  return scaleBy(Number(q) * (1 + 2 ** -50), -shift) + 2 ** -1074;
}

/** x * 2^e in steps that cannot overflow or lose bits before the last one. */
function scaleBy(x: number, e: number): number {
  let v = x;
  let k = e;
  while (k > 1000) { v *= pow2(1000); k -= 1000; }
  while (k < -1000) { v *= pow2(-1000); k += 1000; }
  return v * pow2(k);
}

export function ddFromDecimal(text: string): DDBall | null {
  const m = DECIMAL.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exp10 = Number(m[4] ?? '0') - (m[3] ?? '').length;
  if (!Number.isSafeInteger(exp10) || Math.abs(exp10) > 100000) return null;
  let num = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') num = -num;
  const value: Rational = exp10 >= 0 ? { num: num * 10n ** BigInt(exp10), den: 1n } : { num, den: 10n ** BigInt(-exp10) };
  if (num === 0n) return { hi: m[1] === '-' ? -0 : 0, lo: 0, rad: 0 };
  const hi0 = approx(value);
  if (!Number.isFinite(hi0) || Math.abs(hi0) > Number.MAX_VALUE) return null;
  const rest = minus(value, ofDouble(hi0));
  const lo0 = approx(rest);
  const err = minus(rest, ofDouble(lo0));
  const hi = hi0 + lo0;
  if (!Number.isFinite(hi)) return null;
  return { hi, lo: twoSumLo(hi0, lo0, hi), rad: upper(err) };
}
