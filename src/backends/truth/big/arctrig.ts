/** atan, asin, acos, atan2.
 *  atan at a point: |x| > 1 uses atan x = sign(x) pi/2 - atan(1/x); then atan y = atan c + atan((y - c)/(1 + y c))
 *  with c = j/64 the nearest 64th (ball operations at prec + guard bits; atan(j/64) memoised, computed once by
 *  halvings atan y = 2 atan(y / (1 + sqrt(1 + y^2))) down to |y| <= 1/8); then the alternating series
 *  sum (-1)^j y^(2j+1)/(2j+1) at the midpoint of y (oddSeries: error <= 1 + 4K + 8 units, with the working
 *  precision raised by the leading zeros of y so small results keep relative accuracy) plus rad(y) (|atan'| <= 1).
 *  A ball x: atan(mid) +- rad / (1 + lo^2), lo = min |x| on the ball (a bound of 1 would ruin atan(1e300 +- r)).
 *  |x| < 2^-(prec+10)/2: atan x = x +- |x|^3.
 *  asin x = atan(x / sqrt((1 - x)(1 + x))), acos x = atan2(sqrt((1 - x)(1 + x)), x): both monotone on [-1, 1],
 *  so balls go through their endpoints. atan2 picks the branch from the signs of the balls. */
import { bitLen } from './bits.js';
import { absUp, add, cmp, div, exact, finish, mul, neg, ONE, radOf, scale2, sqrt, square, sub, ZERO } from './ball.js';
import { get } from './constants.js';
import { oddSeries, toFixed } from './fixed.js';
import { cmpAbs, divUp, magCmp, subDown, type Mag } from './mag.js';
import { derivative, lipschitz, ONE_MAG, overDPlusSquare, tiny, tinyInterval } from './propagate.js';
import { bigLog2Mag, bigSign } from './round.js';
import { fail, isFail, type BigBall, type BigResult } from './types.js';

const EIGHTH = { m: 1n, e: -3n };

function halfPi(prec: number): BigBall {
  const p = get('pi', prec + 8);
  return { m: p.m, e: p.e - 1n, r: p.r, re: p.re - 1n };
}

/** atan at a point y with |y| <= 1/8 (about), as a fixed-point series. */
function atanSmallPoint(y: BigBall, prec: number): BigResult {
  if (y.m === 0n) return ZERO;
  if (tiny(y, prec, 3)) return tinyInterval(y, y, 3, y.m > 0n ? -1 : 1, 2, 1, prec); // atan y - y = -y^3/3 + ...
  const t = BigInt(bitLen(y.m)) + y.e;
  const W = prec + 24 + (t < 0n ? Number(-t) : 0);
  const S = toFixed(y.m, y.e, W);
  const [sum, err] = oddSeries(S, 1n, W, true);
  const e = -BigInt(W);
  return finish(sum, e, { m: err, e }, prec);
}

/** atan at a point, by halvings: for the memoised table atan(j/64) only. */
function atanByHalving(x: BigBall, W: number): BigResult {
  let y: BigBall = x;
  let h = 0n;
  while (magCmp(absUp(y), EIGHTH) > 0) {
    const s = sqrt(add(ONE, square(y, W) as BigBall, W) as BigBall, W);
    if (isFail(s)) return s;
    const d = div(y, add(ONE, s, W) as BigBall, W);
    if (isFail(d)) return d;
    y = d;
    h += 1n;
  }
  const r = lipschitz(y, W, atanSmallPoint, ONE_MAG);
  return isFail(r) ? r : scale2(r, h);
}

const table = new Map<string, BigBall>(); // memo of immutable balls: atan(j/64) by j and precision bucket

/** atan(j/64), 1 <= j <= 64, with absolute error below 2^-W. */
function atanTable(j: number, W: number): BigResult {
  const Wb = Math.ceil(W / 64) * 64 + 16;
  const key = `${j}:${Wb}`;
  const v = table.get(key);
  if (v !== undefined) return v;
  const r = atanByHalving(exact(BigInt(j), -6n), Wb);
  if (!isFail(r)) table.set(key, r);
  return r;
}

function atanPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? -1 : 1, 2, 1, prec);
  const W = prec + 24 + Math.ceil(Math.log2(prec));
  const negx = x.m < 0n;
  const a: BigBall = negx ? neg(x) : x;
  // y = a, or 1/a when a > 1 (then atan a = pi/2 - atan y). atan y = atan c + atan d with c = j/64 the nearest
  // 64th of y and d = (y - c)/(1 + y c) = (1 - c a)/(a + c) when y = 1/a: one division of exact numbers, |d| <= 1/128
  const invert = cmpAbs(a.m, a.e, 1n, 0n) > 0;
  const l2 = bigLog2Mag(a);
  const j = Math.round(64 * 2 ** (invert ? -l2 : l2));
  let r: BigResult;
  if (j === 0) {
    const y = invert ? div(ONE, a, W) : a;
    r = isFail(y) ? y : lipschitz(y, W, atanSmallPoint, ONE_MAG);
  } else {
    const c = exact(BigInt(j), -6n);
    const ca = mul(c, a, 2 * W) as BigBall;
    const num = invert ? sub(ONE, ca, 2 * W) : sub(a, c, 2 * W);
    const den = invert ? add(a, c, 2 * W) : add(ONE, ca, 2 * W);
    if (isFail(num) || isFail(den)) return fail('limit', 'atan reduction');
    const d = div(num, den, W);
    if (isFail(d)) return d;
    const t = lipschitz(d, W, atanSmallPoint, ONE_MAG);
    const at = atanTable(j, W);
    if (isFail(t) || isFail(at)) return isFail(t) ? t : at;
    r = add(at, t, W);
  }
  if (isFail(r)) return r;
  if (invert) {
    r = sub(halfPi(W), r, W);
    if (isFail(r)) return r;
  }
  return finish(negx ? -r.m : r.m, r.e, radOf(r), prec);
}

export function atan(x: BigBall, prec: number): BigResult {
  return derivative(x, prec, atanPoint, (lo) => overDPlusSquare(1n, 1n, lo)); // atan' = 1/(1 + x^2)
}

/** sqrt((1 - x)(1 + x)) for a point x in [-1, 1]. */
function cosOfAsin(x: BigBall, prec: number): BigResult {
  const a = sub(ONE, x, prec);
  const b = add(ONE, x, prec);
  if (isFail(a) || isFail(b)) return fail('limit', 'asin: 1 +- x');
  const p = mul(a, b, prec);
  if (isFail(p)) return p;
  if (p.m === 0n && p.r === 0n) return ZERO;
  return sqrt(p, prec);
}

function unitCheck(x: BigBall, name: string): BigResult | 'inside' | 'one' | 'minus-one' {
  const c1 = cmp(x, ONE); // x is a point
  const c2 = cmp(x, exact(-1n));
  if (c1 === 1 || c2 === -1) return fail('domain', `${name} of a number outside [-1, 1]`);
  if (c1 === 0) return 'one';
  if (c2 === 0) return 'minus-one';
  return 'inside';
}

function asinPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? 1 : -1, 3, 2, prec); // asin x - x = x^3/6 + ...
  const u = unitCheck(x, 'asin');
  if (u === 'one') return finish(halfPi(prec).m, halfPi(prec).e, radOf(halfPi(prec)), prec);
  if (u === 'minus-one') return neg(halfPi(prec));
  if (u !== 'inside') return u;
  const w = prec + 16 + Math.ceil(Math.log2(prec));
  const c = cosOfAsin(x, w);
  if (isFail(c)) return c;
  const t = div(x, c, w);
  if (isFail(t)) return t;
  const r = atan(t, w);
  if (isFail(r)) return r;
  return finish(r.m, r.e, radOf(r), prec);
}

/** |asin'| = |acos'| = 1/sqrt(1 - x^2) <= 1/(1 - |x|) <= 2 while |x| <= 1/2 on the whole ball; nearer the ends the
 *  bound would cost bits, so the ball goes through its endpoints instead. */
function unitDerivative(_lo: Mag, x: BigBall): Mag | undefined {
  const hi = absUp(x);
  if (magCmp(hi, { m: 1n, e: -1n }) > 0) return undefined;
  return divUp(ONE_MAG, subDown(ONE_MAG, hi));
}

export function asin(x: BigBall, prec: number): BigResult {
  return derivative(x, prec, asinPoint, unitDerivative);
}

function acosPoint(x: BigBall, prec: number): BigResult {
  const u = unitCheck(x, 'acos');
  if (u === 'one') return ZERO;
  if (u === 'minus-one') return get('pi', prec + 8);
  if (u !== 'inside') return u;
  const w = prec + 16 + Math.ceil(Math.log2(prec));
  const c = cosOfAsin(x, w);
  if (isFail(c)) return c;
  return atan2(c, x, prec);
}

export function acos(x: BigBall, prec: number): BigResult {
  return derivative(x, prec, acosPoint, unitDerivative);
}

export function atan2(y: BigBall, x: BigBall, prec: number): BigResult {
  const sx = bigSign(x);
  const sy = bigSign(y);
  const w = prec + 16 + Math.ceil(Math.log2(prec));
  const at = (a: BigBall, b: BigBall): BigResult => {
    const q = div(a, b, w);
    return isFail(q) ? q : atan(q, w);
  };
  let r: BigResult;
  if (sx === 1) {
    // atan(y/x) as the last step, not re-rounded: a tiny quotient keeps its one-sided interval (atan2(5e-324, 2))
    const q = div(y, x, w);
    return isFail(q) ? q : atan(q, prec);
  } else if (sx === -1) {
    if (sy === undefined) return fail('edge', 'atan2 across its branch cut (y ball contains 0, x < 0)');
    const t = at(y, x);
    if (isFail(t)) return t;
    const pi = get('pi', w + 8);
    r = sy === -1 ? sub(t, pi, w) : add(t, pi, w);
  } else if (sy === 1 || sy === -1) {
    const t = at(x, y);
    if (isFail(t)) return t;
    const hp = halfPi(w);
    r = sub(sy === 1 ? hp : neg(hp), t, w);
  } else {
    return fail('edge', x.r === 0n && y.r === 0n ? 'atan2(0, 0)' : 'atan2 with both balls containing 0');
  }
  if (isFail(r)) return r;
  return finish(r.m, r.e, radOf(r), prec);
}
