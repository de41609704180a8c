/** The exact value lies in [mid - rad, mid + rad]; mid = m * 2^e, rad = r * 2^re, with BigInt m, e, r >= 0, re
 *  (exponents are BigInt so that exp(1e300) = 2^(1.44e300) * ... is exact in its exponent). Immutable. */
export interface BigBall { readonly m: bigint; readonly e: bigint; readonly r: bigint; readonly re: bigint }

export type BigFail = { fail: 'domain' | 'edge' | 'limit'; reason: string };

export type BigResult = BigBall | BigFail;

export function isFail(x: BigResult): x is BigFail {
  return (x as BigFail).fail !== undefined;
}

/** Size limits: a ball whose exponent (of mid or rad) needs more than MAX_EXP_BITS bits, or a precision above
 *  MAX_PREC bits, gives {fail: 'limit'}. Exponents up to 2^4096 cover exp(exp(700)) and any decimal literal a user
 *  can type; beyond that BigInt exponent arithmetic itself would dominate. */
export const MAX_EXP_BITS = 4096;
export const MAX_PREC = 1 << 16;

export function fail(kind: BigFail['fail'], reason: string): BigFail {
  return { fail: kind, reason };
}
