import { Decimal } from 'decimal.js';
import type { FloatFormat } from '../../base/float-format.js';

/** Wide enough to hold the exact value of any double and the midpoint of two neighbouring floats. */
const Wide = Decimal.clone({ precision: 2000, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });

const view = new DataView(new ArrayBuffer(8));

/** The exact value of a double (new Decimal(0.1) would parse the shortest string instead). */
export function exactDecimal(x: number): Decimal {
  if (!Number.isFinite(x) || x === 0) return new Wide(x);
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent = biased - 1075;
  if (biased === 0) exponent = -1074;
  else mantissa |= 1n << 52n;
  const sign = negative ? '-' : '';
  if (exponent >= 0) return new Wide(sign + (mantissa << BigInt(exponent)).toString());
  // m * 2^e = m * 5^-e * 10^e
  return new Wide(`${sign}${(mantissa * 5n ** BigInt(-exponent)).toString()}e${exponent}`);
}

interface Layout {
  /** The value just past max that overflow rounds to, treated as a float with an even mantissa. */
  overflow: Decimal;
  max: number;
  minSubnormal: number;
  next: (x: number, up: boolean) => number;
  odd: (x: number) => boolean;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function next32(x: number, up: boolean): number {
  if (x === 0) return up ? 2 ** -149 : -(2 ** -149);
  f32[0] = x;
  u32[0] = u32[0]! + ((x > 0) === up ? 1 : -1);
  return f32[0]!;
}

function next64(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, (x > 0) === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

const LAYOUTS: Record<FloatFormat, Layout> = {
  float32: {
    overflow: new Wide(2).pow(128),
    max: 3.4028234663852886e38,
    minSubnormal: 2 ** -149,
    next: next32,
    odd: (x) => {
      f32[0] = x;
      return (u32[0]! & 1) === 1;
    },
  },
  float64: {
    overflow: new Wide(2).pow(1024),
    max: Number.MAX_VALUE,
    minSubnormal: Number.MIN_VALUE,
    next: next64,
    odd: (x) => {
      view.setFloat64(0, x);
      return (view.getBigUint64(0) & 1n) === 1n;
    },
  },
};

function exactOf(x: number, layout: Layout): Decimal {
  if (x === Infinity) return layout.overflow;
  if (x === -Infinity) return layout.overflow.neg();
  return exactDecimal(x);
}

/**
 * d correctly rounded (ties to even) to the format, with subnormals, signed zeros and overflow to
 * +-Infinity at or beyond max + half an ulp. The float64 parse of the digits gives a candidate
 * one float away at most; the neighbour toward d and the exact midpoint decide, so float32 is
 * never double rounded.
 */
export function roundDecimal(d: Decimal, format: FloatFormat): number {
  return roundRange(d, d, format) ?? roundExactly(d, format);
}

/**
 * The float every value in [lo, hi] rounds to, when it is one float and a cheap test shows it;
 * undefined when the range is not one float or lies too close to a rounding boundary to tell.
 * The ends are widened outward to 20 significant digits, which JavaScript's Number() rounds
 * correctly (ECMA-262 guarantees it up to 20 digits); rounding is monotone, so when both ends
 * give the same float, so does everything between. float32 goes through a double; that is only
 * wrong when the double is itself a float32 midpoint, which is checked.
 */
export function roundRange(lo: Decimal, hi: Decimal, format: FloatFormat): number | undefined {
  if (!lo.isFinite() || !hi.isFinite()) return undefined;
  if (lo.isZero() || hi.isZero()) return lo.isZero() && hi.isZero() && lo.isNeg() === hi.isNeg() ? (lo.isNeg() ? -0 : 0) : undefined;
  const a = Number(lo.toSignificantDigits(20, Decimal.ROUND_FLOOR).toString());
  const b = Number(hi.toSignificantDigits(20, Decimal.ROUND_CEIL).toString());
  if (format === 'float64') return Object.is(a, b) ? a : undefined;
  if (isMidpoint32(a) || isMidpoint32(b)) return undefined;
  const fa = Math.fround(a);
  return Object.is(fa, Math.fround(b)) ? fa : undefined;
}

const OVERFLOW_MID32 = 2 ** 128 - 2 ** 103;

function isMidpoint32(r: number): boolean {
  if (Math.abs(r) === OVERFLOW_MID32) return true;
  const f = Math.fround(r);
  if (f === r || !Number.isFinite(f)) return false;
  const g = next32(f, r > f);
  return r === (f + g) / 2;
}

/** The exact rounding: the candidate from the double parse, its neighbour and their exact midpoint. */
function roundExactly(d: Decimal, format: FloatFormat): number {
  if (d.isNaN()) return NaN;
  if (!d.isFinite()) return d.isNeg() ? -Infinity : Infinity;
  if (d.isZero()) return d.isNeg() ? -0 : 0;
  const layout = LAYOUTS[format];
  const parsed = Number(d.toString());
  let f = format === 'float32' ? Math.fround(parsed) : parsed;
  if (f === 0) f = d.isNeg() ? -0 : 0;
  const ef = exactOf(f, layout);
  const side = d.cmp(ef);
  if (side === 0) return f;
  let g: number;
  if (f === Infinity || f === -Infinity) {
    if ((f > 0) === (side > 0)) return f;
    g = f > 0 ? layout.max : -layout.max;
  } else {
    g = layout.next(f, side > 0);
  }
  const eg = exactOf(g, layout);
  const mid = ef.plus(eg).div(2);
  const past = d.cmp(mid) * side;
  if (past < 0) return f;
  if (past > 0) return g;
  const fOdd = Number.isFinite(f) && f !== 0 && layout.odd(f);
  const gOdd = Number.isFinite(g) && g !== 0 && layout.odd(g);
  return fOdd && !gOdd ? g : f;
}
