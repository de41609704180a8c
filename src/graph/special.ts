/**
 * erf and erfc in float64, which JS's Math lacks: the truth engine's double-double series and continued fraction
 * (backends/truth/fast/erf.ts), rounded to the nearest double. Where that engine declines (erfc's result below its
 * range, x > 26), the asymptotic series erfc(x) ~ exp(-x^2) / (x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4) - ...) to 12 terms.
 */
import { erf as ddErf, erfc as ddErfc } from '../backends/truth/fast/erf.js';

const point = (x: number) => ({ hi: x, lo: 0, rad: 0 });

/** a * a = hi + lo exactly (Dekker's product with Veltkamp's split). */
function exactSquare(a: number): [number, number] {
  const hi = a * a;
  const c = 134217729 * a;
  const ah = c - (c - a);
  const al = a - ah;
  return [hi, ((ah * ah - hi) + 2 * ah * al) + al * al];
}

function erfcTail(x: number): number {
  const [hi, lo] = exactSquare(x);
  // sum_n (-1)^n (2n - 1)!! / (2x^2)^n: terms fall by (2n + 1) / (2x^2) < 1/20 here, so 12 terms reach 2^-60
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 12; n++) {
    term *= -(2 * n - 1) / (2 * hi);
    sum += term;
  }
  return ((Math.exp(-hi) * Math.exp(-lo)) / (x * Math.sqrt(Math.PI))) * sum;
}

export function erf64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return x;
  if (Math.abs(x) >= 6) return Math.sign(x);
  // erf x = 2/sqrt(pi) (x - x^3/3 + ...): the cubic term is below 2^-57 of the result
  if (Math.abs(x) < 2 ** -28) return x * 1.1283791670955126;
  const r = ddErf(point(x));
  return r ? r.hi : Math.sign(x) * (1 - erfcTail(Math.abs(x)));
}

export function erfc64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -6) return 2;
  if (x >= 27.3) return 0;
  if (Math.abs(x) < 2 ** -56) return 1;
  const r = ddErfc(point(x));
  return r ? r.hi : erfcTail(x);
}
