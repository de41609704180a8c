import type { Q } from './rational.js';

/** The leading decimal digits of an exact rational (truncated, so every printed digit is right): "1.25e-3". */
export function qDigits(q: Q, max: number): string {
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
  if (exactly) s = s.replace(/0+$/, '') || '0';
  const mant = s.length > 1 ? `${s[0]}.${s.slice(1)}` : s;
  return `${neg ? '-' : ''}${mant}e${exponent >= 0 ? '+' : ''}${exponent}`;
}

/** The leading digits every number in [lo, hi] shares (both ends truncated), at most max. */
export function intervalDigits(lo: Q, hi: Q, max: number): string {
  if (lo.n === 0n && hi.n === 0n) return '0';
  if ((lo.n < 0n) !== (hi.n < 0n) || lo.n === 0n || hi.n === 0n) return '0e+0';
  const a = qDigits(lo, max);
  const b = qDigits(hi, max);
  const [ma, ea] = a.split('e') as [string, string];
  const [mb, eb] = b.split('e') as [string, string];
  if (ea !== eb) return `${a[0] === '-' ? '-' : ''}0e${ea}`;
  let k = 0;
  while (k < ma.length && k < mb.length && ma[k] === mb[k]) k++;
  let m = ma.slice(0, k).replace(/\.$/, '');
  if (!/\d/.test(m)) m = `${m}0`;
  return `${m}e${ea}`;
}
