/** Ball arithmetic core: construction, rounding the midpoint to a precision, + - * / sqrt.
 *
 *  Exactness rule: when every argument is exact (r = 0) and the exact result's mantissa fits in 2*prec bits, add,
 *  sub, mul, neg, abs, square return it exactly (r = 0); div and sqrt do too when the quotient or root is exact and
 *  fits. Otherwise the midpoint is truncated to prec bits and the truncation error goes into the radius. */
import { absB, bitLen, isqrt } from './bits.js';
import { addUp, cmpAbs, divUp, magDown, magUp, mulUp, subDown, ZERO_MAG, type Mag } from './mag.js';
import { fail, isFail, MAX_EXP_BITS, type BigBall, type BigResult } from './types.js';

export const ZERO: BigBall = ball(0n, 0n, 0n, 0n);
export const ONE: BigBall = ball(1n, 0n, 0n, 0n);

/** Balls are immutable by type (readonly fields); they are not frozen, which would cost time on every op. */
export function ball(m: bigint, e: bigint, r: bigint, re: bigint): BigBall {
  return { m, e, r, re };
}

export function exact(m: bigint, e = 0n): BigBall {
  return ball(m, e, 0n, 0n);
}

export function radOf(b: BigBall): Mag {
  return b.r === 0n ? ZERO_MAG : { m: b.r, e: b.re };
}

/** |mid| rounded up to a magnitude. */
export function midUp(b: BigBall): Mag {
  return magUp(absB(b.m), b.e);
}

/** An upper bound of |x| over the ball. */
export function absUp(b: BigBall): Mag {
  return addUp(midUp(b), radOf(b));
}

/** A lower bound of |x| over the ball (0 when the ball contains 0). */
export function absDown(b: BigBall): Mag {
  return subDown({ m: absB(b.m), e: b.e }, radOf(b));
}

/** A ball with mid m 2^e and radius `rad`, the mid truncated to prec bits unless it is exact and fits 2*prec bits. */
export function finish(m: bigint, e: bigint, rad: Mag, prec: number): BigResult {
  const bl = bitLen(m);
  let r = rad;
  if (bl > (r.m === 0n ? 2 * prec : prec)) {
    const s = BigInt(bl - prec);
    const t = m >> s; // floor: the error m - t 2^s lies in [0, 2^s)
    r = addUp(r, { m: 1n, e: e + s });
    m = t;
    e = e + s;
  }
  if (m === 0n) e = 0n;
  return checked(ball(m, e, r.m, r.m === 0n ? 0n : r.e));
}

const EXP_LIMIT = 1n << BigInt(MAX_EXP_BITS);

/** A ball with mid from a magnitude-normalised radius, rejecting exponents beyond the stated limit. */
export function checked(b: BigBall): BigResult {
  // bitLen(e) > MAX_EXP_BITS, as two comparisons (this runs on every result)
  if (b.e >= EXP_LIMIT || b.e <= -EXP_LIMIT || b.re >= EXP_LIMIT || b.re <= -EXP_LIMIT) {
    return fail('limit', `a binary exponent beyond 2^${MAX_EXP_BITS}`);
  }
  return b;
}

export function neg(a: BigBall): BigBall {
  return ball(-a.m, a.e, a.r, a.re);
}

export function abs(a: BigBall): BigResult {
  if (a.m >= 0n) return a;
  return ball(-a.m, a.e, a.r, a.re);
}

/** Multiply by 2^k exactly. */
export function scale2(a: BigBall, k: bigint): BigResult {
  return checked(ball(a.m, a.m === 0n ? 0n : a.e + k, a.r, a.r === 0n ? 0n : a.re + k));
}

export function add(a: BigBall, b: BigBall, prec: number): BigResult {
  const rad = addUp(radOf(a), radOf(b));
  if (a.m === 0n) return finish(b.m, b.e, rad, prec);
  if (b.m === 0n) return finish(a.m, a.e, rad, prec);
  // exponents close together (the usual case): the exact sum costs one short shift, finish rounds it
  const d = a.e - b.e;
  const near = BigInt(prec + 64);
  if (d >= 0n ? d <= near : -d <= near) {
    return d >= 0n ? finish((a.m << d) + b.m, b.e, rad, prec) : finish(a.m + (b.m << -d), a.e, rad, prec);
  }
  const ta = BigInt(bitLen(a.m)) + a.e;
  const tb = BigInt(bitLen(b.m)) + b.e;
  const top = ta > tb ? ta : tb;
  const lowE = a.e < b.e ? a.e : b.e;
  const w = BigInt(2 * prec + 8);
  if (top - lowE <= w) {
    const s = (a.m << (a.e - lowE)) + (b.m << (b.e - lowE));
    return finish(s, lowE, rad, prec);
  }
  // Too wide to add exactly: truncate the operand(s) below E; each loses less than 2^E. Start at E = top - w; if
  // the sum cancelled to fewer than prec + 8 bits, lower E by the bits lost (not below the last bit of the
  // operands, nor far below their radius, where more bits buy nothing) and add again.
  const radTop = rad.m === 0n ? undefined : BigInt(bitLen(rad.m)) + rad.e;
  let E = top - w;
  for (;;) {
    let s = 0n;
    let err = 0n;
    for (const x of [a, b]) {
      if (x.e >= E) s += x.m << (x.e - E);
      else {
        s += x.m >> (E - x.e);
        err += 1n;
      }
    }
    const lost = BigInt(prec + 8 - bitLen(s));
    let floor = lowE;
    if (radTop !== undefined && radTop - 24n > floor) floor = radTop - 24n;
    if (lost <= 0n || E <= floor) return finish(s, E, addUp(rad, { m: err, e: E }), prec);
    E = E - lost - 8n < floor ? floor : E - lost - 8n;
  }
}

export function sub(a: BigBall, b: BigBall, prec: number): BigResult {
  return add(a, neg(b), prec);
}

export function mul(a: BigBall, b: BigBall, prec: number): BigResult {
  if (a === b && a.r !== 0n) return square(a, prec); // the same ball twice is one variable
  // |xy - ab| <= |a| rb + |b| ra + ra rb
  let rad = ZERO_MAG;
  if (a.r !== 0n || b.r !== 0n) rad = mulRadius(a, b);
  return finish(a.m * b.m, a.e + b.e, rad, prec);
}

/** An upper bound of |a| rb + |b| ra + ra rb: as one exact BigInt sum when the three terms' exponents are close
 *  (the usual case), else term by term in magnitudes. */
function mulRadius(a: BigBall, b: BigBall): Mag {
  const ra = magUp(a.r, a.re); // radii of any length, rounded up to MAG_BITS bits
  const rb = magUp(b.r, b.re);
  if (ra.m === 0n) return magUp(absB(a.m) * rb.m, a.e + rb.e);
  if (rb.m === 0n) return magUp(absB(b.m) * ra.m, b.e + ra.e);
  const e1 = a.e + rb.e; // |a| rb
  const e2 = b.e + ra.e; // |b| ra
  const e3 = ra.e + rb.e; // ra rb
  const lo = e1 < e2 ? (e1 < e3 ? e1 : e3) : e2 < e3 ? e2 : e3;
  const span = (e1 > e2 ? (e1 > e3 ? e1 : e3) : e2 > e3 ? e2 : e3) - lo;
  if (span <= 512n) {
    return magUp(((absB(a.m) * rb.m) << (e1 - lo)) + ((absB(b.m) * ra.m) << (e2 - lo)) + ((ra.m * rb.m) << (e3 - lo)), lo);
  }
  return addUp(addUp(mulUp(midUp(a), rb), mulUp(midUp(b), ra)), mulUp(ra, rb));
}

/** x^2 over the ball exactly as an interval: (m +- r)^2 = m^2 + r^2 +- 2|m|r when |m| >= r; [0, (|m| + r)^2]
 *  when the ball contains 0 (a product of two independent balls would be twice as wide and could reach below 0). */
export function square(a: BigBall, prec: number): BigResult {
  if (a.r === 0n) return mul(a, a, prec);
  const m = absB(a.m);
  if (cmpAbs(m, a.e, a.r, a.re) <= 0) {
    const top = add(ball(m, a.e, 0n, 0n), ball(a.r, a.re, 0n, 0n), prec + 8);
    if (isFail(top)) return top;
    const up = addUp(midUp(top), radOf(top)); // >= |m| + r
    const half = mulUp(mulUp(up, up), { m: 1n, e: -1n });
    return finish(half.m, half.e, half, prec);
  }
  const mid = add(ball(m * m, 2n * a.e, 0n, 0n), ball(a.r * a.r, 2n * a.re, 0n, 0n), prec + 8);
  if (isFail(mid)) return mid;
  return finish(mid.m, mid.e, addUp(radOf(mid), mulUp({ m: 2n * m, e: a.e }, radOf(a))), prec);
}

export function div(a: BigBall, b: BigBall, prec: number): BigResult {
  if (b.m === 0n && b.r === 0n) return fail('edge', 'division by an exact zero');
  // a lower bound of |y| on the divisor ball (|b| itself when b is exact, needed only when a is not)
  const lowB = b.r === 0n ? undefined : absDown(b);
  if (lowB !== undefined && lowB.m === 0n) return fail('edge', 'the divisor ball contains zero');
  if (a.m === 0n && a.r === 0n) return ZERO;
  const inexact = a.r !== 0n || b.r !== 0n;
  let q = 0n;
  let qe = 0n;
  let rad = ZERO_MAG;
  if (a.m !== 0n) {
    const s = Math.max(0, prec + 4 + bitLen(b.m) - bitLen(a.m));
    const n = a.m << BigInt(s);
    q = n / b.m; // truncates toward zero: |n/b - q| < 1
    qe = a.e - BigInt(s) - b.e;
    if (inexact || q * b.m !== n) rad = { m: 1n, e: qe };
  }
  if (inexact) {
    // |x/y - a/b| <= (ra + |a/b| rb) / (|b| - rb); |a/b| <= |q| + 1 ulp
    // a centred at 0 (q = 0 exactly): |x/y| <= ra / |y|, no quotient term (its one-unit slack would be 2^0 rb)
    const num = b.r === 0n || a.m === 0n ? radOf(a) : addUp(radOf(a), magUp((absB(q) + 1n) * b.r, qe + b.re));
    rad = addUp(rad, divUp(num, lowB ?? magDown(absB(b.m), b.e)));
  }
  return finish(q, qe, rad, prec);
}

export function sqrt(a: BigBall, prec: number): BigResult {
  if (a.m === 0n && a.r === 0n) return ZERO;
  const low = absDown(a);
  if (a.m < 0n && low.m !== 0n) return fail('domain', 'sqrt of a negative number');
  if (low.m === 0n) return fail('edge', 'sqrt of a ball that touches zero');
  let m = a.m;
  let e = a.e;
  const want = 2 * (prec + 4);
  let s = Math.max(0, want - bitLen(m));
  if ((e - BigInt(s)) % 2n !== 0n) s += 1;
  m <<= BigInt(s);
  e -= BigInt(s);
  const root = isqrt(m);
  const re = e / 2n;
  let rad: Mag = root * root === m ? ZERO_MAG : { m: 1n, e: re }; // sqrt(m) lies in [root, root + 1)
  if (a.r !== 0n) {
    // |sqrt(x) - sqrt(mid)| = |x - mid| / (sqrt(x) + sqrt(mid)) <= rad / sqrt(mid) <= rad / root
    rad = addUp(rad, divUp(radOf(a), { m: root, e: re }));
  }
  return finish(root, re, rad, prec);
}

/** The ball as [lo, hi] with lo and hi rounded outward to about `bits` bits (exact when that is cheap). */
export function endpoints(b: BigBall, bits: number): [BigBall, BigBall] {
  if (b.r === 0n) return [b, b];
  return [directedSum(b.m, b.e, -b.r, b.re, bits, false), directedSum(b.m, b.e, b.r, b.re, bits, true)];
}

/** m1 2^e1 + m2 2^e2 rounded down (up = false) or up, exact when the span is small. */
export function directedSum(m1: bigint, e1: bigint, m2: bigint, e2: bigint, bits: number, up: boolean): BigBall {
  if (m1 === 0n) return exact(m2, e2);
  if (m2 === 0n) return exact(m1, e1);
  const t1 = BigInt(bitLen(m1)) + e1;
  const t2 = BigInt(bitLen(m2)) + e2;
  const top = t1 > t2 ? t1 : t2;
  const lowE = e1 < e2 ? e1 : e2;
  const w = BigInt(Math.max(bits, 64) + 64);
  const E = top - lowE <= w ? lowE : top - w;
  let s = 0n;
  for (const [m, e] of [[m1, e1], [m2, e2]] as const) {
    if (e >= E) s += m << (e - E);
    else s += up ? -((-m) >> (E - e)) : m >> (E - e);
  }
  return exact(s, E);
}

/** The smallest ball (to about `bits` bits) containing both balls. */
export function hull(a: BigBall, b: BigBall, prec: number): BigResult {
  const bits = prec + 16;
  const [alo, ahi] = endpoints(a, bits);
  const [blo, bhi] = endpoints(b, bits);
  const lo = cmp(alo, blo) <= 0 ? alo : blo;
  const hi = cmp(ahi, bhi) >= 0 ? ahi : bhi;
  const mid2 = directedSum(lo.m, lo.e, hi.m, hi.e, bits, false); // 2 mid, rounded down
  const mid = exact(mid2.m, mid2.e - 1n);
  // rad = max(hi - mid, mid - lo) = hi - mid as mid <= (lo + hi)/2
  const span = directedSum(hi.m, hi.e, -mid.m, mid.e, bits, true);
  return finish(mid.m, mid.e, magUp(span.m, span.e), prec);
}

/** Exact comparison of two exact dyadics (the midpoints of a and b). */
export function cmp(a: BigBall, b: BigBall): -1 | 0 | 1 {
  const sa = a.m > 0n ? 1 : a.m < 0n ? -1 : 0;
  const sb = b.m > 0n ? 1 : b.m < 0n ? -1 : 0;
  if (sa !== sb) return sa > sb ? 1 : -1;
  if (sa === 0) return 0;
  const c = cmpAbs(a.m, a.e, b.m, b.e);
  return sa > 0 ? c : ((-c) as -1 | 0 | 1);
}
