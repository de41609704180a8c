import type { FloatFormat } from '../../base/float-format.js';
import { isArithFail } from './arith.js';
import { BIG } from './big-arith.js';
import { bitLen as bitLenOf } from './big/bits.js';
import type { BigBall } from './big/index.js';
import { ddBallDigits, dyadicBallDigits } from './digits.js';
import { FAST } from './fast-arith.js';
import { ddFromDecimal, ddRoundsTo, ddSign, type DDBall } from './fast/index.js';
import type { PGraph, PNode } from './pgraph.js';
import type { PrimOp } from './prim.js';
import { isFar, isFarOrScaled } from './quick-far.js';
import { quickOp } from './quick-op.js';
import { isScaled, scaledDigits, scaledExact, scaledRelWidth, scaledRoundsTo, scaledSign } from './quick-scaled.js';
import * as Q from './rational.js';

// The two ball libraries as the quick passes (quick.ts) see them: double-double balls with underflow balls
// (quick-op.ts), and BigInt balls at one precision; and their literal caches.

/** What the quick evaluator needs of a ball library: ops that give a ball or null (never a wrong ball). */
export interface Balls<B> {
  /** Which literal cache: 0 for the double-double balls, the precision for the BigInt balls. */
  readonly key: number;
  op(op: PrimOp, a: B, b: B | undefined): B | null;
  literal(n: PNode & { k: 'const' }): B | null;
  fromDouble(x: number): B;
  int(n: -1 | 0 | 1): B;
  sign(b: B): -1 | 0 | 1 | undefined;
  roundsTo(b: B, format: FloatFormat): number | undefined;
  relWidth(b: B): number;
  /** The exact value of an exact ball (for its digits, as the rationals print them), else null. */
  exactOf(b: B): Q.Q | null;
  digits(b: B): string;
  log2Mag(b: B): number;
  /** About log2 of the radius (-Infinity for an exact ball). */
  log2Rad(b: B): number;
  /** Set when an op or a sign failed only for want of precision (a ball touching a pole or 0): more may decide. */
  edge: boolean;
  /** A ball known only by its sign and magnitude's bounds (quick-far.ts): it gives no float and no digits. */
  far(b: B): boolean;
}

export const DD: Balls<DDBall> = {
  key: 0,
  op: quickOp,
  literal: (n) => {
    if (n.q) return FAST.fromRational(n.q, 106);
    if (!LITERAL.test(n.text)) return null;
    const d = ddFromDecimal(n.text);
    return d !== null && !('fail' in d) ? d : null;
  },
  fromDouble: (x) => ({ hi: x, lo: 0, rad: 0 }),
  int: (n) => ({ hi: n, lo: 0, rad: 0 }),
  // a far or scaled ball's sign is proved (its hi is +-Infinity; ddSign and ddRoundsTo give undefined for it)
  sign: (b) => ddSign(b) ?? (isFarOrScaled(b) ? (isScaled(b) ? scaledSign(b) : b.hi > 0 ? 1 : -1) : undefined),
  roundsTo: (b, format) => ddRoundsTo(b, format) ?? (isScaled(b) ? scaledRoundsTo(b, format) : undefined),
  // a far ball's hi is infinite: no width (it is never certified), a scaled ball's is its mantissa's
  relWidth: (b) => (isFarOrScaled(b) ? (isScaled(b) ? scaledRelWidth(b) : Infinity) : FAST.relWidth(b)),
  exactOf: (b) => (isScaled(b) ? scaledExact(b) : null),
  // the rationals' digits for exact balls (trimmed: "0.25"), else one power-of-ten scaling of hi + lo (a scaled
  // ball's with its exponent; '0e+0', no digit, if that fails)
  digits: (b) => (isScaled(b) ? scaledDigits(b)
    : (b.rad === 0 || b.hi === 0 ? undefined : ddBallDigits(b.hi, b.lo, FAST.relWidth(b), 21)) ?? FAST.digits(b, 21)),
  // Infinity for a far ball: the spread skips it, an identity does not apply to it (quick.ts never asks its radius)
  log2Mag: FAST.log2Mag,
  log2Rad: (b) => Math.log2(b.rad),
  edge: false,
  far: isFar,
};

const LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const bigInts = [-1n, 0n, 1n].map((m): BigBall => ({ m, e: 0n, r: 0n, re: 0n }));

/**
 * e^x for x below -2^66 as the ball 0 +- 2^-T, T = 2^(top - 2) <= |x|: e^x < 2^(-1.44 |x|) < 2^-T. The exact
 * exp would first reduce x by k ln2 with ln2 to log2|x| + prec bits (the story's e^-1e200: 800-bit divisions) for
 * a number every sum it meets absorbs. null: compute it.
 */
function expOfHugeNegative(x: BigBall): BigBall | null {
  if (x.m >= 0n) return null;
  const top = BigInt(bitLenOf(x.m)) + x.e; // |mid| >= 2^(top - 1)
  if (top < 68n || top > 4000n) return null;
  // the radius below |mid| / 2, so every point of the ball is below -2^(top - 2)
  if (x.r !== 0n && BigInt(bitLenOf(x.r)) + x.re >= top - 2n) return null;
  return { m: 0n, e: 0n, r: 1n, re: -(1n << (top - 2n)) };
}

/** The BigInt balls at one precision (a class: every try calls the same methods, which V8 can inline). */
export class BigBalls implements Balls<BigBall> {
  edge = false;
  constructor(readonly key: number) {}

  op(op: PrimOp, a: BigBall, b: BigBall | undefined): BigBall | null {
    if (op === 'exp' || op === 'expm1') {
      const tiny = expOfHugeNegative(a);
      // expm1(x) = e^x - 1: -1 plus the same tiny ball
      if (tiny !== null) return op === 'exp' ? tiny : { ...tiny, m: -1n };
    }
    const r = BIG.op(op, b === undefined ? [a] : [a, b], this.key);
    if (r === null) return null;
    if (!isArithFail(r)) return r;
    if (r.fail === 'edge') this.edge = true;
    return null;
  }

  literal(n: PNode & { k: 'const' }): BigBall | null {
    if (n.q) return BIG.fromRational(n.q, this.key);
    if (!LITERAL.test(n.text)) return null;
    const r = BIG.fromDecimal(n.text, this.key);
    return r === null || isArithFail(r) ? null : r as BigBall;
  }

  fromDouble(x: number): BigBall {
    return BIG.fromDouble(x)!;
  }

  int(n: -1 | 0 | 1): BigBall {
    return bigInts[n + 1]!;
  }

  sign(b: BigBall): -1 | 0 | 1 | undefined {
    return BIG.sign(b);
  }

  roundsTo(b: BigBall, format: FloatFormat): number | undefined {
    return BIG.roundsTo(b, format);
  }

  relWidth(b: BigBall): number {
    return BIG.relWidth(b);
  }

  exactOf(b: BigBall): Q.Q | null {
    if (b.r !== 0n || b.e < -20000n || b.e > 20000n) return null;
    return b.e >= 0n ? Q.q(b.m << b.e) : Q.q(b.m, 1n << -b.e);
  }

  digits(b: BigBall): string {
    return (b.m !== 0n ? dyadicBallDigits(b.m, b.e, BIG.relWidth(b), 21) : undefined) ?? BIG.digits(b, 21);
  }

  log2Mag(b: BigBall): number {
    return BIG.log2Mag(b);
  }

  far(): boolean {
    return false;
  }

  log2Rad(b: BigBall): number {
    return b.r === 0n ? -Infinity : BIG.log2Mag({ m: b.r, e: b.re, r: 0n, re: 0n });
  }
}

/** Literals of a graph as balls of one library and precision (null: not held by one), computed once per plan. */
const literalCache = new WeakMap<PGraph, Map<number, (unknown | null | undefined)[]>>();

export function literalsOf<B>(g: PGraph, balls: Balls<B>): (B | null | undefined)[] {
  let byKey = literalCache.get(g);
  if (byKey === undefined) {
    byKey = new Map();
    literalCache.set(g, byKey);
  }
  let lits = byKey.get(balls.key) as (B | null | undefined)[] | undefined;
  if (lits === undefined || lits.length < g.nodes.length) {
    lits = new Array(g.nodes.length);
    byKey.set(balls.key, lits);
  }
  return lits;
}
