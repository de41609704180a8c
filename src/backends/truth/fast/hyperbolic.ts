// sigmoid, softplus, tanh, sinh, cosh from the exp/expm1/log1p balls. Each formula is an identity for every real v,
// so it encloses the whole argument ball; the branch on the midpoint only picks the form without cancellation.
import { abs, add, div, exact, magUp, mul, neg, reciprocal, scale, sub, up, type DDBall } from './ball.js';
import { exp, expm1, log1p, ONE } from './exp-log.js';

const TWO: DDBall = exact(2);

function lowerEnd(x: DDBall): number {
  return x.hi - Math.abs(x.lo) - x.rad;
}

/** sigmoid = 1 / (1 + e^-v) for v >= 0 (1 + e^-v in [1, 2]), e^v / (1 + e^v) for v < 0; for v >= 660,
 *  1 - sigmoid(v) < e^-660 < 2^-952. */
export function sigmoid(x: DDBall): DDBall | null {
  if (x.hi >= 0) {
    if (lowerEnd(x) >= 660) return { hi: 1, lo: 0, rad: 2 ** -950 };
    const e = exp(neg(x));
    const d = e && add(ONE, e);
    return d && reciprocal(d);
  }
  const e = exp(x);
  const d = e && add(ONE, e);
  return e && d && div(e, d);
}

/** softplus = log1p(e^v) for v <= 0, v + log1p(e^-v) for v > 0, where log1p(e^-v) < e^-660 < 2^-952 once v >= 660. */
export function softplus(x: DDBall): DDBall | null {
  if (x.hi <= 0) {
    const e = exp(x);
    return e && log1p(e);
  }
  if (lowerEnd(x) >= 660) return add(x, { hi: 0, lo: 0, rad: 2 ** -950 });
  const e = exp(neg(x));
  const l = e && log1p(e);
  return l && add(x, l);
}

/** tanh(v) = E / (E + 2) with E = expm1(2v) (odd, so computed for v >= 0), and 1 - 2 / (E + 2) from v >= 0.55 on,
 *  where 2 / (E + 2) <= 1/2 so the subtraction cannot cancel and the quotient's error shrinks with it;
 *  1 - tanh(v) < 2 e^-660 for v >= 330. */
export function tanh(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const t = tanh(neg(x));
    return t && neg(t);
  }
  if (lowerEnd(x) >= 330) return { hi: 1, lo: 0, rad: 2 ** -950 };
  const x2 = scale(x, 2);
  const e = x2 && expm1(x2);
  const d = e && add(e, TWO);
  if (e === null || d === null) return null;
  if (x.hi < 0.55) return div(e, d);
  const q = div(TWO, d);
  return q && sub(ONE, q);
}

/** e^v / 2 (1 +- e^-2v) with e^-2v <= e^-80 < 2^-115 for v >= 40: half of exp(v), widened by 2^-115 of itself. */
function halfExp(x: DDBall): DDBall | null {
  const e = exp(x);
  const h = e && scale(e, 0.5);
  return h && { hi: h.hi, lo: h.lo, rad: up(h.rad + magUp(h) * 2 ** -115) };
}

/** sinh(v), computed for v >= 0 (sinh is odd): e^v / 2 from v >= 40; (E - 1/E) / 2 with E = e^v from v >= 1 (E - 1/E
 *  >= 1.04 there, so nothing cancels); E (E + 2) / (2 (E + 1)) with E = expm1(v) >= 0 below (no sum cancels). */
export function sinh(x: DDBall): DDBall | null {
  if (x.hi < 0) {
    const s = sinh(neg(x));
    return s && neg(s);
  }
  if (lowerEnd(x) >= 40) return halfExp(x);
  if (lowerEnd(x) >= 0.5 && x.hi >= 1) {
    const big = exp(x);
    const small = big && reciprocal(big);
    const dif = big && small && sub(big, small);
    return dif && scale(dif, 0.5);
  }
  const e = expm1(x);
  if (e === null) return null;
  const n = add(e, TWO);
  const num = n && mul(e, n);
  const d = add(e, ONE);
  const den = d && scale(d, 2);
  return num && den && div(num, den);
}

/** cosh(v) = (E + 1/E) / 2 with E = e^|v| >= 1; e^|v| / 2 from |v| >= 40. */
export function cosh(x: DDBall): DDBall | null {
  if (lowerEnd(abs(x)) >= 40) return halfExp(abs(x));
  const e = exp(abs(x));
  const r = e && reciprocal(e);
  const s = e && r && add(e, r);
  return s && scale(s, 0.5);
}
