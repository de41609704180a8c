import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import { wantBits } from './certify.js';
import { plainDecimal } from './digits.js';
import { FAST } from './fast-arith.js';
import { magUp, up, type DDBall } from './fast/ball.js';
import type { PGraph } from './pgraph.js';
import type { Plan } from './plan.js';
import { DD } from './quick-balls.js';
import { quickOp } from './quick-op.js';
import { DELTA_BITS, taylorOf, type Taylor } from './taylor.js';

// The quick passes' Taylor try (docs/ground-truth.md): near 0, a quantity of one variable whose cancellation would
// cost 2 log2(1/|x|) bits in balls is its exact-coefficient polynomial plus a proved remainder (taylor.ts), evaluated
// in double-double balls. The result is certified by the same rule as every quick try (it rounds to one float and is
// narrower than 2^-want relative), so it is a proof or nothing.

const models = new WeakMap<PGraph, Map<number, Taylor | null>>();

function modelOf(g: PGraph, id: number): Taylor | null {
  let memo = models.get(g);
  if (memo === undefined) {
    memo = new Map();
    models.set(g, memo);
  }
  return taylorOf(g, id, memo);
}

const DELTA = 2 ** -DELTA_BITS;

/** The model's polynomial at x plus its remainder bound, as a double-double ball (null: no ball). */
function taylorBall(t: Taylor, x: number): DDBall | null {
  const X: DDBall = { hi: x, lo: 0, rad: 0 };
  // Horner from the top coefficient; an op the balls cannot bound ends it (null)
  let acc: DDBall | null = null;
  for (let i = t.c.length - 1; i >= 0; i--) {
    const c = FAST.fromRational(t.c[i]!, 106);
    if (c === null) return null;
    if (acc === null) acc = c;
    else {
      const m = quickOp('mul', acc, X);
      acc = m === null ? null : quickOp('add', m, c);
      if (acc === null) return null;
    }
  }
  if (acc === null) acc = { hi: 0, lo: 0, rad: 0 };
  for (let p = 0; p < Math.abs(t.lo) && acc !== null; p++) acc = quickOp(t.lo > 0 ? 'mul' : 'div', acc, X);
  if (acc === null || t.r.n === 0n) return acc;
  // r |x|^k rounded up: one rounding per product, each covered by up()
  const rb = FAST.fromRational(t.r, 106);
  if (rb === null) return null;
  let bound = magUp(rb);
  const ax = Math.abs(x);
  for (let p = 0; p < Math.abs(t.k); p++) bound = up(t.k > 0 ? bound * ax : bound / ax);
  if (!(bound < Infinity)) return null;
  // added as the ball 0 +- bound, through the quick pass's sum (acc may be a scaled ball: quick-scaled.ts)
  return quickOp('add', acc, { hi: 0, lo: 0, rad: bound });
}

/**
 * Settles the open targets of a one-variable plan at 0 < |x| <= 2^-DELTA_BITS that their models certify; true when
 * every target is settled.
 */
export function taylorTry(plan: Plan, point: Record<string, number>, format: FloatFormat, done: (Truth | undefined)[]): boolean {
  if (plan.vars.length !== 1) return false;
  const x = point[plan.vars[0]!]!;
  if (x === 0 || !(Math.abs(x) <= DELTA)) return false;
  const want = wantBits(format);
  for (let i = 0; i < done.length; i++) {
    if (done[i] !== undefined) continue;
    const t = modelOf(plan.g, i === 0 ? plan.value : plan.grads[i - 1]!);
    if (t === null) continue;
    const b = taylorBall(t, x);
    if (b === null || b.hi === 0 || !Number.isFinite(b.hi)) continue;
    const w = DD.relWidth(b);
    // an exact ball (rad 0) is left to the other tries: they know its exact value
    if (!(w <= -want) || w === -Infinity) continue;
    const v = DD.roundsTo(b, format);
    if (v === undefined) continue;
    done[i] = { kind: 'finite', value: v, decimal: plainDecimal(DD.digits(b)) };
  }
  for (let i = 0; i < done.length; i++) if (done[i] === undefined) return false;
  return true;
}
