import { bitLen } from './big/bits.js';
import type { PrimOp } from './prim.js';
import * as Q from './rational.js';

/** Why an op has no ordinary value at exact arguments: no real result, or an exact zero at a pole. */
export type ExactFail = { fail: 'undefined' | 'singular'; reason: string };

const MAX_POW = 4096n;

/**
 * The op on exact rational arguments when its result is an exact rational of bounded size (the
 * arithmetic ops, integer powers, the functions' rational points such as exp(0) = 1), a failure
 * that exactness decides (a domain error, division by an exact zero), or null (needs a ball).
 */
export function exactPrim(op: PrimOp, a: readonly Q.Q[]): Q.Q | ExactFail | null {
  const [x, y] = a as [Q.Q, Q.Q];
  const fits = (r: Q.Q) => (Q.keepsExact(r) ? r : null);
  const zero = Q.isZero(x);
  const undef = (reason: string): ExactFail => ({ fail: 'undefined', reason });
  const pole = (reason: string): ExactFail => ({ fail: 'singular', reason });
  switch (op) {
    case 'add': return fits(Q.add(x, y));
    case 'sub': return fits(Q.sub(x, y));
    case 'mul': return fits(Q.mul(x, y));
    case 'neg': return Q.neg(x);
    case 'abs': return Q.sign(x) < 0 ? Q.neg(x) : x;
    case 'square': return fits(Q.mul(x, x));
    case 'div': return Q.isZero(y) ? pole(zero ? '0/0' : 'division by 0') : cheapQuotient(x, y);
    case 'reciprocal': return zero ? pole('1/0') : cheapQuotient(Q.ONE, x);
    case 'pow': return exactPow(x, y);
    case 'sqrt': {
      if (Q.sign(x) < 0) return undef('sqrt of a negative number');
      const n = isqrt(x.n);
      const d = isqrt(x.d);
      return n * n === x.n && d * d === x.d ? Q.q(n, d) : null;
    }
    case 'exp': return zero ? Q.ONE : null;
    case 'expm1': return zero ? Q.ZERO : null;
    case 'log':
    case 'log2':
    case 'log10':
      if (zero) return pole(`${op}(0)`);
      if (Q.sign(x) < 0) return undef(`${op} of a negative number`);
      return Q.eq(x, Q.ONE) ? Q.ZERO : null;
    case 'log1p': {
      const c = Q.cmp(x, Q.fromInt(-1));
      if (c === 0) return pole('log1p(-1)');
      if (c < 0) return undef('log1p below -1');
      return zero ? Q.ZERO : null;
    }
    case 'sin': case 'tan': case 'sinh': case 'tanh': case 'atan': case 'asinh': case 'erf':
      return zero ? Q.ZERO : null;
    case 'cos': case 'cosh': case 'erfc':
      return zero ? Q.ONE : null;
    case 'asin': case 'acos': {
      if (Q.cmp(x, Q.ONE) > 0 || Q.cmp(x, Q.fromInt(-1)) < 0) return undef(`${op} outside [-1, 1]`);
      if (op === 'asin') return zero ? Q.ZERO : null;
      return Q.eq(x, Q.ONE) ? Q.ZERO : null;
    }
    case 'acosh':
      if (Q.cmp(x, Q.ONE) < 0) return undef('acosh below 1');
      return Q.eq(x, Q.ONE) ? Q.ZERO : null;
    case 'atanh': {
      const c = Q.cmp(Q.q(x.n < 0n ? -x.n : x.n, x.d), Q.ONE);
      if (c > 0) return undef('atanh outside [-1, 1]');
      if (c === 0) return pole(`atanh(${Q.toString(x)})`);
      return zero ? Q.ZERO : null;
    }
    case 'atan2':
      // atan2(y, x) is the angle of (x, y)
      if (zero && Q.isZero(y)) return undef('atan2(0, 0)');
      if (zero && Q.sign(y) > 0) return Q.ZERO;
      return null;
    case 'sigmoid': return zero ? Q.HALF : null;
    case 'hypot': return null;
    case 'softplus': return null;
  }
}

/**
 * x / y when it is cheap and likely to matter: by a power of two (exact in binary), or between small
 * numbers (1/3, 0.3/0.1). 1/x for a general double is left to the balls: its exactness rarely decides
 * anything (exact zeros at poles are found before), and its gcds cost more than the fast path.
 */
export function cheapQuotient(x: Q.Q, y: Q.Q): Q.Q | null {
  const n = y.n < 0n ? -y.n : y.n;
  if ((n & (n - 1n)) === 0n || Q.bits(x) + Q.bits(y) <= 40) {
    const r = Q.div(x, y);
    return Q.keepsExact(r) ? r : null;
  }
  return null;
}

function exactPow(x: Q.Q, y: Q.Q): Q.Q | ExactFail | null {
  if (Q.isZero(y)) return Q.ONE;
  if (Q.isZero(x)) return Q.sign(y) > 0 ? Q.ZERO : { fail: 'singular', reason: '0 to a negative power' };
  if (Q.sign(x) < 0 && !Q.isInteger(y)) return { fail: 'undefined', reason: 'a negative number to a non-integer power' };
  if (Q.eq(x, Q.ONE)) return Q.ONE;
  if (!Q.isInteger(y) || y.n > MAX_POW || y.n < -MAX_POW) return null;
  if (BigInt(Q.bits(x)) * (y.n < 0n ? -y.n : y.n) > BigInt(Q.MAX_EXACT_BITS)) return null;
  return Q.powInt(x, y.n);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLen(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
