// Exact rational arithmetic with BigInt for the tests: the oracle side never goes through the code under test.
import type { DDBall } from '../../../../src/backends/truth/fast/index.js';

export interface Rat { n: bigint; d: bigint } // d > 0

export function ratOfDouble(x: number): Rat {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  if (x === 0) return { n: 0n, d: 1n };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const be = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = be === 0 ? frac : frac | (1n << 52n);
  const e = (be === 0 ? 1 : be) - 1075;
  const n = neg ? -mant : mant;
  return e >= 0 ? { n: n << BigInt(e), d: 1n } : { n, d: 1n << BigInt(-e) };
}

/** A decimal string ("1.5e-7", "-0.25") as an exact rational. */
export function ratOfDecimal(text: string): Rat {
  const m = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (m === null) throw new Error(`bad decimal: ${text}`);
  const frac = m[3] ?? '';
  let n = BigInt((m[2] ?? '') + frac || '0');
  if (m[1] === '-') n = -n;
  const e = Number(m[4] ?? '0') - frac.length;
  return e >= 0 ? { n: n * 10n ** BigInt(e), d: 1n } : { n, d: 10n ** BigInt(-e) };
}

export const add = (a: Rat, b: Rat): Rat => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const sub = (a: Rat, b: Rat): Rat => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const absR = (a: Rat): Rat => ({ n: a.n < 0n ? -a.n : a.n, d: a.d });
export const cmp = (a: Rat, b: Rat): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** Half a unit in the last of the significant digits of a decimal string (its own rounding error). */
export function decimalTolerance(text: string): Rat {
  const m = /^[+-]?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim())!;
  const frac = m[2] ?? '';
  const e = Number(m[3] ?? '0') - frac.length;
  return e >= 0 ? { n: 5n * 10n ** BigInt(e), d: 10n } : { n: 5n, d: 10n ** BigInt(-e + 1) };
}

/** |x - (hi + lo)| <= rad + slack, exactly. */
export function ballContains(b: DDBall, x: Rat, slack: Rat = { n: 0n, d: 1n }): boolean {
  const mid = add(ratOfDouble(b.hi), ratOfDouble(b.lo));
  return cmp(absR(sub(x, mid)), add(ratOfDouble(b.rad), slack)) <= 0;
}

function bitLen(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** The float (round to nearest, ties to even, subnormals, overflow to Infinity) of an exact rational. */
export function roundRat(x: Rat, format: 'float32' | 'float64'): number {
  const [prec, minExp, maxExp] = format === 'float64' ? [53, -1074, 1024] : [24, -149, 128];
  if (x.n === 0n) return 0;
  const neg = x.n < 0n;
  const n = neg ? -x.n : x.n;
  // e with 2^e <= |x| < 2^(e+1)
  let e = bitLen(n) - bitLen(x.d);
  const ge = (k: number): boolean => (k >= 0 ? n >= x.d << BigInt(k) : n << BigInt(-k) >= x.d);
  if (!ge(e)) e--;
  const q = Math.max(e - (prec - 1), minExp); // the spacing is 2^q
  // m = |x| / 2^q, rounded half to even
  const num = q >= 0 ? n : n << BigInt(-q);
  const den = q >= 0 ? x.d << BigInt(q) : x.d;
  let m = num / den;
  const rem2 = (num - m * den) * 2n;
  if (rem2 > den || (rem2 === den && (m & 1n) === 1n)) m++;
  let v: number;
  if (bitLen(m) + q > maxExp) v = Infinity;
  else v = Number(m) * 2 ** Math.max(q, -1000) * 2 ** Math.min(q - Math.max(q, -1000), 0);
  if (format === 'float32') v = Math.fround(v); // exact: v is already a float32
  return neg ? -v : v;
}
