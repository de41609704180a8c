export type FloatFormat = 'float32' | 'float64';

export const FORMATS: readonly FloatFormat[] = ['float32', 'float64'];

/** Rounds a double to the format (identity for float64). */
export function roundTo(format: FloatFormat): (x: number) => number {
  return format === 'float32' ? Math.fround : (x: number) => x;
}

export function allocate(format: FloatFormat, n: number): Float32Array | Float64Array {
  return format === 'float32' ? new Float32Array(n) : new Float64Array(n);
}
