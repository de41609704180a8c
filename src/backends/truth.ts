import type { FloatFormat } from '../base/float-format.js';

/**
 * The ground truth of one quantity at one point, certified for one float format.
 * - finite: the exact result, correctly rounded to the format (value may be +-Infinity when the
 *   exact result is finite but beyond the format's range); decimal is the exact result's leading digits.
 * - infinite: the mathematical result is an infinity (a pole where both sides agree in sign).
 * - undefined: the mathematical result does not exist (log of a negative, a pole whose sides differ).
 * - unknown: precision escalation hit its cap without two results agreeing.
 */
export type Truth =
  | { kind: 'finite'; value: number; decimal: string; limit?: boolean }
  | { kind: 'infinite'; value: number; limit?: boolean }
  | { kind: 'undefined'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface PointTruth {
  value: Truth;
  /** d(value)/d(var) for every variable of the graph. */
  grad: Record<string, Truth>;
}

export interface TruthOptions {
  /** Cap on significant digits before giving up with "unknown" (default 1200). */
  maxDigits?: number;
}

export type { FloatFormat };

/**
 * A truth of a reference that lacks some of the form's variables, seen with the form's variables: the reference does
 * not depend on a missing one, so its partial there is exactly 0 where the value exists (undefined or unknown where
 * the value is).
 */
export function forVariables(t: PointTruth, vars: readonly string[]): PointTruth {
  if (vars.every((v) => Object.hasOwn(t.grad, v))) return t;
  const zero: Truth = t.value.kind === 'finite' || t.value.kind === 'infinite' ? { kind: 'finite', value: 0, decimal: '0' } : t.value;
  const grad: Record<string, Truth> = Object.create(null);
  for (const v of vars) grad[v] = Object.hasOwn(t.grad, v) ? t.grad[v]! : zero;
  return { value: t.value, grad };
}
