import type { Decimal } from 'decimal.js';
import type { Arith, Num, X } from './xnum.js';

/**
 * Tails: a value known as an exact decimal plus a much smaller remainder, d + t. `1 + e^-2795`
 * rounds to 1 at any precision below 1214 digits; kept as 1 with the tail e^-2795, it still gives
 * `log(1 + t) = log1p(t)` and `(1 + t) - 1 = t` at 25 digits. The tail is an ordinary value (its
 * own exactness and error estimate, or only a bound when it is beyond decimal.js), at most
 * 10^-(precision) relative to d, so everything unaware of tails sees a rounded d, as before.
 */

/**
 * A base and its tail (none for an exact value). The base is d exactly, or, with `of`, the true
 * value of the rounded Num `of` (negated with ofNeg; d is then +-of.d): a rounding shared by two
 * values cancels exactly (softmax's e^x - (e^x / (e^x + e^y)) e^x). undefined: noise.
 */
export interface Split { d: Decimal; t?: X; of?: Num; ofNeg?: boolean }

export function split(x: X): Split | undefined {
  if (x.k !== 'num' || x.d.isZero()) return undefined;
  if (x.exact) return { d: x.d };
  if (x.tail || x.of) return { d: x.d, t: x.tail, of: x.of, ofNeg: x.ofNeg };
  return x.noisy || x.acc < 1 ? undefined : { d: x.d, of: x, ofNeg: false };
}

/** Whether two bases are the same rounded value, up to sign. */
export const sameOf = (a: Split, b: Split): boolean => a.of !== undefined && a.of === b.of;

/** log10 of an upper bound on |t| (Infinity when unbounded or unknown). */
export function magnitude(t: X): number {
  if (t.k === 'num') return t.d.isZero() || t.noisy || t.acc < 1 ? (t.exact && t.d.isZero() ? -Infinity : Infinity) : t.d.e + 1.3;
  if (t.k === 'big') return t.e < 0n && !t.m.noisy && t.m.acc >= 1 ? Number(t.e) + 1.3 : Infinity;
  if (t.k === 'sat') return t.huge ? Infinity : -1e15;
  return Infinity;
}

/** A tail small enough to be kept: below the working precision of d. */
export function absorbable(ar: Arith, d: Decimal, t: X): boolean {
  return magnitude(t) < d.e - ar.precision - 2;
}

/** base + t as a Num (base: d, or +-of), or undefined when t is not a usable tail (the caller rounds as before). */
export function withTail(ar: Arith, d: Decimal, t: X | undefined, of?: Num, ofNeg = false): X | undefined {
  if (t !== undefined && t.k === 'num' && t.d.isZero() && t.exact) t = undefined;
  if (of) {
    if (t !== undefined && !absorbable(ar, d, t)) return undefined;
    return { k: 'num', d, exact: false, noisy: false, acc: of.acc, tail: t, of: of.of ?? of, ofNeg: ofNeg !== (of.ofNeg ?? false) };
  }
  if (t === undefined) return ar.exactNum(d);
  if (d.isZero()) return t.k === 'fail' ? undefined : t;
  if (!absorbable(ar, d, t)) return undefined;
  return { k: 'num', d, exact: false, noisy: false, acc: ar.precision - 1, tail: t };
}

/** Sum of two optional tails. */
export function addTails(ar: Arith, a: X | undefined, b: X | undefined): X | undefined {
  return a === undefined ? b : b === undefined ? a : ar.add(a, b);
}
