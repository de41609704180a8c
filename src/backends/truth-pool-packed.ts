import type { PointTruth, Truth } from './truth.js';

/**
 * A truth without its words: the kind and, for finite and infinite, the value rounded to the format. Everything that
 * judges a result needs only this; the decimal digits and reasons a report shows come from the complete truth.
 */
export type TruthValue = { kind: 'finite' | 'infinite'; value: number; limit?: boolean } | { kind: 'undefined' | 'unknown' };

const KINDS = ['finite', 'infinite', 'undefined', 'unknown'] as const;
/** Added to the kind's byte when the truth is a limit (e.g. f(0) = 0.5 of a removable singularity). */
const LIMIT = 4;

/** The quantities of a point in packed order: the value, then d/dv for each variable v. */
export const quantityCount = (vars: readonly string[]) => 1 + vars.length;

/** Writes a point's truths (value, then the gradient in `vars` order) at row `row` of kind bytes and values. */
export function packTruth(t: PointTruth, vars: readonly string[], kinds: Uint8Array, values: Float64Array, row: number): void {
  const at = row * quantityCount(vars);
  put(t.value, kinds, values, at);
  for (let j = 0; j < vars.length; j++) put(t.grad[vars[j]!]!, kinds, values, at + 1 + j);
}

function put(t: Truth, kinds: Uint8Array, values: Float64Array, at: number): void {
  kinds[at] = KINDS.indexOf(t.kind) + ('limit' in t && t.limit ? LIMIT : 0);
  values[at] = t.kind === 'finite' || t.kind === 'infinite' ? t.value : NaN;
}

/** The truth of quantity `k` (0: value, 1 + j: d/dvars[j]) at row `row`. */
export function unpackTruth(kinds: Uint8Array, values: Float64Array, quantities: number, row: number, k: number): TruthValue {
  const at = row * quantities + k;
  const code = kinds[at]!;
  const kind = KINDS[code & 3]!;
  if (kind === 'undefined' || kind === 'unknown') return { kind };
  return code & LIMIT ? { kind, value: values[at]!, limit: true } : { kind, value: values[at]! };
}
