/** From point evaluations to ball evaluations, and the small-argument shortcut shared by odd functions. */
import { bitLen } from './bits.js';
import { absDown, absUp, ball, checked, endpoints, finish, hull, radOf } from './ball.js';
import { addDown, addUp, divUp, magCmp, mulDown, mulUp, type Mag } from './mag.js';
import { fail, isFail, type BigBall, type BigResult } from './types.js';

export type PointFn = (x: BigBall, prec: number) => BigResult;

/** For a function monotone on its domain (an interval): the hull of its values at both ends of the ball. When an
 *  end is outside the domain, every point being outside is 'domain', else the ball touches an edge. */
export function monotone(x: BigBall, prec: number, f: PointFn): BigResult {
  if (x.r === 0n) return f(x, prec);
  const [lo, hi] = endpoints(x, prec + 16);
  const a = f(lo, prec + 4);
  const b = f(hi, prec + 4);
  if (isFail(a) || isFail(b)) {
    if (isFail(a) && isFail(b) && a.fail === 'domain' && b.fail === 'domain') return a;
    const lim = [a, b].find((r) => isFail(r) && r.fail === 'limit');
    if (lim !== undefined) return lim;
    const why = [a, b].find(isFail)!;
    return fail('edge', `the argument ball reaches an edge (${why.reason})`);
  }
  return hull(a, b, prec);
}

/** For a function with |f'| <= L everywhere: f(mid) widened by L rad. */
export function lipschitz(x: BigBall, prec: number, f: PointFn, L: Mag): BigResult {
  if (x.r === 0n) return f(x, prec);
  const y = f({ m: x.m, e: x.e, r: 0n, re: 0n }, prec + 4);
  if (isFail(y)) return y;
  return finish(y.m, y.e, addUp(radOf(y), mulUp(radOf(x), L)), prec);
}

/** For a function whose |f'| over the ball is bounded by bound(lo), lo a lower bound of |x| on the ball: f(mid)
 *  widened by that bound times rad (one evaluation instead of two). bound may decline (undefined): then the
 *  function must be monotone and the endpoints are used. */
export function derivative(x: BigBall, prec: number, f: PointFn, bound: (lo: Mag, x: BigBall) => Mag | undefined): BigResult {
  if (x.r === 0n) return f(x, prec);
  const L = bound(absDown(x), x);
  if (L === undefined) return monotone(x, prec, f);
  return lipschitz(x, prec, f, L);
}

/** For a function whose |f'| over a ball of radius <= 1/2 is bounded from its value at the midpoint (bound(y, lo),
 *  y the ball of f(mid), lo a lower bound of |x|): f(mid) widened by that bound times rad. Wider balls go through
 *  their endpoints (the function must be monotone there, or bound must hold for any radius: see callers). */
export function valueBounded(x: BigBall, prec: number, f: PointFn, bound: (y: BigBall, lo: Mag) => Mag): BigResult {
  if (x.r === 0n || magCmp(radOf(x), { m: 1n, e: -1n }) > 0) return monotone(x, prec, f);
  const y = f({ m: x.m, e: x.e, r: 0n, re: 0n }, prec + 4);
  if (isFail(y)) return y;
  return finish(y.m, y.e, addUp(radOf(y), mulUp(radOf(x), bound(y, absDown(x)))), prec);
}

export function minMag(a: Mag, b: Mag): Mag {
  return magCmp(a, b) <= 0 ? a : b;
}

/** c / (d + lo^2), an upper bound of c / (d + x^2) for |x| >= lo. */
export function overDPlusSquare(c: bigint, d: bigint, lo: Mag): Mag {
  return divUp({ m: c, e: 0n }, addDown({ m: d, e: 0n }, mulDown(lo, lo)));
}

/** |x| < 2^-(prec + 10): the first series term with the given error bound c |x|^k is the whole answer
 *  (as a ball around `mid`), else undefined. */
export function tiny(x: BigBall, prec: number, k: number): boolean {
  return BigInt(bitLen(x.m)) + x.e < -BigInt(Math.ceil((prec + 10) / (k - 1)));
}

/** For tiny exact x: f(x) - base lies in dir [2^-lo, 2^-hi] |x|^k (dir = +1 or -1, lo > hi), an interval that
 *  excludes base itself, so a tie at base (atan2(5e-324, 2) = atan(2^-1075)) is still decided. The ball is exact:
 *  its midpoint keeps every bit (up to 8 prec + 4096 of them; beyond, the symmetric bound withPowerError). */
export function tinyInterval(base: BigBall, x: BigBall, k: number, dir: 1 | -1, lo: number, hi: number, prec: number): BigResult {
  const a = x.m < 0n ? -x.m : x.m;
  const pm = a ** BigInt(k); // |x|^k = pm 2^pe exactly
  const pe = BigInt(k) * x.e;
  // mid = base + dir pm 2^pe (2^-lo + 2^-hi)/2, rad = pm 2^pe (2^-hi - 2^-lo)/2, both exact at exponent pe - lo - 1
  const e = pe - BigInt(lo) - 1n;
  const off = pm * ((1n << BigInt(lo - hi)) + 1n);
  const rad = pm * ((1n << BigInt(lo - hi)) - 1n);
  const span = BigInt(bitLen(base.m)) + base.e - e;
  if (base.r !== 0n || span > BigInt(8 * prec + 4096)) return withPowerError(base, x, k, prec);
  const mid = (base.m << (base.e - e)) + (dir > 0 ? off : -off);
  return checked(ball(mid, e, rad, e));
}

/** mid +- |x|^k (the bound c |x|^k with c <= 1). */
export function withPowerError(mid: BigBall, x: BigBall, k: number, prec: number): BigResult {
  const a = absUp(x);
  let p: Mag = a;
  for (let i = 1; i < k; i++) p = mulUp(p, a);
  return finish(mid.m, mid.e, addUp(radOf(mid), p), prec);
}

export const ONE_MAG: Mag = { m: 1n, e: 0n };
export const TWO_MAG: Mag = { m: 2n, e: 0n };
export const TWO = TWO_MAG;

