import { fromOrdinal, toOrdinal, ulpDistance } from '../../base/float-format.js';

/** The class of a result, as compared between the emulator and TF.js. */
export type FloatClass = 'nan' | '+inf' | '-inf' | 'finite';

export function classify(x: number): FloatClass {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return '+inf';
  if (x === -Infinity) return '-inf';
  return 'finite';
}

/** float32 ordinals fit a double exactly; these wrap sample/ordinal.ts for the float32-only TF.js code. */
export const ordinal32 = (x: number): number => Number(toOrdinal(x, 'float32'));
export const fromOrdinal32 = (o: number): number => fromOrdinal(BigInt(o), 'float32');
export const ulps32 = (a: number, b: number): number => ulpDistance(a, b, 'float32');
