/** Exact conversion of doubles and double-double balls to BigBalls. */
import { addUp } from './mag.js';
import { ball, directedSum, exact } from './ball.js';
import type { BigBall } from './types.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** m, e with x = m 2^e exactly (x finite). */
export function splitDouble(x: number): [bigint, bigint] {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite double: ${x}`);
  if (x === 0) return [0n, 0n];
  f64[0] = x;
  const hi = u32[1]!;
  const lo = u32[0]!;
  const be = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * 4294967296 + lo; // exact: < 2^52
  const mant = be === 0 ? frac : frac + 4503599627370496;
  let m = BigInt(mant);
  let e = BigInt((be === 0 ? 1 : be) - 1075);
  // strip trailing zero bits so that doubles like 50 stay small
  while ((m & 0xffn) === 0n) { m >>= 8n; e += 8n; }
  while ((m & 1n) === 0n) { m >>= 1n; e += 1n; }
  return [hi >>> 31 === 1 ? -m : m, e];
}

export function bigFromDouble(x: number): BigBall {
  const [m, e] = splitDouble(x);
  return exact(m, e);
}

/** The fast path's ball hi + lo +- rad, exactly. */
export function bigFromDD(hi: number, lo: number, rad: number): BigBall {
  const [m1, e1] = splitDouble(hi);
  const [m2, e2] = splitDouble(lo);
  const mid = directedSum(m1, e1, m2, e2, 2200, false); // two doubles span at most ~2100 bits: exact
  const [rm, reRaw] = splitDouble(Math.abs(rad));
  const r = addUp({ m: rm, e: reRaw }, { m: 0n, e: 0n });
  return ball(mid.m, mid.m === 0n ? 0n : mid.e, r.m, r.m === 0n ? 0n : r.e);
}
