// Arguments below the dd range (|v| < 2^-960, subnormals included): ops whose result there is a constant up to a
// bound linear in |v|, and the logarithms and sqrt, which an exact scaling by 2^200 brings back into range.
import { add, div as divide, exact, magUp, mul, scale, sqrt as sqrtOf, sub, up, type DDBall } from './ball.js';
import { LN10, LN2, PI_2 } from './constants.js';
import { log, ONE } from './exp-log.js';
import { pow2 } from './pow2.js';
import type { PrimOp } from '../prim.js';

const SHIFT = 200;
const HALF: DDBall = exact(0.5);

/** c + [-k m, k m] with m >= |v| over the ball. */
function near(c: DDBall, k: number, m: number): DDBall | null {
  return add(c, { hi: 0, lo: 0, rad: up(k * m) + 2 ** -1074 });
}

/** log(v 2^200) - 200 ln2 (v 2^200 is exact for any double). */
function logTiny(x: DDBall): DDBall | null {
  const l = log({ hi: x.hi * pow2(SHIFT), lo: x.lo * pow2(SHIFT), rad: x.rad * pow2(SHIFT) });
  const k = mul(LN2, exact(SHIFT));
  return l && k && sub(l, k);
}

/** The op at a ball of magnitude below 2^-960, or null when this module has no form for it. Bounds: |e^v - 1|,
 *  |cos v - 1|, |cosh v - 1| <= 2|v|; |sigmoid v - 1/2| <= |v|/4; |softplus v - ln2| <= |v|/2;
 *  |erfc v - 1| <= 2|v|/sqrt(pi) <= 2|v|; |acos v - pi/2| <= 2|v|. */
export function tinyOp(op: PrimOp, x: DDBall): DDBall | null {
  const m = magUp(x);
  switch (op) {
    case 'exp': case 'cos': case 'cosh': case 'erfc': return near(ONE, 2, m);
    case 'sigmoid': return near(HALF, 0.25, m);
    case 'softplus': return near(LN2, 0.5, m);
    case 'acos': return near(PI_2, 2, m);
    case 'sqrt': {
      if (!(x.hi > 0)) return null;
      const s = pow2(SHIFT);
      const r = sqrtOf({ hi: x.hi * s, lo: x.lo * s, rad: x.rad * s });
      return r && scale(r, pow2(-SHIFT / 2));
    }
    case 'log': return x.hi > 0 ? logTiny(x) : null;
    case 'log2': {
      if (!(x.hi > 0)) return null;
      const l = logTiny(x);
      return l && divide(l, LN2);
    }
    case 'log10': {
      if (!(x.hi > 0)) return null;
      const l = logTiny(x);
      return l && divide(l, LN10);
    }
    default: return null;
  }
}
