import type { FloatFormat } from '../backends/format.js';

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
