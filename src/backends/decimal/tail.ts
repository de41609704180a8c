import type { Decimal } from 'decimal.js';
import type { Arith, Num, X } from './xnum.js';

/**
 * Tails: a value known as an exact decimal plus a much smaller remainder, d + t. `1 + e^-2795`
 * rounds to 1 at any precision below 1214 digits; kept as 1 with the tail e^-2795, it still gives
 * `log(1 + t) = log1p(t)` and `(1 + t) - 1 = t` at 25 digits. The tail is an ordinary value (its
 * own exactness and error estimate, or only a bound when it is beyond decimal.js), at most
 * 10^-(precision) relative to d, so everything unaware of tails sees a rounded d, as before.
 */

/** An exact base and its tail (none for an exact value); undefined for a rounded value. */
export interface Split { d: Decimal; t?: X }

export function split(x: X): Split | undefined {
  if (x.k !== 'num' || x.d.isZero()) return undefined;
  if (x.exact) return { d: x.d };
  return x.tail ? { d: x.d, t: x.tail } : undefined;
}

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

/** d + t as a Num, or undefined when t is not a usable tail (the caller rounds as before). */
export function withTail(ar: Arith, d: Decimal, t: X | undefined): X | undefined {
  if (t === undefined) return ar.exactNum(d);
  if (t.k === 'num' && t.d.isZero() && t.exact) return ar.exactNum(d);
  if (d.isZero()) return t.k === 'fail' ? undefined : t;
  if (!absorbable(ar, d, t)) return undefined;
  const n: Num = { k: 'num', d, exact: false, noisy: false, acc: ar.precision - 1, tail: t };
  return n;
}

/** Sum of two optional tails. */
export function addTails(ar: Arith, a: X | undefined, b: X | undefined): X | undefined {
  return a === undefined ? b : b === undefined ? a : ar.add(a, b);
}
