import type { FloatFormat } from '../format.js';
import { isArithFail, type Arith } from './arith.js';
import { exactPrim } from './exact-prim.js';
import type { PrimOp } from './prim.js';
import * as Q from './rational.js';
import { qDigits } from './digits.js';

/**
 * A value q + b: an exact rational q (null for 0) plus a ball b (null for 0). Pure q is exact; pure
 * b an enclosure; both is the split of docs/ground-truth-new.md (1 + e^-2795.81 kept as 1 plus a tail
 * far below it, so that 1 - it, log(it) = log1p(tail) lose nothing).
 */
export interface V<B> { readonly q: Q.Q | null; readonly b: B | null }

/**
 * Why there is no value here: undefined (no real result), singular (an exact zero at a pole: limits
 * decide), kink (the derivative of abs at 0 or of a max tie; bounded, so times an exact 0 it is 0),
 * jump (the derivative of sign at 0), edge (a ball touches an edge: more precision may decide),
 * cannot (this library cannot say: the next one may), unknown (beyond any precision here).
 */
export type Fail = { fail: 'undefined' | 'singular' | 'kink' | 'jump' | 'edge' | 'cannot' | 'unknown'; reason: string };
export type R<B> = V<B> | Fail;

export const isFail = <B>(r: R<B>): r is Fail => 'fail' in r;

const RANK: Record<Fail['fail'], number> = { undefined: 0, unknown: 1, cannot: 2, edge: 3, singular: 4, jump: 5, kink: 6 };

/** The failure that decides when several arguments fail: undefined first, a kink last. */
export function worst(fails: Fail[]): Fail {
  return fails.reduce((a, b) => (RANK[b.fail] < RANK[a.fail] ? b : a));
}

export const exact = <B>(q: Q.Q): V<B> => ({ q: Q.isZero(q) ? null : q, b: null });
export const isExact = <B>(v: V<B>) => v.b === null;
export const exactValue = <B>(v: V<B>): Q.Q | null => (v.b === null ? v.q ?? Q.ZERO : null);

/** Arithmetic on split values at one precision. */
export class Values<B> {
  constructor(readonly A: Arith<B>, readonly prec: number) {}

  /** The value as one ball. */
  ball(v: V<B>): B | Fail {
    const qb = v.q === null ? null : this.A.fromRational(v.q, this.prec);
    if (v.q !== null && qb === null) return { fail: 'cannot', reason: `${this.A.name} cannot hold ${Q.toString(v.q).slice(0, 40)}` };
    if (qb === null) return v.b ?? this.lift(this.A.fromRational(Q.ZERO, this.prec));
    if (v.b === null) return qb;
    return this.lift(this.A.op('add', [qb, v.b], this.prec));
  }

  private lift(r: B | ReturnType<Arith<B>['op']>): B | Fail {
    if (r === null) return { fail: 'cannot', reason: `${this.A.name} cannot evaluate this` };
    if (isArithFail(r)) {
      const kind = r.fail === 'domain' ? 'undefined' : r.fail === 'edge' ? 'edge' : 'unknown';
      return { fail: kind, reason: r.reason };
    }
    return r;
  }

  /** A ball op, folded. */
  private op(op: PrimOp, args: V<B>[]): R<B> {
    const balls: B[] = [];
    for (const a of args) {
      const b = this.ball(a);
      if (isFail(b as R<B>)) return b as Fail;
      balls.push(b as B);
    }
    return this.wrap(this.A.op(op, balls, this.prec));
  }

  private wrap(r: ReturnType<Arith<B>['op']>): R<B> {
    const b = this.lift(r);
    return isFail(b as R<B>) ? (b as Fail) : { q: null, b: b as B };
  }

  private plain(op: PrimOp, ...bs: B[]): B | Fail {
    return this.lift(this.A.op(op, bs, this.prec));
  }

  sign(v: V<B>): -1 | 0 | 1 | undefined | Fail {
    if (v.b === null) return v.q === null ? 0 : Q.sign(v.q);
    if (v.q === null) return this.A.sign(v.b);
    const b = this.ball(v);
    return isFail(b as R<B>) ? (b as Fail) : this.A.sign(b as B);
  }

  roundsTo(v: V<B>, format: FloatFormat): number | undefined | Fail {
    if (v.b === null) return v.q === null ? 0 : Q.roundQ(v.q, format);
    const b = this.ball(v);
    return isFail(b as R<B>) ? (b as Fail) : this.A.roundsTo(b as B, format);
  }

  digits(v: V<B>, max: number): string {
    if (v.b === null) return v.q === null ? '0' : qDigits(v.q, max);
    const b = this.ball(v);
    return isFail(b as R<B>) ? '?' : this.A.digits(b as B, max);
  }

  /** The ball's relative width (log2); -Infinity for exact values. */
  relWidth(v: V<B>): number {
    if (v.b === null) return -Infinity;
    const b = this.ball(v);
    return isFail(b as R<B>) ? Infinity : this.A.relWidth(b as B);
  }

  prim(op: PrimOp, args: V<B>[]): R<B> {
    if (args.every(isExact)) {
      const r = exactPrim(op, args.map((a) => a.q ?? Q.ZERO));
      if (r !== null) return 'fail' in r ? r : exact(r);
    } else if ((op === 'div' || op === 'log' || op === 'reciprocal') && isZeroV(args[op === 'div' ? 1 : 0]!)) {
      return { fail: 'singular', reason: op === 'log' ? 'log(0)' : 'division by 0' };
    }
    switch (op) {
      case 'add': return this.addSplit(args[0]!, args[1]!, 1);
      case 'sub': return this.addSplit(args[0]!, args[1]!, -1);
      case 'neg': return { q: args[0]!.q && Q.neg(args[0]!.q), b: args[0]!.b && this.negBall(args[0]!.b) };
      case 'mul': return this.mulSplit(args[0]!, args[1]!);
      case 'div': return this.divSplit(args[0]!, args[1]!);
      case 'reciprocal': return this.divSplit({ q: Q.ONE, b: null }, args[0]!);
      case 'square': return this.mulSplit(args[0]!, args[0]!);
      case 'log': {
        const [a] = args as [V<B>];
        if (a.q && a.b && Q.eq(a.q, Q.ONE)) return this.wrap(this.A.op('log1p', [a.b], this.prec));
        return this.op('log', args);
      }
      case 'exp': {
        const [a] = args as [V<B>];
        // e^t for a small t is 1 + expm1(t): 1 - e^-x keeps all its digits
        if (a.q === null && a.b !== null && this.A.log2Mag(a.b) < -8) {
          const t = this.wrap(this.A.op('expm1', [a.b], this.prec));
          return isFail(t) ? t : { q: Q.ONE, b: t.b };
        }
        return this.op('exp', args);
      }
      case 'sigmoid': {
        const x = this.ball(args[0]!);
        if (isFail(x as R<B>)) return x as Fail;
        // sigmoid(x) = 1 - sigmoid(-x): far right, 1 plus a tail
        if (this.A.sign(x as B) === 1 && this.A.log2Mag(x as B) > 3) {
          const t = this.plain('sigmoid', this.negBall(x as B));
          return isFail(t as R<B>) ? (t as Fail) : { q: Q.ONE, b: this.negBall(t as B) };
        }
        return this.wrap(this.A.op('sigmoid', [x as B], this.prec));
      }
      case 'pow': return this.pow(args[0]!, args[1]!);
      default: return this.op(op, args);
    }
  }

  private negBall(b: B): B {
    const r = this.A.op('neg', [b], this.prec);
    if (r === null || isArithFail(r)) throw new Error(`${this.A.name}: neg failed`);
    return r;
  }

  private addBalls(a: B | null, b: B | null, s: 1 | -1): B | null | Fail {
    if (b === null) return a;
    if (a === null) return s === 1 ? b : this.negBall(b);
    return this.plain(s === 1 ? 'add' : 'sub', a, b);
  }

  private mix(q: Q.Q | null, b: B | null | Fail): R<B> {
    if (b !== null && isFail(b as R<B>)) return b as Fail;
    if (q !== null && Q.isZero(q)) q = null;
    if (q !== null && Q.bits(q) > Q.MAX_EXACT_BITS) {
      const qb = this.A.fromRational(q, this.prec);
      if (qb === null) return { fail: 'cannot', reason: `${this.A.name} cannot hold a long rational` };
      return { q: null, b: b === null ? qb : (this.plain('add', qb, b as B) as B) };
    }
    return { q, b: b as B | null };
  }

  private addSplit(x: V<B>, y: V<B>, s: 1 | -1): R<B> {
    const q = x.q === null ? (y.q && (s === 1 ? y.q : Q.neg(y.q))) : y.q === null ? x.q : s === 1 ? Q.add(x.q, y.q) : Q.sub(x.q, y.q);
    return this.mix(q, this.addBalls(x.b, y.b, s));
  }

  private mulSplit(x: V<B>, y: V<B>): R<B> {
    // (qx + bx)(qy + by) = qx qy + (qx by + qy bx + bx by)
    const q = x.q && y.q ? Q.mul(x.q, y.q) : null;
    let tail: B | null | Fail = null;
    const terms: [Q.Q | null, B | null][] = [[x.q, y.b], [y.q, x.b]];
    for (const [c, b] of terms) {
      if (c === null || b === null) continue;
      const cb = this.A.fromRational(c, this.prec);
      if (cb === null) return { fail: 'cannot', reason: `${this.A.name} cannot hold ${Q.toString(c).slice(0, 40)}` };
      const t = this.plain('mul', cb, b);
      if (isFail(t as R<B>)) return t as Fail;
      tail = this.addBalls(tail as B | null, t as B, 1);
      if (tail !== null && isFail(tail as R<B>)) return tail as Fail;
    }
    if (x.b !== null && y.b !== null) {
      const t = this.plain('mul', x.b, y.b);
      if (isFail(t as R<B>)) return t as Fail;
      tail = this.addBalls(tail as B | null, t as B, 1);
    }
    return this.mix(q, tail);
  }

  private divSplit(x: V<B>, y: V<B>): R<B> {
    if (y.q !== null && !Q.isZero(y.q) && x.q !== null && y.b !== null) {
      // (qx + bx) / (qy + by) = r + (bx - r by) / (qy + by), r = qx / qy
      const r = Q.div(x.q, y.q);
      const rb = this.A.fromRational(r, this.prec);
      const den = this.ball(y);
      if (rb !== null && !isFail(den as R<B>)) {
        const rby = this.plain('mul', rb, y.b);
        if (isFail(rby as R<B>)) return rby as Fail;
        const num = this.addBalls(x.b, rby as B, -1);
        if (num !== null && isFail(num as R<B>)) return num as Fail;
        if (num === null) return this.mix(r, null);
        return this.mix(r, this.plain('div', num as B, den as B));
      }
    }
    if (y.b === null && y.q !== null) {
      // by an exact number: each part on its own
      const q = x.q && Q.div(x.q, y.q);
      if (x.b === null) return this.mix(q, null);
      const yb = this.A.fromRational(y.q, this.prec);
      if (yb === null) return { fail: 'cannot', reason: `${this.A.name} cannot hold ${Q.toString(y.q).slice(0, 40)}` };
      return this.mix(q, this.plain('div', x.b, yb));
    }
    return this.op('div', [x, y]);
  }

  private pow(x: V<B>, y: V<B>): R<B> {
    const k = exactValue(y);
    if (k !== null && Q.isInteger(k) && k.n >= -64n && k.n <= 64n) {
      // an integer power by squaring: also for negative bases
      let n = k.n < 0n ? -k.n : k.n;
      let acc: V<B> = { q: Q.ONE, b: null };
      let base = x;
      while (n > 0n) {
        if (n & 1n) {
          const m = this.mulSplit(acc, base);
          if (isFail(m)) return m;
          acc = m;
        }
        n >>= 1n;
        if (n > 0n) {
          const s = this.mulSplit(base, base);
          if (isFail(s)) return s;
          base = s;
        }
      }
      return k.n < 0n ? (isZeroV(acc) ? { fail: 'singular', reason: '0 to a negative power' } : this.divSplit({ q: Q.ONE, b: null }, acc)) : acc;
    }
    if (isZeroV(x)) {
      const s = this.sign(y);
      if (typeof s === 'object') return s;
      if (s === 1) return { q: null, b: null };
      if (s === -1) return { fail: 'singular', reason: '0 to a negative power' };
      if (s === 0) return { q: Q.ONE, b: null };
      return { fail: 'edge', reason: 'the sign of the exponent of 0 is not decided' };
    }
    const sx = this.sign(x);
    if (sx === -1) {
      if (k !== null && !Q.isInteger(k)) return { fail: 'undefined', reason: 'a negative number to a non-integer power' };
      if (k === null) return { fail: 'unknown', reason: 'a negative base to an inexact exponent' };
      // a large integer power of a negative base: |x|^k with the sign of (-1)^k
      const m = this.op('pow', [this.negV(x), y]);
      return isFail(m) || (k.n & 1n) === 0n ? m : this.negV(m);
    }
    return this.op('pow', [x, y]);
  }

  negV(v: V<B>): V<B> {
    return { q: v.q && Q.neg(v.q), b: v.b && this.negBall(v.b) };
  }
}

export const isZeroV = <B>(v: V<B>) => v.q === null && v.b === null;
