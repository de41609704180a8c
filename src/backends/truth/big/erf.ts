/** erf and erfc.
 *  erf |x| = (2|x| / sqrt(pi)) e^(-x^2) sum_n (2x^2)^n / (1 3 5 ... (2n+1)): all terms positive, so nothing cancels;
 *  the sum in fixed point with a tracked error bound (erfSum); once the ratio 2x^2/(2n+3) is <= 1/2 and the term
 *  is below 2^-w of the sum, the tail is below the last term, which is added to the radius.
 *  |x| with x^2 >= 0.7 (prec + 10): erf = 1 - erfc with 0 < erfc(x) < e^(-x^2) <= 2^-(prec+10).
 *  erfc x = 1 - erf x for x <= 1/2 (no cancellation: erfc >= 0.47); for larger x with 1.44 x^2 >= prec + 20 the
 *  asymptotic series e^(-x^2)/(x sqrt(pi)) sum_{n<N} (-1)^n (2n-1)!!/(2x^2)^n, whose remainder is below its first
 *  omitted term (A&S 7.1.24); between the two, 1 - erf x with erf carried to 1.45 x^2 more bits.
 *  Tiny x: erf x = 2x/sqrt(pi) +- |x|^3. Balls: erf(mid) +- 2 rad/(1 + lo^2); erfc (tiny values, relative
 *  accuracy matters) goes through its endpoints (it is decreasing). */
import { bitLen } from './bits.js';
import { absUp, add, div, exact, finish, mul, neg, ONE, radOf, sqrt, square, sub, ZERO, ball } from './ball.js';
import { get } from './constants.js';
import { exp } from './explog.js';
import { addUp, magCmp, type Mag } from './mag.js';
import { derivative, monotone, overDPlusSquare, tiny, withPowerError } from './propagate.js';
import { bigLog2Mag } from './round.js';
import { isFail, MAX_EXP_BITS, type BigBall, type BigResult } from './types.js';

function twoOverSqrtPi(prec: number): BigResult {
  const s = sqrt(get('pi', prec + 8), prec + 8);
  return isFail(s) ? s : div(exact(2n), s, prec);
}

/** |mid| as a double (approximate; Infinity beyond the double range), for choosing methods and precisions. */
function approxAbs(x: BigBall): number {
  return 2 ** bigLog2Mag(x);
}

function top(x: BigBall): bigint {
  return BigInt(bitLen(x.m)) + x.e;
}

/** An upper bound of e^(-a^2) (a > 0 exact) as a magnitude. */
function expNegSquareUp(a: BigBall): Mag {
  const t = top(a);
  if (t > 64n) {
    const k = 2n * (t - 1n) > BigInt(MAX_EXP_BITS - 8) ? BigInt(MAX_EXP_BITS - 8) : 2n * (t - 1n);
    return { m: 1n, e: -(1n << k) }; // a^2 >= 2^k, e^(-a^2) <= 2^(-a^2)
  }
  const a2 = square(a, 64) as BigBall;
  const e = exp(neg(a2), 32) as BigBall;
  return absUp(e);
}

function hugeForPrec(a: BigBall, prec: number): boolean {
  const t = top(a);
  if (t > 64n) return true;
  const approx = approxAbs(a);
  return approx * approx >= 0.7 * (prec + 10);
}

/** S = sum_n (2a^2)^n / (1 3 5 ... (2n+1)) for an exact a > 0, in fixed point at w bits. Every step rounds down,
 *  so S and each term t_n are below the truth; E_n bounds true t_n - t_n from the previous bound, the rounding of
 *  2a^2 (eX <= 1 unit) and the two truncations: E_n <= (E X + (t + E) eX) / (2^w d) + 2. The tail after t_N, once
 *  the ratio 2a^2/(2n+3) is <= 1/2, is below the true t_N <= t_N + E_N. */
function erfSum(a: BigBall, w: number): BigBall {
  const W = BigInt(w);
  const sx = 2n * a.e + 1n + W; // 2a^2 2^w = m^2 2^sx
  const m2 = a.m * a.m;
  const X = sx >= 0n ? m2 << sx : m2 >> -sx;
  const eX = sx >= 0n ? 0n : 1n;
  const x2 = approxAbs(a) ** 2;
  let t = 1n << W;
  let E = 0n;
  let S = t;
  let ES = 0n;
  for (let n = 1; ; n++) {
    const d = BigInt(2 * n + 1);
    const num = E * X + (t + E) * eX;
    E = ((num >> W) + 1n) / d + 3n;
    t = ((t * X) >> W) / d;
    S += t;
    ES += E;
    if (2 * x2 <= (2 * n + 3) / 2 && bitLen(t) + w < bitLen(S)) break;
  }
  return ball(S, -W, ES + t + E, -W);
}

function erfPositive(a: BigBall, prec: number): BigResult {
  if (hugeForPrec(a, prec)) return finish(1n, 0n, expNegSquareUp(a), prec);
  const approx = approxAbs(a);
  const w = prec + 16 + Math.ceil(Math.log2(4 * approx * approx + prec + 16));
  const S = erfSum(a, w);
  const E = exp(neg(square(a, 2 * w) as BigBall), w);
  if (isFail(E)) return E;
  const c = twoOverSqrtPi(w);
  if (isFail(c)) return c;
  return mul(mul(mul(c, a, w) as BigBall, E, w) as BigBall, S, prec);
}

function radPair(m: Mag): [bigint, bigint] {
  return [m.m, m.m === 0n ? 0n : m.e];
}

function erfPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  if (tiny(x, prec, 3)) {
    const c = twoOverSqrtPi(prec + 8);
    if (isFail(c)) return c;
    const m = mul(c, x, prec + 8);
    return isFail(m) ? m : withPowerError(m, x, 3, prec);
  }
  if (x.m > 0n) return erfPositive(x, prec);
  const r = erfPositive(neg(x), prec);
  return isFail(r) ? r : neg(r);
}

export function erf(x: BigBall, prec: number): BigResult {
  return derivative(x, prec, erfPoint, (lo) => overDPlusSquare(2n, 1n, lo)); // erf' = 2/sqrt(pi) e^(-x^2) <= 2/(1 + x^2)
}

function erfcAsymptotic(a: BigBall, prec: number): BigResult | undefined {
  const w = prec + 16;
  const X2 = mul(exact(2n), square(a, 2 * w) as BigBall, w) as BigBall;
  let c: BigBall = ONE;
  let S: BigBall = ONE;
  const tol: Mag = { m: 1n, e: -BigInt(w + 2) };
  for (let n = 1n; n < 100000n; n += 1n) {
    const next = div(mul(c, exact(2n * n - 1n), w) as BigBall, X2, w);
    if (isFail(next)) return undefined;
    const nc = neg(next);
    if (magCmp(absUp(nc), tol) < 0) {
      // remainder after S (terms 0..n-1) is below |c_n|
      S = ball(S.m, S.e, ...radPair(addUp(radOf(S), absUp(nc))));
      const E = exp(neg(square(a, 2 * w) as BigBall), w);
      if (isFail(E)) return E;
      const k = twoOverSqrtPi(w);
      if (isFail(k)) return k;
      const front = div(mul(k, E, w) as BigBall, mul(exact(2n), a, w) as BigBall, w); // e^(-a^2)/(a sqrt(pi))
      if (isFail(front)) return front;
      return mul(front, S, prec);
    }
    if (magCmp(absUp(nc), absUp(c)) >= 0) return undefined; // terms stopped decreasing before the tolerance
    c = nc;
    const s = add(S, c, w);
    if (isFail(s)) return s;
    S = s;
  }
  return undefined;
}

function erfcPoint(x: BigBall, prec: number): BigResult {
  const half = { m: 1n, e: -1n, r: 0n, re: 0n };
  const cmpHalf = sub(x, half, 8 + bitLen(x.m)) as BigBall;
  if (x.m <= 0n || cmpHalf.m <= 0n) {
    const e = erfPoint(x, prec + 8);
    return isFail(e) ? e : sub(ONE, e, prec);
  }
  if (top(x) > BigInt((MAX_EXP_BITS >> 1) - 8)) return finish(0n, 0n, expNegSquareUp(x), prec);
  const approx = approxAbs(x);
  if (1.44 * approx * approx >= prec + 20) {
    const r = erfcAsymptotic(x, prec);
    if (r !== undefined) return r;
  }
  // erfc x > e^(-x^2) / (sqrt(pi) (x + 1)) >= 2^-(1.4427 x^2 + log2(x + 1) + 1)
  const e = erfPositive(x, prec + 24 + Math.ceil(1.4427 * approx * approx + Math.log2(approx + 1)));
  return isFail(e) ? e : sub(ONE, e, prec);
}

export function erfc(x: BigBall, prec: number): BigResult {
  return monotone(x, prec, erfcPoint);
}
