import type { FloatFormat } from '../../base/float-format.js';
import type { PrimOp } from './prim.js';
import type { Q } from './rational.js';

/**
 * What a ball library gives the evaluator: rigorous enclosures. "domain": no point of the
 * arguments is in the op's real domain; "edge": an argument touches a domain edge or a pole (more
 * precision may help); "limit": beyond the library's size limits. null: this library cannot say
 * (the fast path's way to hand a quantity on to the BigInt balls); null is never wrong.
 */
export type ArithFail = { fail: 'domain' | 'edge' | 'limit'; reason: string };

export interface Arith<B> {
  readonly name: string;
  /** The first precision (bits) this library is tried at. */
  readonly start: number;
  /** Whether it can be re-run at higher precisions (up to the cap); the fast path cannot. */
  readonly escalates: boolean;
  fromDouble(x: number): B | null;
  fromRational(q: Q, prec: number): B | null;
  fromDecimal(text: string, prec: number): B | ArithFail | null;
  op(op: PrimOp, args: readonly B[], prec: number): B | ArithFail | null;
  /** The single float of the format every point of the ball rounds to, else undefined. */
  roundsTo(b: B, format: FloatFormat): number | undefined;
  sign(b: B): -1 | 0 | 1 | undefined;
  /** The leading decimal digits the ball proves (at most max), with exponent; "0" for the exact zero. */
  digits(b: B, max: number): string;
  /** About log2 |mid| (-Infinity for 0). */
  log2Mag(b: B): number;
  /** About log2(rad / |mid|): -Infinity when exact, Infinity when mid is 0 and rad > 0. */
  relWidth(b: B): number;
}

export const isArithFail = (x: unknown): x is ArithFail => typeof x === 'object' && x !== null && 'fail' in x;
