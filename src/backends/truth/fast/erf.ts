// erf and erfc. Below 4.5 the positive series erf(v) = 2/sqrt(pi) e^(-v^2) v sum_n c_n v^(2n) (no cancellation);
// above, Laplace's continued fraction erfc(v) = e^(-v^2)/sqrt(pi) K(v), K = 1/(v + (1/2)/(v + 1/(v + (3/2)/(v + ...)))),
// whose consecutive convergents bracket K (all elements positive), so their hull is an enclosure.
import { abs, add, div, exact, horner, magUp, mul, mulD, neg, scale, square, sub, TINY, up, type DDBall } from './ball.js';
import { ERF_COEF, ONE_OVER_SQRT_PI, TWO_OVER_SQRT_PI } from './erf-table.js';
import { exp, ONE } from './exp-log.js';

const SERIES_LIMIT = 4.5;
/** erfc(v) <= e^(-v^2) / (v sqrt(pi)) <= 2.2e-17 for v >= 6. */
const ERF_TAIL_AT_6 = 2.2e-17;

/** The series for |v| <= 4.5 (+ a hair). The terms c_n m^n (m >= v^2) fall by at least 1/2 once n > 2m, so stopping
 *  at the first n > 2m whose term is below 2^-112 leaves a tail below 2^-110 (the sum itself is >= 1). */
function erfSeries(x: DDBall): DDBall | null {
  const m = magUp(x);
  if (m === 0) return exact(0);
  if (m <= 2 ** -200) {
    // erf v = 2/sqrt(pi) (v - v^3/3 + ...), so |erf v - 2/sqrt(pi) v| <= 2/sqrt(pi) |v|^3 / 3 <= |v|^3
    const p = mul(TWO_OVER_SQRT_PI, x);
    return p && { hi: p.hi, lo: p.lo, rad: up(p.rad + m * m * m) + TINY };
  }
  const y = square(x);
  if (y === null) return null;
  const my = magUp(y);
  let n = 0;
  let pw = 1;
  for (;;) {
    if (n + 1 >= ERF_COEF.length) return null;
    if (n > 2 * my && ERF_COEF[n]!.hi * pw <= 2 ** -112) break;
    n++;
    pw *= my;
  }
  // terms 0..n-1 kept; the omitted tail starts at term n
  const p = horner(ERF_COEF, 0, 1, n - 1, y, false);
  if (p === null) return null;
  const s: DDBall = { hi: p.hi, lo: p.lo, rad: up(p.rad + 2 ** -110) };
  const e = exp(neg(y));
  const xs = mul(x, s);
  const q = e && xs && mul(xs, e);
  return q && mul(q, TWO_OVER_SQRT_PI);
}

/** K(v) for v >= 4.5 from the convergents A_k / B_k (A_k = v A_{k-1} + a_k A_{k-2}, the same for B, a_1 = 1,
 *  a_k = (k - 1)/2), all positive so nothing cancels; the hull of the last two encloses K. */
function laplaceK(x: DDBall, terms: number): DDBall | null {
  let a2: DDBall = exact(1); // A_{-1}
  let a1: DDBall = exact(0); // A_0
  let b2: DDBall = exact(0); // B_{-1}
  let b1: DDBall = exact(1); // B_0
  let prev: DDBall | null = null;
  let cur: DDBall | null = null;
  for (let k = 1; k <= terms + 1; k++) {
    const ak = k === 1 ? 1 : (k - 1) / 2;
    const xa = mul(x, a1);
    const aa = mulD(a2, ak);
    const xb = mul(x, b1);
    const bb = mulD(b2, ak);
    const an = xa && aa && add(xa, aa);
    const bn = xb && bb && add(xb, bb);
    if (an === null || bn === null) return null;
    a2 = a1; a1 = an; b2 = b1; b1 = bn;
    if (k >= terms) {
      prev = cur;
      cur = ratio(a1, b1);
      if (cur === null) return null;
    }
  }
  if (prev === null || cur === null) return null;
  const sum = add(prev, cur);
  const diff = sub(prev, cur);
  const mid = sum && scale(sum, 0.5);
  return mid && diff && { hi: mid.hi, lo: mid.lo, rad: up(mid.rad + magUp(diff) / 2) };
}

/** A_k / B_k; B_k >= v^k > 0 for v > 0. */
function ratio(a: DDBall, b: DDBall): DDBall | null {
  return div(a, b);
}

/** erfc for v >= 4.5 (and v^2 <= 665 so that e^(-v^2) stays in range). */
function erfcLarge(x: DDBall): DDBall | null {
  const terms = Math.ceil(14 + 270 / x.hi);
  const k = laplaceK(x, terms);
  const y = square(x);
  const e = y && exp(neg(y));
  const ek = e && k && mul(e, k);
  return ek && mul(ek, ONE_OVER_SQRT_PI);
}

export function erf(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const r = erf(neg(x));
    return r && neg(r);
  }
  if (magUp(x) <= SERIES_LIMIT) return erfSeries(x);
  if (x.hi - Math.abs(x.lo) - x.rad >= 6) return { hi: 1, lo: 0, rad: ERF_TAIL_AT_6 };
  const c = erfcLarge(x);
  return c && sub(ONE, c);
}

/** erfc = 1 - erf up to 4.5 (erfc(4.5) ~ 2e-10, so an absolute 2^-100 is still 2^-68 relative; for v < 0.5 there is
 *  no cancellation at all), the continued fraction above. */
export function erfc(x: DDBall): DDBall | null {
  if (x.hi < SERIES_LIMIT || magUp(abs(x)) <= SERIES_LIMIT) {
    const e = erf(x);
    return e && sub(ONE, e);
  }
  return erfcLarge(x);
}
