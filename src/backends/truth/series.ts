import type { PrimOp } from './prim.js';
import * as P from './poly.js';
import * as Q from './rational.js';

/**
 * A one-sided truncated Laurent series in t > 0 (with powers of L = log t in its coefficients):
 * sum c[i] t^(v + i) + O(t^o). c[0] is not 0 unless c is empty; c empty with o = Infinity is the
 * exact 0, with a finite o a series whose leading term is not known (cancelled beyond the order).
 */
export interface Series {
  readonly v: number;
  readonly c: readonly P.Poly[];
  readonly o: number;
  /** Only the leading term's sign and whether v < 0, = 0 or > 0 are exact (log2(0), 0 ** -0.5): a limit, nothing more. */
  readonly rough?: boolean;
}

/** Why a series cannot be formed: undefined on this side (log of a negative), or not expandable here. */
export class SeriesFail extends Error {
  constructor(readonly kind: 'undefined' | 'unknown' | 'root', message: string) {
    super(message);
  }
}

export const ZERO_S: Series = { v: 0, c: [], o: Infinity };
export const constS = (q: Q.Q): Series => (Q.isZero(q) ? ZERO_S : { v: 0, c: [[q]], o: Infinity });
/** x0 + k t^d */
export const varS = (x0: Q.Q, k: number, d: number): Series => normalise(0, [P.pconst(x0), ...Array<P.Poly>(d - 1).fill(P.pzero), P.pconst(Q.fromInt(k))], Infinity);

function normalise(v: number, c: readonly P.Poly[], o: number): Series {
  let i = 0;
  while (i < c.length && P.isPZero(c[i]!)) i++;
  const kept = c.slice(i, Math.max(i, Math.min(c.length, o === Infinity ? c.length : o - v)));
  let n = kept.length;
  while (n > 0 && P.isPZero(kept[n - 1]!) && o === Infinity) n--;
  return { v: v + i, c: kept.slice(0, n), o };
}

export const isZeroS = (a: Series) => a.c.length === 0 && a.o === Infinity;
export const coef = (a: Series, e: number): P.Poly => a.c[e - a.v] ?? P.pzero;

function leadingKnown(a: Series, what: string): void {
  if (a.c.length === 0 && a.o !== Infinity) throw new SeriesFail('unknown', `${what}: the leading term cancels beyond the series order`);
}

/** The sign of the series for small t > 0. */
export function signS(a: Series): -1 | 0 | 1 {
  if (isZeroS(a)) return 0;
  leadingKnown(a, 'sign');
  return P.psignAtZero(a.c[0]!);
}

function smooth(...xs: Series[]): void {
  if (xs.some((x) => x.rough)) throw new SeriesFail('unknown', 'arithmetic on a quantity known only by its limit');
}

export function addS(a: Series, b: Series, s: 1 | -1 = 1): Series {
  smooth(a, b);
  const o = Math.min(a.o, b.o);
  const v = Math.min(a.v, b.v);
  const top = o === Infinity ? Math.max(a.v + a.c.length, b.v + b.c.length) : o;
  const c: P.Poly[] = [];
  for (let e = v; e < top; e++) c.push(P.padd(coef(a, e), s === 1 ? coef(b, e) : P.pneg(coef(b, e))));
  return normalise(v, c, o);
}

export function mulS(a: Series, b: Series): Series {
  smooth(a, b);
  if (isZeroS(a) || isZeroS(b)) return ZERO_S;
  leadingKnown(a, 'product');
  leadingKnown(b, 'product');
  const v = a.v + b.v;
  const o = Math.min(a.o + b.v, b.o + a.v);
  const top = o === Infinity ? v + a.c.length + b.c.length - 1 : o;
  const c: P.Poly[] = [];
  for (let e = v; e < top; e++) {
    let sum: P.Poly = P.pzero;
    for (let i = 0; i < a.c.length; i++) {
      const j = e - v - i;
      if (j >= 0 && j < b.c.length) sum = P.padd(sum, P.pmul(a.c[i]!, b.c[j]!));
    }
    c.push(sum);
  }
  return normalise(v, c, o);
}

const scaleS = (a: Series, q: Q.Q): Series => normalise(a.v, a.c.map((p) => P.pscale(p, q)), a.o);
const shiftS = (a: Series, k: number): Series => ({ v: a.v + k, c: a.c, o: a.o + k });

/** 1/a, to relative order `terms` when a is exact. */
export function recipS(a: Series, terms: number): Series {
  smooth(a);
  if (isZeroS(a)) throw new SeriesFail('undefined', 'division by a function that is 0 near the point');
  leadingKnown(a, 'division');
  const lead = a.c[0]!;
  if (P.pdeg(lead) !== 0) throw new SeriesFail('unknown', 'division by a series with a logarithmic leading term');
  const n = Math.min(a.o === Infinity ? terms : a.o - a.v, terms);
  // u = a / (lead t^v) = 1 + w; 1/u by the recurrence r_k = -sum_{i=1..k} w_i r_{k-i}
  const inv = Q.div(Q.ONE, lead[0]!);
  const w = a.c.map((p) => P.pscale(p, inv));
  const r: P.Poly[] = [[Q.ONE]];
  for (let k = 1; k < n; k++) {
    let s: P.Poly = P.pzero;
    for (let i = 1; i <= k; i++) if (i < w.length) s = P.padd(s, P.pmul(w[i]!, r[k - i]!));
    r.push(P.pneg(s));
  }
  return normalise(-a.v, r.map((p) => P.pscale(p, inv)), -a.v + n);
}

/** f(a) = sum k_i (a - a0)^i for an a whose constant term is a0 and a - a0 has a positive valuation. */
function compose(a: Series, coeffs: (i: number) => Q.Q, terms: number): Series {
  const u = addS(a, constS(constantOf(a)), -1);
  if (isZeroS(u)) return constS(coeffs(0));
  leadingKnown(u, 'composition');
  if (u.v <= 0) throw new SeriesFail('unknown', 'a function of a series that does not vanish at the point');
  const o = Math.min(u.o, terms);
  let sum = constS(coeffs(0));
  let pw: Series = { v: 0, c: [[Q.ONE]], o: Infinity };
  for (let i = 1; i * u.v < o; i++) {
    pw = truncate(mulS(pw, u), o);
    const k = coeffs(i);
    if (!Q.isZero(k)) sum = addS(sum, scaleS(pw, k));
  }
  return truncate(sum, o);
}

function truncate(a: Series, o: number): Series {
  return o >= a.o ? a : normalise(a.v, a.c, o);
}

/** The constant term (t^0), which must not carry L. */
function constantOf(a: Series): Q.Q {
  if (a.v < 0 && a.c.length) throw new SeriesFail('unknown', 'a function of a series with a pole');
  const p = coef(a, 0);
  if (P.pdeg(p) > 0) throw new SeriesFail('unknown', 'a function of a logarithmic term');
  if (a.o <= 0) throw new SeriesFail('unknown', 'the constant term is beyond the series order');
  return p[0] ?? Q.ZERO;
}

const fact = (() => {
  const f = [1n];
  for (let i = 1; i < 200; i++) f.push(f[i - 1]! * BigInt(i));
  return (i: number) => f[i]!;
})();

const expC = (i: number) => Q.q(1n, fact(i));
const sinC = (i: number) => (i % 2 === 0 ? Q.ZERO : Q.q(i % 4 === 1 ? 1n : -1n, fact(i)));
const cosC = (i: number) => (i % 2 === 1 ? Q.ZERO : Q.q(i % 4 === 0 ? 1n : -1n, fact(i)));
const sinhC = (i: number) => (i % 2 === 0 ? Q.ZERO : Q.q(1n, fact(i)));
const coshC = (i: number) => (i % 2 === 1 ? Q.ZERO : Q.q(1n, fact(i)));
const atanC = (i: number) => (i % 2 === 0 ? Q.ZERO : Q.q(i % 4 === 1 ? 1n : -1n, BigInt(i)));
const log1pC = (i: number) => (i === 0 ? Q.ZERO : Q.q(i % 2 === 1 ? 1n : -1n, BigInt(i)));
const asinC = (i: number) => {
  if (i % 2 === 0) return Q.ZERO;
  const k = BigInt((i - 1) / 2);
  return Q.q(fact(2 * Number(k)), 4n ** k * fact(Number(k)) ** 2n * BigInt(i));
};
/** (1 + u)^(1/2) */
const sqrt1pC = (i: number) => {
  let c = Q.ONE;
  for (let j = 0; j < i; j++) c = Q.mul(c, Q.q(BigInt(1 - 2 * j), BigInt(2 * (j + 1))));
  return c;
};

function needZero(a: Series, what: string): void {
  if (!Q.isZero(constantOf(a))) throw new SeriesFail('unknown', `${what} away from 0 has irrational coefficients`);
}

/** A series good only for its limit: +-infinity (v < 0), 0 (v > 0). */
const roughS = (sign: -1 | 1, v: -1 | 1): Series => ({ v, c: [[Q.fromInt(sign)]], o: v + 1, rough: true });

/** log(c t^v ...) for a leading term whose log is not rational: its limit is -+infinity by the sign of v. */
function roughLog(a: Series, scaleSign: -1 | 1 = 1): Series {
  if (isZeroS(a)) throw new SeriesFail('unknown', 'log of an exactly zero series');
  leadingKnown(a, 'log');
  const lead = a.c[0]!;
  if (P.pdeg(lead) !== 0) throw new SeriesFail('unknown', 'log of a logarithmic term');
  if (Q.sign(lead[0]!) < 0) throw new SeriesFail('undefined', 'log of a negative number on this side');
  if (a.v === 0) {
    if (Q.eq(lead[0]!, Q.ONE)) return roughS(1, 1);
    throw new SeriesFail('unknown', 'the log of a constant other than 1 is irrational');
  }
  return roughS((a.v > 0 ? -scaleSign : scaleSign) as -1 | 1, -1);
}

/** The series of a primitive op. terms: the truncation order for series that do not end. */
export function primS(op: PrimOp, args: readonly Series[], terms: number): Series {
  if (args.some((x) => x.rough)) throw new SeriesFail('unknown', 'a function of a quantity known only by its limit');
  const [a, b] = args as [Series, Series];
  const T = Math.max(terms, (a.c.length ? a.v : 0) + terms);
  switch (op) {
    case 'add': return addS(a, b);
    case 'sub': return addS(a, b, -1);
    case 'neg': return scaleS(a, Q.fromInt(-1));
    case 'mul': return mulS(a, b);
    case 'square': return mulS(a, a);
    // 0 / b is 0 unless b is 0 too near the point (x y / x along x = 0): then there is no value to take a limit of
    case 'div': return isZeroS(a) && !isZeroS(b) ? ZERO_S : mulS(a, recipS(b, terms));
    case 'reciprocal': return recipS(a, terms);
    case 'abs': return signS(a) < 0 ? scaleS(a, Q.fromInt(-1)) : a;
    case 'exp':
      needZero(a, 'exp');
      return compose(a, expC, T);
    case 'expm1':
      needZero(a, 'expm1');
      return compose(a, (i) => (i === 0 ? Q.ZERO : expC(i)), T);
    case 'sin': needZero(a, 'sin'); return compose(a, sinC, T);
    case 'cos': needZero(a, 'cos'); return compose(a, cosC, T);
    case 'sinh': needZero(a, 'sinh'); return compose(a, sinhC, T);
    case 'cosh': needZero(a, 'cosh'); return compose(a, coshC, T);
    case 'tan': needZero(a, 'tan'); return mulS(compose(a, sinC, T), recipS(compose(a, cosC, T), terms));
    case 'tanh': needZero(a, 'tanh'); return mulS(compose(a, sinhC, T), recipS(compose(a, coshC, T), terms));
    case 'atan': needZero(a, 'atan'); return compose(a, atanC, T);
    case 'asin': needZero(a, 'asin'); return compose(a, asinC, T);
    case 'sigmoid': {
      needZero(a, 'sigmoid');
      const e = compose(scaleS(a, Q.fromInt(-1)), expC, T);
      return recipS(addS(constS(Q.ONE), e), terms);
    }
    case 'log1p': return logS(addS(constS(Q.ONE), a), terms);
    case 'log': return logS(a, terms);
    case 'log2':
    case 'log10': return roughLog(a);
    case 'atanh': {
      // atanh(a) = log((1 + a)/(1 - a)) / 2
      const r = mulS(addS(constS(Q.ONE), a), recipS(addS(constS(Q.ONE), a, -1), terms));
      return roughLog(r);
    }
    case 'sqrt': return sqrtS(a, terms);
    case 'pow': {
      if (!isZeroS(b) && (b.v !== 0 || b.c.length !== 1 || b.o !== Infinity || P.pdeg(b.c[0]!) !== 0)) {
        throw new SeriesFail('unknown', 'a power with a varying exponent at a singular point');
      }
      const k = isZeroS(b) ? Q.ZERO : b.c[0]![0]!;
      if (Q.isZero(k)) return constS(Q.ONE);
      if (Q.isInteger(k) && k.n <= 64n && k.n >= -64n) {
        let r = constS(Q.ONE);
        for (let i = 0n; i < (k.n < 0n ? -k.n : k.n); i++) r = mulS(r, a);
        return k.n < 0n ? recipS(r, terms) : r;
      }
      if (!Q.isInteger(k) || k.n > 64n || k.n < -64n) {
        // a^k with a -> c t^v: the limit is 0 or +-infinity, by the signs of v k and of c
        if (isZeroS(a)) return Q.sign(k) > 0 ? ZERO_S : roughS(1, -1);
        leadingKnown(a, 'power');
        const lead = a.c[0]!;
        if (P.pdeg(lead) !== 0) throw new SeriesFail('unknown', 'a power of a logarithmic term');
        const neg = Q.sign(lead[0]!) < 0;
        if (neg && !Q.isInteger(k)) throw new SeriesFail('undefined', 'a negative number to a non-integer power on this side');
        const sign = (neg && (k.n & 1n) === 1n ? -1 : 1) as -1 | 1;
        const vk = Q.mul(Q.fromInt(a.v), k);
        if (Q.isZero(vk)) throw new SeriesFail('unknown', 'a non-integer power of a nonzero constant is irrational');
        return roughS(sign, Q.sign(vk) as -1 | 1);
      }
      if (k.d === 2n) {
        const s = sqrtS(a, terms);
        let r = constS(Q.ONE);
        for (let i = 0n; i < (k.n < 0n ? -k.n : k.n); i++) r = mulS(r, s);
        return k.n < 0n ? recipS(r, terms) : r;
      }
      throw new SeriesFail('unknown', 'a non-integer power at a singular point');
    }
    default:
      throw new SeriesFail('unknown', `no series for ${op} here`);
  }
}

function logS(a: Series, terms: number): Series {
  if (isZeroS(a)) throw new SeriesFail('unknown', 'log of an exactly zero series');
  leadingKnown(a, 'log');
  const lead = a.c[0]!;
  if (P.pdeg(lead) !== 0) throw new SeriesFail('unknown', 'log of a logarithmic term');
  if (Q.sign(lead[0]!) < 0) throw new SeriesFail('undefined', 'log of a negative number on this side');
  if (!Q.eq(lead[0]!, Q.ONE)) return roughLog(a);
  // log(t^v (1 + w)) = v L + log1p(w)
  const w = addS(shiftS(a, -a.v), constS(Q.ONE), -1);
  const rest = compose(addS(w, constS(Q.ZERO)), log1pC, Math.max(terms, 1));
  return a.v === 0 ? rest : addS(rest, { v: 0, c: [[Q.ZERO, Q.fromInt(a.v)]], o: Infinity });
}

function sqrtS(a: Series, terms: number): Series {
  if (isZeroS(a)) return ZERO_S;
  leadingKnown(a, 'sqrt');
  const lead = a.c[0]!;
  if (P.pdeg(lead) !== 0) throw new SeriesFail('unknown', 'sqrt of a logarithmic term');
  if (Q.sign(lead[0]!) < 0) throw new SeriesFail('undefined', 'sqrt of a negative number on this side');
  if (a.v % 2 !== 0) throw new SeriesFail('root', 'sqrt of an odd power');
  const rn = isqrtExact(lead[0]!.n);
  const rd = isqrtExact(lead[0]!.d);
  if (rn === 0n || rd === 0n) throw new SeriesFail('unknown', 'sqrt of a leading coefficient that is not a rational square');
  const r = Q.q(rn, rd);
  const w = addS(scaleS(shiftS(a, -a.v), Q.div(Q.ONE, lead[0]!)), constS(Q.ONE), -1);
  return shiftS(scaleS(compose(addS(w, constS(Q.ONE)), sqrt1pC, terms), r), a.v / 2);
}

function isqrtExact(n: bigint): bigint {
  if (n < 0n || n > 1n << 1000n) return 0n;
  let x = BigInt(Math.round(Math.sqrt(Number(n))));
  for (let i = 0; i < 100 && x * x !== n; i++) {
    const next = x === 0n ? 0n : (x + n / x) >> 1n;
    if (next === x) break;
    x = next;
  }
  return x * x === n ? x : 0n;
}

/** The limit as t -> 0+: a finite rational, or an infinity with its sign. */
export function limitS(a: Series): { kind: 'finite'; q: Q.Q } | { kind: 'infinite'; sign: -1 | 1 } {
  if (isZeroS(a)) return { kind: 'finite', q: Q.ZERO };
  leadingKnown(a, 'limit');
  const lead = a.c[0]!;
  if (a.v > 0) return { kind: 'finite', q: Q.ZERO };
  if (a.v === 0 && P.pdeg(lead) === 0) return { kind: 'finite', q: lead[0]! };
  return { kind: 'infinite', sign: P.psignAtZero(lead) as -1 | 1 };
}
