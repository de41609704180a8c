import { Decimal } from 'decimal.js';
import { divRound, expSmall, mulRound, worthIt } from './bigops.js';
import { addTails, absorbable, sameOf, split, withTail } from './tail.js';

export type Ctor = typeof Decimal;

/**
 * A finite decimal at the working precision, |exponent| <= LIMIT. exact: no rounding happened on
 * the way (so a zero is a true zero and a tie is a true tie). noisy: a rounded value cancelled to
 * exactly zero on the way, so this precision cannot be trusted for it. acc: an estimate of the
 * correct significant digits (Infinity when exact), lowered by cancellation and ill-conditioned
 * functions; it keeps a precision from certifying garbage.
 */
export interface Num {
  k: 'num'; d: Decimal; exact: boolean; noisy: boolean; acc: number;
  /** When set, d is exact and the value is d + tail, the tail far below d's last digit (tail.ts). */
  tail?: X;
  /** When set, the value is (ofNeg ? -1 : 1) * (the true value of `of`) + tail, and d = +-of.d (tail.ts). */
  of?: Num;
  ofNeg?: boolean;
}

/**
 * A value beyond decimal.js's range: m.d * 10^e with 1 <= |m.d| < 10 and |e| > LIMIT (huge when
 * e > 0, tiny when e < 0). The mantissa m carries the sign, exactness, noise and accuracy; the
 * exponent is exact, so products, quotients, powers and logarithms stay certified.
 */
export interface Big { k: 'big'; m: Num; e: bigint }

/**
 * A value whose magnitude is unknown: huge (exp of a huge value, or an exponent beyond
 * MAX_EXPONENT) or tiny (exp of a huge negative value). The sign is known.
 */
export interface Sat { k: 'sat'; huge: boolean; neg: boolean }

/**
 * No value at this precision. undefined: a domain error (firm when it came from exact inputs);
 * singular: a pole or indeterminate form hit exactly (the caller tries limits); noisy: a decision
 * was made on a rounded zero or tie (raise precision); beyond: the magnitude is unknown.
 */
export type FailWhy = 'undefined' | 'singular' | 'noisy' | 'beyond';
export interface Fail {
  k: 'fail'; why: FailWhy; firm: boolean; reason: string;
  /** A kink's derivative (abs, maximum, minimum, clip): one-sided values are finite, so times an exact 0 it is 0. */
  bounded?: boolean;
}

export type X = Num | Big | Sat | Fail;
export type Value = Num | Big | Sat;

/** Nums keep |exponent| <= LIMIT, so a product or quotient of two stays inside decimal.js's 9e15. */
export const LIMIT = 1e15;
const LIMIT_N = BigInt(LIMIT);
/** Beyond 10^(+-10^400) even the exponent is not tracked: the value becomes saturated. */
const MAX_EXPONENT = 10n ** 400n;

export const BEYOND = 'beyond the tracked exponent range (magnitude unknown)';
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

export const isNeg = (x: Value): boolean => (x.k === 'num' ? x.d.isNeg() : x.k === 'big' ? x.m.d.isNeg() : x.neg);
/** A Big as a saturated value (sign and huge/tiny only), for mixing with saturated values. */
export const asSat = (x: Big | Sat): Sat => (x.k === 'sat' ? x : { k: 'sat', huge: x.e > 0n, neg: x.m.d.isNeg() });
export const isHuge = (x: X): boolean => (x.k === 'big' && x.e > 0n) || (x.k === 'sat' && x.huge);
export const isTiny = (x: X): boolean => (x.k === 'big' && x.e < 0n) || (x.k === 'sat' && !x.huge);
const isZero = (x: X): boolean => x.k === 'num' && x.d.isZero();
const isTrueZero = (x: X): boolean => isZero(x) && (x as Num).exact && !(x as Num).noisy;
const isTrueOne = (x: X): boolean => x.k === 'num' && x.exact && x.d.eq(1);
/** A nonzero value as mantissa (exponent 0) and exact exponent. */
interface Parts { m: Num; e: bigint }

/** Arithmetic at one working precision, aware of exactness, noise and magnitudes beyond decimal.js. */
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
    if (!d.isZero() && (d.e > LIMIT || d.e < -LIMIT)) return this.fromParts(d, 0n, exact, noisy, acc);
    return this.num(d, exact, noisy, acc);
  }

  num(d: Decimal, exact: boolean, noisy: boolean, acc = this.precision): Num {
    // A rounded zero (log(1 + 1e-435) at 50 digits) is noise, not a zero.
    if (d.isZero() && !exact) noisy = true;
    // A rounding to p digits is off by up to 10^(1-p) relative.
    return { k: 'num', d, exact, noisy, acc: exact ? Infinity : noisy ? -Infinity : Math.min(acc, this.precision - 1) };
  }

  exactNum(d: Decimal): Num {
    return this.num(d, true, false);
  }

  inexact(d: Decimal, noisy = false, acc = this.precision): Num {
    return this.num(d, false, noisy, acc);
  }

  /** The same value, no longer exact (something below its accuracy was dropped); acc at most `acc`. */
  dropped(x: Num | Big, acc: number): X {
    if (x.k === 'big') return { k: 'big', m: this.dropped(x.m, acc) as Num, e: x.e };
    return this.num(x.d, false, x.noisy, Math.min(x.acc, acc));
  }

  /** d * 10^shift, exactly: a Num when the exponent fits, else a Big (or saturated beyond MAX_EXPONENT). */
  fromParts(d: Decimal, shift: bigint, exact: boolean, noisy: boolean, acc: number): X {
    if (d.isZero()) return this.num(d, exact, noisy, acc);
    const total = BigInt(d.e) + shift;
    if (total <= LIMIT_N && total >= -LIMIT_N) return this.num(shift === 0n ? d : this.scale(d, Number(shift)), exact, noisy, acc);
    if (total > MAX_EXPONENT || total < -MAX_EXPONENT) return { k: 'sat', huge: total > 0n, neg: d.isNeg() };
    return { k: 'big', m: this.num(this.scale(d, -d.e), exact, noisy, acc), e: total };
  }

  /**
   * A result of mantissa arithmetic placed at 10^shift (a failure passes through). A mantissa in
   * [1, 10) is kept as it is, so its identity and tail (tail.ts) carry over to the Big.
   */
  rebase(r: X, shift: bigint): X {
    if (r.k === 'fail' || shift === 0n) return r;
    if (r.k === 'sat') return r.huge === shift > 0n ? r : fail('beyond', BEYOND);
    const m = r.k === 'big' ? r.m : r;
    const total = (r.k === 'big' ? r.e : 0n) + shift;
    const inRange = total + BigInt(m.d.e) <= LIMIT_N && total + BigInt(m.d.e) >= -LIMIT_N;
    if (m.d.isZero() || inRange || m.d.e !== 0 || total > MAX_EXPONENT || total < -MAX_EXPONENT) {
      return this.fromParts(m.d, total, m.exact, m.noisy, m.acc);
    }
    return { k: 'big', m, e: total };
  }

  /** d * 10^k exactly (every digit kept). */
  scale(d: Decimal, k: number): Decimal {
    if (k === 0) return d;
    const W = this.clone(Math.max(this.precision, d.sd()));
    return new this.D(new W(d).times(new W(`1e${k}`)));
  }

  parts(x: Num | Big): Parts {
    if (x.k === 'big') return x;
    // A value in [1, 10) is its own mantissa: its identity and tail stay.
    if (x.d.e === 0) return { m: x, e: 0n };
    return { m: { k: 'num', d: this.scale(x.d, -x.d.e), exact: x.exact, noisy: x.noisy, acc: x.acc }, e: BigInt(x.d.e) };
  }

  /** d with at most `digits` significant digits (operands longer than needed make decimal.js slow). */
  short(d: Decimal, digits: number): Decimal {
    return d.d.length * 7 > digits && d.sd() > digits ? d.toSignificantDigits(digits) : d;
  }

  add(a: X, b: X): X {
    const f = firstFail(a, b);
    if (f) return f;
    if (isTrueZero(b) && a.k === 'num') return a;
    if (isTrueZero(a) && b.k === 'num') return b;
    if (a.k === 'num' && b.k === 'num') {
      const tailed = this.addTailed(a, b) ?? this.addTailed(b, a);
      if (tailed) return tailed;
      const r = a.d.plus(b.d);
      const bothExact = a.exact && b.exact;
      const cancelled = r.isZero() && !(a.d.isZero() && b.d.isZero()) && !bothExact;
      // Absolute errors add: an operand's lost digits count from its own exponent down.
      let acc = this.precision;
      if (!r.isZero()) for (const o of [a, b]) if (!o.d.isZero()) acc = Math.min(acc, o.acc - (o.d.e - r.e) - 0.3);
      return this.make(r, bothExact && sumFits(a.d, b.d, this.precision), a.noisy || b.noisy || cancelled, false, false, acc);
    }
    for (const [n, o] of [[a, b], [b, a]] as const) {
      const s = n.k === 'num' && isTiny(o) ? split(n) : undefined;
      const kept = s && withTail(this, s.d, addTails(this, s.t, o), s.of, s.ofNeg);
      if (kept) return kept;
    }
    if (a.k === 'sat' || b.k === 'sat') return this.addSat(a as Value, b as Value);
    if (isZero(a) || isZero(b)) {
      const z = (isZero(a) ? a : b) as Num;
      return z.noisy ? fail('noisy', 'a rounded zero met a value beyond decimal.js', false) : isZero(a) ? b : a;
    }
    const pa = this.parts(a as Num | Big);
    const pb = this.parts(b as Num | Big);
    const top = pa.e > pb.e ? pa.e : pb.e;
    const gap = pa.e > pb.e ? pa.e - pb.e : pb.e - pa.e;
    if (gap > BigInt(this.precision + 5)) {
      // The smaller one is below 10^-gap of the larger: beyond any float's ulp and any working precision.
      const [big, small] = pa.e > pb.e ? [a as Num | Big, b as Num | Big] : [b as Num | Big, a as Num | Big];
      return this.absorbed(big, small) ?? this.dropped(big, gap > 1000000n ? Infinity : Number(gap) - 1);
    }
    // The operand at the top exponent keeps its identity; a shifted mantissa is a plain rounded value.
    const aligned = (q: Parts): Num => (q.e === top ? q.m : { k: 'num', d: this.scale(q.m.d, Number(q.e - top)), exact: q.m.exact, noisy: q.m.noisy, acc: q.m.acc });
    return this.rebase(this.add(aligned(pa), aligned(pb)), top);
  }

  /**
   * big + small with small below big's last digit, as big's mantissa with the tail small / 10^E:
   * e^x + e^y at x = 1e20 stays "the same rounded e^x, plus e^y", so e^x - (e^x / (e^x + e^y)) e^x
   * cancels exactly as it does within decimal.js's range. undefined: drop small as before.
   */
  private absorbed(big: Num | Big, small: Num | Big): X | undefined {
    if (big.k !== 'big') return undefined;
    const s = split(big.m);
    if (!s) return undefined;
    const m = withTail(this, s.d, addTails(this, s.t, this.rebase(small, -big.e)), s.of, s.ofNeg);
    return m && m.k === 'num' ? { k: 'big', m, e: big.e } : undefined;
  }

  /**
   * a + b kept exact as a base and a tail: two exact-or-tailed values whose bases sum exactly, or
   * b far below a's last digit (absorbed into a's tail). undefined: round as usual.
   */
  private addTailed(a: Num, b: Num): X | undefined {
    const sa = split(a);
    if (!sa) return undefined;
    const sb = split(b);
    // The same rounded value with opposite signs: the bases cancel exactly, the tails remain.
    if (sb && sameOf(sa, sb) && sa.ofNeg !== sb.ofNeg) return addTails(this, sa.t, sb.t) ?? this.zero;
    if (sb && !sa.of && !sb.of && (sa.t || sb.t) && sumFits(a.d, b.d, this.precision)) return withTail(this, a.d.plus(b.d), addTails(this, sa.t, sb.t));
    if ((sb && !sa.of && !sb.of && sumFits(a.d, b.d, this.precision)) || b.d.isZero() || b.noisy || !absorbable(this, a.d, b)) return undefined;
    return withTail(this, a.d, addTails(this, sa.t, b), sa.of, sa.ofNeg);
  }

  /** a * b and a / b of exact-or-tailed values with an exact product or quotient of the bases. */
  private mulTailed(a: Num, b: Num): X | undefined {
    const sa = split(a);
    const sb = split(b);
    if (!sa || !sb) return undefined;
    // (+-A + ta)(1 + tb) = +-A + ta + (+-A + ta) tb: a rounded base times an exact 1 keeps its rounding.
    for (const [x, y, sx, sy] of [[a, b, sa, sb], [b, a, sb, sa]] as const) {
      if (sx.of && !sy.of && y.d.abs().eq(1) && sy.t) {
        const t = addTails(this, sx.t && (y.d.isNeg() ? this.neg(sx.t) : sx.t), this.mul(this.dropped(x, x.acc), sy.t));
        return withTail(this, y.d.isNeg() ? x.d.neg() : x.d, t, sx.of, sx.ofNeg !== y.d.isNeg());
      }
    }
    if (sa.of || sb.of || !(sa.t || sb.t) || a.d.sd() + b.d.sd() > this.precision) return undefined;
    // (a + ta)(b + tb) - ab = a tb + b ta + ta tb
    const terms = [sb.t && this.mul(this.exactNum(a.d), sb.t), sa.t && this.mul(this.exactNum(b.d), sa.t), sa.t && sb.t && this.mul(sa.t, sb.t)];
    return withTail(this, a.d.times(b.d), terms.reduce<X | undefined>((s, t) => addTails(this, s, t), undefined));
  }

  private divTailed(a: Num, b: Num): X | undefined {
    const sa = split(a);
    const sb = split(b);
    if (!sa || !sb) return undefined;
    // The same rounded value over itself: q = +-1 exactly, whatever its rounding.
    const same = sameOf(sa, sb) && a.d.abs().eq(b.d.abs());
    if (!same && (sa.of || sb.of || !(sa.t || sb.t))) return undefined;
    if (same && !(sa.t || sb.t)) return this.exactNum(new this.D(sa.ofNeg === sb.ofNeg ? 1 : -1));
    const q = same ? new this.D(sa.ofNeg === sb.ofNeg ? 1 : -1) : this.over(this.short(a.d, this.precision + 3), this.short(b.d, this.precision + 3));
    if (!same && !this.quotientExact(q, a.d, b.d)) return undefined;
    // (a + ta)/(b + tb) - q = (ta - q tb)/(b + tb); dividing by b instead moves it by |tb/b| < 10^-p relative.
    const top = addTails(this, sa.t, sb.t && this.neg(this.mul(this.exactNum(q), sb.t)));
    if (top === undefined) return undefined;
    const t = this.div(top, this.exactNum(b.d));
    return withTail(this, q, t.k === 'num' || t.k === 'big' ? this.dropped(t, this.precision - 2) : t);
  }

  /** At least one saturated operand (magnitude unknown). */
  private addSat(a: Value, b: Value): X {
    if (a.k === 'num' || b.k === 'num') {
      const n = (a.k === 'num' ? a : b) as Num;
      const s = (a.k === 'num' ? b : a) as Sat;
      if (n.d.isZero()) return n.noisy ? fail('noisy', 'a rounded zero met a saturated value', false) : s;
      return s.huge ? s : this.dropped(n, Infinity);
    }
    const sa = a.k === 'sat' ? a : asSat(a);
    const sb = b.k === 'sat' ? b : asSat(b);
    if (sa.huge !== sb.huge) {
      const winner = sa.huge ? a : b;
      return winner.k === 'sat' ? winner : this.dropped(winner, Infinity);
    }
    if (sa.neg === sb.neg) return { k: 'sat', huge: sa.huge, neg: sa.neg };
    return fail('beyond', BEYOND);
  }

  neg(a: X): X {
    if (a.k === 'num') {
      if (a.exact || a.noisy) return { k: 'num', d: a.d.neg(), exact: a.exact, noisy: a.noisy, acc: a.acc };
      // A rounded value keeps its identity (its rounding cancels against itself), a tail is negated too.
      if (a.tail && !a.of) return { ...a, d: a.d.neg(), tail: this.neg(a.tail) };
      return { ...a, d: a.d.neg(), tail: a.tail && this.neg(a.tail), of: a.of ?? a, ofNeg: !(a.ofNeg ?? false) };
    }
    if (a.k === 'big') return { k: 'big', m: this.neg(a.m) as Num, e: a.e };
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
    if (isTrueOne(b) && a.k === 'num') return a;
    if (isTrueOne(a) && b.k === 'num') return b;
    const neg = isNeg(a as Value) !== isNeg(b as Value);
    if (a.k === 'num' && b.k === 'num') {
      const tailed = this.mulTailed(a, b);
      if (tailed) return tailed;
      const p = this.precision;
      const exact = a.exact && b.exact && a.d.sd() + b.d.sd() <= p;
      const r = exact ? a.d.times(b.d) : this.times(this.short(a.d, p + 3), this.short(b.d, p + 3));
      return this.make(r, exact, a.noisy || b.noisy, !a.d.isZero() && !b.d.isZero(), neg, Math.min(a.acc, b.acc) - 0.5);
    }
    if (isZero(a) || isZero(b)) return fail('noisy', 'a rounded zero met a value beyond decimal.js', false);
    if (a.k === 'sat' || b.k === 'sat') {
      if (a.k === 'num' || b.k === 'num') return { k: 'sat', huge: (a.k === 'sat' ? a : (b as Sat)).huge, neg };
      const sa = asSat(a as Big | Sat);
      const sb = asSat(b as Big | Sat);
      return sa.huge === sb.huge ? { k: 'sat', huge: sa.huge, neg } : fail('beyond', BEYOND);
    }
    const pa = this.parts(a as Num | Big);
    const pb = this.parts(b as Num | Big);
    return this.rebase(this.mul(pa.m, pb.m), pa.e + pb.e);
  }

  div(a: X, b: X): X {
    const f = firstFail(a, b);
    if (f) return f;
    if (isZero(b)) {
      if (!isTrueZero(b)) return fail('noisy', 'division by a rounded zero', false);
      return fail('singular', isZero(a) ? '0/0' : 'division by zero');
    }
    if (isTrueZero(a)) return this.zero;
    const neg = isNeg(a as Value) !== isNeg(b as Value);
    if (a.k === 'num' && b.k === 'num') {
      const tailed = this.divTailed(a, b);
      if (tailed) return tailed;
      const p = this.precision;
      const r = this.over(this.short(a.d, p + 3), this.short(b.d, p + 3));
      const exact = a.exact && b.exact && this.quotientExact(r, a.d, b.d);
      return this.make(r, exact, a.noisy || b.noisy, !a.d.isZero(), neg, Math.min(a.acc, b.acc) - 0.5);
    }
    if (isZero(a)) return fail('noisy', 'a rounded zero met a value beyond decimal.js', false);
    if (a.k === 'sat' || b.k === 'sat') {
      // num / huge and tiny / num are tiny; num / tiny and huge / num are huge.
      if (a.k === 'num') return { k: 'sat', huge: !(b as Sat).huge, neg };
      if (b.k === 'num') return { k: 'sat', huge: (a as Sat).huge, neg };
      const sa = asSat(a as Big | Sat);
      const sb = asSat(b as Big | Sat);
      return sa.huge !== sb.huge ? { k: 'sat', huge: sa.huge, neg } : fail('beyond', BEYOND);
    }
    const pa = this.parts(a as Num | Big);
    const pb = this.parts(b as Num | Big);
    return this.rebase(this.div(pa.m, pb.m), pa.e - pb.e);
  }

  /** a * b and a / b rounded to the working precision (through BigInt for long operands). */
  private times(a: Decimal, b: Decimal): Decimal {
    return worthIt(a, b) ? mulRound(this.D, a, b, this.precision) : a.times(b);
  }

  private over(a: Decimal, b: Decimal): Decimal {
    return worthIt(a, b) ? divRound(this.D, a, b, this.precision) : a.div(b);
  }

  private quotientExact(r: Decimal, a: Decimal, b: Decimal): boolean {
    if (r.isZero() || r.sd() >= this.precision) return false;
    const digits = r.sd() + b.sd() + 2;
    if (worthIt(r, b)) return mulRound(this.D, r, b, digits).eq(a);
    return new (this.clone(digits))(r).times(b).eq(a);
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
    for (const x of [a, b]) if (x.k === 'num' && x.noisy) return fail('noisy', 'a comparison of a rounded zero', false);
    const ra = rank(a as Value);
    const rb = rank(b as Value);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (a.k === 'big' && b.k === 'big') {
      const d = this.sub(a, b);
      if (d.k === 'fail') return d;
      const m = d.k === 'big' ? d.m : d.k === 'num' ? d : undefined;
      if (m && !m.exact && m.acc < 1) return fail('noisy', 'a comparison closer than the rounding error', false);
      if (d.k !== 'num' || !d.d.isZero()) return isNeg(d as Value) ? -1 : 1;
      return d.exact ? 0 : fail('noisy', 'a tie between rounded values', false);
    }
    return fail('beyond', BEYOND);
  }

  /** e^x; beyond decimal.js's range through the exact exponent of a Big. */
  exp(x: X): X {
    if (x.k === 'fail') return x;
    if (x.k === 'sat' || x.k === 'big') {
      const s = asSat(x);
      if (!s.huge) return this.inexact(new this.D(1), x.k === 'big' && x.m.noisy, Infinity);
      return { k: 'sat', huge: !s.neg, neg: false };
    }
    if (x.d.isZero()) return this.make(new this.D(1), x.exact, x.noisy);
    // exp's condition number is |x|.
    const p = this.precision;
    const acc = x.exact ? p : x.acc - Math.max(0, x.d.e + 1);
    if (x.d.e >= 15) return this.bigExp(x, acc);
    const arg = this.short(x.d, p + 5 + Math.max(0, x.d.e + 1));
    return this.make(expSmall(this.D, arg, p) ?? this.D.exp(arg), false, x.noisy, true, false, acc);
  }

  /** e^x = 10^(x / ln 10): the integer part is the exponent, the fraction gives the mantissa. */
  private bigExp(x: Num, acc: number): X {
    const W = this.clone(this.precision + x.d.e + 10);
    const q = new W(x.d).div(W.ln(10));
    const e = q.floor();
    const m = this.D.pow(10, new this.D(q.minus(e)));
    return this.fromParts(m, BigInt(e.toFixed(0)), false, x.noisy, acc);
  }
}

/** Whether two distinct values differ by more than their estimated errors. */
function apart(a: Num, b: Num): boolean {
  const diff = a.d.minus(b.d);
  const err = Math.max(a.d.isZero() ? -Infinity : a.d.e - a.acc, b.d.isZero() ? -Infinity : b.d.e - b.acc);
  return diff.e > err + 1;
}

/** Order classes: -sat huge < -big huge < negative < -big tiny < -sat tiny < 0 < ... */
function rank(x: Value): number {
  if (x.k === 'sat') return (x.huge ? 5 : 1) * (x.neg ? -1 : 1);
  if (x.k === 'big') return (x.e > 0n ? 4 : 2) * (x.m.d.isNeg() ? -1 : 1);
  return x.d.isZero() ? 0 : x.d.isNeg() ? -3 : 3;
}

/** Whether a + b needs no more than p significant digits (so decimal.js computed it exactly). */
function sumFits(a: Decimal, b: Decimal, p: number): boolean {
  if (a.isZero() || b.isZero()) return true;
  const low = Math.min(a.e - a.sd() + 1, b.e - b.sd() + 1);
  const high = Math.max(a.e, b.e) + 1;
  return high - low + 1 <= p;
}
