import { bitLen as fastBitLen } from './big/bits.js';
/** Exact rationals on BigInt: n / d with d > 0 and gcd(n, d) = 1. Immutable. */
export interface Q { readonly n: bigint; readonly d: bigint }

/** Largest numerator + denominator size (bits) kept exact; beyond it a value becomes a ball. */
export const MAX_EXACT_BITS = 4096;
/** The same for denominators that are not powers of two (decimals): their gcds cost, and they grow fast. */
export const MAX_DECIMAL_BITS = 160;

/** Whether q is small enough to keep exact: 1 + 1e-300 (2100 bits, dyadic) is; a 16-term Horner in 0.1s is not. */
export function keepsExact(q: Q): boolean {
  const dyadic = (q.d & (q.d - 1n)) === 0n;
  return bits(q) <= (dyadic ? MAX_EXACT_BITS : MAX_DECIMAL_BITS);
}

const abs = (a: bigint) => (a < 0n ? -a : a);

function gcd(a: bigint, b: bigint): bigint {
  // Euclid; callers pass the smaller operand reduced first
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The number of bits of |x|. */
export function bitLen(x: bigint): number {
  return fastBitLen(x);
}

/** The number of trailing zero bits of x != 0. */
const tz = (x: bigint): bigint => BigInt(bitLen(x & -x) - 1);

export function q(n: bigint, d = 1n): Q {
  if (d === 0n) throw new Error('rational with zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  if (n === 0n) return { n: 0n, d: 1n };
  if (d === 1n) return { n, d };
  // factors of two first (doubles are dyadic); then only the odd part of d can share a factor with n
  const td = tz(d);
  const tn = td === 0n ? 0n : tz(n);
  const t = tn < td ? tn : td;
  if (t > 0n) {
    n >>= t;
    d >>= t;
  }
  const odd = d >> (td - t);
  if (odd === 1n) return { n, d };
  const g = gcd(odd, n % odd);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO = q(0n);
export const ONE = q(1n);
export const HALF = q(1n, 2n);

export const add = (a: Q, b: Q) => (a.d === b.d ? q(a.n + b.n, a.d) : q(a.n * b.d + b.n * a.d, a.d * b.d));
export const sub = (a: Q, b: Q) => add(a, neg(b));
export const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
export const neg = (a: Q): Q => ({ n: -a.n, d: a.d });
export const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
export const sign = (a: Q): -1 | 0 | 1 => (a.n > 0n ? 1 : a.n < 0n ? -1 : 0);
export const cmp = (a: Q, b: Q): -1 | 0 | 1 => sign(sub(a, b));
export const isZero = (a: Q) => a.n === 0n;
export const eq = (a: Q, b: Q) => a.n === b.n && a.d === b.d;
export const isInteger = (a: Q) => a.d === 1n;
export const fromInt = (k: number | bigint) => q(BigInt(k));

export function bits(a: Q): number {
  return bitLen(a.n) + bitLen(a.d);
}

/** a^k for an integer k (a != 0 when k < 0). */
export function powInt(a: Q, k: bigint): Q {
  if (k < 0n) return div(ONE, powInt(a, -k));
  let n = 1n;
  let d = 1n;
  let bn = a.n;
  let bd = a.d;
  while (k > 0n) {
    if (k & 1n) {
      n *= bn;
      d *= bd;
    }
    bn *= bn;
    bd *= bd;
    k >>= 1n;
  }
  return q(n, d);
}

/** The exact value of a finite double. */
/** A scratch buffer to read a double's bits (never observable: written and read within one call). */
const bitsView = new DataView(new ArrayBuffer(8));

export function fromDouble(x: number): Q {
  if (!Number.isFinite(x)) throw new Error(`not a finite double: ${x}`);
  if (x === 0) return ZERO;
  bitsView.setFloat64(0, x);
  const hi = bitsView.getUint32(0);
  const lo = bitsView.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (hi & 0xfffff) * 2 ** 32 + lo; // below 2^53: exact in a double
  let e = exp === 0 ? -1074 : exp - 1075;
  if (exp !== 0) mant += 2 ** 52;
  // normalised at once: the odd part of the mantissa over a power of two
  while (e < 0 && mant % 2 === 0) {
    mant /= 2;
    e += 1;
  }
  const m = BigInt(x < 0 ? -mant : mant);
  return e >= 0 ? { n: m << BigInt(e), d: 1n } : { n: m, d: 1n << BigInt(-e) };
}

/**
 * An exact decimal literal ("0.1", "-2.5e-7", "1e300") as a rational, or null when its exponent
 * is too large to hold exactly (e.g. "1e9000000000000000": its binary value needs an enclosure).
 */
export function fromDecimal(text: string, maxExponent = 2000): Q | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const e = BigInt(m[4] ?? '0') - BigInt((m[3] ?? '').length);
  const mant = BigInt(digits || '0') * (m[1] === '-' ? -1n : 1n);
  if (mant === 0n) return ZERO;
  if (e > BigInt(maxExponent) || e < -BigInt(maxExponent)) return null;
  return e >= 0n ? q(mant * 10n ** e) : q(mant, 10n ** -e);
}

const FORMATS = {
  float64: { p: 53, emin: -1022, emax: 1023 },
  float32: { p: 24, emin: -126, emax: 127 },
} as const;

/** The nearest float of the format (ties to even, subnormals, overflow to +-Infinity) of a rational. */
export function roundQ(a: Q, format: 'float32' | 'float64' = 'float64'): number {
  const { p, emin, emax } = FORMATS[format];
  if (a.n === 0n) return 0;
  const s = a.n < 0n ? -1 : 1;
  const n = abs(a.n);
  // scale so that the integer quotient has p + 13 significant bits, then round once via a sticky bit
  const shift = BigInt(fastBitLen(n) - fastBitLen(a.d) - (p + 13));
  const num = shift < 0n ? n << -shift : n;
  const den = shift > 0n ? a.d << shift : a.d;
  let quo = num / den;
  if (quo * den !== num) quo |= 1n;
  const len = fastBitLen(quo);
  const e = Number(shift) + len - 1; // floor(log2 |a|)
  if (e > emax) return s * Infinity;
  const keep = e >= emin ? p : p - (emin - e);
  if (keep <= 0) {
    // below half the smallest subnormal rounds to 0, above it to the smallest subnormal
    return keep === 0 && quo > 1n << BigInt(len - 1) ? s * 2 ** (emin - p + 1) : s * 0;
  }
  const drop = BigInt(len - keep);
  let top = quo >> drop;
  const rest = quo - (top << drop);
  const half = 1n << (drop - 1n);
  if (rest > half || (rest === half && (top & 1n))) top += 1n;
  const r = Number(top) * 2 ** (Number(shift) + Number(drop));
  return r >= 2 ** (emax + 1) ? s * Infinity : s * r;
}

export function toString(a: Q): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}


/** About log2 |a| (a != 0). */
export function log2Abs(a: Q): number {
  return bitLen(a.n) - bitLen(a.d);
}

/** A finite double as m 2^e (m an integer). */
export function dyadicOf(x: number): [bigint, bigint] {
  const r = fromDouble(x);
  return [r.n, -BigInt(bitLen(r.d) - 1)];
}
