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
