/** exp and log of balls.
 *
 *  exp(x), x exact: x = k ln2 + r with k = round(x / ln2), computed in fixed point with ln2 to log2|x| + 20 extra
 *  bits so |r| <= 0.35 + 2^-W; then exp(r) = exp(r / 2^s)^(2^s) with a Taylor sum for exp(r/2^s). Errors (units of
 *  2^-W2): reduced argument <= 2; each Taylor term <= 8 (inherits half the previous error, adds 2 from the
 *  argument and 2 from the floor/trunc), tail after a zero term <= 16: E0 = 8n + 16; each squaring of a value
 *  below e^0.35 < 1.42 triples the error and adds 2. The guard bits cover 3^s E0.
 *  Ball x = mid +- rad: for rad <= 1, |exp(x) - exp(mid)| <= exp(mid) (e^rad - 1) <= 2 rad exp(mid); else the
 *  hull of exp at both endpoints (exp is increasing).
 *
 *  log(x), x exact > 0: x = 2^k t with t in [0.75, 1.5); log t = log(j/64) + 2 atanh(s), s = (t - c)/(t + c) with
 *  c = j/64 the nearest 64th (|s| <= 1/170; log(j/64) memoised), summed by oddSeries (error <= eS + 4K + 8 units); near 1 (k = 0) the working precision grows by the leading
 *  zeros of t - 1 so the result keeps relative accuracy; for |t - 1| < 2^-(prec+10), |log(1+u) - u| <= u^2.
 *  Ball x: the Lipschitz constant of log on [lo, hi] is 1/lo. */
import { absB, bitLen } from './bits.js';
import { absDown, absUp, ball, exact, finish, hull, endpoints, mul, ONE, radOf } from './ball.js';
import { get } from './constants.js';
import { oddSeries, toFixed } from './fixed.js';
import { addUp, divUp, magCmp, mulUp, type Mag } from './mag.js';
import { fail, isFail, MAX_EXP_BITS, type BigBall, type BigResult } from './types.js';

const ONE_MAG: Mag = { m: 1n, e: 0n };

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function expPoint(m: bigint, e: bigint, prec: number): BigResult {
  if (m === 0n) return ONE;
  const topx = BigInt(bitLen(m)) + e; // |x| < 2^topx
  if (topx > BigInt(MAX_EXP_BITS - 2)) return fail('limit', `exp of a number beyond 2^${MAX_EXP_BITS - 2}`);
  // halvings so the Taylor sum converges fast; an argument already below 2^-s0 needs fewer (a tiny x none at all:
  // the same bound on |r / 2^s| holds, with fewer squarings to lose bits in)
  const s0 = Math.max(4, Math.round(0.7 * Math.sqrt(prec)));
  const s = topx < 0n ? Math.max(0, s0 + Math.max(-s0, Number(topx))) : s0;
  const W = prec + Math.ceil(1.6 * s) + 24 + Math.ceil(Math.log2(prec));
  const tb = topx > 0n ? Number(topx) : 0;
  const kbits = tb + 20;
  const Wp = W + kbits;
  const X = toFixed(m, e, Wp);
  // |x| < 1/4 < ln2 / 2: k = 0 (no ln2, no division: tiny arguments at thousands of bits are common)
  const small = topx <= -2n;
  const Lf = small ? 0n : toFixed(get('ln2', Wp + 4).m, get('ln2', Wp + 4).e, Wp); // within 2 units of ln2 2^Wp
  const k = small ? 0n : floorDiv(2n * X + Lf, 2n * Lf);
  const W2 = W + s;
  const w2 = BigInt(W2);
  const R = (X - k * Lf) >> BigInt(kbits); // r at scale W, i.e. r / 2^s at scale W2; error <= 2 units
  let t = 1n << w2;
  let sum = t;
  let n = 0n;
  for (let i = 1n; ; i += 1n) {
    t = ((t * R) >> w2) / i;
    if (t === 0n) break;
    sum += t;
    n += 1n;
  }
  let err = 8n * n + 16n;
  for (let j = 0; j < s; j++) {
    sum = (sum * sum) >> w2;
    err = 3n * err + 2n;
  }
  const ex = k - w2;
  return finish(sum, ex, { m: err, e: ex }, prec);
}

export function exp(x: BigBall, prec: number): BigResult {
  if (x.r === 0n) return expPoint(x.m, x.e, prec);
  const rad = radOf(x);
  if (magCmp(rad, ONE_MAG) <= 0) {
    const b = expPoint(x.m, x.e, prec + 4);
    if (isFail(b)) return b;
    return finish(b.m, b.e, addUp(radOf(b), mulUp({ m: 2n, e: 0n }, mulUp(rad, absUp(b)))), prec);
  }
  const [lo, hi] = endpoints(x, prec + 16);
  const a = expPoint(lo.m, lo.e, prec);
  if (isFail(a)) return a;
  const b = expPoint(hi.m, hi.e, prec);
  if (isFail(b)) return b;
  return hull(a, b, prec);
}

export function logPoint(m: bigint, e: bigint, prec: number): BigResult {
  if (m <= 0n) return fail(m === 0n ? 'edge' : 'domain', m === 0n ? 'log of zero' : 'log of a negative number');
  const bl = bitLen(m);
  let B = bl - 1;
  if (bl >= 2 && m >= 3n << BigInt(bl - 2)) B = bl; // t = m / 2^B in [0.75, 1.5)
  const k = e + BigInt(B);
  const one = 1n << BigInt(B);
  const num = m - one;
  const guard = 16 + Math.ceil(Math.log2(prec + 1));
  if (num === 0n) {
    if (k === 0n) return exact(0n);
    return mul(exact(k), get('ln2', prec + guard + bitLen(k)), prec);
  }
  const lz = k === 0n ? B - bitLen(num) : 0;
  if (lz > prec + 10) {
    // log(1 + u) = u + O(u^2): |log(1+u) - u| <= u^2 for |u| <= 1/2
    const u = { m: absB(num), e: -BigInt(B) };
    return finish(num, -BigInt(B), mulUp(u, u), prec);
  }
  const W = prec + guard + lz;
  // t near c = j/64 (j = round(64 t)): log t = log c + 2 atanh((t - c)/(t + c)), |s| <= 1/170, so each series
  // term gains 14 bits; log c comes from a memoised table. j = 64 (c = 1) keeps t - 1 exact for accuracy near 1.
  const j = Number((((m << 7n) >> BigInt(B)) + 1n) >> 1n);
  const jn = BigInt(j);
  const S = j === 64 ? (num << BigInt(W)) / (m + one) : (((m << 6n) - jn * one) << BigInt(W)) / ((m << 6n) + jn * one);
  const [sum, err] = oddSeries(S, 1n, W, false); // error < 1 unit in S
  // everything in fixed point at scale W2 = W + kb (kb covers k's bits): k ln2 + log c + 2 sum, one rounding
  const kb = k === 0n ? 0 : bitLen(k) + 4;
  const W2 = W + kb;
  let V = (2n * sum) << BigInt(kb);
  let E = (2n * err) << BigInt(kb);
  if (j !== 64) {
    const T = logTable(j, W2);
    const sh = -T.e - BigInt(W2); // the table's scale minus W2, >= 0
    V += T.m >> sh;
    E += (T.r >> sh) + 2n;
  }
  if (k !== 0n) {
    const L = get('ln2', W2 + 4);
    V += k * toFixed(L.m, L.e, W2); // within 2 units of ln2 2^W2
    E += 2n * absB(k);
  }
  const ex = -BigInt(W2);
  return finish(V, ex, { m: E, e: ex }, prec);
}

const table = new Map<string, BigBall>(); // memo of immutable balls: log(j/64) by j and precision bucket

/** log(j/64) for j in [48, 96] at a scale 2^-Wb with Wb >= W (error in units of 2^-Wb):
 *  2 atanh((j - 64)/(j + 64)), |ratio| <= 1/5. */
function logTable(j: number, W: number): BigBall {
  const Wb = Math.ceil(W / 64) * 64 + 16;
  const key = `${j}:${Wb}`;
  let v = table.get(key);
  if (v === undefined) {
    const S = (BigInt(j - 64) << BigInt(Wb)) / BigInt(j + 64);
    const [sum, err] = oddSeries(S, 1n, Wb, false);
    v = ball(2n * sum, -BigInt(Wb), 2n * err, -BigInt(Wb));
    table.set(key, v);
  }
  return v;
}

export function log(x: BigBall, prec: number): BigResult {
  if (x.r === 0n) return logPoint(x.m, x.e, prec);
  const low = absDown(x);
  if (low.m === 0n) return fail('edge', 'log of a ball that contains zero');
  if (x.m < 0n) return fail('domain', 'log of a negative number');
  const b = logPoint(x.m, x.e, prec + 4);
  if (isFail(b)) return b;
  return finish(b.m, b.e, addUp(radOf(b), divUp(radOf(x), low)), prec);
}
