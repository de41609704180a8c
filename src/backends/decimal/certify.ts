import { Decimal } from 'decimal.js';
import type { Graph } from '../../graph/graph.js';
import type { FloatFormat } from '../format.js';
import { evaluateDual } from './evaluate.js';
import { roundDecimal } from './exact.js';
import { Arith, type Ctor, type Num, type X } from './xnum.js';

/** One quantity (the value or one partial) at one point, before limits are tried. */
export type Resolved =
  | { kind: 'finite'; value: number; decimal: string; x: X }
  | { kind: 'undefined'; reason: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'singular'; reason: string };

export interface Settings {
  format: FloatFormat;
  maxDigits: number;
  clone: (digits: number) => Ctor;
}

/** Per-call constructors, one per precision (cloning is cheap, but not free). */
export function cloneCache(): (digits: number) => Ctor {
  const cache = new Map<number, Ctor>();
  return (digits) => {
    let D = cache.get(digits);
    if (!D) {
      D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });
      cache.set(digits, D);
    }
    return D;
  };
}

/** 30, 50, then doubling, ending at maxDigits (Herbie's points.rkt raises precision the same way). */
export function ladder(maxDigits: number): number[] {
  if (maxDigits < 50) return [Math.max(2, Math.floor(maxDigits * 0.6)), Math.max(3, maxDigits)];
  const steps = [30, 50];
  while (steps[steps.length - 1]! * 2 < maxDigits) steps.push(steps[steps.length - 1]! * 2);
  // End on two close precisions, so the cap itself can still certify.
  const nearCap = Math.floor(maxDigits * 0.9);
  if (nearCap > steps[steps.length - 1]!) steps.push(nearCap);
  if (steps[steps.length - 1] !== maxDigits) steps.push(maxDigits);
  return steps;
}

export function rounded(x: X, format: FloatFormat): number {
  if (x.k === 'num') return roundDecimal(x.d, format);
  if (x.k === 'sat') return x.huge ? (x.neg ? -Infinity : Infinity) : x.neg ? -0 : 0;
  return NaN;
}

function digitsOf(x: X, precision: number): string {
  if (x.k === 'num') return x.d.toSignificantDigits(Math.min(21, precision)).toString();
  if (x.k === 'sat') return `${x.neg ? '-' : ''}${x.huge ? 'beyond 1e+9e15' : 'below 1e-9e15'}`;
  return 'NaN';
}

/**
 * The value (index 0, when wanted) and the partials by `directions` (then 1..n), each evaluated at
 * rising precision until two consecutive precisions round to the same float. Each quantity settles
 * on its own; later rounds differentiate only by the directions still open.
 */
export function resolveAll(graph: Graph, inputs: ReadonlyMap<string, Decimal>, directions: readonly string[], s: Settings): Resolved[] {
  const n = directions.length + 1;
  const done: (Resolved | undefined)[] = new Array(n).fill(undefined);
  const previous: (X | undefined)[] = new Array(n).fill(undefined);
  const last: X[] = [];
  const steps = ladder(s.maxDigits);
  let lastPrecision = steps[0]!;
  for (const p of steps) {
    lastPrecision = p;
    const open = directions.filter((_, j) => done[j + 1] === undefined);
    const dual = evaluateDual(graph, inputs, new Arith(s.clone(p), p, s.clone), open);
    const current: X[] = new Array(n);
    current[0] = dual.value;
    open.forEach((d, i) => (current[directions.indexOf(d) + 1] = dual.grads[i]!));
    for (let q = 0; q < n; q++) {
      if (done[q] !== undefined) continue;
      const cur = current[q]!;
      last[q] = cur;
      done[q] = judge(previous[q], cur, p, s.format);
      previous[q] = cur;
    }
    if (done.every((r) => r !== undefined)) break;
  }
  return done.map((r, q) => r ?? unsettled(last[q]!, lastPrecision));
}

function judge(prev: X | undefined, cur: X, precision: number, format: FloatFormat): Resolved | undefined {
  if (cur.k === 'fail') {
    if (cur.why === 'singular') return { kind: 'singular', reason: cur.reason };
    if (cur.why === 'beyond') return { kind: 'unknown', reason: cur.reason };
    if (cur.why === 'undefined' && (cur.firm || (prev?.k === 'fail' && prev.why === 'undefined'))) {
      return { kind: 'undefined', reason: cur.reason };
    }
    return undefined;
  }
  if (cur.k === 'num' && cur.noisy) return undefined;
  if (cur.k === 'num' && cur.exact) return { kind: 'finite', value: rounded(cur, format), decimal: digitsOf(cur, precision), x: cur };
  if (prev === undefined || prev.k === 'fail' || (prev.k === 'num' && prev.noisy)) return undefined;
  const a = rounded(prev, format);
  const b = rounded(cur, format);
  if (a !== b || Number.isNaN(b)) return undefined;
  if (cur.k === 'num' && !settledWithin(cur, b, format)) return undefined;
  return { kind: 'finite', value: b, decimal: digitsOf(cur, precision), x: cur };
}

/** Whether the value's estimated error interval (with a factor 10 of margin) rounds to one float. */
function settledWithin(x: Num, value: number, format: FloatFormat): boolean {
  if (x.acc <= 1) return false;
  const D = x.d.constructor as Ctor;
  if (x.acc - 1 > D.precision + 5) return true;
  const eps = new D(`1e-${Math.floor(x.acc - 1)}`);
  return roundDecimal(x.d.times(eps.plus(1)), format) === value && roundDecimal(x.d.times(new D(1).minus(eps)), format) === value;
}

function unsettled(last: X, precision: number): Resolved {
  if (last.k === 'fail' && last.why === 'undefined') {
    return { kind: 'unknown', reason: `${last.reason} from rounded inputs, not confirmed at ${precision} digits` };
  }
  if (last.k === 'fail' || (last.k === 'num' && last.noisy)) {
    return { kind: 'unknown', reason: `cancellation not resolved at ${precision} digits` };
  }
  return { kind: 'unknown', reason: `results did not agree up to ${precision} digits` };
}
