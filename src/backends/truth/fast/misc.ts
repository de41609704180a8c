// log2, log10, hypot, pow, asinh, acosh, atanh from the other balls, each in a form without cancellation.
import { abs, add, div, exact, magDown, magUp, mul, neg, reciprocal, scale, sqrt, square, sub, TINY, up, type DDBall } from './ball.js';
import { LN10, LN2 } from './constants.js';
import { exp, log, log1p, ONE } from './exp-log.js';
import { exponentOf, pow2 } from './pow2.js';

const TWO: DDBall = exact(2);

function isExactDouble(x: DDBall): boolean {
  return x.lo === 0 && x.rad === 0;
}

/** log2: exact for an exact power of two, log(v) / ln2 otherwise. */
export function log2(x: DDBall): DDBall | null {
  if (isExactDouble(x) && x.hi > 0 && pow2(exponentOf(x.hi)) === x.hi) return exact(exponentOf(x.hi));
  const l = log(x);
  return l && div(l, LN2);
}

export function log10(x: DDBall): DDBall | null {
  const l = log(x);
  return l && div(l, LN10);
}

/** hypot(a, b) = 2^e sqrt((a 2^-e)^2 + (b 2^-e)^2) with 2^e the larger magnitude's binade (exact scaling), so the
 *  squares neither overflow nor underflow; a sum of squares has no cancellation. */
export function hypot(a: DDBall, b: DDBall): DDBall | null {
  if (isExactDouble(b) && b.hi === 0) return abs(a);
  if (isExactDouble(a) && a.hi === 0) return abs(b);
  const ea = exponentOf(a.hi);
  const eb = exponentOf(b.hi);
  if (Math.abs(ea - eb) > 400) {
    // hypot(a, b) = |a| sqrt(1 + (b/a)^2) in [|a|, |a| + b^2 / (2|a|)] for |b| << |a|; b^2/|a| <= |b| (|b|/|a|).
    const [big, small] = ea > eb ? [a, b] : [b, a];
    const low = magDown(big);
    if (low === 0) return null;
    return add(abs(big), { hi: 0, lo: 0, rad: up(magUp(small) * (magUp(small) / low)) + TINY });
  }
  const e = Math.max(ea, eb);
  const s = pow2(-e);
  const as = scale(a, s);
  const bs = scale(b, s);
  const a2 = as && square(as);
  const b2 = bs && square(bs);
  const sum = a2 && b2 && add(a2, b2);
  const r = sum && sqrt(sum);
  return r && scale(r, pow2(e));
}

/** v^n for an integer |n| <= 1024 by binary powering (exact when every product fits a dd). */
function powInt(x: DDBall, n: number): DDBall | null {
  let k = Math.abs(n);
  let result: DDBall | null = ONE;
  let base: DDBall | null = x;
  while (k > 0) {
    if (k & 1) {
      result = mul(result, base);
      if (result === null) return null;
    }
    k >>= 1;
    if (k > 0) {
      base = mul(base, base);
      if (base === null) return null; // a square out of range: no partial result may escape
    }
  }
  return n < 0 ? reciprocal(result) : result;
}

/** pow(a, b) = a^b: a^n by multiplication for an exact integer n (any sign of a), exp(b log a) for a > 0,
 *  0^b = 0 for b > 0 and 0^0 = 1; anything else (a < 0 with b not an exact integer, a ball around 0) is null. */
export function pow(a: DDBall, b: DDBall): DDBall | null {
  const bInt = isExactDouble(b) && Number.isInteger(b.hi);
  if (isExactDouble(a) && a.hi === 0) {
    if (bInt && b.hi === 0) return ONE;
    return b.hi > 0 && magDown(b) > 0 ? exact(0) : null;
  }
  if (bInt && Math.abs(b.hi) <= 1024) return powInt(a, b.hi);
  if (bInt && a.hi < 0 && magDown(a) > 0) {
    // (-|v|)^n = +-|v|^n; above 2^53 every double is even
    const p = pow(neg(a), b);
    return p && (Math.abs(b.hi) < 2 ** 53 && b.hi % 2 !== 0 ? neg(p) : p);
  }
  if (a.hi <= 0 || magDown(a) === 0) return null;
  const l = log(a);
  const p = l && mul(b, l);
  return p && exp(p);
}

/** log(2v) + [-2^-800, 2^-800] = log(v) + ln2 + ..., the large-argument form of asinh and acosh. */
function logTwice(x: DDBall): DDBall | null {
  const l = log(x);
  const l2 = l && add(l, LN2);
  return l2 && add(l2, { hi: 0, lo: 0, rad: 2 ** -800 });
}

/** asinh(v) = log1p(v + v^2 / (1 + sqrt(1 + v^2))) for v >= 0 (odd); above 2^400, asinh v = log(2v) + d with
 *  0 <= d <= 1/(4 v^2) < 2^-800. */
export function asinh(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const r = asinh(neg(x));
    return r && neg(r);
  }
  if (x.hi > 2 ** 400) return logTwice(x);
  if (x.hi === 0 && x.rad === 0) return exact(0);
  const m = magUp(x);
  if (m <= 2 ** -200) return { hi: x.hi, lo: x.lo, rad: up(x.rad + m * m * m) + TINY }; // |asinh v - v| <= |v|^3/6
  const x2 = square(x);
  const s = x2 && add(ONE, x2);
  const r = s && sqrt(s);
  const d = r && add(ONE, r);
  const q = x2 && d && div(x2, d);
  const u = q && add(x, q);
  return u && log1p(u);
}

/** acosh(1 + u) = log1p(u + sqrt(u (u + 2))) with u = v - 1 >= 0 (accurate near 1); above 2^400,
 *  acosh v = log(2v) - d with 0 <= d <= 1/(2 v^2) < 2^-800. */
export function acosh(x: DDBall): DDBall | null {
  if (x.hi > 2 ** 400) return logTwice(x);
  const u = sub(x, ONE);
  if (u === null) return null;
  if (u.hi === 0 && u.rad === 0) return exact(0);
  if (!(u.hi > 0) || magDown(u) === 0) return null;
  const u2 = add(u, TWO);
  const p = u2 && mul(u, u2);
  const r = p && sqrt(p);
  const s = r && add(u, r);
  return s && log1p(s);
}

/** atanh(v) = log1p(2v / (1 - v)) / 2 for 0 <= v < 1 (odd). */
export function atanh(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const r = atanh(neg(x));
    return r && neg(r);
  }
  if (x.hi === 0 && x.rad === 0) return exact(0);
  const d = sub(ONE, x);
  if (d === null || !(d.hi > 0) || magDown(d) === 0) return null;
  const x2 = scale(x, 2);
  const q = x2 && div(x2, d);
  const l = q && log1p(q);
  return l && scale(l, 0.5);
}
