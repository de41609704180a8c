import type { Arith } from './arith.js';
import { ballDigits } from './digits.js';
import { ddFromDecimal, ddFromDouble, ddOp, ddRoundsTo, ddSign, type DDBall } from './fast/index.js';
import * as Q from './rational.js';


/** Conversions of the same rational (a literal, at every point) are cached: the ball is a function of it. */
const converted = new WeakMap<Q.Q, DDBall | null>();

function fromRational(q: Q.Q): DDBall | null {
  let b = converted.get(q);
  if (b === undefined) {
    b = convert(q);
    converted.set(q, b);
  }
  return b;
}

/** A rational as a double-double ball: hi + lo its two nearest parts, rad what is left (bounded above). */
function convert(q: Q.Q): DDBall | null {
  if (q.n === 0n) return { hi: 0, lo: 0, rad: 0 };
  if ((q.d & (q.d - 1n)) === 0n && Q.bitLen(q.n) <= 53) {
    // a double exactly (unless it is outside the normal range)
    const hi = Number(q.n) * 2 ** -(Q.bitLen(q.d) - 1);
    if (Number.isFinite(hi) && Math.abs(hi) >= 2 ** -960) return { hi, lo: 0, rad: 0 };
  }
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
  start: 106,
  escalates: false,
  fromDouble: (x) => (Number.isFinite(x) ? ddFromDouble(x) : null),
  fromRational: (q) => fromRational(q),
  fromDecimal: (text) => ddFromDecimal(text),
  op: (op, args) => ddOp(op, args),
  roundsTo: (b, format) => ddRoundsTo(b, format),
  sign: (b) => ddSign(b),
  digits: (b, max) => ballDigits(Q.add(Q.fromDouble(b.hi), Q.fromDouble(b.lo)), Q.fromDouble(b.rad), max),
  log2Mag: (b) => Math.log2(Math.abs(b.hi)),
  relWidth: (b) => (b.rad === 0 ? -Infinity : b.hi === 0 ? Infinity : Math.log2(b.rad / Math.abs(b.hi))),
};
