/**
 * erf and erfc in float64, which JS's Math lacks, in plain doubles (the graph layer does not reach into the truth
 * engine): the positive series erf(x) = 2/sqrt(pi) e^(-x^2) sum (2x^2)^n x / (2n + 1)!! (no cancellation) below 1/2,
 * 1 - erfc above, erfc by Laplace's continued fraction erfc(x) = e^(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))) above,
 * and e^(-x^2) from x^2 split exactly into hi + lo, so x^2's rounding is not amplified. Checked against mpmath
 * (test/graph/special.test.ts).
 */
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const SERIES_LIMIT = 2;

/** a * a = hi + lo exactly (Dekker's product with Veltkamp's split). */
function exactSquare(a: number): [number, number] {
  const hi = a * a;
  const c = 134217729 * a;
  const ah = c - (c - a);
  const al = a - ah;
  return [hi, ((ah * ah - hi) + 2 * ah * al) + al * al];
}

/** e^(-x^2) without the error of rounding x^2 first. */
function expMinusSquare(x: number): number {
  const [hi, lo] = exactSquare(x);
  return Math.exp(-hi) * Math.exp(-lo);
}

/** erf for 0 <= x < 1/2 by the positive series. */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && term > sum * 1e-18; n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
}

/** erfc for x >= 2 by the continued fraction, evaluated bottom-up from a depth where it has converged. */
function erfcFraction(x: number): number {
  const depth = Math.min(400, Math.ceil(40 + 800 / (x * x)));
  let f = x;
  for (let k = depth; k >= 1; k--) f = x + k / 2 / f;
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}

export function erf64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return x;
  const a = Math.abs(x);
  if (a >= 6) return Math.sign(x);
  // erf x = 2/sqrt(pi) (x - x^3/3 + ...): the cubic term is below 2^-57 of the result
  if (a < 2 ** -28) return x * TWO_OVER_SQRT_PI;
  // above 1/2, 1 - erfc: erfc's few-ULP error is small against erf's ULP there
  const r = a < 0.5 ? erfSeries(a) : 1 - (a >= SERIES_LIMIT ? erfcFraction(a) : erfcMid(a));
  return x < 0 ? -r : r;
}

export function erfc64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= -6) return 2;
  if (x >= 27.3) return 0;
  if (x >= SERIES_LIMIT) return erfcFraction(x);
  if (x >= 0.5) return erfcMid(x);
  return 1 - erf64(x);
}

/** erfc on [0.5, 2): 1 - erf would lose up to 8 bits, so the continued fraction, deeper. */
function erfcMid(x: number): number {
  let f = x;
  for (let k = 4000; k >= 1; k--) f = x + k / 2 / f;
  return (ONE_OVER_SQRT_PI * expMinusSquare(x)) / f;
}
