/** Exact rationals on BigInt, for series coefficients. Always normalised: den > 0, gcd(num, den) = 1. */
export interface Rat {
  num: bigint;
  den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
};

export function rat(num: bigint, den = 1n): Rat {
  if (den === 0n) throw new Error('rational with zero denominator');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}

export const ZERO = rat(0n);
export const ONE = rat(1n);
export const add = (a: Rat, b: Rat): Rat => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rat, b: Rat): Rat => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rat, b: Rat): Rat => rat(a.num * b.num, a.den * b.den);
export const div = (a: Rat, b: Rat): Rat => rat(a.num * b.den, a.den * b.num);
export const neg = (a: Rat): Rat => ({ num: -a.num, den: a.den });
export const isZero = (a: Rat): boolean => a.num === 0n;
export const fromInt = (n: number): Rat => rat(BigInt(n));

/** A decimal literal as written ("0.5", "1e-3", "2.") exactly, or undefined when it is not one. */
export function parseDecimal(text: string): Rat | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === '' && !m[2])) return undefined;
  const digits = `${m[1]}${m[2] ?? ''}` || '0';
  const exponent = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
  return exponent >= 0 ? rat(BigInt(digits) * 10n ** BigInt(exponent)) : rat(BigInt(digits), 10n ** BigInt(-exponent));
}

/** The nearest double (good to about 1 ULP: enough for bounds, never printed as a coefficient). */
export function toNumber(a: Rat): number {
  return Number(a.num) / Number(a.den) || scaledToNumber(a);
}

function scaledToNumber(a: Rat): number {
  if (a.num === 0n) return 0;
  const shift = BigInt(a.den.toString().length - a.num.toString().length + 20);
  return Number((a.num * 10n ** (shift > 0n ? shift : 0n)) / a.den) / 10 ** Number(shift > 0n ? shift : 0n);
}

/** Decimal text with `digits` significant digits (rounded half away from zero): a literal of the language. */
export function toDecimal(a: Rat, digits = 25): string {
  if (a.num === 0n) return '0';
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  // Scale so the integer quotient has exactly `digits` digits.
  let e = n.toString().length - a.den.toString().length - digits + 1;
  const quotient = (s: number) => (s >= 0 ? (n * 2n) / (a.den * 10n ** BigInt(s)) : (n * 2n * 10n ** BigInt(-s)) / a.den);
  let q = (quotient(e) + 1n) / 2n;
  if (q.toString().length > digits) {
    e += 1;
    q = (quotient(e) + 1n) / 2n;
  } else if (q.toString().length < digits) {
    e -= 1;
    q = (quotient(e) + 1n) / 2n;
  }
  const d = q.toString();
  const mantissa = `${d[0]}.${d.slice(1)}`.replace(/\.?0+$/, '');
  const power = e + d.length - 1;
  const text = power === 0 ? mantissa : `${mantissa}e${power}`;
  return negative ? `-${text}` : text;
}
