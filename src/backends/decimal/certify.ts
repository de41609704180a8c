import { Decimal } from 'decimal.js';
import type { Graph } from '../../graph/graph.js';
import type { FloatFormat } from '../../base/float-format.js';
import { evaluateDual } from './evaluate.js';
import { roundDecimal, roundRange } from './exact.js';
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

/**
 * decimal.js constructors by precision, shared by all calls: a clone is never reconfigured after
 * it is made, so this memo holds only immutable values.
 */
const clones = new Map<number, Ctor>();
export function cloneFor(digits: number): Ctor {
  let D = clones.get(digits);
  if (!D) {
    D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, maxE: 9e15, minE: -9e15 });
    clones.set(digits, D);
  }
  return D;
}

/** The first precision: float32 needs 9 digits, float64 17, both plus room for cancellation. */
const START: Record<FloatFormat, number> = { float32: 25, float64: 30 };

/** 25 or 30, 50, then doubling, ending at maxDigits (Herbie's points.rkt raises precision the same way). */
export function ladder(maxDigits: number, format: FloatFormat = 'float64'): number[] {
  if (maxDigits < 50) return [Math.max(2, Math.floor(maxDigits * 0.6)), Math.max(3, maxDigits)];
  const steps = [START[format], 50];
  while (steps[steps.length - 1]! * 2 < maxDigits) steps.push(steps[steps.length - 1]! * 2);
  // End on two close precisions, so the cap itself can still certify.
  const nearCap = Math.floor(maxDigits * 0.9);
  if (nearCap > steps[steps.length - 1]!) steps.push(nearCap);
  if (steps[steps.length - 1] !== maxDigits) steps.push(maxDigits);
  return steps;
}

/** A Big or saturated value is beyond every float format: +-Infinity or +-0. */
export function rounded(x: X, format: FloatFormat): number {
  if (x.k === 'num') return roundDecimal(x.d, format);
  if (x.k === 'fail') return NaN;
  const huge = x.k === 'sat' ? x.huge : x.e > 0n;
  const neg = x.k === 'sat' ? x.neg : x.m.d.isNeg();
  return huge ? (neg ? -Infinity : Infinity) : neg ? -0 : 0;
}

function digitsOf(x: X, precision: number): string {
  const n = Math.min(21, precision);
  if (x.k === 'num') return x.d.toSignificantDigits(n).toString();
  if (x.k === 'big') return `${x.m.d.toSignificantDigits(n).toFixed()}e${x.e > 0n ? '+' : ''}${x.e}`;
  if (x.k === 'sat') return `${x.neg ? '-' : ''}${x.huge ? 'beyond 1e+1e400' : 'below 1e-1e400'}`;
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
  let opened: X[] = [];
  const current = () => opened;
  const steps = ladder(s.maxDigits, s.format);
  let lastPrecision = steps[0]!;
  for (let p: number | undefined = steps[0]!; p !== undefined; p = nextPrecision(p, current(), steps)) {
    lastPrecision = p;
    const open = directions.filter((_, j) => done[j + 1] === undefined);
    const dual = evaluateDual(graph, inputs, new Arith(s.clone(p), p, s.clone), open);
    const now: X[] = new Array(n);
    now[0] = dual.value;
    open.forEach((d, i) => (now[directions.indexOf(d) + 1] = dual.grads[i]!));
    opened = [];
    for (let q = 0; q < n; q++) {
      if (done[q] !== undefined) continue;
      const cur = now[q]!;
      last[q] = cur;
      done[q] = judge(previous[q], cur, p, s.format);
      previous[q] = cur;
      if (done[q] === undefined) opened.push(cur);
    }
    if (done.every((r) => r !== undefined)) break;
  }
  return done.map((r, q) => r ?? unsettled(last[q]!, lastPrecision));
}

/** The accuracy a quantity is evaluated for: one evaluation certifies it, away from rounding boundaries. */
const TARGET_ACC = 22;

/**
 * The precision after p for the quantities still open, undefined past the ladder's end. A quantity
 * whose error estimate is informative (some correct digits) lost about p - acc digits, the same at
 * any precision: jump straight to where it has TARGET_ACC. Noise, garbage (no correct digit: the
 * loss is only bounded below) and rounding-boundary cases climb the ladder.
 */
function nextPrecision(p: number, open: readonly X[], steps: readonly number[]): number | undefined {
  const ladderNext = steps.find((q) => q > p);
  if (ladderNext === undefined) return undefined;
  const cap = steps[steps.length - 1]!;
  let next = 0;
  for (const x of open) {
    const informative = x.k === 'num' && !x.noisy && x.acc >= 4 && x.acc < TARGET_ACC;
    next = Math.max(next, informative ? Math.ceil(p + (TARGET_ACC - x.acc) + 4 + 0.02 * p) : ladderNext);
  }
  return Math.min(cap, Math.max(next, p + 8));
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
  // One evaluation is enough when its error bound, with a factor 100 of margin, rounds to one float
  // (and leaves 16 good digits for `decimal`).
  if (cur.k === 'num' && cur.acc >= 18) {
    const one = within(cur, format, 2);
    if (one !== undefined) return { kind: 'finite', value: one, decimal: digitsOf(cur, precision), x: cur };
  }
  // Beyond decimal.js the exponent is exact: a mantissa with a digit of accuracy decides +-Infinity or +-0.
  if (cur.k === 'big' && !cur.m.noisy && cur.m.acc >= 1) return { kind: 'finite', value: rounded(cur, format), decimal: digitsOf(cur, precision), x: cur };
  if (prev === undefined || prev.k === 'fail' || (prev.k === 'num' && prev.noisy)) return undefined;
  const a = rounded(prev, format);
  const b = rounded(cur, format);
  if (a !== b || Number.isNaN(b)) return undefined;
  if (cur.k === 'num' && within(cur, format, 1) !== b) return undefined;
  return { kind: 'finite', value: b, decimal: digitsOf(cur, precision), x: cur };
}

/** The float the value's estimated error interval (widened by 10^margin) rounds to, if it is one. */
function within(x: Num, format: FloatFormat, margin: number): number | undefined {
  const digits = Math.floor(x.acc - margin);
  if (digits < 2 || x.d.isZero()) return undefined;
  const D = x.d.constructor as Ctor;
  const eps = new D(`1e-${digits}`);
  // x (1 +- eps), with the product by eps (one digit) exact and one rounding, as x.d.times(1 +- eps).
  const offset = x.d.times(eps);
  const a = x.d.plus(offset);
  const b = x.d.minus(offset);
  const [lo, hi] = x.d.isNeg() ? [a, b] : [b, a];
  const fast = roundRange(lo, hi, format);
  if (fast !== undefined) return fast;
  const r = roundDecimal(lo, format);
  return Object.is(r, roundDecimal(hi, format)) ? r : undefined;
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
