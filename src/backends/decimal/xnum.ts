import { Decimal } from 'decimal.js';

export type Ctor = typeof Decimal;

/**
 * A finite decimal at the working precision. exact: no rounding happened on the way (so a zero
 * is a true zero and a tie is a true tie). noisy: a rounded value cancelled to exactly zero on
 * the way, so this precision cannot be trusted for it. acc: a first-order estimate of the
 * correct significant digits (Infinity when exact), lowered by cancellation and ill-conditioned
 * functions; it keeps two precisions from agreeing on the same garbage.
 */
export interface Num { k: 'num'; d: Decimal; exact: boolean; noisy: boolean; acc: number }

/**
 * A value beyond decimal.js's exponent range (about 1e+-9e15): huge (decimal.js overflowed to
 * Infinity) or tiny (it underflowed to 0). The sign is known, the magnitude is not.
 */
export interface Sat { k: 'sat'; huge: boolean; neg: boolean }

/**
 * No value at this precision. undefined: a domain error (firm when it came from exact inputs);
 * singular: a pole or indeterminate form hit exactly (the caller tries limits); noisy: a decision
 * was made on a rounded zero or tie (raise precision); beyond: saturation decided the result.
 */
export type FailWhy = 'undefined' | 'singular' | 'noisy' | 'beyond';
export interface Fail {
  k: 'fail'; why: FailWhy; firm: boolean; reason: string;
  /** A kink's derivative (abs, maximum, minimum, clip): one-sided values are finite, so times an exact 0 it is 0. */
  bounded?: boolean;
}

export type X = Num | Sat | Fail;

export const BEYOND = "beyond decimal.js's exponent range";
const PRIORITY: FailWhy[] = ['undefined', 'noisy', 'beyond', 'singular'];

export function fail(why: FailWhy, reason: string, firm = true): Fail {
  return { k: 'fail', why, firm, reason };
}

export function firstFail(...xs: X[]): Fail | undefined {
  let found: Fail | undefined;
  for (const x of xs) {
    if (x.k === 'fail' && (!found || PRIORITY.indexOf(x.why) < PRIORITY.indexOf(found.why))) found = x;
  }
  return found;
}

export const isNeg = (x: Num | Sat): boolean => (x.k === 'num' ? x.d.isNeg() : x.neg);
const nearEdge = (d: Decimal): boolean => Math.abs(d.e) > 8e15;
const isZero = (x: X): boolean => x.k === 'num' && x.d.isZero();
const isTrueZero = (x: X): boolean => isZero(x) && (x as Num).exact && !(x as Num).noisy;

/** Arithmetic at one working precision, aware of exactness, noise and saturation. */
export class Arith {
  readonly zero: Num;
  readonly one: Num;

  constructor(readonly D: Ctor, readonly precision: number, readonly clone: (digits: number) => Ctor) {
    this.zero = { k: 'num', d: new D(0), exact: true, noisy: false, acc: Infinity };
    this.one = { k: 'num', d: new D(1), exact: true, noisy: false, acc: Infinity };
  }

  /** A decimal result; zero from nonzero inputs (underflow) becomes tiny when underflow is set. */
  make(d: Decimal, exact: boolean, noisy: boolean, underflow = false, negIfTiny = false, acc = this.precision): X {
    if (d.isNaN()) return fail('beyond', BEYOND);
    if (!d.isFinite()) return { k: 'sat', huge: true, neg: d.isNeg() };
    if (underflow && d.isZero()) return { k: 'sat', huge: false, neg: negIfTiny };
    return this.num(d, exact, noisy, acc);
  }

  num(d: Decimal, exact: boolean, noisy: boolean, acc = this.precision): Num {
    // A rounded zero (log(1 + 1e-435) at 50 digits) is noise, not a zero.
    if (d.isZero() && !exact) noisy = true;
    return { k: 'num', d, exact, noisy, acc: exact ? Infinity : noisy ? -Infinity : Math.min(acc, this.precision) };
  }

  exactNum(d: Decimal): Num {
    return this.num(d, true, false);
  }

  inexact(d: Decimal, noisy = false, acc = this.precision): Num {
    return this.num(d, false, noisy, acc);
  }

  add(a: X, b: X): X {
    const f = firstFail(a, b);
    if (f) return f;
    if (a.k === 'num' && b.k === 'num') {
      const r = a.d.plus(b.d);
      const bothExact = a.exact && b.exact;
      const cancelled = r.isZero() && !(a.d.isZero() && b.d.isZero()) && !bothExact;
      // Absolute errors add: an operand's lost digits count from its own exponent down.
      let acc = this.precision;
      if (!r.isZero()) for (const o of [a, b]) if (!o.d.isZero()) acc = Math.min(acc, o.acc - (o.d.e - r.e));
      return this.make(r, bothExact && sumFits(a.d, b.d, this.precision), a.noisy || b.noisy || cancelled, false, false, acc);
    }
    if (a.k === 'num') return this.addSat(b as Sat, a);
    if (b.k === 'num') return this.addSat(a as Sat, b);
    const sa = a as Sat;
    const sb = b as Sat;
    if (sa.huge !== sb.huge) return sa.huge ? sa : sb;
    if (sa.neg === sb.neg) return sa;
    return fail('beyond', BEYOND);
  }

  private addSat(s: Sat, n: Num): X {
    if (n.d.isZero()) return n.noisy ? fail('noisy', 'a rounded zero met a saturated value', false) : s;
    if (nearEdge(n.d)) return fail('beyond', BEYOND);
    return s.huge ? s : this.inexact(n.d, n.noisy, n.acc);
  }

  neg(a: X): X {
    if (a.k === 'num') return { ...a, d: a.d.neg() };
    if (a.k === 'sat') return { ...a, neg: !a.neg };
    return a;
  }

  sub(a: X, b: X): X {
    if (a === b && a.k !== 'fail') return this.zero;
    return this.add(a, this.neg(b));
  }

  mul(a: X, b: X): X {
    if ((isTrueZero(a) && b.k === 'fail' && b.bounded) || (isTrueZero(b) && a.k === 'fail' && a.bounded)) return this.zero;
    const f = firstFail(a, b);
    if (f) return f;
    if (isTrueZero(a) || isTrueZero(b)) return this.zero;
    const neg = isNeg(a as Num | Sat) !== isNeg(b as Num | Sat);
    if (a.k === 'num' && b.k === 'num') {
      const r = a.d.times(b.d);
      const exact = a.exact && b.exact && a.d.sd() + b.d.sd() <= this.precision;
      return this.make(r, exact, a.noisy || b.noisy, !a.d.isZero() && !b.d.isZero(), neg, Math.min(a.acc, b.acc) - 0.5);
    }
    if (a.k === 'sat' && b.k === 'sat') {
      return a.huge === b.huge ? { k: 'sat', huge: a.huge, neg } : fail('beyond', BEYOND);
    }
    const s = (a.k === 'sat' ? a : b) as Sat;
    const n = (a.k === 'num' ? a : b) as Num;
    if (n.d.isZero()) return fail('noisy', 'a rounded zero met a saturated value', false);
    if (nearEdge(n.d)) return fail('beyond', BEYOND);
    return { k: 'sat', huge: s.huge, neg };
  }

  div(a: X, b: X): X {
    const f = firstFail(a, b);
    if (f) return f;
    if (isZero(b)) {
      if (!isTrueZero(b)) return fail('noisy', 'division by a rounded zero', false);
      return fail('singular', isZero(a) ? '0/0' : 'division by zero');
    }
    if (isTrueZero(a)) return this.zero;
    const neg = isNeg(a as Num | Sat) !== isNeg(b as Num | Sat);
    if (a.k === 'num' && b.k === 'num') {
      const r = a.d.div(b.d);
      const exact = a.exact && b.exact && this.quotientExact(r, a.d, b.d);
      return this.make(r, exact, a.noisy || b.noisy, !a.d.isZero(), neg, Math.min(a.acc, b.acc) - 0.5);
    }
    if (a.k === 'sat' && b.k === 'sat') return fail('beyond', BEYOND);
    const n = (a.k === 'num' ? a : b) as Num;
    if (n.d.isZero()) return fail('noisy', 'a rounded zero met a saturated value', false);
    if (nearEdge(n.d)) return fail('beyond', BEYOND);
    // num / huge and tiny / num are tiny; num / tiny and huge / num are huge.
    const huge = a.k === 'sat' ? a.huge : !(b as Sat).huge;
    return { k: 'sat', huge, neg };
  }

  private quotientExact(r: Decimal, a: Decimal, b: Decimal): boolean {
    if (r.isZero() || r.sd() >= this.precision) return false;
    const W = this.clone(r.sd() + b.sd() + 2);
    return new W(r).times(b).eq(a);
  }

  /** -1, 0, 1, or why the order cannot be decided at this precision. */
  cmp(a: X, b: X): -1 | 0 | 1 | Fail {
    const f = firstFail(a, b);
    if (f) return f;
    if (a === b) return 0;
    if (a.k === 'num' && b.k === 'num') {
      if (a.noisy || b.noisy) return fail('noisy', 'a comparison of a rounded zero', false);
      const c = a.d.cmp(b.d) as -1 | 0 | 1;
      if (c === 0 && !(a.exact && b.exact)) return fail('noisy', 'a tie between rounded values', false);
      if (c !== 0 && !(a.exact && b.exact) && !apart(a, b)) return fail('noisy', 'a comparison closer than the rounding error', false);
      return c;
    }
    for (const x of [a, b]) {
      if (x.k === 'num' && (x.noisy || nearEdge(x.d))) return fail(x.noisy ? 'noisy' : 'beyond', BEYOND, !x.noisy);
    }
    const ra = rank(a as Num | Sat);
    const rb = rank(b as Num | Sat);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (a.k === 'num' && b.k === 'num') return 0;
    return fail('beyond', BEYOND);
  }

  /** e^x; overflow and underflow become saturated values. */
  exp(x: X): X {
    if (x.k === 'fail') return x;
    if (x.k === 'sat') return x.huge ? (x.neg ? { k: 'sat', huge: false, neg: false } : x) : this.inexact(new this.D(1));
    if (x.d.isZero()) return this.make(new this.D(1), x.exact, x.noisy);
    // exp's condition number is |x|.
    const acc = x.exact ? this.precision : x.acc - Math.max(0, x.d.e + 1);
    return this.make(this.D.exp(x.d), false, x.noisy, true, false, acc);
  }
}

/** Whether two distinct values differ by more than their estimated errors. */
function apart(a: Num, b: Num): boolean {
  const diff = a.d.minus(b.d);
  const err = Math.max(a.d.isZero() ? -Infinity : a.d.e - a.acc, b.d.isZero() ? -Infinity : b.d.e - b.acc);
  return diff.e > err + 1;
}

/** Order classes: -huge < negative < -tiny < 0 < +tiny < positive < +huge. */
function rank(x: Num | Sat): number {
  if (x.k === 'sat') return (x.huge ? 3 : 1) * (x.neg ? -1 : 1);
  return x.d.isZero() ? 0 : x.d.isNeg() ? -2 : 2;
}

/** Whether a + b needs no more than p significant digits (so decimal.js computed it exactly). */
function sumFits(a: Decimal, b: Decimal, p: number): boolean {
  if (a.isZero() || b.isZero()) return true;
  const low = Math.min(a.e - a.sd() + 1, b.e - b.sd() + 1);
  const high = Math.max(a.e, b.e) + 1;
  return high - low + 1 <= p;
}
