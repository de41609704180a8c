// sin, cos, tan, atan, asin, acos, atan2 on balls. Series are alternating with decreasing terms for |r| < 1, so each
// truncation error is at most the first omitted term; every identity used holds for every point of the ball.
import { add, div, exact, horner, magDown, magUp, mul, mulD, neg, reciprocal, scale, sqrt, sub, TINY, up, type DDBall } from './ball.js';
import { INV_FACT, PI, PI_2, PI_2_C1, PI_2_C2, PI_2_C3, PI_2_REST } from './constants.js';
import { ONE } from './exp-log.js';
import { exponentOf } from './pow2.js';
import { reducePayneHanek } from './trig-big.js';

/** |x| <= 2^20: beyond, k * C_i is no longer exact, and trig-big.ts reduces instead. */
const TRIG_LIMIT = 2 ** 20;
const TINY_ARG = 2 ** -200;
/** Bounds used for the omitted terms: 1/n! for n = 28, 29 (larger than the true values). */
const INV_FACT_UP = (n: number): number => (n < INV_FACT.length ? INV_FACT[n]!.hi * 1.01 : n === 28 ? 3.3e-30 : 1.14e-31);

/** sum_{j=0}^{J} (-1)^j x2^j / (2j + off)! by Horner, plus the first omitted term as radius (alternating, decreasing
 *  for x2 < 1). J is the smallest with m2^(J+1)/(2J+2+off)! <= 2^-112 * 1/(off)!. */
function evenSeries(x2: DDBall, m2: number, off: 0 | 1): DDBall | null {
  let j = 0;
  let term = 1; // m2^(j+1) without the factorial
  for (;;) {
    term *= m2;
    const n = 2 * j + 2 + off;
    if (term * INV_FACT_UP(n) <= 2 ** -112 || n >= 27) break;
    j++;
  }
  const omitted = up(term * INV_FACT_UP(2 * j + 2 + off)) + TINY;
  const p = horner(INV_FACT, off, 2, j, x2, true);
  return p && { hi: p.hi, lo: p.lo, rad: up(p.rad + omitted) };
}

/** sin and cos of a reduced argument |r| <= pi/4 (+ a hair). */
function sinCosSmall(r: DDBall): [DDBall | null, DDBall | null] {
  const m = magUp(r);
  if (m === 0) return [exact(0), exact(1)];
  if (m <= TINY_ARG) {
    // |sin v - v| <= |v|^3/6, |cos v - 1| <= v^2/2
    return [{ hi: r.hi, lo: r.lo, rad: up(r.rad + m * m * m) + TINY }, { hi: 1, lo: 0, rad: up(m * m) + TINY }];
  }
  const x2 = mul(r, r);
  if (x2 === null) return [null, null];
  const m2 = magUp(x2);
  const s = evenSeries(x2, m2, 1);
  return [s && mul(s, r), evenSeries(x2, m2, 0)];
}

/** r = v - k pi/2 (Cody-Waite, each k * C_i exact) and the quadrant k mod 4. */
function reduce(x: DDBall): { r: DDBall; q: number } | null {
  if (!(Math.abs(x.hi) <= TRIG_LIMIT)) return reducePayneHanek(x);
  const k = Math.round(x.hi * (2 / Math.PI));
  if (k === 0) return { r: x, q: 0 };
  let r: DDBall | null = sub(x, exact(k * PI_2_C1));
  r = r && sub(r, exact(k * PI_2_C2));
  r = r && sub(r, exact(k * PI_2_C3));
  const rest = mulD(PI_2_REST, k);
  r = r && rest && sub(r, rest);
  return r && { r, q: ((k % 4) + 4) % 4 };
}

function sinCos(x: DDBall): [DDBall | null, DDBall | null] {
  const red = reduce(x);
  if (red === null) return [null, null];
  const [s, c] = sinCosSmall(red.r);
  if (s === null || c === null) return [null, null];
  switch (red.q) {
    case 0: return [s, c];
    case 1: return [c, neg(s)];
    case 2: return [neg(s), neg(c)];
    default: return [neg(c), s];
  }
}

export function sin(x: DDBall): DDBall | null {
  return sinCos(x)[0];
}

export function cos(x: DDBall): DDBall | null {
  return sinCos(x)[1];
}

/** tan = sin / cos from the same reduction; a ball whose cos may vanish (a pole) gives null in div. */
export function tan(x: DDBall): DDBall | null {
  const [s, c] = sinCos(x);
  return s && c && div(s, c);
}

/** atan for 0 <= v <= 1 by one correction of y0 = Math.atan(vh) (only a start value): with T = tan(y0) as a ball,
 *  atan(v) = y0 + atan(t), t = (v - T) / (1 + v T) (valid as v T > -1), and |atan t - t| <= |t|^3 / 3. */
function atanUnit(x: DDBall): DDBall | null {
  const m = magUp(x);
  if (m === 0) return exact(0);
  if (m <= TINY_ARG) return { hi: x.hi, lo: x.lo, rad: up(x.rad + m * m * m) + TINY };
  const y0 = Math.atan(x.hi);
  const y = exact(y0);
  const tn = tan(y);
  if (tn === null) return null;
  const num = sub(x, tn);
  const xt = mul(x, tn);
  const den = xt && add(ONE, xt);
  const t = num && den && div(num, den);
  if (t === null) return null;
  const mt = magUp(t);
  if (!(mt <= 2 ** -30)) return null;
  return add(y, { hi: t.hi, lo: t.lo, rad: up(t.rad + mt * mt * mt) + TINY });
}

/** atan: odd; pi/2 - atan(1/v) above 1 (no cancellation: atan(1/v) <= pi/4). */
export function atan(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const a = atan(neg(x));
    return a && neg(a);
  }
  if (x.hi <= 1) return atanUnit(x);
  if (x.hi > 2 ** 900) return sub(PI_2, { hi: 0, lo: 0, rad: 2 ** -899 }); // 0 < atan(1/v) < 1/v < 2^-899
  const inv = reciprocal(x);
  const a = inv && atanUnit(inv);
  return a && sub(PI_2, a);
}

/** asin(v) = atan(v / sqrt((1 - v)(1 + v))) (the factored form keeps 1 - v^2 accurate near |v| = 1); +-pi/2 at +-1. */
export function asin(x: DDBall): DDBall | null {
  if (x.rad === 0 && x.lo === 0 && Math.abs(x.hi) === 1) return x.hi > 0 ? PI_2 : neg(PI_2);
  const a = sub(ONE, x);
  const b = add(ONE, x);
  const p = a && b && mul(a, b);
  if (p === null || magDown(p) === 0 || p.hi < 0) return null;
  const s = sqrt(p);
  const z = s && div(x, s);
  return z && atan(z);
}

/** acos(v) = 2 atan(sqrt((1 - v) / (1 + v))) for -1 < v <= 1 (no cancellation near v = 1, where acos -> 0); pi at -1. */
export function acos(x: DDBall): DDBall | null {
  if (x.rad === 0 && x.lo === 0 && x.hi === -1) return PI;
  const a = sub(ONE, x);
  const b = add(ONE, x);
  if (a === null || b === null || a.hi < 0 || (a.hi === 0 && a.rad !== 0) || magDown(b) === 0) return null;
  const q = div(a, b);
  const s = q && sqrt(q);
  const t = s && atan(s);
  return t && scale(t, 2);
}

/** atan(n / d) for |n| <= |d|, d bounded away from 0; when n / d is below the dd range (exponents 800 apart),
 *  |n / d| < 2^(en - ed + 2) <= 2^-798 and so is |atan(n / d)|. */
function atanOfRatio(n: DDBall, d: DDBall): DDBall | null {
  if (n.hi !== 0 && exponentOf(n.hi) - exponentOf(d.hi) < -800) return { hi: 0, lo: 0, rad: 2 ** -797 };
  const r = div(n, d);
  return r && atan(r);
}

/** atan2(y, x), the angle of (x, y): atan(y/x) (+-pi when x < 0) when |y| <= |x|, else +-pi/2 - atan(x/y), so the
 *  atan term is at most pi/4 and nothing cancels. A ball on the branch cut (x < 0, y may be 0 but is not exactly 0)
 *  or containing the origin is null. */
export function atan2(y: DDBall, x: DDBall): DDBall | null {
  if (Math.abs(y.hi) > Math.abs(x.hi)) {
    if (magDown(y) === 0) return null;
    const a = atanOfRatio(x, y);
    return a && sub(y.hi > 0 ? PI_2 : neg(PI_2), a);
  }
  if (magDown(x) === 0) return null;
  if (x.hi > 0) {
    const r = div(y, x);
    return r && atan(r);
  }
  const a = atanOfRatio(y, x);
  if (a === null) return null;
  if (y.hi === 0 && y.rad === 0) return PI; // the angle of (x < 0, 0) is pi
  if (magDown(y) === 0) return null;
  return add(a, y.hi > 0 ? PI : neg(PI));
}
