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
  const nb = Q.bitLen(q.n);
  const db = Q.bitLen(q.d);
  if ((q.d & (q.d - 1n)) === 0n && nb <= 53) {
    // a double exactly (unless it is outside the normal range)
    const hi = Number(q.n) * 2 ** -(db - 1);
    if (Number.isFinite(hi) && Math.abs(hi) >= 2 ** -960) return { hi, lo: 0, rad: 0 };
  }
  if ((q.d & (q.d - 1n)) === 0n && nb <= 106) {
    // a dyadic of up to 106 bits (x * x): two exact doubles, normalised by an error-free sum
    const shift = BigInt(Math.max(0, nb - 53));
    const top = q.n >> shift;
    const e0 = -(db - 1);
    const a = Number(top) * 2 ** (e0 + Number(shift));
    const b = Number(q.n - (top << shift)) * 2 ** e0;
    const sum = a + b;
    const bb = sum - a;
    const err = a - (sum - bb) + (b - bb);
    if (Number.isFinite(sum) && Math.abs(sum) >= 2 ** -900 && Math.abs(sum) <= 2 ** 990) return { hi: sum, lo: err, rad: 0 };
  }
  if (nb <= 53 && db <= 53) {
    // two exact doubles: one rigorous double-double division (1/x, 2/3: no BigInt work)
    const r = ddOp('div', [ddFromDouble(Number(q.n)), ddFromDouble(Number(q.d))]);
    if (r) return r;
  }
  const hi = Q.roundQ(q);
  if (!Number.isFinite(hi) || (hi !== 0 && Math.abs(hi) < 2 ** -960)) return null;
  // q - hi exactly, over the same denominator (hi = mh 2^eh); no gcds
  const [mh, eh] = Q.dyadicOf(hi);
  const remN = eh >= 0n ? q.n - ((mh * q.d) << eh) : (q.n << -eh) - mh * q.d;
  if (remN === 0n) return { hi, lo: 0, rad: 0 };
  const rem = { n: remN, d: eh >= 0n ? q.d : q.d << -eh };
  const lo = Q.roundQ(rem);
  // lo is rem rounded to nearest: |rem - lo| <= ulp(lo) / 2 <= |lo| 2^-53, or below the smallest subnormal
  return { hi, lo, rad: Math.abs(lo) * 2 ** -53 + Number.MIN_VALUE };
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
  digits: (b, max) => {
    // up to 15 digits, the double hi printed by JavaScript is within a unit of the last digit of every point
    // of the ball (lo counts as error); more digits, or an exact double, need the exact midpoint
    if (b.hi === 0) return b.rad === 0 ? '0' : '?';
    const good = Math.floor(-Math.log10((b.rad + Math.abs(b.lo)) / Math.abs(b.hi))) - 1;
    if (good >= 1 && good <= 15 && (b.rad !== 0 || b.lo !== 0)) return b.hi.toExponential(Math.min(good, max) - 1);
    return ballDigits(Q.add(Q.fromDouble(b.hi), Q.fromDouble(b.lo)), Q.fromDouble(b.rad), max);
  },
  log2Mag: (b) => Math.log2(Math.abs(b.hi)),
  relWidth: (b) => (b.rad === 0 ? -Infinity : b.hi === 0 ? Infinity : Math.log2(b.rad / Math.abs(b.hi))),
};
