import type { FloatFormat } from '../backends/format.js';
import { fromOrdinal, toOrdinal } from './ordinal.js';

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
