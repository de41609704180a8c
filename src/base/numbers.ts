import type { FloatFormat } from './float-format.js';

/**
 * The one family of number formatters. Each says in its name what it keeps:
 * - floatText: the shortest decimal that reads back as the same float of the format ("-88.72284", "3.4028235e+38");
 * - valueText: 6 significant digits when they identify the value (as a double or a float32), else as many as needed;
 * - fourDigits: 4 significant digits, exponent without "+", for one-line summaries ("-3.403e38", "1e-5");
 * - sixDigits: 6 significant digits ("1.23457e+21");
 * - ulpsText / countText: error sizes ("1.2e+7", "3.5", "inf", "?").
 * Non-finite values are NaN, inf, -inf everywhere; -0 keeps its sign.
 */
export function floatText(x: number, format: FloatFormat): string {
  const special = nonFinite(x);
  if (special !== undefined) return special;
  if (format === 'float64') return withExponent(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return withExponent(Number(s));
  }
  return withExponent(x);
}

export function valueText(v: number): string {
  const special = nonFinite(v);
  if (special !== undefined) return special;
  for (const p of [6, 9, 17]) {
    const s = Number(v.toPrecision(p));
    if (s === v || (p < 17 && Math.fround(s) === v)) return withExponent(s);
  }
  return withExponent(v);
}

/** String(v), but from 1e15 up with an exponent: "1.92096952e+19", not "19209695200000000000". */
function withExponent(v: number): string {
  if (Math.abs(v) < 1e15) return String(v);
  const [mantissa, exponent] = v.toExponential().split('e');
  return `${mantissa}e${exponent}`;
}

export function fourDigits(v: number): string {
  const special = nonFinite(v);
  if (special !== undefined) return special;
  if (v === 0) return '0';
  const exponent10 = Math.floor(Math.log10(Math.abs(v)));
  const s = exponent10 < -3 ? v.toExponential(3) : v.toPrecision(4);
  const [mantissa, exponent] = s.split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/0+$/, '').replace(/\.$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${Number(exponent)}`;
}

export function sixDigits(v: number): string {
  return nonFinite(v) ?? String(Number(v.toPrecision(6)));
}

export function ulpsText(u: number): string {
  if (Number.isNaN(u)) return '?';
  if (u === Infinity) return 'inf';
  return u >= 1e6 ? u.toExponential(1) : String(Math.round(u * 10) / 10);
}

export function countText(u: number): string {
  return u >= 1e6 ? u.toExponential(1) : String(u);
}

function nonFinite(v: number): string | undefined {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '-0';
  return undefined;
}

/**
 * An exact decimal (the truth's leading digits, any length, with or without an exponent) cut to `digits` significant
 * digits without losing its scale: "2.36157404820e-44", "0.500000003641", "88.7228455562". Cut, not rounded: the
 * digits shown are digits of the exact value.
 */
export function decimalText(decimal: string, digits = 12): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  const all = int + frac;
  const lead = all.search(/[1-9]/);
  if (lead < 0) return '0';
  const exponent = int.length - lead - 1 + Number(exp);
  const kept = all.slice(lead, lead + digits).replace(/0+$/, '') || '0';
  const neg = sign === '-' ? '-' : '';
  if (exponent < -5 || exponent >= digits) return `${neg}${kept[0]}${kept.length > 1 ? `.${kept.slice(1)}` : ''}e${exponent >= 0 ? '+' : ''}${exponent}`;
  if (exponent < 0) return `${neg}0.${'0'.repeat(-exponent - 1)}${kept}`;
  const whole = kept.padEnd(exponent + 1, '0');
  return `${neg}${whole.slice(0, exponent + 1)}${whole.length > exponent + 1 ? `.${whole.slice(exponent + 1)}` : ''}`;
}
