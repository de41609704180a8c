// Error-free transformations on doubles (no FMA in JavaScript, so TwoProd uses Veltkamp/Dekker splitting).
// Exactness conditions: no overflow anywhere (callers keep |x| <= 2^990, so the split's 2^27 * x stays finite) and,
// for twoProdLo, |a * b| >= 2^-969 (callers keep every product at or above 2^-960, or accept an absolute error that
// their TINY term covers).

const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of s = fl(a + b): a + b = s + twoSumLo(a, b, s) exactly (Knuth). */
export function twoSumLo(a: number, b: number, s: number): number {
  const bb = s - a;
  return (a - (s - bb)) + (b - bb);
}

/** The rounding error of s = fl(a + b) when |a| >= |b| (or a = 0) (Dekker). */
export function fastTwoSumLo(a: number, b: number, s: number): number {
  return b - (s - a);
}

/** The rounding error of p = fl(a * b): a * b = p + twoProdLo(a, b, p) exactly (Dekker). */
export function twoProdLo(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}
