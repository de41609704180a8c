import type { Arith } from './arith.js';
import { intervalDigits } from './digits.js';
import { ddFromDecimal, ddFromDouble, ddOp, ddRoundsTo, ddSign, type DDBall } from './fast/index.js';
import * as Q from './rational.js';

/** The exact ends of a double-double ball, as rationals. */
function ends(b: DDBall): [Q.Q, Q.Q] {
  const mid = Q.add(Q.fromDouble(b.hi), Q.fromDouble(b.lo));
  const r = Q.fromDouble(b.rad);
  return [Q.sub(mid, r), Q.add(mid, r)];
}

/** A rational as a double-double ball: hi + lo its two nearest parts, rad what is left (bounded above). */
function fromRational(q: Q.Q): DDBall | null {
  const hi = Q.roundQ(q);
  if (!Number.isFinite(hi) || (hi !== 0 && Math.abs(hi) < 2 ** -960)) return null;
  const rem = Q.sub(q, Q.fromDouble(hi));
  const lo = Q.roundQ(rem);
  const left = Q.sub(rem, Q.fromDouble(lo));
  const rad = Q.isZero(left) ? 0 : Math.abs(Q.roundQ(left)) * 2 + Number.MIN_VALUE;
  return { hi, lo, rad };
}

/** The double-double fast path (src/backends/truth/fast/): about 106 bits, one precision. */
export const FAST: Arith<DDBall> = {
  name: 'double-double balls',
  precisions: () => [106],
  fromDouble: (x) => (Number.isFinite(x) ? ddFromDouble(x) : null),
  fromRational: (q) => fromRational(q),
  fromDecimal: (text) => ddFromDecimal(text),
  op: (op, args) => ddOp(op, args),
  roundsTo: (b, format) => ddRoundsTo(b, format),
  sign: (b) => ddSign(b),
  digits: (b, max) => {
    const [lo, hi] = ends(b);
    return intervalDigits(lo, hi, max);
  },
  log2Mag: (b) => Math.log2(Math.abs(b.hi)),
  relWidth: (b) => (b.rad === 0 ? -Infinity : b.hi === 0 ? Infinity : Math.log2(b.rad / Math.abs(b.hi))),
};
