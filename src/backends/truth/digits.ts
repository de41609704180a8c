import { bitLen as bitLenOf } from './big/bits.js';
import type { Q } from './rational.js';

/** The leading decimal digits of an exact rational (truncated, so every printed digit is right): "1.25e-3". */
export function qDigits(q: Q, max: number, trim = true): string {
  if (q.n === 0n) return '0';
  const neg = q.n < 0n;
  const n = neg ? -q.n : q.n;
  // 10^k n / d has at least max digits
  const k = max - (n.toString().length - q.d.toString().length) + 1;
  const scaled = k >= 0 ? (n * 10n ** BigInt(k)) / q.d : n / (q.d * 10n ** BigInt(-k));
  const exactly = k >= 0 ? (n * 10n ** BigInt(k)) % q.d === 0n : n % (q.d * 10n ** BigInt(-k)) === 0n;
  let s = scaled.toString();
  const exponent = s.length - 1 - k;
  s = s.slice(0, max);
  if (exactly && trim) s = s.replace(/0+$/, '') || '0';
  else s = s.padEnd(max, '0');
  return `${neg ? '-' : ''}${positional(s, exponent)}`;
}

/**
 * Digits d1 d2 ... with the decimal exponent of d1, written as JavaScript writes numbers: positional from 1e-7 up to
 * 1e21 ("0.25", "1", "123.5"), scientific beyond ("1.3316e+4049200116992177093570530636758210858589").
 */
function positional(digits: string, exponent: number): string {
  if (exponent >= -7 && exponent < 21) {
    if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const frac = digits.slice(exponent + 1);
    return frac ? `${whole}.${frac}` : whole;
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mant}e${exponent >= 0 ? '+' : ''}${exponent}`;
}

/**
 * The leading digits of a ball's midpoint, as many as its radius leaves right: the printed number is
 * within one unit of its last digit of every point of the ball (at most max digits).
 */
export function ballDigits(mid: Q, rad: Q, max: number): string {
  if (mid.n === 0n) return rad.n === 0n ? '0' : '0e+0';
  if (rad.n === 0n) return qDigits(mid, max);
  const rel = Number(rad.n * mid.d * 10n ** 40n / (rad.d * (mid.n < 0n ? -mid.n : mid.n))) / 1e40;
  const good = rel > 0 ? Math.floor(-Math.log10(rel)) - 1 : max;
  if (good < 1) return '0e+0';
  return qDigits(mid, Math.min(max, good), false);
}

/** A "d.ddde±N" string from any of the libraries, written as JavaScript writes numbers (positional for small N). */
export function plainDecimal(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]?\d+)$/.exec(s);
  if (!m) return s;
  const exponent = Number(m[4]);
  if (!Number.isSafeInteger(exponent)) return s;
  return `${m[1]}${positional(m[2]! + (m[3] ?? ''), exponent)}`;
}

const LOG10_2 = Math.log10(2);

/**
 * ballDigits for a dyadic ball m 2^e +- r 2^re (m != 0) whose relative width is about 2^w: the same digits (the
 * midpoint truncated to as many digits as the radius leaves right, at most max), without rationals or decimal
 * strings of the whole numbers: one scaling of m by a power of ten and a shift. w may be off by a little (it is a
 * double estimate): the digit count takes a 2^-20 margin, so it never claims a digit ballDigits would not.
 * undefined when the exponents are too large to scale this way.
 */
export function dyadicBallDigits(m: bigint, e: bigint, w: number, max: number): string | undefined {
  if (e > 20000n || e < -20000n || !(w < 0)) return undefined;
  const good = Math.floor(-(w + 2 ** -20) * LOG10_2) - 1;
  if (good < 1) return '0e+0';
  const want = Math.min(max, good);
  const neg = m < 0n;
  const a = neg ? -m : m;
  const en = Number(e);
  // a 2^e has about (bitLen(a) - 1 + e) log10(2) as decimal exponent; two more digits than wanted absorb the error
  const lead = Math.floor((bitLenOf(a) - 1 + en) * LOG10_2);
  const k = want + 2 - lead;
  const scaled = k >= 0
    ? (en >= 0 ? (a * 10n ** BigInt(k)) << e : (a * 10n ** BigInt(k)) >> -e)
    : (en >= 0 ? (a << e) / 10n ** BigInt(-k) : (a / 10n ** BigInt(-k)) >> -e);
  const s = scaled.toString();
  if (s.length < want) return undefined;
  return `${neg ? '-' : ''}${positional(s.slice(0, want), s.length - 1 - k)}`;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** A finite nonzero double as m 2^e exactly (m a signed integer). */
function dyadic(x: number): [bigint, bigint] {
  f64[0] = x;
  const bits = u64[0]!;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  if (biased !== 0) m |= 1n << 52n;
  const e = BigInt((biased === 0 ? 1 : biased) - 1075);
  return [x < 0 ? -m : m, e];
}

/** ballDigits of the double-double ball (hi + lo +- rad) 2^shift (hi != 0, rad > 0, |rad / hi| about 2^w), by
 *  dyadicBallDigits. */
export function ddBallDigits(hi: number, lo: number, w: number, max: number, shift = 0n): string | undefined {
  const [mh, eh] = dyadic(hi);
  if (lo === 0) return dyadicBallDigits(mh, eh + shift, w, max);
  const [ml, el] = dyadic(lo);
  return el <= eh ? dyadicBallDigits((mh << (eh - el)) + ml, el + shift, w, max) : undefined;
}
