import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import { wantBits } from './certify.js';
import { plainDecimal, qDigits } from './digits.js';
import type { Plan } from './plan.js';
import { BigBalls, DD, literalsOf, type Balls } from './quick-balls.js';
import { NO, Quick } from './quick-eval.js';
import { taylorTry } from './quick-taylor.js';

// The quick passes (docs/ground-truth.md, "Quick passes first"): the whole plan in plain balls from the input doubles,
// double-double first, then BigInt balls at the precisions the lost bits ask for; a point goes to the full pipeline
// (certify.ts) only when these cannot prove every target. quick-eval.ts evaluates the nodes, quick-balls.ts holds the
// two libraries as seen here, quick-op.ts the double-double ops with underflow balls.

/**
 * A try's outcome when not every target certified: the bits to add (the widest relative width, log2, among targets
 * that did not certify; for a ball around 0, its radius' log2, as if the result were about 1), and the spread of the
 * magnitudes computed. null: more precision will not help (a domain error, a singular point): the full pipeline.
 */
type Shortfall = { width: number; spread: number; missing?: boolean } | null;

/**
 * One of the first, cheapest tries at a point (quickTruths): the plan's targets not yet in `done`, in one ball
 * library, straight from the input doubles: no rationals, no splits. A target is settled only when its ball rounds
 * to one float of the format (the same rounding test and width rule as certify.ts), so each answer is a proof;
 * anything else (a ball that does not round to one float, an undecided comparison, a singular point, an op the
 * library cannot bound) leaves it open. Decisions (where, comparisons, sign) are taken only when the ball's sign is
 * proved, so the branch taken is the exact semantics' branch.
 */
function quickTry<B>(balls: Balls<B>, plan: Plan, point: Record<string, number>, format: FloatFormat,
  done: (Truth | undefined)[]): Shortfall | 'done' {
  const g = plan.g;
  const memo: (B | null | undefined)[] = new Array(g.nodes.length);
  const q = new Quick(balls, g, point, literalsOf(g, balls), memo);
  const want = wantBits(format);
  let width = -Infinity;
  let missing = false;
  let open = false;
  for (let i = 0; i < done.length; i++) {
    if (done[i] !== undefined) continue;
    const b = q.get(i === 0 ? plan.value : plan.grads[i - 1]!, 0);
    if (b === NO) {
      // a graph deeper than MAX_DEPTH: the full evaluator's bottom-up order, without more tries here
      if (q.deep) return null;
      // the double-double balls fail for many reasons more bits fix (a range, a width): the other targets' widths
      // still tell the BigInt pass where to start
      if (balls === (DD as unknown)) {
        missing = true;
        continue;
      }
      return balls.edge ? { width: NaN, spread: spread(balls, memo) } : null;
    }
    // known only by its magnitude's bounds (a double-double far ball): no float to certify, and no width to go by
    if (balls.far(b)) {
      missing = true;
      continue;
    }
    const w = balls.relWidth(b);
    // the width first: a wide ball is not certified whatever it rounds to (and deciding that can cost 4000 bits)
    const x = w !== -Infinity && !(w <= -want) ? undefined : balls.roundsTo(b, format);
    if (x === undefined) {
      open = true;
      // a ball that barely knows its magnitude (or is around 0) says little by its relative width: its radius, as if
      // the result were about 1 (1/x^2 - e^-x/(1 - e^-x)^2 = 1/12 at x = 1e-300 has a radius of 2^(1994 - p))
      const lost = Number.isFinite(w) && w < -8 ? w : Math.max(Number.isFinite(w) ? w : -Infinity, balls.log2Rad(b));
      if (!(lost > -Infinity)) {
        // 0 +- 2^-(2^1022) (e^(x - y) at x - y = -3.6e308): no precision says which side of 0; the full pipeline
        if (balls === (DD as unknown)) missing = true;
        else return null;
      }
      width = Math.max(width, lost);
      continue;
    }
    const exact = w === -Infinity ? balls.exactOf(b) : null;
    // an exact zero is +0, as the exact rationals give it (x * 0 at a negative x has a -0 midpoint)
    const value = exact !== null && exact.n === 0n ? 0 : w === -Infinity && balls.sign(b) === 0 ? 0 : x;
    done[i] = { kind: 'finite', value, decimal: plainDecimal(exact !== null ? qDigits(exact, 21) : balls.digits(b)) };
  }
  if (!open && !missing) return 'done';
  return { width: width === -Infinity ? NaN : width, spread: spread(balls, memo), missing };
}

/** The spread (log2) of the magnitudes computed: a cancellation loses at most about that many bits (certify.ts). */
function spread<B>(balls: Balls<B>, memo: (B | null | undefined)[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of memo) {
    if (b === undefined || b === null) continue;
    const m = balls.log2Mag(b);
    if (!Number.isFinite(m)) continue;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return hi >= lo ? hi - lo : 0;
}

/** Precisions in steps of 64 bits: a few dozen literal caches per graph, not one per precision a point asked for. */
const roundUp64 = (p: number) => Math.ceil(p / 64) * 64;

/** BigInt passes after the double-double one: at most this many, each at the precision the last one's width asks. */
const BIG_TRIES = 4;
const BIG_START = 128;

/**
 * The quick passes in turn: double-double balls, then BigInt balls at 128 bits and at the precisions the lost bits
 * ask for (p + width + want + 32, as certify.ts steps), up to the cap. null: the full pipeline decides.
 */
export function quickTruths(plan: Plan, point: Record<string, number>, format: FloatFormat, capBits = Infinity): Truth[] | null {
  const done: (Truth | undefined)[] = new Array(1 + plan.grads.length);
  const dd = quickTry(DD, plan, point, format, done);
  if (dd === 'done') return done as Truth[];
  if (dd === null) return null;
  // near 0, a one-variable quantity's Taylor model may settle what cancels in balls (quick-taylor.ts)
  if (taylorTry(plan, point, format, done)) return done as Truth[];
  // a double-double ball that lost bits to a cancellation says how many the BigInt balls need (106 + lost + ...)
  // A target with no double-double ball at all (an overflow on the way: 1/x^2 at 1e-300) likely cancels more than the
  // others: a partial of terms like x^-k has terms like x^-(k+1), one more factor 1/|x| to lose (a first guess only:
  // a wrong one costs one more pass, or one pass at more bits than needed)
  const steeper = dd.missing ? Math.max(0, ...plan.vars.map((v) => -Math.log2(Math.abs(point[v]!)))) : 0;
  const fromDD = Number.isFinite(dd.width) ? 106 + dd.width + (Number.isFinite(steeper) ? steeper : 0) + wantBits(format) + 32 : 0;
  let prec = Math.min(roundUp64(Math.max(BIG_START, fromDD)), capBits);
  for (let i = 0; i < BIG_TRIES; i++) {
    const r = quickTry(new BigBalls(prec), plan, point, format, done);
    if (r === 'done') return done as Truth[];
    if (r === null || prec >= capBits) return null;
    // the bits a cancellation lost are about the same at any precision; when no width says, the magnitudes' spread
    const lost = Number.isFinite(r.width) ? r.width : r.spread;
    prec = Math.min(capBits, roundUp64(Math.max(2 * prec, prec + lost + wantBits(format) + 32)));
  }
  return null;
}
