/**
 * The float formats and everything about their values: limits, rounding, ordinals (floats in order as integers),
 * ULP distances and bisection over ordered floats. A leaf: every stage imports it, it imports nothing.
 */
export type FloatFormat = 'float32' | 'float64';

export const FORMATS: readonly FloatFormat[] = ['float32', 'float64'];

export interface FormatLimits {
  max: number;
  minNormal: number;
  minSubnormal: number;
  epsilon: number;
}

export const FORMAT_LIMITS: Readonly<Record<FloatFormat, FormatLimits>> = {
  float32: { max: 3.4028234663852886e38, minNormal: 1.1754943508222875e-38, minSubnormal: 1.401298464324817e-45, epsilon: 2 ** -23 },
  float64: { max: Number.MAX_VALUE, minNormal: 2.2250738585072014e-308, minSubnormal: Number.MIN_VALUE, epsilon: 2 ** -52 },
};

/** Bits of the significand, the implicit bit included. */
export const SIGNIFICAND_BITS: Readonly<Record<FloatFormat, number>> = { float32: 24, float64: 53 };

/** Bits of the whole encoding (a non-finite result where the truth is finite counts as all of them wrong). */
export const TOTAL_BITS: Readonly<Record<FloatFormat, number>> = { float32: 32, float64: 64 };

const identity = (x: number) => x;

/** Rounds a double to the format (identity for float64). */
export function roundTo(format: FloatFormat): (x: number) => number {
  return format === 'float32' ? Math.fround : identity;
}

export function allocate(format: FloatFormat, n: number): Float32Array | Float64Array {
  return format === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

const buf = new DataView(new ArrayBuffer(8));

/** Maps floats to integers in the same order, adjacent floats to adjacent integers (-0 and +0 both to 0). */
export function toOrdinal(x: number, format: FloatFormat): bigint {
  if (format === 'float32') {
    buf.setFloat32(0, x);
    const bits = buf.getInt32(0);
    return BigInt(bits < 0 ? -(bits & 0x7fffffff) : bits);
  }
  buf.setFloat64(0, x);
  const bits = buf.getBigInt64(0);
  return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
}

export function fromOrdinal(o: bigint, format: FloatFormat): number {
  const negative = o < 0n;
  const mag = negative ? -o : o;
  if (format === 'float32') {
    buf.setInt32(0, Number(mag) | (negative ? 0x80000000 : 0));
    return buf.getFloat32(0);
  }
  buf.setBigInt64(0, negative ? mag | -0x8000000000000000n : mag);
  return buf.getFloat64(0);
}

/** ULPs between two finite floats of the format: the number of floats between them, plus one. */
export function ulpDistance(a: number, b: number, format: FloatFormat): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Infinity;
  if (a === b) return 0;
  const d = toOrdinal(a, format) - toOrdinal(b, format);
  return Number(d < 0n ? -d : d);
}

export function bitsOfError(ulps: number): number {
  return Math.log2(1 + ulps);
}

export function nextUp(x: number, format: FloatFormat): number {
  return fromOrdinal(toOrdinal(x, format) + 1n, format);
}

export function nextDown(x: number, format: FloatFormat): number {
  return fromOrdinal(toOrdinal(x, format) - 1n, format);
}

/**
 * The first float in (a, b] where `changed` is true, given it is false at a and true at b, by bisection over the
 * ordered floats of the format (at most 64 steps for float64).
 */
export function firstChange(a: number, b: number, format: FloatFormat, changed: (x: number) => boolean): number {
  let lo = toOrdinal(a, format);
  let hi = toOrdinal(b, format);
  while (hi - lo > 1n) {
    const mid = lo + (hi - lo) / 2n;
    if (changed(fromOrdinal(mid, format))) hi = mid;
    else lo = mid;
  }
  return fromOrdinal(hi, format);
}
