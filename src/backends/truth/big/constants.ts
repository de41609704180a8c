/** pi, ln2, ln10 as balls with absolute error below 2^-bits, computed with BigInt series and memoised.
 *  The module-level cache holds immutable balls keyed by the working precision (rounded up to 64 bits); a larger
 *  entry is never derived into a smaller one, each is computed once. */
import { add, div, exact, mul } from './ball.js';
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

/** The constant with absolute error < 2^-bits (bits >= 1). */
export function get(name: Name, bits: number): BigBall {
  const W = Math.ceil(Math.max(bits, 64) / 64) * 64;
  const key = `${name}:${W}`;
  let v = cache.get(key);
  if (v === undefined) {
    v = compute(name, W);
    cache.set(key, v);
  }
  return v;
}
