import type { FloatFormat } from '../../base/float-format.js';
import { isArithFail, type Arith } from './arith.js';
import { qDigits } from './digits.js';
import { cheapQuotient, exactPrim } from './exact-prim.js';
import type { PrimOp } from './prim.js';
import * as Q from './rational.js';

/**
 * A value q e + b: a rational coefficient q (null for 0) of a base e (null for the number 1; else
 * a ball that stands for one real number, by identity), plus a ball b (null for 0) that may lie
 * far below it. Pure q is exact; pure b an enclosure. The base/tail split is what keeps
 * 1 + e^-2795.81 as "1 plus a tail" (1 - it, log(it) = log1p(tail) lose nothing) and e^x + 1 as
 * "the same rounded e^x, plus 1" (e^x / (e^x + 1) = 1 - 1/(e^x + 1) cancels the shared rounding).
 */
export interface V<B> { readonly q: Q.Q | null; readonly e: B | null; readonly b: B | null }

/**
 * Why there is no value here: undefined (no real result), singular (an exact zero at a pole: limits
 * decide), kink (the derivative of abs at 0 or of a max tie; bounded, so times an exact 0 it is 0),
 * jump (the derivative of sign at 0), edge (a ball touches an edge: more precision may decide),
 * cannot (this library cannot say: the next one may), unknown (beyond any precision here).
 */
export type Fail = {
  fail: 'undefined' | 'singular' | 'kink' | 'jump' | 'edge' | 'cannot' | 'unknown';
  reason: string;
  /** exp of a huge ball beyond the library's exponents: its sign and that it is huge (or tiny) are known. */
  saturated?: { sign: 1; huge: boolean };
  /** The node where a singular point, kink or jump first showed. */
  at?: number;
}
export type R<B> = V<B> | Fail;

export const isFail = <B>(r: R<B>): r is Fail => 'fail' in r;

const RANK: Record<Fail['fail'], number> = { undefined: 0, unknown: 1, cannot: 2, edge: 3, singular: 4, jump: 5, kink: 6 };

/** The failure that decides when several arguments fail: undefined first, a kink last. */
export function worst(fails: Fail[]): Fail {
  return fails.reduce((a, b) => (RANK[b.fail] < RANK[a.fail] ? b : a));
}

export const exact = <B>(q: Q.Q): V<B> => ({ q: Q.isZero(q) ? null : q, e: null, b: null });
const ballV = <B>(b: B): V<B> => ({ q: null, e: null, b });
export const isExact = <B>(v: V<B>) => v.b === null && v.e === null;
export const exactValue = <B>(v: V<B>): Q.Q | null => (isExact(v) ? v.q ?? Q.ZERO : null);
export const isZeroV = <B>(v: V<B>) => v.q === null && v.b === null;

/** A value as base and tail: c E + t (E null: the number 1; c null: no base). A pure ball is its own base. */
interface Parts<B> { c: Q.Q | null; E: B | null; t: B | null }
function parts<B>(v: V<B>): Parts<B> {
  if (v.q === null && v.b !== null) return { c: Q.ONE, E: v.b, t: null };
  return { c: v.q, E: v.e, t: v.b };
}

type Res<B> = B | Fail;
const bad = <B>(x: Res<B> | null): x is Fail => x !== null && typeof x === 'object' && 'fail' in (x as object);

/** Arithmetic on split values at one precision. */
export class Values<B> {
  /** Base/tail splits only where precision can rise (BigInt balls): the fast path folds, which is cheaper. */
  private readonly splits: boolean;
  constructor(readonly A: Arith<B>, readonly prec: number) {
    this.splits = true;
  }

  private lift(r: ReturnType<Arith<B>['op']>): Res<B> {
    if (r === null) return { fail: 'cannot', reason: `${this.A.name} cannot evaluate this` };
    if (isArithFail(r)) {
      const kind = r.fail === 'domain' ? 'undefined' : r.fail === 'edge' ? 'edge' : 'unknown';
      return { fail: kind, reason: r.reason };
    }
    return r;
  }

  private rat(q: Q.Q): Res<B> {
    const b = this.A.fromRational(q, this.prec);
    return b === null ? { fail: 'cannot', reason: `${this.A.name} cannot hold ${Q.toString(q).slice(0, 40)}` } : b;
  }

  private plain(op: PrimOp, ...bs: B[]): Res<B> {
    return this.lift(this.A.op(op, bs, this.prec));
  }

  /** c E as a ball (null for 0). */
  private baseBall(c: Q.Q | null, E: B | null): Res<B> | null {
    if (c === null) return null;
    if (E === null) return this.rat(c);
    if (Q.eq(c, Q.ONE)) return E;
    const cb = this.rat(c);
    return bad(cb) ? cb : this.plain('mul', cb, E);
  }

  /** a + s b on optional balls. */
  private sum(a: Res<B> | null, b: Res<B> | null, s: 1 | -1 = 1): Res<B> | null {
    if (bad(a)) return a;
    if (bad(b)) return b;
    if (b === null) return a;
    if (a === null) return s === 1 ? b : this.negBall(b);
    return this.plain(s === 1 ? 'add' : 'sub', a, b);
  }

  /** The value as one ball. */
  ball(v: V<B>): Res<B> {
    const r = this.sum(this.baseBall(v.q, v.e), v.b);
    return r ?? this.rat(Q.ZERO);
  }

  private make(c: Q.Q | null, E: B | null, t: Res<B> | null): R<B> {
    if (bad(t)) return t;
    if (c !== null && Q.isZero(c)) c = null;
    if (c === null) return t === null ? exact(Q.ZERO) : ballV(t);
    if (E === null && !Q.keepsExact(c)) {
      const r = this.sum(this.rat(c), t);
      return bad(r) ? r : ballV(r!);
    }
    if (E !== null && Q.eq(c, Q.ONE) && t === null) return ballV(E);
    return { q: c, e: E, b: t };
  }

  sign(v: V<B>): -1 | 0 | 1 | undefined | Fail {
    if (isExact(v)) return v.q === null ? 0 : Q.sign(v.q);
    const b = this.ball(v);
    return bad(b) ? b : this.A.sign(b);
  }

  roundsTo(v: V<B>, format: FloatFormat): number | undefined | Fail {
    if (isExact(v)) return v.q === null ? 0 : Q.roundQ(v.q, format);
    const b = this.ball(v);
    return bad(b) ? b : this.A.roundsTo(b, format);
  }

  digits(v: V<B>, max: number): string {
    if (isExact(v)) return v.q === null ? '0' : qDigits(v.q, max);
    const b = this.ball(v);
    return bad(b) ? '?' : this.A.digits(b, max);
  }

  /** The ball's relative width (log2); -Infinity for exact values. */
  relWidth(v: V<B>): number {
    if (isExact(v)) return -Infinity;
    const b = this.ball(v);
    return bad(b) ? Infinity : this.A.relWidth(b);
  }

  prim(op: PrimOp, args: V<B>[]): R<B> {
    const same = this.identity(op, args);
    if (same) return same;
    if (args.every(isExact)) {
      const r = exactPrim(op, args.map((a) => a.q ?? Q.ZERO));
      if (r !== null) return 'fail' in r ? r : exact(r);
    } else if ((op === 'div' || op === 'log' || op === 'reciprocal') && isZeroV(args[op === 'div' ? 1 : 0]!)) {
      return { fail: 'singular', reason: op === 'log' ? 'log(0)' : 'division by 0' };
    }
    const [a, b] = args as [V<B>, V<B>];
    if (!this.splits) return op === 'pow' ? this.pow(a, b) : this.fold(op, args);
    switch (op) {
      case 'add': return this.add(a, b, 1);
      case 'sub': return this.add(a, b, -1);
      case 'neg': return this.negV(a);
      case 'mul': return this.mul(a, b);
      case 'square': return this.mul(a, a);
      case 'div': return this.div(a, b);
      case 'reciprocal': return this.div(exact(Q.ONE), a);
      case 'log':
        // log(1 + t) = log1p(t)
        if (a.e === null && a.q !== null && a.b !== null && Q.eq(a.q, Q.ONE)) return this.fold('log1p', [ballV(a.b)]);
        return this.fold('log', args);
      case 'exp': {
        // e^t for a small t is 1 + expm1(t): 1 - e^-x keeps all its digits
        const small = a.e === null && (a.q === null || a.b === null) ? (a.b ?? this.rat(a.q!)) : null;
        if (small !== null && !bad(small) && this.A.log2Mag(small) < -8) {
          const t = this.plain('expm1', small);
          return this.make(Q.ONE, null, t);
        }
        const r = this.fold('exp', args);
        if (isFail(r) && r.fail === 'unknown') {
          const x = this.ball(a);
          const s = bad(x) ? undefined : this.A.sign(x);
          if (!bad(x) && s !== undefined && s !== 0 && this.A.log2Mag(x) > 64) return { ...r, saturated: { sign: 1, huge: s > 0 } };
        }
        return r;
      }
      case 'sigmoid': {
        const x = this.ball(a);
        if (bad(x)) return x;
        // sigmoid(x) = 1 - sigmoid(-x): far right, 1 plus a tail
        if (this.A.sign(x) === 1 && this.A.log2Mag(x) > 3) {
          const nx = this.negBall(x);
          const t = bad(nx) ? nx : this.plain('sigmoid', nx);
          return this.make(Q.ONE, null, bad(t) ? t : this.negBall(t));
        }
        return this.fold('sigmoid', [ballV(x)]);
      }
      case 'pow': return this.pow(a, b);
      default: return this.fold(op, args);
    }
  }

  /** A ball op on the folded arguments. */
  private fold(op: PrimOp, args: V<B>[]): R<B> {
    const balls: B[] = [];
    for (const a of args) {
      const b = this.ball(a);
      if (bad(b)) return b;
      balls.push(b);
    }
    const r = this.plain(op, ...balls);
    return bad(r) ? r : ballV(r);
  }

  /**
   * Results decided by identity: one V object is one real number (a memoised node, or a value
   * passed on unchanged), so a - a = 0 and a / a = 1 even when a is only a ball (exp(x) / exp(x)).
   */
  private identity(op: PrimOp, [a, b]: V<B>[]): R<B> | null {
    const one = (v: V<B>) => isExact(v) && v.q !== null && Q.eq(v.q, Q.ONE);
    if (op === 'sub' && a === b) return exact(Q.ZERO);
    if (op === 'div' && a === b && !isZeroV(a!)) {
      const s = this.sign(a!);
      if (s === 1 || s === -1) return exact(Q.ONE);
    }
    if (op === 'mul' && one(a!)) return b!;
    if (op === 'mul' && one(b!)) return a!;
    if ((op === 'add' || op === 'sub') && isZeroV(b!)) return a!;
    if (op === 'add' && isZeroV(a!)) return b!;
    if (op === 'div' && one(b!)) return a!;
    return null;
  }

  private negBall(b: B): Res<B> {
    return this.plain('neg', b);
  }

  negV(v: V<B>): R<B> {
    const b = v.b && this.negBall(v.b);
    return bad(b) ? b : { q: v.q && Q.neg(v.q), e: v.e, b };
  }

  private add(x: V<B>, y: V<B>, s: 1 | -1): R<B> {
    const px = parts(x);
    const py = parts(y);
    const cy = py.c && (s === 1 ? py.c : Q.neg(py.c));
    if (px.E === py.E || px.c === null || cy === null) {
      // one base (or none): the coefficients add exactly
      const E = px.c === null ? py.E : px.E;
      const c = px.c === null ? cy : cy === null ? px.c : Q.add(px.c, cy);
      return this.make(c, E, this.sum(px.t, py.t, s));
    }
    // two bases: keep the larger, the other joins the tail
    const bx = this.baseBall(px.c, px.E);
    const by = this.baseBall(cy, py.E);
    if (bad(bx)) return bx;
    if (bad(by)) return by;
    const keepX = this.A.log2Mag(bx!) >= this.A.log2Mag(by!);
    const tails = this.sum(px.t, py.t, s);
    return keepX ? this.make(px.c, px.E, this.sum(tails, by)) : this.make(cy, py.E, this.sum(tails, bx));
  }

  private mul(x: V<B>, y: V<B>): R<B> {
    const px = parts(x);
    const py = parts(y);
    if (py.E !== null && px.E === null) return this.mul(y, x);
    if (py.E === null && px.c !== null && py.c !== null) {
      // (cx E + tx)(cy + ty) = cx cy E + (cy tx + x ty)
      const cyb = py.t === null && px.t === null ? null : this.rat(py.c);
      if (bad(cyb)) return cyb;
      let tail: Res<B> | null = px.t === null ? null : this.plain('mul', cyb!, px.t);
      if (py.t !== null) {
        const xb = this.ball(x);
        if (bad(xb)) return xb;
        tail = this.sum(tail, this.plain('mul', xb, py.t));
      }
      const c = Q.mul(px.c, py.c);
      return this.make(c, px.E, tail);
    }
    return this.fold('mul', [x, y]);
  }

  private div(x: V<B>, y: V<B>): R<B> {
    const px = parts(x);
    const py = parts(y);
    // (cx E + tx) / (cy E + ty) = r + (tx - r ty) / y, r = cx / cy (by identity; for E = 1 only when cheap)
    const r = py.c !== null && px.c !== null && px.E === py.E ? (px.E === null ? cheapQuotient(px.c, py.c) : Q.div(px.c, py.c)) : null;
    if (r !== null) {
      if (py.t === null && px.t === null) return exact(r);
      const rb = py.t === null ? null : this.rat(r);
      if (bad(rb)) return rb;
      const num = this.sum(px.t, rb === null ? null : this.plain('mul', rb, py.t!), -1);
      if (num === null) return exact(r);
      const den = this.ball(y);
      if (bad(den)) return den;
      return this.make(r, null, bad(num) ? num : this.plain('div', num, den));
    }
    if (py.E === null && py.t === null && py.c !== null && px.c !== null && px.E !== null) {
      // by an exact number: base and tail each on their own
      const cyb = px.t === null ? null : this.rat(py.c);
      if (bad(cyb)) return cyb;
      return this.make(Q.div(px.c, py.c), px.E, px.t === null ? null : this.plain('div', px.t, cyb!));
    }
    return this.fold('div', [x, y]);
  }

  private pow(x: V<B>, y: V<B>): R<B> {
    const k = exactValue(y);
    if (k !== null && Q.isInteger(k) && k.n >= -64n && k.n <= 64n) {
      // an integer power by squaring: also for negative bases
      let n = k.n < 0n ? -k.n : k.n;
      let acc: V<B> = exact(Q.ONE);
      let base = x;
      while (n > 0n) {
        if (n & 1n) {
          const m = this.mul(acc, base);
          if (isFail(m)) return m;
          acc = m;
        }
        n >>= 1n;
        if (n > 0n) {
          const s = this.mul(base, base);
          if (isFail(s)) return s;
          base = s;
        }
      }
      if (k.n >= 0n) return acc;
      return isZeroV(acc) ? { fail: 'singular', reason: '0 to a negative power' } : this.div(exact(Q.ONE), acc);
    }
    if (isZeroV(x)) {
      const s = this.sign(y);
      if (typeof s === 'object') return s;
      if (s === 1) return exact(Q.ZERO);
      if (s === -1) return { fail: 'singular', reason: '0 to a negative power' };
      if (s === 0) return exact(Q.ONE);
      return { fail: 'edge', reason: 'the sign of the exponent of 0 is not decided' };
    }
    const sx = this.sign(x);
    if (typeof sx === 'object') return sx;
    if (sx === -1) {
      if (k !== null && !Q.isInteger(k)) return { fail: 'undefined', reason: 'a negative number to a non-integer power' };
      if (k === null) return { fail: 'unknown', reason: 'a negative base to an inexact exponent' };
      // a large integer power of a negative base: |x|^k with the sign of (-1)^k
      const nx = this.negV(x);
      const m = isFail(nx) ? nx : this.fold('pow', [nx, y]);
      return isFail(m) || (k.n & 1n) === 0n ? m : this.negV(m);
    }
    if (sx === undefined) return { fail: 'edge', reason: 'the sign of a power\'s base is not decided' };
    return this.fold('pow', [x, y]);
  }
}
