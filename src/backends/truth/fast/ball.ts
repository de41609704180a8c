// Ball arithmetic on double-doubles: every operation returns a ball that encloses the exact result for every point of
// its argument balls, or null when the result (or an intermediate) leaves the safe range where the error-free
// transformations are exact and every dd lo part is a normal double.
import { fastTwoSumLo, twoProdLo, twoSumLo } from './eft.js';

/** The exact value lies within rad of hi + lo, where hi = fl(hi + lo) and rad >= 0 bounds the error from above. */
export interface DDBall { hi: number; lo: number; rad: number }

// Relative error bounds of the dd operations on the midpoints, u = 2^-53 (Joldes, Muller, Popescu, "Tight and rigorous
// error bounds for basic building blocks of double-word arithmetic", ACM TOMS 2017): AccurateDWPlusDW <= 3u^2/(1-4u),
// DWTimesFP1 <= 1.5u^2 + 4u^3, DWTimesDW1 <= 7u^2. Each constant below leaves a margin above its bound (x2.6, x5, x2.3);
// test/backends/truth/fast/dd-bounds.test.ts measures the worst observed errors against them.
export const EPS_ADD = 2 ** -103;
export const EPS_MUL_D = 2 ** -103;
export const EPS_MUL = 2 ** -102;
/** Absolute slack for any underflow in a cross term or in the radius arithmetic itself. */
export const TINY = 2 ** -1050;
/** Magnitudes allowed anywhere: above 2^-960 every lo part of a dd is normal; below 2^990 Dekker's split cannot
 *  overflow (it multiplies by 2^27 + 1). */
export const MIN_MAG = 2 ** -960;
export const MAX_MAG = 2 ** 990;
// A sum or product of k nonnegative doubles computed in floating point is within (1 + 2^-53)^k of the exact value;
// multiplying by 1 + 2^-48 (itself rounded at most 2^-53 down) covers k <= 30, and TINY covers subnormal results.
const UP = 1 + 2 ** -48;
const DOWN = 1 - 2 ** -48;

/** An upper bound on a nonnegative quantity computed (in round-to-nearest) with at most 30 roundings. */
export function up(x: number): number {
  return x === 0 ? 0 : x * UP + TINY;
}

/** A lower bound on a nonnegative quantity computed with at most 30 roundings (may be 0). */
export function down(x: number): number {
  const d = x * DOWN - TINY;
  return d > 0 ? d : 0;
}

export function inRange(x: number): boolean {
  if (x === 0) return true;
  const a = Math.abs(x);
  return a >= MIN_MAG && a <= MAX_MAG;
}

export function exact(x: number): DDBall {
  return { hi: x, lo: 0, rad: 0 };
}

/** An upper bound on |v| for every v in the ball. */
export function magUp(a: DDBall): number {
  return up(Math.abs(a.hi) + Math.abs(a.lo) + a.rad);
}

/** A lower bound on |v| for every v in the ball (0 when the ball may contain 0). */
export function magDown(a: DDBall): number {
  return down(Math.abs(a.hi) - Math.abs(a.lo) - a.rad);
}

export function neg(a: DDBall): DDBall {
  return { hi: -a.hi, lo: -a.lo, rad: a.rad };
}

/** ||v| - |m|| <= |v - m|, so the radius carries over even when the ball contains 0. */
export function abs(a: DDBall): DDBall {
  return a.hi < 0 ? { hi: -a.hi, lo: -a.lo, rad: a.rad } : a;
}

/** Exact multiplication by 2^k given as the double p (no under/overflow: callers check the range). */
export function scale(a: DDBall, p: number): DDBall | null {
  const hi = a.hi * p;
  if (!inRange(hi) || (hi === 0 && a.hi !== 0)) return null;
  const lo = a.lo * p;
  const lost = lo / p === a.lo ? 0 : 2 ** -1074; // lo scaled into the subnormals loses at most half of this
  return { hi, lo, rad: a.rad === 0 && lost === 0 ? 0 : up(a.rad * p + lost) };
}

// add: two exact doubles go through TwoSum (exact, so only the argument radii remain); otherwise
// AccurateDWPlusDW (Joldes, Muller, Popescu 2017, Alg. 6), relative error <= 3u^2 / (1 - 4u) < EPS.
export function add(a: DDBall, b: DDBall): DDBall | null {
  return addWithin(a, b, MAX_MAG);
}

/** add for arguments and results anywhere in the double range (TwoSum and the dd sum need no splitting, so only
 *  overflow matters; an intermediate overflow shows up as a non-finite hi or lo). */
export function addWide(a: DDBall, b: DDBall): DDBall | null {
  return addWithin(a, b, Number.MAX_VALUE);
}

export function subWide(a: DDBall, b: DDBall): DDBall | null {
  return addWithin(a, neg(b), Number.MAX_VALUE);
}

function addWithin(a: DDBall, b: DDBall, limit: number): DDBall | null {
  let hi: number, lo: number, err: number;
  if (a.lo === 0 && b.lo === 0) {
    hi = a.hi + b.hi;
    lo = twoSumLo(a.hi, b.hi, hi);
    err = 0;
  } else {
    const sh = a.hi + b.hi;
    const sl = twoSumLo(a.hi, b.hi, sh);
    const th = a.lo + b.lo;
    const tl = twoSumLo(a.lo, b.lo, th);
    const c = sl + th;
    const vh = sh + c;
    const vl = fastTwoSumLo(sh, c, vh);
    const w = tl + vl;
    hi = vh + w;
    lo = fastTwoSumLo(vh, w, hi);
    err = EPS_ADD * Math.abs(hi);
  }
  // No lower limit: a sum that lands below 2^-960 (even subnormal) is still within EPS_ADD, since additions whose
  // result underflows are exact. Products and quotients of such small values are caught by their own checks.
  if (!(Math.abs(hi) <= limit) || !Number.isFinite(lo)) return null;
  const rad = up(a.rad + b.rad + err);
  return rad === Infinity ? null : { hi, lo, rad };
}

export function sub(a: DDBall, b: DDBall): DDBall | null {
  return add(a, neg(b));
}

// mul: |xy - m_a m_b| <= |m_a| r_b + |m_b| r_a + r_a r_b over the balls; the midpoint product is TwoProd (exact) for
// two doubles, DWTimesFP1 (JMP Alg. 7, <= 1.5u^2 + 4u^3) for a dd times a double, DWTimesDW1 (JMP Alg. 10, <= 7u^2)
// otherwise.
export function mul(a: DDBall, b: DDBall): DDBall | null {
  if (b.lo === 0 && a.lo !== 0) return mul(b, a);
  if (!(Math.abs(a.hi) <= MAX_MAG && Math.abs(b.hi) <= MAX_MAG)) return null; // Dekker's split would overflow
  const ch = a.hi * b.hi;
  if (!inRange(ch) || (ch === 0 && a.hi !== 0 && b.hi !== 0)) return null; // a product that underflowed to 0
  const cl1 = twoProdLo(a.hi, b.hi, ch);
  let hi: number, lo: number, err: number;
  if (a.lo === 0 && b.lo === 0) {
    hi = ch;
    lo = cl1;
    err = 0;
  } else if (a.lo === 0) {
    const cl2 = b.lo * a.hi;
    const th = ch + cl2;
    const tl1 = fastTwoSumLo(ch, cl2, th);
    const tl2 = tl1 + cl1;
    hi = th + tl2;
    lo = fastTwoSumLo(th, tl2, hi);
    err = EPS_MUL_D * Math.abs(hi);
  } else {
    const cl2 = a.hi * b.lo + a.lo * b.hi;
    const cl3 = cl1 + cl2;
    hi = ch + cl3;
    lo = fastTwoSumLo(ch, cl3, hi);
    err = EPS_MUL * Math.abs(hi);
  }
  if (!inRange(hi)) return null;
  let rad = err;
  if (a.rad !== 0 || b.rad !== 0) {
    rad += (Math.abs(a.hi) + Math.abs(a.lo)) * b.rad + (Math.abs(b.hi) + Math.abs(b.lo)) * a.rad + a.rad * b.rad;
  }
  return { hi, lo, rad: up(rad) };
}

export function square(a: DDBall): DDBall | null {
  return mul(a, a);
}

// div: q1 = fl(xh / yh) and the residual R = x - q1 y as a ball (it encloses the residual for every x, y in the balls),
// so x / y = q1 + R / y exactly. With q2 = fl(Rh / yh):
//   |R/y - q2| <= |R - Rh| / |y| + |Rh| |y - yh| / (|y| |yh|) + u |q2|,
// and q1 + q2 is split exactly by TwoSum. |y| is bounded below by |yh| - |yl| - r_y > 0.
export function div(a: DDBall, b: DDBall): DDBall | null {
  const yLow = magDown(b);
  if (yLow === 0) return null;
  const q1 = a.hi / b.hi;
  if (!inRange(q1) || (q1 === 0 && a.hi !== 0)) return null;
  if (q1 === 0 && a.lo === 0 && a.rad === 0) return exact(0);
  const q1y = mul(exact(q1), b);
  if (q1y === null) return null;
  const r = sub(a, q1y);
  if (r === null) return null;
  const q2 = r.hi / b.hi;
  const hi = q1 + q2;
  const lo = twoSumLo(q1, q2, hi);
  if (!inRange(hi)) return null;
  const yhAbs = Math.abs(b.hi);
  const rad =
    (Math.abs(r.lo) + r.rad) / yLow +
    (Math.abs(r.hi) * (Math.abs(b.lo) + b.rad)) / yLow / yhAbs +
    2 ** -53 * Math.abs(q2);
  return { hi, lo, rad: up(rad) };
}

export function reciprocal(a: DDBall): DDBall | null {
  return div(exact(1), a);
}

/** The ball times an exact double. */
export function mulD(a: DDBall, d: number): DDBall | null {
  return mul(a, exact(d));
}

// sqrt: s0 = Math.sqrt(xh) is only a starting value. With R(v) = v - s0^2 (a ball, so it covers every v) and
// M >= |R|: sqrt(v) = s0 + R / (s0 + sqrt v), so |s0 - sqrt v| <= M / s0, and the Newton value s0 + R / (2 s0) is off by
// |R| |s0 - sqrt v| / ((s0 + sqrt v) 2 s0) <= (M / s0)^2 / (2 s0). q2 = fl(Rh / (2 s0)) adds
// |R - Rh| / (2 s0) + u |q2|.
export function sqrt(a: DDBall): DDBall | null {
  if (a.hi === 0 && a.rad === 0) return exact(0);
  if (a.hi <= 0 || magDown(a) === 0) return null;
  const s0 = Math.sqrt(a.hi);
  const p = s0 * s0;
  const sq: DDBall = { hi: p, lo: twoProdLo(s0, s0, p), rad: 0 };
  const r = sub(a, sq);
  if (r === null) return null;
  const m = magUp(r);
  const rel = m / s0;
  if (!(rel <= 2 ** -20 * s0)) return null;
  const q2 = r.hi / (2 * s0);
  const hi = s0 + q2;
  const lo = twoSumLo(s0, q2, hi);
  const rad = (Math.abs(r.lo) + r.rad) / (2 * s0) + 2 ** -53 * Math.abs(q2) + (rel * rel) / (2 * s0);
  return { hi, lo, rad: up(rad) };
}

/** sum_{k=0}^{n} s_k c_{offset + stride k} x^k by Horner, s_k = (-1)^k when `alternate`: the same dd algorithms and
 *  radius formulas as mul (DWTimesDW1) and add (AccurateDWPlusDW) above, inlined so the loop allocates nothing. */
export function horner(
  coefs: readonly DDBall[], offset: number, stride: number, n: number, x: DDBall, alternate: boolean,
): DDBall | null {
  const xh = x.hi;
  const xl = x.lo;
  const xr = x.rad;
  if (!(Math.abs(xh) <= MAX_MAG)) return null;
  const xa = Math.abs(xh) + Math.abs(xl);
  let c = coefs[offset + stride * n]!;
  let flip = alternate && (n & 1) === 1;
  let ph = flip ? -c.hi : c.hi;
  let pl = flip ? -c.lo : c.lo;
  let pr = c.rad;
  for (let k = n - 1; k >= 0; k--) {
    const ch = ph * xh;
    if (!inRange(ch) || (ch === 0 && ph !== 0 && xh !== 0)) return null;
    const cl3 = twoProdLo(ph, xh, ch) + (ph * xl + pl * xh);
    const qh = ch + cl3;
    const ql = fastTwoSumLo(ch, cl3, qh);
    const qr = (Math.abs(ph) + Math.abs(pl)) * xr + xa * pr + pr * xr + EPS_MUL * Math.abs(qh);
    c = coefs[offset + stride * k]!;
    flip = alternate && (k & 1) === 1;
    const dh = flip ? -c.hi : c.hi;
    const dl = flip ? -c.lo : c.lo;
    const sh = qh + dh;
    const sl = twoSumLo(qh, dh, sh);
    const th = ql + dl;
    const tl = twoSumLo(ql, dl, th);
    const cc = sl + th;
    const vh = sh + cc;
    const vl = fastTwoSumLo(sh, cc, vh);
    const w = tl + vl;
    ph = vh + w;
    pl = fastTwoSumLo(vh, w, ph);
    if (!(Math.abs(ph) <= MAX_MAG)) return null;
    pr = up(qr + c.rad + EPS_ADD * Math.abs(ph));
  }
  return { hi: ph, lo: pl, rad: pr };
}
