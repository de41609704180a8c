/** Decimal text in and out. A literal D * 10^n is exact when it is cheap (|n| <= 10000 and the value is a dyadic,
 *  or n >= 0): D 5^n 2^n, or D / 5^|n| when 5^|n| divides D. Otherwise D / 5^|n| is a quotient with prec + 8 bits
 *  (error < 1 unit), and for |n| > 10000, 10^n = 2^(n log2 10) = 2^K 2^f with K = floor(n log2 10) and
 *  2^f = exp(f ln2), log2 10 carried to bitLen(n) + prec + 24 bits so the fraction f is accurate to prec + 24 bits;
 *  no 3.3n-bit integer is ever built. |n| beyond 2^(MAX_EXP_BITS - 8) is a 'limit'. */
import { absB, bitLen } from './bits.js';
import { ball, div, endpoints, exact, finish, mul, radOf, scale2, sub } from './ball.js';
import { cmpAbs } from './mag.js';
import { get } from './constants.js';
import { exp } from './explog.js';
import { fail, isFail, MAX_EXP_BITS, type BigBall, type BigResult } from './types.js';

const DIRECT = 10000n;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function bigFromDecimal(text: string, prec: number): BigResult {
  const t = DECIMAL.exec(text.trim());
  if (t === null || (t[2] === '' && (t[3] ?? '') === '')) return fail('domain', `not a finite decimal: "${text}"`);
  const digits = (t[2] ?? '') + (t[3] ?? '');
  let D = BigInt(digits === '' ? '0' : digits);
  if (t[1] === '-') D = -D;
  if (D === 0n) return exact(0n);
  const n = BigInt(t[4] ?? '0') - BigInt((t[3] ?? '').length);
  return scaledByPow10(D, n, prec);
}

/** D 10^n as a ball. */
export function scaledByPow10(D: bigint, n: bigint, prec: number): BigResult {
  if (bitLen(n) > MAX_EXP_BITS - 8) return fail('limit', `a decimal exponent beyond 2^${MAX_EXP_BITS - 8}`);
  if (n >= 0n && n <= DIRECT) return finish(D * 5n ** n, n, { m: 0n, e: 0n }, prec);
  if (n < 0n && -n <= DIRECT) {
    const five = 5n ** -n;
    const s = Math.max(0, prec + 8 + bitLen(five) - bitLen(D));
    const N = D << BigInt(s);
    const q = N / five;
    const e = n - BigInt(s);
    return finish(q, e, q * five === N ? { m: 0n, e: 0n } : { m: 1n, e }, prec);
  }
  const p = pow10(n, prec + 8);
  if (isFail(p)) return p;
  return mul(exact(D), p, prec);
}

/** 10^n for any BigInt n (within the limit) as a ball of about prec bits. */
export function pow10(n: bigint, prec: number): BigResult {
  if (n >= 0n && n <= DIRECT) return finish(5n ** n, n, { m: 0n, e: 0n }, prec);
  const w = prec + 24;
  const l = get('log2_10', bitLen(n) + w + 8);
  const t = mul(exact(n), l, bitLen(n) + w + 8);
  if (isFail(t)) return t;
  const [lo] = endpoints(t, bitLen(n) + w + 8);
  const K = floorDyadic(lo.m, lo.e);
  const f = sub(t, exact(K), w);
  if (isFail(f)) return f;
  const fl = mul(f, get('ln2', w + 8), w);
  if (isFail(fl)) return fl;
  const g = exp(fl, w);
  if (isFail(g)) return g;
  const out = scale2(g, K);
  if (isFail(out)) return out;
  return finish(out.m, out.e, radOf(out), prec);
}

export function floorDyadic(m: bigint, e: bigint): bigint {
  return e >= 0n ? m << e : m >> -e;
}

/** The leading decimal digits every point of the ball rounds to (at most max, round half up), with exponent:
 *  "1.3316e+4049", "0" for the exact zero, "?" when the ball contains zero or not even one digit is proven. */
export function bigDigits(b: BigBall, max: number): string {
  if (b.m === 0n && b.r === 0n) return '0';
  if (b.r !== 0n && cmpAbs(b.m, b.e, b.r, b.re) <= 0) return '?';
  const sign = b.m < 0n ? '-' : '';
  const a = ball(absB(b.m), b.e, b.r, b.re);
  const digits = Math.max(1, Math.min(max, 200));
  const extra = digits + 4; // integer digits of the scaled value
  const E10 = decimalExponent(a);
  if (E10 === undefined) return '?';
  const prec = 4 * extra + 64;
  const scale = pow10(BigInt(extra - 1) - E10, prec + bitLen(E10));
  if (isFail(scale)) return '?';
  const v = mul(a, scale, prec);
  if (isFail(v)) return '?';
  const [lo, hi] = endpoints(v, prec);
  if (BigInt(bitLen(hi.m)) + hi.e > BigInt(8 * extra + 64)) return '?';
  const L = floorDyadic(lo.m, lo.e);
  const H = -floorDyadic(-hi.m, hi.e); // ceil
  // rounding is monotone: when L and H round to the same d digits, so does every point in between
  for (let d = digits; d >= 1; d--) {
    const q = 10n ** BigInt(extra - d);
    const rl = (2n * L + q) / (2n * q);
    const rh = (2n * H + q) / (2n * q);
    if (rl !== rh || rl === 0n) continue;
    const str = rl.toString().slice(0, d); // rl may have carried to 10^d: then it reads 1000...
    const exp10 = E10 + BigInt(rl.toString().length - d);
    const frac = str.length > 1 ? `.${str.slice(1)}` : '';
    return `${sign}${str[0]}${frac}e${exp10 >= 0n ? '+' : ''}${exp10}`;
  }
  return '?';
}

/** floor(log10 |mid|) within one: log10|x| lies in [(top - 1) log10 2, top log10 2). */
function decimalExponent(a: BigBall): bigint | undefined {
  const top = BigInt(bitLen(a.m)) + a.e;
  const bits = bitLen(top) + 24;
  const l = div(get('ln2', bits + 8), get('ln10', bits + 8), bits);
  if (isFail(l)) return undefined;
  const t = mul(exact(top - 1n), l, bits);
  if (isFail(t)) return undefined;
  return floorDyadic(t.m, t.e);
}
