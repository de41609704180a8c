/** expm1, log1p, sigmoid, softplus, pow, log2, log10: compositions of exp, log and ball arithmetic, with the
 *  working precision raised where a composition would cancel. Every step is a ball operation, so the enclosure is
 *  rigorous by construction; the comments say why the result keeps about prec bits.
 *  - expm1(x): |x| < 2^-(prec+10): x +- x^2 (|expm1 x - x| <= x^2 for |x| <= 1); else exp(x) - 1 with exp carried
 *    to prec + 8 + (leading zeros of x) bits, so the subtraction of 1 leaves prec + 7 bits.
 *  - log1p(x): tiny x: x +- x^2 (|log(1+x) - x| <= x^2 for |x| <= 1/2); x > 2^(prec+10): log x + [0, 1/x];
 *    else log(1 + x) with 1 + x exact (log keeps relative accuracy near 1).
 *  - sigmoid = 1/(1 + exp(-x)), softplus = log1p(exp(x)): no cancellation. Both have f' <= f and f(x + t) <= e^t f(x)
 *    ((log f)' <= 1; log(1 + u) >= u/(1 + u) for softplus), so a ball of radius <= 1/2 needs f' <= 2 f(mid).
 *  - pow(a, b): exact integer b with |b| <= 2^20: repeated squaring (exact when it fits); a > 0: exp(b log a)
 *    with log a carried to prec + 16 + log2|b log a| bits (exp turns absolute error into relative error);
 *    a < 0 needs an exact integer b; 0^b = 0 for b > 0, 0^0 = 1.
 *  - log2, log10: log x / ln2, log x / ln10; log2 of an exact power of two is the exact integer. */
import { bitLen } from './bits.js';
import { absDown, absUp, add, cmp, div, exact, finish, mul, neg, ONE, radOf, sub, ZERO, square } from './ball.js';
import { get } from './constants.js';
import { toFixed } from './fixed.js';
import { exp, log } from './explog.js';
import { addDown, addUp, divUp, magCmp, mulUp, subDown } from './mag.js';
import { derivative, minMag, monotone, overDPlusSquare, tiny, tinyInterval, TWO, valueBounded } from './propagate.js';
import { bigLog2Mag, bigSign } from './round.js';
import { fail, isFail, type BigBall, type BigResult } from './types.js';

function top(x: BigBall): bigint {
  return BigInt(bitLen(x.m)) + x.e;
}

function expm1Point(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  if (tiny(x, prec, 2)) return tinyInterval(x, x, 2, 1, 2, 0, prec); // expm1 x - x in [x^2/4, x^2]
  const t = top(x);
  const series = x.r === 0n ? expm1Series(x.m, x.e, t, prec) : null;
  if (series !== null) return series;
  const lz = t < 0n ? Number(-t) : 0;
  const E = exp(x, prec + 8 + lz);
  if (isFail(E)) return E;
  return sub(E, ONE, prec);
}

/**
 * expm1(x) = x S, S = sum_k x^k / (k+1)!, for an exact |x| < 2^-8 whose series ends within 24 terms (tiny x at
 * thousands of bits: 3 terms for 2^-997 at 2100 bits), in fixed point at W = prec + 16 bits: no exp at
 * prec + log2(1/|x|) bits and no cancellation. Each term t_k = floor-ish(t_(k-1) X / 2^W / (k+1)) is within 4 units
 * of x^k/(k+1)! 2^W (2 units of rounding, plus half the previous error since |x| < 1/2); once a term is 0 the exact
 * tail is below 2 (4 + 1) units (|x| < 1/2). So |S 2^W - sum| <= 4 n + 10 units, n the terms summed.
 */
function expm1Series(m: bigint, e: bigint, t: bigint, prec: number): BigResult | null {
  if (t > -8n) return null;
  const W = prec + 16;
  const terms = Math.ceil((W + 10) / Number(-t)) + 1;
  if (terms > 24) return null;
  const X = toFixed(m, e, W);
  const w = BigInt(W);
  let term = 1n << w;
  let S = term;
  let n = 0n;
  for (let k = 2n; ; k += 1n) {
    term = ((term * X) >> w) / k;
    if (term === 0n) break;
    S += term;
    n += 1n;
  }
  const err = 4n * n + 10n;
  // x S: mid m S 2^(e - W), radius |m| err 2^(e - W)
  const ex = e - w;
  return finish(m * S, ex, { m: (m < 0n ? -m : m) * err, e: ex }, prec);
}

export function expm1(x: BigBall, prec: number): BigResult {
  // expm1' = e^x <= (1 + |expm1(mid)|) e^rad <= (1 + |expm1(mid)|) 2 for rad <= 1/2: one evaluation
  if (x.r === 0n || magCmp(radOf(x), { m: 1n, e: -1n }) > 0) return monotone(x, prec, expm1Point);
  const y = expm1Point(exact(x.m, x.e), prec + 4);
  if (isFail(y)) return y;
  const L = mulUp({ m: 2n, e: 0n }, addUp({ m: 1n, e: 0n }, absUp(y)));
  return finish(y.m, y.e, addUp(radOf(y), mulUp(radOf(x), L)), prec);
}

function log1pPoint(x: BigBall, prec: number): BigResult {
  if (x.m === 0n) return ZERO;
  const c = cmp(x, exact(-1n));
  if (c === 0) return fail('edge', 'log1p(-1)');
  if (c < 0) return fail('domain', 'log1p of a number below -1');
  if (tiny(x, prec, 2)) return tinyInterval(x, x, 2, -1, 2, 0, prec); // log1p x - x in -[x^2/4, x^2]
  const t = top(x);
  if (t > BigInt(prec + 12)) {
    // log(1 + x) = log x + log(1 + 1/x), 0 < log(1 + 1/x) < 1/x
    const L = log(x, prec + 4);
    if (isFail(L)) return L;
    return finish(L.m, L.e, addUp(radOf(L), divUp({ m: 1n, e: 0n }, absDown(x))), prec);
  }
  const lz = t < 0n ? Number(-t) : 0;
  const y = add(ONE, x, bitLen(x.m) + lz + prec + 16); // exact: the span is at most bitLen(x.m) + lz + 2 bits
  if (isFail(y)) return y;
  return log(y, prec);
}

export function log1p(x: BigBall, prec: number): BigResult {
  // log1p' = 1/(1 + x) <= 1/(1 + min|x|) for x > 0, <= 1/(1 - max|x|) for x < 0
  return derivative(x, prec, log1pPoint, (lo, b) => {
    if (b.m > 0n) return lo.m === 0n ? undefined : divUp({ m: 1n, e: 0n }, addDown({ m: 1n, e: 0n }, lo));
    const d = subDown({ m: 1n, e: 0n }, absUp(b));
    return d.m === 0n ? undefined : divUp({ m: 1n, e: 0n }, d);
  });
}

function sigmoidPoint(x: BigBall, prec: number): BigResult {
  const e = exp(neg(x), prec + 8);
  if (isFail(e)) return e;
  const d = add(ONE, e, prec + 8);
  if (isFail(d)) return d;
  return div(ONE, d, prec);
}

export function sigmoid(x: BigBall, prec: number): BigResult {
  // sigmoid' = sigmoid (1 - sigmoid) <= sigmoid, and = 1/(4 cosh^2(x/2)) <= 1/(4 + x^2)
  return valueBounded(x, prec, sigmoidPoint, (y, lo) => minMag(mulUp(TWO, absUp(y)), overDPlusSquare(1n, 4n, lo)));
}

function softplusPoint(x: BigBall, prec: number): BigResult {
  const e = exp(x, prec + 8);
  if (isFail(e)) return e;
  return log1p(e, prec);
}

export function softplus(x: BigBall, prec: number): BigResult {
  // softplus' = sigmoid <= min(1, softplus) (log(1 + u) >= u/(1 + u))
  return valueBounded(x, prec, softplusPoint, (y) => minMag(mulUp(TWO, absUp(y)), { m: 1n, e: 0n }));
}

/** For an exact ball holding an integer: its value when it has at most 64 bits (else big: true) and its parity;
 *  undefined when the ball is not an exact integer. m 2^e with e >= 1 is even. */
function integerOf(b: BigBall): { n?: bigint; odd: boolean } | undefined {
  if (b.r !== 0n) return undefined;
  if (b.m === 0n) return { n: 0n, odd: false };
  if (b.e >= 0n) {
    const small = BigInt(bitLen(b.m)) + b.e <= 64n;
    return { n: small ? b.m << b.e : undefined, odd: b.e === 0n && (b.m & 1n) === 1n };
  }
  const s = -b.e;
  if (BigInt(bitLen(b.m)) <= s) return undefined;
  const q = b.m >> s;
  if (q << s !== b.m) return undefined;
  return { n: bitLen(q) <= 64 ? q : undefined, odd: (q & 1n) === 1n };
}

function powInt(a: BigBall, n: bigint, prec: number): BigResult {
  const neg = n < 0n;
  let k = neg ? -n : n;
  const p = prec + bitLen(k) + 8; // each of the <= 2 log2 k roundings costs 2^-p relative
  let result: BigBall = ONE;
  let base: BigBall = a;
  while (k > 0n) {
    if (k & 1n) {
      const r = mul(result, base, p);
      if (isFail(r)) return r;
      result = r;
    }
    k >>= 1n;
    if (k > 0n) {
      const s = square(base, p);
      if (isFail(s)) return s;
      base = s;
    }
  }
  return neg ? div(ONE, result, prec) : finish(result.m, result.e, radOf(result), prec);
}

export function pow(a: BigBall, b: BigBall, prec: number): BigResult {
  const int = integerOf(b);
  const sa = bigSign(a);
  if (a.m === 0n && a.r === 0n) {
    const sb = bigSign(b);
    if (sb === 1) return ZERO;
    if (sb === 0) return ONE;
    if (sb === -1) return fail('edge', '0 to a negative power (a pole)');
    return fail('edge', '0 to a power whose sign is not known');
  }
  if (int?.n !== undefined && bitLen(int.n) <= 20) {
    if (int.n === 0n) return ONE;
    return powInt(a, int.n, prec);
  }
  if (sa === -1) {
    if (int === undefined) {
      return b.r === 0n ? fail('domain', 'a negative number to a non-integer power') : fail('edge', 'a negative base with an inexact exponent');
    }
    const r = powPositive(neg(a), b, prec);
    if (isFail(r)) return r;
    return int.odd ? neg(r) : r;
  }
  if (sa !== 1) return fail('edge', 'the base ball contains zero');
  return powPositive(a, b, prec);
}

function powPositive(a: BigBall, b: BigBall, prec: number): BigResult {
  // |b log a| <= |b| (|log2 a| + 1): that many more bits of log a keep exp's argument accurate to prec + 24 bits
  const mag = bigLog2Mag(b) + Math.log2(Math.abs(bigLog2Mag(a)) + 1);
  if (mag > 4096) return fail('limit', 'a power whose exponent is beyond the size limit');
  const w = prec + 24 + Math.max(0, Math.ceil(mag));
  const L = log(a, w);
  if (isFail(L)) return L;
  const t = mul(b, L, w);
  if (isFail(t)) return t;
  return exp(t, prec);
}

export function log2(x: BigBall, prec: number): BigResult {
  if (x.r === 0n && x.m > 0n && (x.m & (x.m - 1n)) === 0n) return exact(x.e + BigInt(bitLen(x.m) - 1));
  const L = log(x, prec + 8);
  if (isFail(L)) return L;
  return div(L, get('ln2', prec + 16), prec);
}

export function log10(x: BigBall, prec: number): BigResult {
  const L = log(x, prec + 8);
  if (isFail(L)) return L;
  return div(L, get('ln10', prec + 16), prec);
}
