import type { Expr } from '../parse/ast.js';
import * as Q from './rational.js';
import type { Rat } from './rational.js';

/**
 * Truncated Laurent series in h (the variable is at 0 + h): coeffs[i] is the exact coefficient of h^(lo + i), and the
 * series is known up to O(h^(lo + coeffs.length)). Computed from the expression tree with exact rationals, so a
 * cancellation such as 1/(1-exp(-x)) - 1/x comes out as exact zeros, and a removable singularity shows as lo >= 0.
 */
export interface Series {
  lo: number;
  coeffs: Rat[];
}

/** Why a series could not be computed (an op with an irrational or unknown expansion at the point). */
export class NoSeries extends Error {}

const order = (s: Series) => s.lo + s.coeffs.length;
const at = (s: Series, k: number): Rat => (k < s.lo || k >= order(s) ? Q.ZERO : s.coeffs[k - s.lo]!);

function make(lo: number, hi: number, coef: (k: number) => Rat): Series {
  const coeffs: Rat[] = [];
  for (let k = lo; k < hi; k++) coeffs.push(coef(k));
  return strip({ lo, coeffs });
}

/** Drops exact leading zeros (the cancelled terms). */
function strip(s: Series): Series {
  let i = 0;
  while (i < s.coeffs.length && Q.isZero(s.coeffs[i]!)) i++;
  return { lo: s.lo + i, coeffs: s.coeffs.slice(i) };
}

const constant = (c: Rat, terms: number): Series => make(0, terms, (k) => (k === 0 ? c : Q.ZERO));
const plus = (a: Series, b: Series): Series => make(Math.min(a.lo, b.lo), Math.min(order(a), order(b)), (k) => Q.add(at(a, k), at(b, k)));
const minus = (a: Series, b: Series): Series => plus(a, negate(b));
const negate = (a: Series): Series => ({ lo: a.lo, coeffs: a.coeffs.map(Q.neg) });

function times(a: Series, b: Series): Series {
  const lo = a.lo + b.lo;
  const hi = Math.min(a.lo + order(b), b.lo + order(a));
  return make(lo, hi, (k) => {
    let sum = Q.ZERO;
    for (let i = a.lo; i <= k - b.lo; i++) sum = Q.add(sum, Q.mul(at(a, i), at(b, k - i)));
    return sum;
  });
}

function reciprocal(a: Series): Series {
  if (a.coeffs.length === 0) throw new NoSeries('division by a series that is zero to the order known');
  // 1/(h^lo (c0 + c1 h + ...)) = h^-lo (r0 + r1 h + ...), r0 = 1/c0, rk = -(sum_{j=1..k} cj r(k-j)) / c0.
  const c = a.coeffs;
  const r: Rat[] = [Q.div(Q.ONE, c[0]!)];
  for (let k = 1; k < c.length; k++) {
    let sum = Q.ZERO;
    for (let j = 1; j <= k; j++) sum = Q.add(sum, Q.mul(c[j]!, r[k - j]!));
    r.push(Q.neg(Q.div(sum, c[0]!)));
  }
  return { lo: 0 - a.lo, coeffs: r };
}

/** exp(a) for a(0) = 0 (exp of a non-zero rational is irrational): e' = a' e, solved term by term. */
function exponential(a: Series): Series {
  if (a.lo < 0 || !Q.isZero(at(a, 0))) throw new NoSeries('exp of a series that is not 0 at the point');
  const n = order(a);
  const e: Rat[] = [Q.ONE];
  for (let k = 1; k < n; k++) {
    let sum = Q.ZERO;
    for (let j = 1; j <= k; j++) sum = Q.add(sum, Q.mul(Q.mul(Q.fromInt(j), at(a, j)), e[k - j]!));
    e.push(Q.div(sum, Q.fromInt(k)));
  }
  return strip({ lo: 0, coeffs: e });
}

/** sin(a) and cos(a) for a(0) = 0: s' = c a', c' = -s a', solved term by term. */
function sinCos(a: Series): [Series, Series] {
  if (a.lo < 1) throw new NoSeries('sin or cos of a series that is not 0 at the point');
  const n = order(a);
  const sn: Rat[] = [Q.ZERO];
  const cs: Rat[] = [Q.ONE];
  for (let k = 1; k < n; k++) {
    let ss = Q.ZERO;
    let cc = Q.ZERO;
    for (let j = 1; j <= k; j++) {
      const ja = Q.mul(Q.fromInt(j), at(a, j));
      ss = Q.add(ss, Q.mul(ja, cs[k - j]!));
      cc = Q.sub(cc, Q.mul(ja, sn[k - j]!));
    }
    sn.push(Q.div(ss, Q.fromInt(k)));
    cs.push(Q.div(cc, Q.fromInt(k)));
  }
  return [strip({ lo: 0, coeffs: sn }), strip({ lo: 0, coeffs: cs })];
}

/** The integral from 0 of d (a series with lo >= 0), known to order n. */
function integral(d: Series, n: number): Series {
  return make(1, n, (k) => Q.div(at(d, k - 1), Q.fromInt(k)));
}

const derivative = (a: Series): Series => make(0, order(a) - 1, (k) => Q.mul(Q.fromInt(k + 1), at(a, k + 1)));

/** log(1 + a) for a(0) = 0: the integral of a' / (1 + a). */
function log1p(a: Series): Series {
  if (a.lo < 1) throw new NoSeries('log of a series that is not 1 at the point');
  const n = order(a);
  const derivative = make(0, n - 1, (k) => Q.mul(Q.fromInt(k + 1), at(a, k + 1)));
  const q = times(derivative, reciprocal(plus(constant(Q.ONE, n), a)));
  return make(1, n, (k) => Q.div(at(q, k - 1), Q.fromInt(k)));
}

/** sqrt(c^2 (1 + b)) for a rational square c^2: c (1 + b)^(1/2) by s^2 = 1 + b, s0 = 1. */
function squareRoot(a: Series): Series {
  if (a.lo !== 0) throw new NoSeries('sqrt of a series that is 0 or infinite at the point');
  const c0 = a.coeffs[0]!;
  const root = (v: bigint) => {
    if (v < 0n) return undefined;
    let x = BigInt(Math.floor(Math.sqrt(Number(v))));
    while (x * x > v) x--;
    while ((x + 1n) * (x + 1n) <= v) x++;
    return x * x === v ? x : undefined;
  };
  const rn = root(c0.n);
  const rd = root(c0.d);
  if (rn === undefined || rd === undefined) throw new NoSeries('sqrt of an irrational value at the point');
  const n = a.coeffs.length;
  const s: Rat[] = [Q.rat(rn, rd)];
  for (let k = 1; k < n; k++) {
    let sum = a.coeffs[k]!;
    for (let j = 1; j < k; j++) sum = Q.sub(sum, Q.mul(s[j]!, s[k - j]!));
    s.push(Q.div(sum, Q.mul(Q.fromInt(2), s[0]!)));
  }
  return { lo: 0, coeffs: s };
}

function integerPower(a: Series, p: number, terms: number): Series {
  let result = constant(Q.ONE, terms);
  for (let i = 0; i < Math.abs(p); i++) result = times(result, a);
  return p < 0 ? reciprocal(result) : result;
}

/** The Laurent series of `e` at variable = 0, to `terms` terms past the lowest power of each sub-expression. */
export function seriesAtZero(e: Expr, variable: string, terms: number): Series {
  const go = (x: Expr): Series => {
    switch (x.kind) {
      case 'number': {
        const c = x.constant ? undefined : Q.parseDecimal(x.text);
        if (!c) throw new NoSeries(`the constant ${x.text} is not a rational`);
        return constant(c, terms);
      }
      case 'name':
        if (x.name !== variable) throw new NoSeries(`the free name ${x.name}`);
        return make(1, terms + 1, (k) => (k === 1 ? Q.ONE : Q.ZERO));
      case 'unary':
        if (x.op === '-') return negate(go(x.arg));
        if (x.op === '+') return go(x.arg);
        throw new NoSeries(`the operator ${x.op}`);
      case 'binary': {
        if (x.op === '**') {
          const p = x.right.kind === 'number' ? Number(x.right.text) : x.right.kind === 'unary' && x.right.op === '-' && x.right.arg.kind === 'number' ? -Number(x.right.arg.text) : NaN;
          if (!Number.isInteger(p)) throw new NoSeries('a power that is not a whole number');
          return integerPower(go(x.left), p, terms);
        }
        const a = go(x.left);
        const b = go(x.right);
        if (x.op === '+') return plus(a, b);
        if (x.op === '-') return minus(a, b);
        if (x.op === '*') return times(a, b);
        if (x.op === '/') return times(a, reciprocal(b));
        throw new NoSeries(`the operator ${x.op}`);
      }
      case 'call': {
        const args = x.args.map(go);
        const a = args[0]!;
        switch (x.op) {
          case 'add': return plus(a, args[1]!);
          case 'sub': return minus(a, args[1]!);
          case 'mul': return times(a, args[1]!);
          case 'div': return times(a, reciprocal(args[1]!));
          case 'neg': return negate(a);
          case 'exp': return exponential(a);
          case 'expm1': return minus(exponential(a), constant(Q.ONE, terms));
          case 'log': return log1p(minus(a, constant(Q.ONE, terms)));
          case 'log1p': return log1p(a);
          case 'sqrt': return squareRoot(a);
          case 'square': return times(a, a);
          case 'reciprocal': return reciprocal(a);
          case 'sigmoid': return reciprocal(plus(constant(Q.ONE, terms), exponential(negate(a))));
          case 'sin': return sinCos(a)[0];
          case 'cos': return sinCos(a)[1];
          case 'tan': {
            const [sn, cs] = sinCos(a);
            return times(sn, reciprocal(cs));
          }
          case 'sinh': return times(constant(Q.rat(1n, 2n), terms), minus(exponential(a), exponential(negate(a))));
          case 'cosh': return times(constant(Q.rat(1n, 2n), terms), plus(exponential(a), exponential(negate(a))));
          case 'tanh': {
            const e2 = exponential(plus(a, a));
            return times(minus(e2, constant(Q.ONE, terms)), reciprocal(plus(e2, constant(Q.ONE, terms))));
          }
          case 'atan': {
            if (a.lo < 1) throw new NoSeries('atan of a series that is not 0 at the point');
            return integral(times(derivative(a), reciprocal(plus(constant(Q.ONE, terms), times(a, a)))), order(a));
          }
          case 'asin': {
            if (a.lo < 1) throw new NoSeries('asin of a series that is not 0 at the point');
            return integral(times(derivative(a), reciprocal(squareRoot(minus(constant(Q.ONE, terms), times(a, a))))), order(a));
          }
          default: throw new NoSeries(`the function ${x.callee}`);
        }
      }
    }
  };
  return go(e);
}

export const coefficient = at;
