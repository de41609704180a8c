import * as Q from './rational.js';

/** A polynomial in L = log t with exact rational coefficients (index = power of L); [] is 0. */
export type Poly = readonly Q.Q[];

const trim = (p: Q.Q[]): Poly => {
  let n = p.length;
  while (n > 0 && Q.isZero(p[n - 1]!)) n--;
  return p.slice(0, n);
};

export const pconst = (q: Q.Q): Poly => (Q.isZero(q) ? [] : [q]);
export const pzero: Poly = [];
export const isPZero = (p: Poly) => p.length === 0;

export function padd(a: Poly, b: Poly): Poly {
  const out: Q.Q[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) out.push(Q.add(a[i] ?? Q.ZERO, b[i] ?? Q.ZERO));
  return trim(out);
}

export const pneg = (a: Poly): Poly => a.map(Q.neg);
export const pscale = (a: Poly, q: Q.Q): Poly => (Q.isZero(q) ? [] : a.map((c) => Q.mul(c, q)));

export function pmul(a: Poly, b: Poly): Poly {
  if (!a.length || !b.length) return [];
  const out: Q.Q[] = Array.from({ length: a.length + b.length - 1 }, () => Q.ZERO);
  a.forEach((x, i) => b.forEach((y, j) => (out[i + j] = Q.add(out[i + j]!, Q.mul(x, y)))));
  return trim(out);
}

/** The sign of p(L) as L -> -infinity (t -> 0+). */
export function psignAtZero(p: Poly): -1 | 0 | 1 {
  if (!p.length) return 0;
  const s = Q.sign(p[p.length - 1]!);
  return (p.length - 1) % 2 === 0 ? s : (-s as -1 | 0 | 1);
}

export const pdeg = (p: Poly) => p.length - 1;
export const pequal = (a: Poly, b: Poly) => a.length === b.length && a.every((x, i) => Q.eq(x, b[i]!));
