import type { FloatFormat } from '../base/float-format.js';
import { DEFAULT_ATOL } from '../core/diagnose.js';

export type PointOutcome = 'ok' | 'inaccurate' | 'inf' | 'nan' | 'unknown';

/** eval's yardstick, scan's defaults: off by more than 16 ULPs and by more than half an ULP of 1 (absolute). */
export const EVAL_ULPS = 16;

/**
 * One evaluated result's outcome, from the result, its ULP distance and the exact value's text (a decimal,
 * "Infinity", "-Infinity", "undefined" or "unknown"): NaN and inf are outcomes of their own, as in scan.
 */
export function pointOutcome(result: number, ulps: number, exact: string, format: FloatFormat): PointOutcome {
  if (Number.isNaN(result)) return 'nan';
  if (!Number.isFinite(result)) return 'inf';
  if (Number.isNaN(ulps)) return 'unknown';
  if (ulps <= EVAL_ULPS) return 'ok';
  const truth = Number(exact);
  return Number.isFinite(truth) && Math.abs(result - truth) <= DEFAULT_ATOL[format] ? 'ok' : 'inaccurate';
}
