import { Decimal } from 'decimal.js';
import { Arith, BEYOND, fail, type Num, type X } from './xnum.js';

/** Elementary functions on X values: domain, poles, exactness and saturation. */

const domainError = (x: Num, why: string) => fail('undefined', why, x.exact && !x.noisy);
const beyond = () => fail('beyond', BEYOND);
const tinyLike = (neg: boolean): X => ({ k: 'sat', huge: false, neg });

/**
 * A decimal.js function of a finite argument; zero results are exact only at the function's own
 * zero. logCond(x, y): log10 of the condition number |x f'(x) / f(x)|, for inexact arguments.
 */
function apply(ar: Arith, x: Num, f: (d: Decimal) => Decimal, exactAt?: (d: Decimal) => boolean, logCond?: (x: Decimal, y: Decimal) => number): X {
  const exact = x.exact && exactAt !== undefined && exactAt(x.d);
  const y = f(x.d);
  let acc = ar.precision;
  if (!x.exact && logCond && y.isFinite() && !y.isZero()) {
    const c = logCond(x.d, y);
    acc = x.acc - Math.max(0, Number.isFinite(c) ? c : Infinity);
  } else if (!x.exact) {
    acc = x.acc - 0.5;
  }
  return ar.make(y, exact, x.noisy, false, false, acc);
}

const num = (d: Decimal): number => d.toNumber();
/** Exponent-based log10 sizes; exact enough for error estimates. */
const mag = (d: Decimal): number => (d.isZero() ? -Infinity : d.e + 0.5);

export function log(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.neg ? fail('undefined', 'log of a negative number') : beyond();
  if (x.d.isNeg() && !x.d.isZero()) return domainError(x, 'log of a negative number');
  if (x.d.isZero()) return x.exact && !x.noisy ? fail('singular', 'log(0)') : fail('noisy', 'log of a rounded zero', false);
  return apply(ar, x, (d) => ar.D.ln(d), (d) => d.eq(1), (_x, y) => -mag(y));
}

export function log1p(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.huge ? (x.neg ? fail('undefined', 'log1p of a number below -1') : beyond()) : x;
  const minusOne = x.d.cmp(-1);
  if (minusOne < 0) return domainError(x, 'log1p of a number below -1');
  if (minusOne === 0) return x.exact ? fail('singular', 'log1p(-1)') : fail('noisy', 'log1p of a rounded -1', false);
  if (x.d.isZero()) return ar.make(x.d, x.exact, x.noisy);
  // 1 + x exactly (decimal.js does not round a sum when the precision allows every digit), then ln.
  const wide = ar.clone(Math.max(ar.precision, x.d.sd() - x.d.e + 2));
  const sum = new wide(x.d).plus(1);
  const y = ar.D.ln(sum);
  const acc = x.exact ? ar.precision : x.acc - Math.max(0, mag(x.d) - mag(sum) - mag(y));
  return ar.make(y, false, x.noisy, false, false, acc);
}

export function expm1(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.huge ? (x.neg ? ar.inexact(new ar.D(-1)) : x) : x;
  if (x.d.isZero()) return ar.make(x.d, x.exact, x.noisy);
  if (x.d.abs().gte(1)) return ar.sub(ar.exp(x), ar.one);
  // exp(x) - 1 loses about -log10|x| digits: compute exp with that many extra.
  const wide = ar.clone(ar.precision - x.d.e + 5);
  const r = wide.exp(x.d).minus(1);
  return ar.make(new ar.D(r).toSignificantDigits(ar.precision), false, x.noisy, false, false, x.exact ? ar.precision : x.acc - 0.5);
}

export function sqrt(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.neg ? fail('undefined', 'sqrt of a negative number') : x;
  if (x.d.isNeg() && !x.d.isZero()) return domainError(x, 'sqrt of a negative number');
  const r = x.d.sqrt();
  const exact = x.exact && (r.isZero() || (r.sd() < ar.precision && new (ar.clone(2 * r.sd() + 2))(r).times(r).eq(x.d)));
  return ar.make(r, exact, x.noisy, false, false, x.exact ? ar.precision : x.acc - 0.5);
}

/** log10 of |x f'(x) / f(x)| for the trigonometric functions, from doubles (bounded sizes). */
function trigCond(name: string, x: Decimal, y: Decimal): number {
  const xn = num(x);
  const slope: Record<string, (v: number) => number> = {
    sin: Math.cos, cos: (v) => -Math.sin(v), tan: (v) => 1 / Math.cos(v) ** 2,
    asin: (v) => 1 / Math.sqrt(1 - v * v), acos: (v) => -1 / Math.sqrt(1 - v * v), atan: (v) => 1 / (1 + v * v),
  };
  const c = Math.log10(Math.abs(xn * slope[name]!(xn))) - mag(y);
  return Number.isNaN(c) ? Infinity : c;
}

/** sin, cos, tan, asin, acos, atan: decimal.js directly; saturated arguments by their limits. */
export function trig(ar: Arith, name: 'sin' | 'cos' | 'tan' | 'asin' | 'acos' | 'atan', x: X): X {
  if (x.k === 'fail') return x;
  const D = ar.D;
  if (x.k === 'sat') {
    if (name === 'asin' || name === 'acos') return x.huge ? fail('undefined', `${name} outside [-1, 1]`) : trigTiny(ar, name, x.neg);
    if (name === 'atan') return x.huge ? ar.inexact(D.acos(-1).div(x.neg ? -2 : 2)) : tinyLike(x.neg);
    return x.huge ? beyond() : trigTiny(ar, name, x.neg);
  }
  if ((name === 'asin' || name === 'acos') && x.d.abs().gt(1)) return domainError(x, `${name} outside [-1, 1]`);
  const zeroAtZero = name !== 'cos' && name !== 'acos';
  return apply(ar, x, (d) => D[name](d), (d) => (zeroAtZero ? d.isZero() : name === 'cos' ? d.isZero() : d.eq(1)), (d, y) => trigCond(name, d, y));
}

function trigTiny(ar: Arith, name: string, neg: boolean): X {
  if (name === 'cos') return ar.inexact(new ar.D(1));
  if (name === 'acos') return ar.inexact(ar.D.acos(0));
  return tinyLike(neg);
}

export function sinh(ar: Arith, x: X): X {
  if (x.k === 'num' && x.d.abs().lt(1)) return apply(ar, x, (d) => ar.D.sinh(d), (d) => d.isZero());
  // decimal.js's own sinh/cosh/tanh crawl for large arguments; exp does not.
  return ar.div(ar.sub(ar.exp(x), ar.exp(ar.neg(x))), two(ar));
}

export function cosh(ar: Arith, x: X): X {
  if (x.k === 'num' && x.d.isZero()) return ar.make(new ar.D(1), x.exact, x.noisy);
  return ar.div(ar.add(ar.exp(x), ar.exp(ar.neg(x))), two(ar));
}

export function tanh(ar: Arith, x: X): X {
  if (x.k === 'num' && x.d.abs().lt(1)) return apply(ar, x, (d) => ar.D.tanh(d), (d) => d.isZero());
  if (x.k === 'fail') return x;
  // sign(x) * (1 - 2 / (exp(2|x|) + 1))
  const neg = x.k === 'num' ? x.d.isNeg() : x.neg;
  const ax = neg ? ar.neg(x) : x;
  const t = ar.sub(ar.one, ar.div(two(ar), ar.add(ar.exp(ar.mul(two(ar), ax)), ar.one)));
  return neg ? ar.neg(t) : t;
}

export function sigmoid(ar: Arith, x: X): X {
  return ar.div(ar.one, ar.add(ar.one, ar.exp(ar.neg(x))));
}

/** softplus(x) = max(x, 0) + log1p(exp(-|x|)), exactly; no overflow for large x. */
export function softplus(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  const neg = x.k === 'num' ? x.d.isNeg() : x.neg;
  const ax = neg ? ar.neg(x) : x;
  return ar.add(neg ? ar.zero : x, log1p(ar, ar.exp(ar.neg(ax))));
}

export function abs(ar: Arith, x: X): X {
  if (x.k === 'num' && x.d.isNeg()) return ar.neg(x);
  if (x.k === 'sat' && x.neg) return ar.neg(x);
  return x;
}

export function sign(ar: Arith, x: X): X {
  const c = ar.cmp(x, ar.zero);
  if (typeof c !== 'number') return c;
  return ar.exactNum(new ar.D(c));
}

export function pow(ar: Arith, a: X, b: X): X {
  if (a.k === 'fail') return a;
  if (b.k === 'fail') return b;
  if (a.k === 'sat' || b.k === 'sat') return beyond();
  const D = ar.D;
  if (b.d.isZero()) return ar.make(new D(1), b.exact, b.noisy);
  if (a.d.isZero()) {
    if (!a.exact || a.noisy) return fail('noisy', 'a power of a rounded zero', false);
    return b.d.isNeg() ? fail('singular', '0 to a negative power') : ar.zero;
  }
  const integer = b.d.isInteger();
  if (a.d.isNeg() && !integer) return fail('undefined', 'a negative number to a non-integer power', a.exact && b.exact);
  const r = D.pow(a.d, b.d);
  const smallInt = integer && b.d.isPos() && b.d.lte(1e6) && a.d.sd() * b.d.toNumber() <= ar.precision;
  const neg = a.d.isNeg() && integer && !b.d.mod(2).isZero();
  // Condition: |b| for the base, |b ln a| for the exponent.
  const lnA = Math.log10(Math.abs(Math.log(Math.abs(num(a.d))) || (a.d.e + 1) * Math.LN10)) || 0;
  const acc = Math.min(a.exact ? Infinity : a.acc - Math.max(0, mag(b.d)), b.exact ? Infinity : b.acc - Math.max(0, mag(b.d) + lnA));
  return ar.make(r, a.exact && b.exact && smallInt, a.noisy || b.noisy, true, neg, Math.min(acc, ar.precision));
}

export function atan2(ar: Arith, y: X, x: X): X {
  if (y.k === 'fail') return y;
  if (x.k === 'fail') return x;
  if (y.k === 'sat' || x.k === 'sat') return beyond();
  if (y.d.isZero() && x.d.isZero()) {
    return y.exact && x.exact ? fail('singular', 'atan2(0, 0)') : fail('noisy', 'atan2 of rounded zeros', false);
  }
  // The mathematical atan2 knows no -0: on the negative x axis it is +pi.
  const yd = y.d.isZero() ? new ar.D(0) : y.d;
  return ar.make(ar.D.atan2(yd, x.d), y.exact && x.exact && yd.isZero() && x.d.isPos(), y.noisy || x.noisy, false, false, Math.min(y.acc, x.acc) - 1);
}

export function two(ar: Arith): Num {
  return ar.exactNum(new ar.D(2));
}
