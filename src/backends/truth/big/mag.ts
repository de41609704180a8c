/** Non-negative magnitudes m * 2^e kept to at most MAG_BITS bits, rounded up (for radii and error bounds) or down
 *  (for lower bounds of |x|). They only ever bound things, so a little slack is fine; what is never allowed is an
 *  upper bound that is too small or a lower bound that is too big. */
import { bitLen } from './bits.js';

export interface Mag { readonly m: bigint; readonly e: bigint }

const MAG_BITS = 62;
const MAG_LIMIT = 1n << BigInt(MAG_BITS); // m < MAG_LIMIT fits: a compare is cheaper than bitLen
const GAP = 200n;
export const ZERO_MAG: Mag = { m: 0n, e: 0n };

export function magUp(m: bigint, e: bigint): Mag {
  if (m === 0n) return ZERO_MAG;
  if (m < MAG_LIMIT) return { m, e };
  const bl = bitLen(m);
  if (bl <= MAG_BITS) return { m, e };
  const s = BigInt(bl - MAG_BITS);
  return { m: ((m - 1n) >> s) + 1n, e: e + s };
}

export function magDown(m: bigint, e: bigint): Mag {
  if (m <= 0n) return ZERO_MAG;
  if (m < MAG_LIMIT) return { m, e };
  const bl = bitLen(m);
  if (bl <= MAG_BITS) return { m, e };
  const s = BigInt(bl - MAG_BITS);
  return { m: m >> s, e: e + s };
}

/** An upper bound of a + b (any lengths: both are first rounded up to MAG_BITS bits, so that the gap test below
 *  can rely on m < 2^MAG_BITS). */
export function addUp(a: Mag, b: Mag): Mag {
  if (a.m === 0n) return magUp(b.m, b.e);
  if (b.m === 0n) return magUp(a.m, a.e);
  a = magUp(a.m, a.e);
  b = magUp(b.m, b.e);
  if (a.e < b.e) [a, b] = [b, a];
  const d = a.e - b.e;
  // b < 2^(MAG_BITS + b.e) <= 2^(a.e - 1) <= a's half ulp when the gap is large: add that instead.
  if (d > GAP) return magUp(a.m * 2n + 1n, a.e - 1n);
  return magUp((a.m << d) + b.m, b.e);
}

/** A lower bound of a + b. */
export function addDown(a: Mag, b: Mag): Mag {
  if (a.m === 0n) return magDown(b.m, b.e);
  if (b.m === 0n) return magDown(a.m, a.e);
  a = magDown(a.m, a.e);
  b = magDown(b.m, b.e);
  if (a.e < b.e) [a, b] = [b, a];
  const d = a.e - b.e;
  if (d > GAP) return a;
  return magDown((a.m << d) + b.m, b.e);
}

/** A lower bound of max(a - b, 0): a rounded down and b rounded up to MAG_BITS bits first (a long midpoint whose
 *  exponent lies far below the radius's is still compared by its true size). */
export function subDown(a: Mag, b: Mag): Mag {
  if (b.m === 0n) return magDown(a.m, a.e);
  if (a.m === 0n) return ZERO_MAG;
  a = magDown(a.m, a.e);
  b = magUp(b.m, b.e);
  if (a.e - b.e > GAP) return magDown(a.m * 2n - 1n, a.e - 1n); // b < 2^(a.e - 1)
  if (b.e - a.e > GAP) return ZERO_MAG; // b >= 2^b.e > 2^(a.e + MAG_BITS) > a
  const e = a.e < b.e ? a.e : b.e;
  return magDown((a.m << (a.e - e)) - (b.m << (b.e - e)), e);
}

export function mulUp(a: Mag, b: Mag): Mag {
  if (a.m === 0n || b.m === 0n) return ZERO_MAG;
  return magUp(a.m * b.m, a.e + b.e);
}

export function mulDown(a: Mag, b: Mag): Mag {
  if (a.m === 0n || b.m === 0n) return ZERO_MAG;
  return magDown(a.m * b.m, a.e + b.e);
}

/** An upper bound of a / b; b must be > 0. */
export function divUp(a: Mag, b: Mag): Mag {
  if (a.m === 0n) return ZERO_MAG;
  const s = BigInt(Math.max(0, bitLen(b.m) - bitLen(a.m)) + MAG_BITS + 2); // the quotient keeps MAG_BITS bits
  return magUp((a.m << s) / b.m + 1n, a.e - b.e - s);
}

/** -1, 0, 1 as a < b, a = b, a > b (exact). */
export function magCmp(a: Mag, b: Mag): -1 | 0 | 1 {
  return cmpAbs(a.m, a.e, b.m, b.e);
}

/** Exact comparison of |m1| 2^e1 with |m2| 2^e2. */
export function cmpAbs(m1: bigint, e1: bigint, m2: bigint, e2: bigint): -1 | 0 | 1 {
  if (m1 < 0n) m1 = -m1;
  if (m2 < 0n) m2 = -m2;
  if (m1 === 0n) return m2 === 0n ? 0 : -1;
  if (m2 === 0n) return 1;
  const t1 = BigInt(bitLen(m1)) + e1;
  const t2 = BigInt(bitLen(m2)) + e2;
  if (t1 !== t2) return t1 > t2 ? 1 : -1;
  const e = e1 < e2 ? e1 : e2;
  const a = m1 << (e1 - e);
  const b = m2 << (e2 - e);
  return a === b ? 0 : a > b ? 1 : -1;
}

