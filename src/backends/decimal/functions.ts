import { Decimal } from 'decimal.js';
import { Arith, asSat, LIMIT, BEYOND, fail, isNeg, type Big, type Num, type X } from './xnum.js';

/** Elementary functions on X values: domain, poles, exactness and saturation. */

const domainError = (x: Num, why: string) => fail('undefined', why, x.exact && !x.noisy);
const beyond = () => fail('beyond', BEYOND);
const tinyLike = (neg: boolean): X => ({ k: 'sat', huge: false, neg });
/** f(x) = x (1 + O(x)) for a tiny x: the value itself, no longer exact. */
const itself = (ar: Arith, x: Num | Big): X => ar.dropped(x, x.k === 'big' ? Infinity : -x.d.e - 1);
const bigTiny = (x: X): x is Big => x.k === 'big' && x.e < 0n;

/**
 * A decimal.js function of a finite argument; zero results are exact only at the function's own
 * zero. logCond(x, y): log10 of the condition number |x f'(x) / f(x)|, for inexact arguments.
 */
function apply(ar: Arith, x: Num, f: (d: Decimal) => Decimal, exactAt?: (d: Decimal) => boolean, logCond?: (x: Decimal, y: Decimal) => number, reduces = false): X {
  const exact = x.exact && exactAt !== undefined && exactAt(x.d);
  const y = f(x.d);
  let acc = ar.precision;
  // reduces: also for exact arguments, since decimal.js's argument reduction by pi loses the
  // digits of an ill-conditioned point (tan next to pi/2 at 30 digits is wrong from the 9th digit).
  if (logCond && y.isFinite() && !y.isZero() && !exact && (reduces || !x.exact)) {
    const c = logCond(x.d, y);
    acc = (x.exact ? ar.precision : x.acc) - Math.max(0, Number.isFinite(c) ? c : Infinity);
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
  if (x.k === 'big') return x.m.d.isNeg() ? domainError(x.m, 'log of a negative number') : logBig(ar, x);
  if (x.d.isNeg() && !x.d.isZero()) return domainError(x, 'log of a negative number');
  if (x.d.isZero()) return x.exact && !x.noisy ? fail('singular', 'log(0)') : fail('noisy', 'log of a rounded zero', false);
  // log(1 + t) = log1p(t): the tail of a value that rounds to 1.
  if (x.tail && !x.of && x.d.eq(1)) return log1p(ar, x.tail);
  // Away from 1 (|ln x| > 2), rounding a long argument to p + 8 digits moves ln x by 10^-(p+8) only.
  const arg = x.d.e === 0 || x.d.e === -1 ? x : { ...x, d: ar.short(x.d, ar.precision + 8) };
  return apply(ar, arg, (d) => ar.D.ln(d), (d) => d.eq(1), (_x, y) => -mag(y));
}

/** ln(m 10^e) = ln m + e ln 10, with the exponent exact. */
function logBig(ar: Arith, x: Big): X {
  const W = ar.clone(ar.precision + 5);
  const y = W.ln(x.m.d).plus(new W(x.e.toString()).times(W.ln(10)));
  // The condition number of ln is 1 / |ln x|: digits are gained.
  const acc = x.m.exact ? ar.precision : x.m.acc + Math.max(0, y.e);
  return ar.make(new ar.D(y.toSignificantDigits(ar.precision)), false, x.m.noisy, false, false, acc);
}

export function log1p(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.huge ? (x.neg ? fail('undefined', 'log1p of a number below -1') : beyond()) : x;
  if (x.k === 'big') {
    if (x.e < 0n) return itself(ar, x);
    // ln(1 + x) = ln x + ln(1 + 1/x): the second term is below 10^-LIMIT.
    return x.m.d.isNeg() ? domainError(x.m, 'log1p of a number below -1') : ar.dropped(logBig(ar, x) as Num, Infinity);
  }
  if (!x.d.isZero() && x.d.e < -(ar.precision + 5)) return itself(ar, x);
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
  if (x.k === 'big') return x.e < 0n ? itself(ar, x) : x.m.d.isNeg() ? ar.inexact(new ar.D(-1), false, Infinity) : ar.exp(x);
  if (x.d.isZero()) return ar.make(x.d, x.exact, x.noisy);
  if (x.d.e < -(ar.precision + 5)) return itself(ar, x);
  if (x.d.abs().gte(1)) return ar.sub(ar.exp(x), ar.one);
  // exp(x) - 1 loses about -log10|x| digits: compute exp with that many extra.
  const wide = ar.clone(ar.precision - x.d.e + 5);
  const r = wide.exp(x.d).minus(1);
  return ar.make(new ar.D(r).toSignificantDigits(ar.precision), false, x.noisy, false, false, x.exact ? ar.precision : x.acc - 0.5);
}

export function sqrt(ar: Arith, x: X): X {
  if (x.k === 'fail') return x;
  if (x.k === 'sat') return x.neg ? fail('undefined', 'sqrt of a negative number') : x;
  if (x.k === 'big') {
    if (x.m.d.isNeg()) return domainError(x.m, 'sqrt of a negative number');
    // sqrt(m 10^e) = sqrt(m 10^(e mod 2)) 10^(e div 2)
    const odd = x.e % 2n !== 0n;
    const m: Num = odd ? { k: 'num', d: ar.scale(x.m.d, 1), exact: x.m.exact, noisy: x.m.noisy, acc: x.m.acc } : x.m;
    return ar.rebase(sqrt(ar, m), (odd ? x.e - 1n : x.e) / 2n);
  }
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
  if (x.k === 'big') {
    if (x.e < 0n && name !== 'cos' && name !== 'acos') return itself(ar, x);
    return trig(ar, name, asSat(x));
  }
  if (x.k === 'sat') {
    if (name === 'asin' || name === 'acos') return x.huge ? fail('undefined', `${name} outside [-1, 1]`) : trigTiny(ar, name, x.neg);
    if (name === 'atan') return x.huge ? ar.inexact(D.acos(-1).div(x.neg ? -2 : 2)) : tinyLike(x.neg);
    return x.huge ? beyond() : trigTiny(ar, name, x.neg);
  }
  if ((name === 'asin' || name === 'acos') && x.d.abs().gt(1)) return domainError(x, `${name} outside [-1, 1]`);
  const zeroAtZero = name !== 'cos' && name !== 'acos';
  return apply(ar, x, (d) => D[name](d), (d) => (zeroAtZero ? d.isZero() : name === 'cos' ? d.isZero() : d.eq(1)), (d, y) => trigCond(name, d, y), name === 'sin' || name === 'cos' || name === 'tan');
}

function trigTiny(ar: Arith, name: string, neg: boolean): X {
  if (name === 'cos') return ar.inexact(new ar.D(1));
  if (name === 'acos') return ar.inexact(ar.D.acos(0));
  return tinyLike(neg);
}

export function sinh(ar: Arith, x: X): X {
  if (bigTiny(x)) return itself(ar, x);
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
  if (bigTiny(x)) return itself(ar, x);
  // sign(x) * (1 - 2 / (exp(2|x|) + 1))
  const neg = isNeg(x);
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
  const neg = isNeg(x);
  const ax = neg ? ar.neg(x) : x;
  return ar.add(neg ? ar.zero : x, log1p(ar, ar.exp(ar.neg(ax))));
}

export function abs(ar: Arith, x: X): X {
  if (x.k === 'num' && x.d.isNeg()) return ar.neg(x);
  if ((x.k === 'sat' || x.k === 'big') && isNeg(x)) return ar.neg(x);
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
  if (a.k === 'sat' || b.k !== 'num') return beyond();
  const D = ar.D;
  if (b.d.isZero()) return ar.make(new D(1), b.exact, b.noisy);
  if (a.k === 'num' && a.d.isZero()) {
    if (!a.exact || a.noisy) return fail('noisy', 'a power of a rounded zero', false);
    return b.d.isNeg() ? fail('singular', '0 to a negative power') : ar.zero;
  }
  const base = a.k === 'big' ? a.m : a;
  const integer = b.d.isInteger();
  if (base.d.isNeg() && !integer) return fail('undefined', 'a negative number to a non-integer power', base.exact && b.exact);
  const neg = base.d.isNeg() && integer && !b.d.mod(2).isZero();
  const log10A = a.k === 'big' ? Number(a.e) + log10Of(a.m.d) : log10Of(a.d);
  // Condition: |b| for the base, |b ln a| for the exponent.
  const lnA = Math.log10(Math.abs(log10A * Math.LN10)) || 0;
  const acc = Math.min(base.exact ? Infinity : base.acc - Math.max(0, mag(b.d)), b.exact ? Infinity : b.acc - Math.max(0, mag(b.d) + lnA));
  const size = num(b.d) * log10A;
  const noisy = base.noisy || b.noisy;
  if (a.k === 'num' && Math.abs(size) < LIMIT / 2) {
    const r = D.pow(a.d, b.d);
    const smallInt = integer && b.d.isPos() && b.d.lte(1e6) && a.d.sd() * b.d.toNumber() <= ar.precision;
    return ar.make(r, a.exact && b.exact && smallInt, noisy, true, neg, Math.min(acc, ar.precision));
  }
  if (!(Math.abs(size) < 1e300)) return { k: 'sat', huge: size > 0, neg };
  // a^b = 10^(b log10 a): the integer part is the exponent, the fraction gives the mantissa.
  const pa = ar.parts(a);
  const W = ar.clone(ar.precision + 12 + Math.max(0, Math.ceil(Math.log10(Math.abs(size) + 1))));
  const L = new W(b.d).times(new W(pa.e.toString()).plus(W.log10(new W(pa.m.d).abs())));
  const e = L.floor();
  const m = D.pow(10, new D(L.minus(e)));
  return ar.fromParts(neg ? m.neg() : m, BigInt(e.toFixed(0)), false, noisy, Math.min(acc, ar.precision));
}

/** log10 |d| from its exponent and leading digits (to about 7 digits). */
function log10Of(d: Decimal): number {
  const first = d.d[0]!;
  return d.e + Math.log10(first) - (String(first).length - 1);
}

export function atan2(ar: Arith, y: X, x: X): X {
  if (y.k === 'fail') return y;
  if (x.k === 'fail') return x;
  if (y.k !== 'num' || x.k !== 'num') return beyond();
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
