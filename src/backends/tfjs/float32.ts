/** float32 classes and ordinals: the integer order of float32 values, so ULP distances and bisection are integer arithmetic. */

export type FloatClass = 'nan' | '+inf' | '-inf' | 'finite';

export function classify(x: number): FloatClass {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return '+inf';
  if (x === -Infinity) return '-inf';
  return 'finite';
}

/** The float32 nearest x as an ordinal: consecutive float32s have consecutive ordinals, and -0 and +0 are both 0. */
export function ordinal32(x: number): number {
  const bits = new Int32Array(Float32Array.of(x).buffer)[0]!;
  return bits < 0 ? -(bits & 0x7fffffff) : bits;
}

export function fromOrdinal32(ordinal: number): number {
  const bits = Int32Array.of(ordinal < 0 ? -ordinal | 0x80000000 : ordinal);
  return new Float32Array(bits.buffer)[0]!;
}

/** How many float32 values lie between a and b (both finite). */
export function ulps32(a: number, b: number): number {
  return Math.abs(ordinal32(a) - ordinal32(b));
}
