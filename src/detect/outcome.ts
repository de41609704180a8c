import type { FloatFormat } from '../base/float-format.js';
import type { Truth } from '../backends/truth.js';
import type { TruthValue } from '../backends/truth-pool-packed.js';
import { ulpDistance } from '../base/float-format.js';
import type { Outcome } from './types.js';

export interface Judged { outcome: Outcome; ulps: number }

const TOTAL_BITS = { float32: 32, float64: 64 } as const;

/**
 * One result against its truth. NaN and inf are outcomes of their own whatever the truth; their ulps are Infinity
 * when the truth is finite (the worst error), 0 when the truth agrees (an infinity the exact result also rounds to).
 */
/**
 * A finite result is inaccurate only when it is off by more than `tolerance` ULPs AND by more than `atol` in absolute
 * terms (numpy's isclose logic with ULPs for rtol): with atol 0 only the ULPs count.
 */
export function judge(result: number, truth: Truth | TruthValue, format: FloatFormat, tolerance: number, atol = 0): Judged {
  if (Number.isNaN(result)) return { outcome: 'nan', ulps: truth.kind === 'finite' || truth.kind === 'infinite' ? Infinity : NaN };
  if (!Number.isFinite(result)) {
    const agrees = (truth.kind === 'finite' || truth.kind === 'infinite') && truth.value === result;
    return { outcome: 'inf', ulps: agrees ? 0 : truth.kind === 'finite' || truth.kind === 'infinite' ? Infinity : NaN };
  }
  if (truth.kind === 'infinite') return { outcome: 'inaccurate', ulps: Infinity };
  if (truth.kind !== 'finite') return { outcome: 'unknown', ulps: NaN };
  const ulps = Number.isFinite(truth.value) ? ulpDistance(result, truth.value, format) : Infinity;
  return { outcome: ulps <= tolerance || Math.abs(result - truth.value) <= atol ? 'ok' : 'inaccurate', ulps };
}

/** Bits of error log2(1 + ulps), with a non-finite result where the truth is finite counted as every bit wrong. */
export function bitsOf(ulps: number, format: FloatFormat): number {
  return ulps === Infinity ? TOTAL_BITS[format] : Math.log2(1 + ulps);
}
