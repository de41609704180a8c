// exp, expm1, log, log1p on balls. Everything is built from the ball operations of ball.ts (each one an enclosure),
// so the argument radius propagates by itself; the only extra terms are the series truncation bounds below.
import { add, div, exact, horner, magDown, magUp, mul, mulD, scale, sub, TINY, up, type DDBall } from './ball.js';
import { INV_FACT, LN2 } from './constants.js';
import { exponentOf, pow2 } from './pow2.js';

export const ONE: DDBall = exact(1);
const TWO: DDBall = exact(2);
/** e^v >= 2^-959.4 for v >= -665 and e^v < 2^996 for v <= 690; a result above 2^990 is refused by scale. */
const EXP_LOW = -665;
const EXP_HIGH = 690;
/** At or below this magnitude expm1(v) = v + d and log1p(v) = v + d with |d| <= v^2 (|v| <= 2^-200). */
const TINY_ARG = 2 ** -200;

/** The identity plus the bound |f(v) - v| <= m^2 (expm1: v^2/2 e^|v|; log1p: v^2 / (2 (1 - |v|))). */
function nearIdentity(x: DDBall, m: number): DDBall {
  return { hi: x.hi, lo: x.lo, rad: up(x.rad + m * m) + TINY };
}

/** expm1 for |v| <= 1: halve s times to |r| <= 2^-5, Taylor sum_{n=1}^{N} r^n/n! with the tail bounded by
 *  m^(N+1)/(N+1)! * 1/(1 - m/(N+2)) <= 1.01 m^(N+1)/(N+1)!, then s times expm1(2y) = e (e + 2) (no cancellation:
 *  e + 2 > 1). The relative error at most doubles per step, so it stays below 2^(s - 100) with s <= 6. */
export function expm1Small(x: DDBall): DDBall | null {
  let m = magUp(x);
  if (m === 0) return exact(0);
  if (m > 1) return null;
  if (m <= TINY_ARG) return nearIdentity(x, m);
  let s = 0;
  while (m > 2 ** -5) {
    m /= 2;
    s++;
  }
  let r: DDBall | null = s === 0 ? x : scale(x, pow2(-s));
  if (r === null) return null;
  // the tail relative to r, m^N/(N+1)!, is below 2^-110 in each case
  const n = m <= 2 ** -60 ? 2 : m <= 2 ** -30 ? 4 : m <= 2 ** -15 ? 8 : 14;
  // sum_{k=1}^{n} r^k/k! = r sum_{k=0}^{n-1} r^k/(k+1)!
  const h = horner(INV_FACT, 1, 1, n - 1, r, false);
  const p = h && mul(h, r);
  if (p === null) return null;
  let tail = m;
  for (let k = 0; k < n; k++) tail *= m;
  tail = up(tail * 1.02 * INV_FACT[n + 1]!.hi) + TINY;
  let e: DDBall | null = { hi: p.hi, lo: p.lo, rad: up(p.rad + tail) };
  for (let k = 0; k < s && e !== null; k++) {
    const e2: DDBall | null = add(e, TWO);
    e = e2 && mul(e, e2);
  }
  return e;
}

/** exp(v) = 2^k (1 + expm1(v - k ln2)), k = round(v / ln2), so |v - k ln2| <= 0.35 (ln2 carries its own radius). */
export function exp(x: DDBall): DDBall | null {
  if (!(x.hi >= EXP_LOW && x.hi <= EXP_HIGH)) return null;
  const k = Math.round(x.hi * Math.LOG2E);
  const kln2 = k === 0 ? null : mulD(LN2, k);
  const r = kln2 === null ? x : sub(x, kln2);
  if (r === null) return null;
  const e = expm1Small(r);
  const one = e && add(e, ONE);
  return one && scale(one, pow2(k));
}

/** expm1: the small-argument path up to |v| <= 1 (relative accuracy), exp(v) - 1 beyond (|result| >= 0.63, no
 *  cancellation), and -1 + [0, e^-650] for v <= -650. */
export function expm1(x: DDBall): DDBall | null {
  if (magUp(x) <= 1) return expm1Small(x);
  if (x.hi < 0 && x.hi + Math.abs(x.lo) + x.rad <= -650) return { hi: -1, lo: 0, rad: 2 ** -937 };
  const e = exp(x);
  return e && sub(e, ONE);
}

/** log1p for |u| <= 1/2 by one Newton step from y0 = Math.log1p(uh) (only a start value): with
 *  E = expm1(y0) (a ball), log1p(u) = y0 + log1p(t), t = (u - E) / (1 + E), and
 *  log1p(t) = t - t^2/2 + d with |d| <= |t|^3 / (3 (1 - |t|)) <= 0.34 |t|^3 for |t| <= 2^-30. */
function log1pSmall(u: DDBall): DDBall | null {
  const m = magUp(u);
  if (m === 0) return exact(0);
  if (m <= TINY_ARG) return nearIdentity(u, m);
  const y0 = Math.log1p(u.hi);
  if (!(Math.abs(y0) <= 1)) return null;
  const y = exact(y0);
  const e = expm1Small(y);
  if (e === null) return null;
  const num = sub(u, e);
  const den = add(ONE, e);
  const t = num && den && div(num, den);
  if (t === null) return null;
  const mt = magUp(t);
  if (mt === 0) return y;
  if (!(mt <= 2 ** -30)) return null;
  const t2 = mul(t, t);
  const half = t2 && scale(t2, 0.5);
  const series = half && sub(t, half);
  if (series === null) return null;
  const withTail: DDBall = { hi: series.hi, lo: series.lo, rad: up(series.rad + 0.34 * mt * mt * mt) + TINY };
  return add(y, withTail);
}

/** log(v) = e ln2 + log1p(v 2^-e - 1) with v 2^-e in [0.75, 1.5), so |log1p(..)| <= 0.41 < ln2 and the sum has no
 *  cancellation when e != 0. */
export function log(x: DDBall): DDBall | null {
  if (!(x.hi > 0) || magDown(x) === 0) return null;
  let e = exponentOf(x.hi);
  if (x.hi * pow2(-e) >= 1.5) e++;
  const xs = e === 0 ? x : scale(x, pow2(-e));
  const u = xs && sub(xs, ONE);
  const l = u && log1pSmall(u);
  if (l === null || e === 0) return l;
  const eln2 = mulD(LN2, e);
  return eln2 && add(eln2, l);
}

/** log1p: the Newton path for -1/4 < u <= 1/2 (relative accuracy near 0), log(1 + u) elsewhere. */
export function log1p(u: DDBall): DDBall | null {
  if (u.hi > -0.25 && magUp(u) <= 0.5) return log1pSmall(u);
  const v = add(ONE, u);
  return v && log(v);
}
