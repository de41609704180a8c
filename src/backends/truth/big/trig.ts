/** sin, cos, tan.
 *  Point x: x = k pi/2 + r, k = round(x / (pi/2)) in fixed point with pi to log2|x| + 20 extra bits, so r has an
 *  error <= 2 units of 2^-W; if r is so small that those 2 units would cost accuracy (x near a multiple of pi/2),
 *  W grows by the lost bits and the reduction is redone. sin x and cos x are +-sin r or +-cos r by k mod 4.
 *  Taylor in fixed point for |r| <= pi/4 + 2^-W: r^2 has error <= 5 units; each sin term inherits < 1/10 of the
 *  previous term's error and adds <= 5/6 + 2, so every term's error stays <= E = 10 (cos: ratio <= 0.31, E = 8);
 *  the tail after a zero term is <= 2E: total <= (n + 3) E.
 *  |x| < 2^-(prec+10)/2: sin x = x +- |x|^3, cos x = 1 +- x^2. Ball x: |sin'|, |cos'| <= 1.
 *  tan = sin / cos as balls (a ball containing a pole gives 'edge' from the division). */
import { bitLen } from './bits.js';
import { ball, div, exact, finish, ONE, radOf } from './ball.js';
import { magCmp } from './mag.js';
import { get } from './constants.js';
import { toFixed } from './fixed.js';
import { ONE_MAG, lipschitz, tiny, tinyInterval } from './propagate.js';
import { fail, isFail, MAX_EXP_BITS, type BigBall, type BigResult } from './types.js';

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

function sinSeries(R: bigint, W: number): [bigint, bigint] {
  const w = BigInt(W);
  const R2 = (R * R) >> w;
  let t = R;
  let sum = R;
  let n = 0n;
  for (let i = 1n; ; i += 1n) {
    t = ((t * R2) >> w) / (2n * i * (2n * i + 1n));
    if (t === 0n) break;
    n += 1n;
    sum += (i & 1n) === 1n ? -t : t;
  }
  return [sum, (n + 3n) * 10n];
}

function cosSeries(R: bigint, W: number): [bigint, bigint] {
  const w = BigInt(W);
  const R2 = (R * R) >> w;
  let t = 1n << w;
  let sum = t;
  let n = 0n;
  for (let i = 1n; ; i += 1n) {
    t = ((t * R2) >> w) / ((2n * i - 1n) * (2n * i));
    if (t === 0n) break;
    n += 1n;
    sum += (i & 1n) === 1n ? -t : t;
  }
  return [sum, (n + 3n) * 8n];
}

/** x = k pi/2 + r: R = r at scale 2^-W (error <= 2 units) and q = k mod 4. When needSin(q), sin r will be needed
 *  with relative accuracy, so W grows until R has prec + 20 significant bits. */
function reduce(x: BigBall, prec: number, needSin: (q: number) => boolean): { R: bigint; W: number; q: number } | BigResult {
  const topx = BigInt(bitLen(x.m)) + x.e;
  if (topx > BigInt(MAX_EXP_BITS)) return fail('limit', `trigonometry of a number beyond 2^${MAX_EXP_BITS}`);
  const tb = topx > 0n ? Number(topx) : 0;
  const kbits = tb + 20;
  let extra = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const W = prec + 20 + Math.ceil(Math.log2(prec)) + extra + (topx < 0n ? Number(-topx) : 0);
    const Wp = W + kbits;
    const X = toFixed(x.m, x.e, Wp);
    const pi = get('pi', Wp + 4);
    const P = toFixed(pi.m, pi.e - 1n, Wp); // pi/2, within 2 units
    const k = floorDiv(2n * X + P, 2n * P);
    const R = (X - k * P) >> BigInt(kbits); // error <= (1 + 2|k|) 2^-kbits + 1 <= 2 units of 2^-W
    const q = Number(((k % 4n) + 4n) % 4n);
    const lost = prec + 20 - bitLen(R);
    if (!needSin(q) || lost <= 0) return { R, W, q };
    extra += lost + 16;
    if (extra > 4 * prec + 4096) break;
  }
  return fail('limit', 'the argument is too close to a multiple of pi/2 to reduce');
}

function trigPoint(x: BigBall, prec: number, which: 'sin' | 'cos'): BigResult {
  if (x.m === 0n) return which === 'sin' ? exact(0n) : ONE;
  // sin x - x = -x^3/6 + ... in -[1/8, 1/4] x^3; cos x - 1 = -x^2/2 + ... in -[1/4, 1/2] x^2
  if (tiny(x, prec, 3)) return which === 'sin' ? tinyInterval(x, x, 3, x.m > 0n ? -1 : 1, 3, 2, prec) : tinyInterval(ONE, x, 2, -1, 2, 1, prec);
  const wantSin = (q: number): boolean => (which === 'sin') === (q % 2 === 0);
  const red = reduce(x, prec, wantSin);
  if (!('R' in red)) return red;
  const { R, W, q } = red;
  const [s, err] = wantSin(q) ? sinSeries(R, W) : cosSeries(R, W);
  const negate = which === 'sin' ? q >= 2 : q === 1 || q === 2;
  const e = -BigInt(W);
  return finish(negate ? -s : s, e, { m: err, e }, prec);
}

/** tan at a point from one reduction: tan r for even k, -cos r / sin r for odd k (|tan x - x| <= |x|^3 when tiny). */
function tanPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return exact(0n);
  if (tiny(x, prec, 3)) return tinyInterval(x, x, 3, x.m > 0n ? 1 : -1, 2, 1, prec); // tan x - x = x^3/3 + ...
  const red = reduce(x, prec + 8, () => true);
  if (!('R' in red)) return red;
  const { R, W, q } = red;
  const e = -BigInt(W);
  const [s, es] = sinSeries(R, W);
  const [c, ec] = cosSeries(R, W);
  const sb = ball(s, e, es, e);
  const cb = ball(c, e, ec, e);
  return q % 2 === 0 ? div(sb, cb, prec) : div(ball(-c, e, ec, e), sb, prec);
}

/** A ball wider than [-1, 1] says less than 0 +- 1 does. */
function clampUnit(r: BigResult): BigResult {
  if (isFail(r) || r.r === 0n || magCmp(radOf(r), ONE_MAG) < 0) return r;
  return ball(0n, 0n, 1n, 0n);
}

export function sin(x: BigBall, prec: number): BigResult {
  return clampUnit(lipschitz(x, prec, (p, q) => trigPoint(p, q, 'sin'), ONE_MAG));
}

export function cos(x: BigBall, prec: number): BigResult {
  return clampUnit(lipschitz(x, prec, (p, q) => trigPoint(p, q, 'cos'), ONE_MAG));
}

export function tan(x: BigBall, prec: number): BigResult {
  if (x.r === 0n) return tanPoint(x, prec);
  const s = sin(x, prec + 8);
  if (isFail(s)) return s;
  const c = cos(x, prec + 8);
  if (isFail(c)) return c;
  const t = div(s, c, prec);
  if (isFail(t) && t.fail === 'edge') return fail('edge', 'tan of a ball that reaches a pole');
  return t;
}
