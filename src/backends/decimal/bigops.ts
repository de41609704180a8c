import type { Decimal } from 'decimal.js';
import type { Ctor } from './xnum.js';

/**
 * Long products and quotients through BigInt, correctly rounded (ties to even) to p significant
 * digits: the same results as decimal.js's times/div, which are quadratic in JavaScript numbers
 * and ten times slower at a thousand digits. Only for nonzero finite operands.
 */

/** Below this many base-1e7 words in the two operands together, decimal.js itself is faster. */
const MIN_WORDS = 24;

export function worthIt(a: Decimal, b: Decimal): boolean {
  return a.d.length + b.d.length >= MIN_WORDS && !a.isZero() && !b.isZero() && a.isFinite() && b.isFinite();
}

interface Coefficient { c: bigint; digits: number; exp: number }

/** |d| = c * 10^exp with c an integer of `digits` digits. */
function coefficient(d: Decimal): Coefficient {
  const w = d.d;
  let s = String(w[0]);
  for (let i = 1; i < w.length; i++) s += String(w[i]).padStart(7, '0');
  return { c: BigInt(s), digits: s.length, exp: d.e - s.length + 1 };
}

const POW10: bigint[] = [];
function pow10(k: number): bigint {
  if (k < 64) return (POW10[k] ??= 10n ** BigInt(k));
  return 10n ** BigInt(k);
}

/** sign * (q + a nonzero fraction when sticky) * 10^exp, rounded to p digits, as a Decimal of D. */
function finish(D: Ctor, neg: boolean, q: bigint, sticky: boolean, exp: number, p: number): Decimal {
  let s = q.toString();
  if (s.length > p) {
    const tail = s.slice(p);
    const keep = BigInt(s.slice(0, p));
    exp += tail.length;
    const first = tail.charCodeAt(0) - 48;
    let up = first > 5;
    if (first === 5) up = sticky || /[1-9]/.test(tail.slice(1)) || (keep & 1n) === 1n;
    s = (up ? keep + 1n : keep).toString();
  }
  return new D(`${neg ? '-' : ''}${s}e${exp}`);
}

/** a * b rounded to p significant digits. */
export function mulRound(D: Ctor, a: Decimal, b: Decimal, p: number): Decimal {
  const x = coefficient(a);
  const y = coefficient(b);
  const product = x.c * y.c;
  const neg = a.isNeg() !== b.isNeg();
  // The product has digits or digits - 1 digits; keep p + 2 or more, the rest only as a sticky bit.
  const k = x.digits + y.digits - p - 2;
  if (k <= 0) return finish(D, neg, product, false, x.exp + y.exp, p);
  const scale = pow10(k);
  const q = product / scale;
  return finish(D, neg, q, q * scale !== product, x.exp + y.exp + k, p);
}

/** a / b rounded to p significant digits. */
export function divRound(D: Ctor, a: Decimal, b: Decimal, p: number): Decimal {
  const x = coefficient(a);
  const y = coefficient(b);
  const neg = a.isNeg() !== b.isNeg();
  // A quotient of at least p + 2 digits, the remainder as a sticky bit.
  const k = p + 2 - x.digits + y.digits;
  const num = k >= 0 ? x.c * pow10(k) : x.c;
  const den = k >= 0 ? y.c : y.c * pow10(-k);
  const q = num / den;
  return finish(D, neg, q, q * den !== num, x.exp - y.exp - k, p);
}

/**
 * e^x for a small |x| (x.e <= -3) by its Taylor series in fixed point at p + 10 digits, correctly
 * rounded to p digits; undefined when the series would be long or the approximation lies too
 * close to a rounding midpoint to decide (the caller then asks decimal.js). decimal.js's own exp
 * multiplies full-length powers of x, quadratic in the precision for every term.
 */
export function expSmall(D: Ctor, x: Decimal, p: number): Decimal | undefined {
  const P = p + 10;
  if (x.isZero() || !x.isFinite() || x.e > -3 || P / -x.e > 16) return undefined;
  const { c, exp } = coefficient(x);
  // X = x * 10^P, rounded down in magnitude (error below one unit).
  const shift = exp + P;
  let X = shift >= 0 ? c * pow10(shift) : c / pow10(-shift);
  if (x.isNeg()) X = -X;
  const S = pow10(P);
  let sum = S;
  let term = S;
  let units = 2; // error bound of sum in units of 10^-P: one per truncated term, plus X's
  for (let i = 1; term !== 0n; i++) {
    term = (term * X) / (S * BigInt(i));
    sum += term;
    units++;
  }
  const s = sum.toString();
  // sum ~ 1, so s has P or P + 1 digits; the digits past p decide the rounding.
  const tail = BigInt(s.slice(p));
  const half = 5n * pow10(s.length - p - 1);
  const gap = tail > half ? tail - half : half - tail;
  if (gap <= BigInt(units)) return undefined;
  return finish(D, false, sum, false, -P, p);
}
