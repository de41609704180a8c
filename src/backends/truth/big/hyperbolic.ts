/** sinh, cosh, tanh, asinh, acosh, atanh, hypot, as ball compositions that do not cancel:
 *  - sinh |x| = u (u + 2) / (2 (u + 1)) with u = expm1|x| (no 1 - 1 for small x); odd.
 *  - cosh x = (E + 1/E) / 2, E = exp|x|; even: a ball containing 0 gives the hull of 1 and cosh(max |end|).
 *  - tanh |x| = u / (u + 2) with u = expm1(2|x|); odd. Tiny x: x +- |x|^3.
 *  - asinh |x| = log1p(|x| + x^2 / (1 + sqrt(1 + x^2))); acosh x = log1p(t + sqrt(t (t + 2))), t = x - 1;
 *    atanh x = (log1p(x) - log1p(-x)) / 2 (the two never cancel: opposite signs). All monotone: balls go
 *    through their endpoints.
 *  - hypot(a, b) = sqrt(a^2 + b^2). */
import { absUp, add, cmp, div, endpoints, exact, finish, hull, mul, neg, ONE, radOf, scale2, sqrt, square, sub, ZERO } from './ball.js';
import { exp } from './explog.js';
import { expm1, log1p } from './expfamily.js';
import { derivative, monotone, ONE_MAG, overDPlusSquare, tiny, tinyInterval, TWO, valueBounded } from './propagate.js';
import { addUp, divUp, magCmp, mulUp } from './mag.js';
import { fail, isFail, type BigBall, type BigResult } from './types.js';

type Step = (x: BigBall, p: number) => BigResult;

/** Run steps on balls, stopping at the first failure. */
function chain(x: BigBall, p: number, ...steps: Step[]): BigResult {
  let v: BigBall = x;
  for (const s of steps) {
    const r = s(v, p);
    if (isFail(r)) return r;
    v = r;
  }
  return v;
}

function odd(x: BigBall, prec: number, f: (a: BigBall, p: number) => BigResult): BigResult {
  if (x.m === 0n) return ZERO;
  if (x.m > 0n) return f(x, prec);
  const r = f(neg(x), prec);
  return isFail(r) ? r : neg(r);
}

function sinhPoint(x: BigBall, prec: number): BigResult {
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? 1 : -1, 3, 2, prec); // sinh x - x = x^3/6 + ...
  return odd(x, prec, (a, p) => {
    const w = p + 12;
    const u = expm1(a, w);
    if (isFail(u)) return u;
    const num = mul(u, add(u, exact(2n), w) as BigBall, w);
    if (isFail(num)) return num;
    const den = scale2(add(u, ONE, w) as BigBall, 1n);
    if (isFail(den)) return den;
    return div(num, den, p);
  });
}

export function sinh(x: BigBall, prec: number): BigResult {
  // sinh' = cosh <= e^rad cosh(mid) <= 2 (|sinh(mid)| + 1) for rad <= 1/2 ((log cosh)' = tanh <= 1)
  return valueBounded(x, prec, sinhPoint, (y) => mulUp(TWO, addUp(absUp(y), ONE_MAG)));
}

function coshPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ONE;
  const w = prec + 12;
  const E = exp(x.m < 0n ? neg(x) : x, w);
  if (isFail(E)) return E;
  const inv = div(ONE, E, w);
  if (isFail(inv)) return inv;
  const s = add(E, inv, prec);
  return isFail(s) ? s : scale2(s, -1n);
}

export function cosh(x: BigBall, prec: number): BigResult {
  if (x.r === 0n) return coshPoint(x, prec);
  // |cosh'| = |sinh| <= cosh <= e^rad cosh(mid) <= 2 cosh(mid) for rad <= 1/2
  if (magCmp(radOf(x), { m: 1n, e: -1n }) <= 0) return valueBounded(x, prec, coshPoint, (y) => mulUp(TWO, absUp(y)));
  const [lo, hi] = endpoints(x, prec + 16);
  if (lo.m > 0n || hi.m < 0n) return monotone(x, prec, coshPoint);
  const far = cmp(neg(lo), hi) > 0 ? neg(lo) : hi;
  const c = coshPoint(far, prec + 4);
  return isFail(c) ? c : hull(ONE, c, prec);
}

function tanhPoint(x: BigBall, prec: number): BigResult {
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? -1 : 1, 2, 1, prec); // tanh x - x = -x^3/3 + ...
  return odd(x, prec, (a, p) => {
    const w = p + 12;
    const u = expm1(scale2(a, 1n) as BigBall, w);
    if (isFail(u)) return u;
    return div(u, add(u, exact(2n), w) as BigBall, p);
  });
}

export function tanh(x: BigBall, prec: number): BigResult {
  return derivative(x, prec, tanhPoint, (lo) => overDPlusSquare(1n, 1n, lo)); // tanh' = 1/cosh^2 <= 1/(1 + x^2)
}

function asinhPoint(x: BigBall, prec: number): BigResult {
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? -1 : 1, 3, 2, prec); // asinh x - x = -x^3/6 + ...
  return odd(x, prec, (a, p) => {
    const w = p + 12;
    const a2 = square(a, w);
    if (isFail(a2)) return a2;
    const d = chain(a2, w, (v, q) => add(v, ONE, q), sqrt, (v, q) => add(v, ONE, q), (v, q) => div(a2, v, q), (v, q) => add(a, v, q));
    if (isFail(d)) return d;
    return log1p(d, p);
  });
}

export function asinh(x: BigBall, prec: number): BigResult {
  // asinh' = 1/sqrt(1 + x^2) <= min(1, 1/lo)
  return derivative(x, prec, asinhPoint, (lo) => (magCmp(lo, ONE_MAG) > 0 ? divUp(ONE_MAG, lo) : ONE_MAG));
}

function acoshPoint(x: BigBall, prec: number): BigResult {
  const c = cmp(x, ONE);
  if (c < 0) return fail('domain', 'acosh of a number below 1');
  if (c === 0) return ZERO;
  const w = prec + 12;
  const t = sub(x, ONE, w * 2);
  if (isFail(t)) return t;
  const r = chain(t, w, (v, q) => add(v, exact(2n), q), (v, q) => mul(t, v, q), sqrt, (v, q) => add(t, v, q));
  if (isFail(r)) return r;
  return log1p(r, prec);
}

export function acosh(x: BigBall, prec: number): BigResult {
  return monotone(x, prec, acoshPoint);
}

function atanhPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  const c1 = cmp(x, ONE);
  const c2 = cmp(x, exact(-1n));
  if (c1 === 0 || c2 === 0) return fail('edge', 'atanh(+-1) (a pole)');
  if (c1 > 0 || c2 < 0) return fail('domain', 'atanh of a number outside (-1, 1)');
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? 1 : -1, 2, 1, prec); // atanh x - x = x^3/3 + ...
  const w = prec + 12;
  const a = log1p(x, w);
  if (isFail(a)) return a;
  const b = log1p(neg(x), w);
  if (isFail(b)) return b;
  const l = sub(a, b, w);
  if (isFail(l)) return l;
  const h = scale2(l, -1n);
  return isFail(h) ? h : finish(h.m, h.e, radOf(h), prec);
}

export function atanh(x: BigBall, prec: number): BigResult {
  return monotone(x, prec, atanhPoint);
}

export function hypot(a: BigBall, b: BigBall, prec: number): BigResult {
  const w = prec + 8;
  const s = chain(a, w, square, (v, q) => {
    const b2 = square(b, q);
    return isFail(b2) ? b2 : add(v, b2, q);
  });
  if (isFail(s)) return s;
  return sqrt(s, prec);
}
