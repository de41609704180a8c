/** pi, ln2, ln10 as balls with absolute error below 2^-bits, computed with BigInt series and memoised.
 *  The module-level cache holds immutable balls: each constant is computed at a few fixed tiers of precision
 *  (TIERS), and a request is the smallest tier above it rounded to the request. So the ball for a precision is a
 *  function of the precision alone (the same whatever was asked before: no observable state), and a run that asks
 *  for hundreds of precisions (tiny arguments step the precision by their lost bits) computes each series a few
 *  times, not hundreds. */
import { add, div, exact, finish, mul, radOf } from './ball.js';
import { atanhInv, atanInv, fixedBall } from './fixed.js';
import { isFail, type BigBall, type BigResult } from './types.js';

type Name = 'pi' | 'ln2' | 'ln10' | 'log2_10';
const cache = new Map<string, BigBall>();

function must(r: BigResult): BigBall {
  if (isFail(r)) throw new Error(`constant: ${r.reason}`);
  return r;
}

function compute(name: Name, W: number): BigBall {
  const w = W + 32; // the series' error counts stay below 2^21 up to MAX_PREC
  switch (name) {
    case 'pi': {
      // pi = 16 atan(1/5) - 4 atan(1/239) (Machin)
      const [a, ea] = atanInv(5n, w);
      const [b, eb] = atanInv(239n, w);
      return fixedBall(16n * a - 4n * b, 16n * ea + 4n * eb, w);
    }
    case 'ln2': {
      // ln 2 = 2 atanh(1/3); atanhInv's S is below the truth by [0, E]: centre the ball
      const [s, err] = atanhInv(3n, w);
      return fixedBall(2n * s + err, err, w);
    }
    case 'ln10': {
      // ln 10 = 3 ln 2 + ln(5/4) = 3 ln 2 + 2 atanh(1/9)
      const [s, err] = atanhInv(9n, w);
      return must(add(must(mul(exact(3n), get('ln2', W + 4), w)), fixedBall(2n * s + err, err, w), w));
    }
    case 'log2_10':
      return must(div(get('ln10', W + 8), get('ln2', W + 8), w));
  }
}

/** Precisions at which the series are computed; beyond the last, each 64-bit step is its own tier. */
const TIERS = [256, 1024, 4096, 16384];

/** The constant with absolute error < 2^-bits (bits >= 1). */
export function get(name: Name, bits: number): BigBall {
  const W = Math.ceil(Math.max(bits, 64) / 64) * 64;
  const key = `${name}:${W}`;
  let v = cache.get(key);
  if (v === undefined) {
    const tier = TIERS.find((t) => t >= W) ?? W;
    const full = tier === W ? computed(name, W) : computed(name, tier);
    // every constant is below 4 in magnitude: W + 8 significant bits keep the rounding below 2^-(W+5)
    v = tier === W ? full : must(finish(full.m, full.e, radOf(full), W + 8));
    cache.set(key, v);
  }
  return v;
}

function computed(name: Name, W: number): BigBall {
  const key = `${name}:series:${W}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = compute(name, W);
    cache.set(key, v);
  }
  return v;
}
