import { ddOp, type DDBall } from './fast/index.js';
import { addWide, magDown, magUp, scale, subWide, up } from './fast/ball.js';
import type { PrimOp } from './prim.js';
import { farExp, farExpTiny, farOp, isFarOrScaled } from './quick-far.js';
import { isScaled, scaledOp, scaledProduct } from './quick-scaled.js';

/**
 * The fast path's ops for the quick pass, plus underflow balls: a result the double-double balls cannot hold because
 * it lies below 2^-900 in magnitude (exp(-1e10), 1e-300 * 1e-300) becomes the ball 0 +- r, r >= |result| (rounded
 * up, as every radius). Such a ball is only ever added to, multiplied by, or divided by a regular ball (the cases
 * below, each bounded by hand); any other use is null (the full pipeline decides). The fast library itself never sees
 * one (its balls are narrow relative to their midpoint).
 */
export function quickOp(op: PrimOp, a: DDBall, b: DDBall | undefined): DDBall | null {
  if (isFarOrScaled(a) || (b !== undefined && isFarOrScaled(b))) {
    return isScaled(a) || (b !== undefined && isScaled(b)) ? scaledOp(op, a, b) : farOp(op, a, b, underSum);
  }
  const za = isUnder(a);
  const zb = b !== undefined && isUnder(b);
  if (za || zb) return underOp(op, a, b, za, zb);
  const r = b === undefined ? ddOp(op, [a]) : ddOp(op, [a, b]);
  if (r !== null) return r;
  if ((op === 'div' && b !== undefined) || op === 'reciprocal') {
    // a quotient above the fast path's 2^990 but below 2^1024 (1/x at 1e-300): the quotient of a / 2^64, then
    // times 2^64 (exact: a power of two, no overflow checked below); only sums take such a ball further
    const big = scaledQuotient(op === 'div' ? a : ONE_BALL, op === 'div' ? b! : a);
    if (big !== null) return big;
  }
  // a product or quotient beyond the double range with all its digits: mantissas and exponents (quick-scaled.ts)
  if (op === 'mul' || op === 'div' || op === 'square' || op === 'reciprocal' || op === 'pow') {
    const s = scaledProduct(op, a, b);
    if (s !== null) return s;
  }
  if ((op === 'add' || op === 'sub') && b !== undefined) {
    // a cancellation's wide ball, which the fast path does not pass on (no later op takes it either): as a result,
    // its width tells the BigInt pass how many bits were lost
    const w = op === 'add' ? addWide(a, b) : subWide(a, b);
    if (w !== null && Number.isFinite(w.hi) && w.rad < Infinity) return w;
  }
  // e^x beyond the double range: its sign and log2 bounds (quick-far.ts)
  if (op === 'exp') {
    const f = farExp(a) ?? farExpTiny(a);
    if (f !== null) return f;
  }
  return underflowed(op, a, b);
}

/** A sum with an underflow ball among a and b (quick-far.ts turns its tiny far balls into underflow balls). */
const underSum = (op: PrimOp, a: DDBall, b: DDBall): DDBall | null => underOp(op, a, b, isUnder(a), isUnder(b));

const ONE_BALL: DDBall = { hi: 1, lo: 0, rad: 0 };
const TWO64 = 2 ** 64;

function scaledQuotient(a: DDBall, b: DDBall): DDBall | null {
  const q = a.hi / b.hi;
  if (!(Math.abs(q) > 2 ** 980 && Math.abs(q) < 2 ** 1020)) return null;
  const down = scale(a, 1 / TWO64);
  const r = down === null ? null : ddOp('div', [down, b]);
  if (r === null) return null;
  const out = { hi: r.hi * TWO64, lo: r.lo * TWO64, rad: r.rad * TWO64 };
  return Number.isFinite(out.hi) && Number.isFinite(out.rad) ? out : null;
}

/** Below this, a magnitude may become an underflow ball. */
const SMALL = 2 ** -900;

const isUnder = (x: DDBall) => x.hi === 0 && x.rad > 0;
/** r: a float bound computed in round-to-nearest; up() covers its roundings, MIN_VALUE an underflow to 0 (a product
 *  or quotient of positive doubles that rounds to 0 is below 2^-1075). */
const under = (r: number): DDBall | null => (r < SMALL ? { hi: 0, lo: 0, rad: up(r) + Number.MIN_VALUE } : null);

/** An upper bound of |result| when it is certainly below SMALL, as an underflow ball (else null). */
function underflowed(op: PrimOp, a: DDBall, b: DDBall | undefined): DDBall | null {
  switch (op) {
    case 'exp': {
      // a <= hi + |lo| + rad (rounded up by up() against the few roundings of the sum); e^-745.2 < 2^-1075
      const top = a.hi + Math.abs(a.lo) + a.rad;
      if (!(top < -700)) return null;
      const t = top + Math.abs(top) * 2 ** -50;
      return under(t < -745.2 ? Number.MIN_VALUE : up(2 * Math.exp(t)) + 4 * Number.MIN_VALUE);
    }
    case 'mul': return b === undefined ? null : under(magUp(a) * magUp(b));
    case 'square': return under(magUp(a) * magUp(a));
    case 'div': {
      const d = b === undefined ? 0 : magDown(b);
      return d > 0 ? under(magUp(a) / d) : null;
    }
    case 'reciprocal': {
      const d = magDown(a);
      return d > 0 ? under(1 / d) : null;
    }
    default: return null;
  }
}

/** Ops with an underflow ball among the arguments: |u| <= u.rad, so each bound below is a sum or product of bounds. */
function underOp(op: PrimOp, a: DDBall, b: DDBall | undefined, za: boolean, zb: boolean): DDBall | null {
  switch (op) {
    case 'neg':
    case 'abs': return a;
    case 'add':
    case 'sub': {
      if (b === undefined) return null;
      if (za && zb) return { hi: 0, lo: 0, rad: up(a.rad + b.rad) };
      const [v, u] = za ? [b, a] : [a, b];
      const s = op === 'sub' && za ? -1 : 1;
      return { hi: s * v.hi, lo: s * v.lo, rad: up(v.rad + u.rad) };
    }
    case 'mul': return b === undefined ? null : under(magUp(a) * magUp(b));
    case 'square': return under(a.rad * a.rad);
    case 'div': {
      if (b === undefined || zb) return null;
      const d = magDown(b);
      return d > 0 ? under(a.rad / d) : null;
    }
    default: return null;
  }
}
