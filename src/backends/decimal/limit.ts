import { Decimal } from 'decimal.js';
import type { Truth } from '../truth.js';
import type { Resolved } from './certify.js';
import { isHuge, isNeg, isTiny, type Value } from './xnum.js';

/**
 * Limits at a removable singularity or a pole: every variable moves together by a relative step
 * (absolute at 0) of 10^-30 and 10^-60, on both sides. Each variable gets its own multiple of the
 * step so that a singular line such as x = y is left too.
 */
export const STEPS = [30, 60] as const;
const Wide = Decimal.clone({ precision: 4000, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });

export function perturb(inputs: ReadonlyMap<string, Decimal>, side: 1 | -1, k: number): Map<string, Decimal> {
  const moved = new Map<string, Decimal>();
  let i = 0;
  for (const [name, v] of inputs) {
    const x = new Wide(v);
    const scale = x.isZero() ? new Wide(1) : x.abs();
    const step = scale.times(1 + i / 4).times(new Wide(10).pow(-k)).times(side);
    moved.set(name, x.plus(step));
    i++;
  }
  return moved;
}

export type Side =
  | { kind: 'absent' }
  | { kind: 'value'; value: number; decimal: string }
  | { kind: 'infinite'; negative: boolean }
  | { kind: 'none'; reason: string }
  | { kind: 'unknown'; reason: string };

/** near: the results at the larger step, far: at the smaller step (closer to the point). */
export function sideOf(near: Resolved, far: Resolved): Side {
  if (near.kind === 'unknown') return near;
  if (far.kind === 'unknown') return far;
  if (near.kind === 'undefined' && far.kind === 'undefined') return { kind: 'absent' };
  if (near.kind !== 'finite' || far.kind !== 'finite') return { kind: 'none', reason: 'no limit: singular arbitrarily close to the point' };
  const a = near.x;
  const b = far.x;
  if (isHuge(a) && isHuge(b) && isNeg(a as Value) === isNeg(b as Value)) return { kind: 'infinite', negative: isNeg(b as Value) };
  if (a.k === 'num' && b.k === 'num' && !a.d.isZero() && !b.d.isZero() && a.d.isNeg() === b.d.isNeg()) {
    if (b.d.abs().gte(a.d.abs().times(1.5))) return { kind: 'infinite', negative: b.d.isNeg() };
  }
  if (a.k === 'num' && isHuge(b) && !a.d.isZero() && a.d.isNeg() === isNeg(b as Value)) return { kind: 'infinite', negative: a.d.isNeg() };
  if (near.value === far.value) return { kind: 'value', value: far.value, decimal: far.decimal };
  const shrinks = isTiny(b) || isHuge(b) ? isTiny(b) : a.k === 'num' && b.k === 'num' && b.d.abs().lte(a.d.abs().times(1e-8));
  if (shrinks) return { kind: 'value', value: 0, decimal: '0' };
  return { kind: 'none', reason: 'no limit: the values do not settle' };
}

/** Combines the samples [side +][step], [side -][step] into the truth of the limit. */
export function limitTruth(plus: [Resolved, Resolved], minus: [Resolved, Resolved], why: string): Truth {
  const right = sideOf(plus[0], plus[1]);
  const left = sideOf(minus[0], minus[1]);
  for (const s of [right, left]) if (s.kind === 'unknown') return { kind: 'unknown', reason: `limit at ${why}: ${s.reason}` };
  if (right.kind === 'absent' && left.kind === 'absent') return { kind: 'undefined', reason: `${why}, undefined on both sides` };
  const sides = [right, left].filter((s) => s.kind !== 'absent');
  const [first] = sides;
  const agrees = sides.every((s) =>
    (s.kind === 'value' && first!.kind === 'value' && s.value === first.value) ||
    (s.kind === 'infinite' && first!.kind === 'infinite' && s.negative === first.negative),
  );
  if (!agrees) {
    const none = sides.find((s) => s.kind === 'none');
    return { kind: 'undefined', reason: `${why}: ${none?.kind === 'none' ? none.reason : 'the one-sided limits differ'}` };
  }
  if (first!.kind === 'value') return { kind: 'finite', value: first.value, decimal: first.decimal, limit: true };
  if (first!.kind === 'infinite') return { kind: 'infinite', value: first.negative ? -Infinity : Infinity, limit: true };
  return { kind: 'undefined', reason: why };
}
