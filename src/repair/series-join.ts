import type { Expr } from '../parse/ast.js';
import * as Q from './rational.js';
import { NoSeries, seriesAtZero, type Series } from './series.js';
import { parseExpr } from './tree.js';
import { printExpr } from '../parse/index.js';

/** Terms computed at the point; enough for a float64 ULP out to |x| = 2 for singularities 2 pi away (the story's). */
const TERMS = 48;
/** The truncation must stay below this fraction of the leading term (about a quarter of a float64 ULP). */
const TRUNCATION = 2 ** -55;
/** Thresholds tried: the proof picks the one whose join is best. */
export const THRESHOLDS = [0.25, 0.5, 1, 2];

export interface Polynomial {
  /** coefficient[k] of x^k, k from 0. */
  coefficients: Q.Rat[];
  threshold: number;
}

/** The series at 0 when the singularity there is removable (no negative power), else undefined. */
export function removableSeries(e: Expr, variable: string): Series | undefined {
  try {
    const s = seriesAtZero(e, variable, TERMS);
    return s.lo >= 0 && s.coeffs.length > 0 ? s : undefined;
  } catch (err) {
    if (err instanceof NoSeries) return undefined;
    throw err;
  }
}

/**
 * The lowest degree whose truncation at |x| <= t is below TRUNCATION of the leading term, for the value and for the
 * derivative (the terms decrease geometrically inside the radius, so the tail at t bounds it everywhere below).
 */
export function taylorFor(s: Series, t: number): Polynomial | undefined {
  const c = (k: number) => (k < s.lo || k >= s.lo + s.coeffs.length ? 0 : Math.abs(Q.toNumber(s.coeffs[k - s.lo]!)));
  const top = s.lo + s.coeffs.length - 1;
  const lead = c(s.lo);
  const firstDerivative = Array.from({ length: top + 1 }, (_, k) => k).find((k) => k >= 1 && c(k) > 0);
  const tail = (n: number, weight: (k: number) => number, from: number) => {
    let sum = 0;
    for (let k = n + 1; k <= top; k++) sum += weight(k) * t ** (k - from);
    return sum;
  };
  for (let n = s.lo; n < top - 2; n++) {
    const valueOk = tail(n, c, s.lo) <= TRUNCATION * lead;
    const gradOk = firstDerivative === undefined || tail(n, (k) => k * c(k), firstDerivative) <= TRUNCATION * firstDerivative * c(firstDerivative);
    if (valueOk && gradOk) {
      return { coefficients: Array.from({ length: n + 1 }, (_, k) => (k < s.lo ? Q.ZERO : s.coeffs[k - s.lo]!)), threshold: t };
    }
  }
  return undefined;
}

/**
 * The polynomial in Horner form, in the language. An odd or even part that is only a constant (the story's
 * f = 1/2 + odd) is written in u = x * x: c0 + x * (c1 + u * (c3 + ...)), half the multiplications.
 */
export function hornerText(p: Polynomial, variable: string): string {
  const cs = p.coefficients.map((c) => Q.toDecimal(c));
  const horner = (ks: string[], v: string) => {
    let text = ks[ks.length - 1]!;
    for (let k = ks.length - 2; k >= 0; k--) text = ks[k] === '0' ? `${v} * (${text})` : `${ks[k]} + ${v} * (${text})`;
    return text;
  };
  const even = cs.filter((_, k) => k % 2 === 0);
  const odd = cs.filter((_, k) => k % 2 === 1);
  const u = `(${variable} * ${variable})`;
  if (cs.length > 3 && even.slice(1).every((c) => c === '0')) return `${even[0] === '0' ? '' : `${even[0]} + `}${variable} * (${horner(odd, u)})`;
  if (cs.length > 3 && odd.every((c) => c === '0')) return horner(even, u);
  return horner(cs, variable);
}

/** where(abs(x) < t, polynomial, closed form): the regimes joined (the double where is added after). */
export function joinAt(p: Polynomial, closed: Expr, variable: string): Expr {
  return parseExpr(`where(abs(${variable}) < ${p.threshold}, ${hornerText(p, variable)}, ${printExpr(closed)})`);
}
