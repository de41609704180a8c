import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import { isArithFail } from './arith.js';
import { BIG } from './big-arith.js';
import type { BigBall } from './big/index.js';
import { ddBallDigits, dyadicBallDigits, plainDecimal, qDigits } from './digits.js';
import { FAST } from './fast-arith.js';
import { ddFromDecimal, ddRoundsTo, ddSign, type DDBall } from './fast/index.js';
import { quickOp } from './quick-op.js';
import type { PGraph, PNode, Rel } from './pgraph.js';
import type { PrimOp } from './prim.js';
import type { Plan } from './plan.js';
import { wantBits } from './certify.js';
import * as Q from './rational.js';
import { bitLen as bitLenOf } from './big/bits.js';

/** Nesting beyond which the quick pass gives up (the full evaluator handles deep graphs bottom-up). */
const MAX_DEPTH = 400;

/** No quick answer: the full pipeline (certify.ts) decides. A sentinel, so the hot loop allocates no failure objects. */
const NO = null;

/** What the quick evaluator needs of a ball library: ops that give a ball or null (never a wrong ball). */
interface Balls<B> {
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
}

const DD: Balls<DDBall> = {
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
  sign: ddSign,
  roundsTo: ddRoundsTo,
  relWidth: FAST.relWidth,
  exactOf: () => null,
  // the rationals' digits for exact balls (trimmed: "0.25"), else one power-of-ten scaling of hi + lo
  digits: (b) => (b.rad === 0 || b.hi === 0 ? undefined : ddBallDigits(b.hi, b.lo, FAST.relWidth(b), 21)) ?? FAST.digits(b, 21),
  log2Mag: FAST.log2Mag,
  log2Rad: (b) => Math.log2(b.rad),
  edge: false,
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
class BigBalls implements Balls<BigBall> {
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

  log2Rad(b: BigBall): number {
    return b.r === 0n ? -Infinity : BIG.log2Mag({ m: b.r, e: b.re, r: 0n, re: 0n });
  }
}

/** Literals of a graph as balls of one library and precision (null: not held by one), computed once per plan. */
const literalCache = new WeakMap<PGraph, Map<number, (unknown | null | undefined)[]>>();

function literalsOf<B>(g: PGraph, balls: Balls<B>): (B | null | undefined)[] {
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

/**
 * A try's outcome when not every target certified: the bits to add (the widest relative width, log2, among targets
 * that did not certify; for a ball around 0, its radius' log2, as if the result were about 1), and the spread of the
 * magnitudes computed. null: more precision will not help (a domain error, a singular point): the full pipeline.
 */
type Shortfall = { width: number; spread: number; missing?: boolean } | null;

/**
 * One of the first, cheapest tries at a point (quickTruths): the plan's targets not yet in `done`, in one ball
 * library, straight from the input doubles: no rationals, no splits. A target is settled only when its ball rounds
 * to one float of the format (the same rounding test and width rule as certify.ts), so each answer is a proof;
 * anything else (a ball that does not round to one float, an undecided comparison, a singular point, an op the
 * library cannot bound) leaves it open. Decisions (where, comparisons, sign) are taken only when the ball's sign is
 * proved, so the branch taken is the exact semantics' branch.
 */
function quickTry<B>(balls: Balls<B>, plan: Plan, point: Record<string, number>, format: FloatFormat,
  done: (Truth | undefined)[]): Shortfall | 'done' {
  const g = plan.g;
  const memo: (B | null | undefined)[] = new Array(g.nodes.length);
  const q = new Quick(balls, g, point, literalsOf(g, balls), memo);
  const want = wantBits(format);
  let width = -Infinity;
  let missing = false;
  for (let i = 0; i < done.length; i++) {
    if (done[i] !== undefined) continue;
    const b = q.get(i === 0 ? plan.value : plan.grads[i - 1]!, 0);
    if (b === NO) {
      // a graph deeper than MAX_DEPTH: the full evaluator's bottom-up order, without more tries here
      if (q.deep) return null;
      // the double-double balls fail for many reasons more bits fix (a range, a width): the other targets' widths
      // still tell the BigInt pass where to start
      if (balls === (DD as unknown)) {
        missing = true;
        continue;
      }
      return balls.edge ? { width: NaN, spread: spread(balls, memo) } : null;
    }
    const w = balls.relWidth(b);
    const x = balls.roundsTo(b, format);
    if (x === undefined || (w !== -Infinity && !(w <= -want))) {
      // a ball that barely knows its magnitude (or is around 0) says little by its relative width: its radius, as if
      // the result were about 1 (1/x^2 - e^-x/(1 - e^-x)^2 = 1/12 at x = 1e-300 has a radius of 2^(1994 - p))
      width = Math.max(width, Number.isFinite(w) && w < -8 ? w : Math.max(Number.isFinite(w) ? w : -Infinity, balls.log2Rad(b)));
      continue;
    }
    const exact = w === -Infinity ? balls.exactOf(b) : null;
    // an exact zero is +0, as the exact rationals give it (x * 0 at a negative x has a -0 midpoint)
    const value = exact !== null && exact.n === 0n ? 0 : w === -Infinity && balls.sign(b) === 0 ? 0 : x;
    done[i] = { kind: 'finite', value, decimal: plainDecimal(exact !== null ? qDigits(exact, 21) : balls.digits(b)) };
  }
  if (width === -Infinity && !missing) return 'done';
  return { width: width === -Infinity ? NaN : width, spread: spread(balls, memo), missing };
}

/** The spread (log2) of the magnitudes computed: a cancellation loses at most about that many bits (certify.ts). */
function spread<B>(balls: Balls<B>, memo: (B | null | undefined)[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of memo) {
    if (b === undefined || b === null) continue;
    const m = balls.log2Mag(b);
    if (!Number.isFinite(m)) continue;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  return hi >= lo ? hi - lo : 0;
}

/** BigInt passes after the double-double one: at most this many, each at the precision the last one's width asks. */
const BIG_TRIES = 4;
const BIG_START = 128;

/**
 * The quick passes in turn: double-double balls, then BigInt balls at 128 bits and at the precisions the lost bits
 * ask for (p + width + want + 32, as certify.ts steps), up to the cap. null: the full pipeline decides.
 */
export function quickTruths(plan: Plan, point: Record<string, number>, format: FloatFormat, capBits = Infinity): Truth[] | null {
  const done: (Truth | undefined)[] = new Array(1 + plan.grads.length);
  const dd = quickTry(DD, plan, point, format, done);
  if (dd === 'done') return done as Truth[];
  if (dd === null) return null;
  // a double-double ball that lost bits to a cancellation says how many the BigInt balls need (106 + lost + ...)
  // A target with no double-double ball at all (an overflow on the way: 1/x^2 at 1e-300) likely cancels more than the
  // others: a partial of terms like x^-k has terms like x^-(k+1), one more factor 1/|x| to lose (a first guess only:
  // a wrong one costs one more pass, or one pass at more bits than needed)
  const steeper = dd.missing ? Math.max(0, ...plan.vars.map((v) => -Math.log2(Math.abs(point[v]!)))) : 0;
  const fromDD = Number.isFinite(dd.width) ? 106 + dd.width + (Number.isFinite(steeper) ? steeper : 0) + wantBits(format) + 32 : 0;
  let prec = Math.min(roundUp64(Math.max(BIG_START, fromDD)), capBits);
  for (let i = 0; i < BIG_TRIES; i++) {
    const r = quickTry(new BigBalls(prec), plan, point, format, done);
    if (r === 'done') return done as Truth[];
    if (r === null || prec >= capBits) return null;
    // the bits a cancellation lost are about the same at any precision; when no width says, the magnitudes' spread
    const lost = Number.isFinite(r.width) ? r.width : r.spread;
    prec = Math.min(capBits, roundUp64(Math.max(2 * prec, prec + lost + wantBits(format) + 32)));
  }
  return null;
}

/** Precisions in steps of 64 bits: a few dozen literal caches per graph, not one per precision a point asked for. */
const roundUp64 = (p: number) => Math.ceil(p / 64) * 64;

class Quick<B> {
  /** Set when the recursion went beyond MAX_DEPTH. */
  deep = false;

  constructor(
    private readonly balls: Balls<B>,
    private readonly g: PGraph,
    private readonly point: Record<string, number>,
    private readonly lits: (B | null | undefined)[],
    private readonly memo: (B | null | undefined)[],
  ) {}

  get(id: number, depth: number): B | null {
    const known = this.memo[id];
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) {
      this.deep = true;
      return NO;
    }
    const r = this.compute(id, this.g.nodes[id]!, depth + 1);
    this.memo[id] = r;
    return r;
  }

  private literal(id: number, n: PNode & { k: 'const' }): B | null {
    let b = this.lits[id];
    if (b === undefined) {
      b = this.balls.literal(n);
      this.lits[id] = b;
    }
    return b;
  }

  /** The proved sign of a - b (0 only when both are the same exact number), else null. */
  private compare(a: number, b: number, depth: number): -1 | 0 | 1 | null {
    const x = this.get(a, depth);
    if (x === NO) return NO;
    if (a === b) return 0;
    const y = this.get(b, depth);
    if (y === NO) return NO;
    const d = this.balls.op('sub', x, y);
    return d === null ? NO : this.decided(this.balls.sign(d));
  }

  /**
   * Exact identities that keep digits a cancellation would lose: 1 - e^t = -expm1(t), e^t - 1 = expm1(t),
   * log(1 + t) = log1p(t) (so 1/(1 - e^-x) at x = 1e-300 needs no 1000 extra bits). undefined: no identity applies.
   */
  private identity(n: PNode & { k: 'prim' }, depth: number): B | null | undefined {
    const g = this.g;
    const [i, j] = n.args as [number, number];
    const expArg = (id: number) => {
      const m = g.nodes[id]!;
      return m.k === 'prim' && m.op === 'exp' ? m.args[0]! : undefined;
    };
    const isConst = (id: number, v: bigint) => {
      const m = g.nodes[id]!;
      return m.k === 'const' && m.q !== null && m.q.d === 1n && m.q.n === v;
    };
    let t: number | undefined;
    let negate = false;
    let op: PrimOp = 'expm1';
    if (n.op === 'sub' && isConst(i, 1n) && (t = expArg(j)) !== undefined) negate = true;
    else if (n.op === 'sub' && isConst(j, 1n) && (t = expArg(i)) !== undefined) negate = false;
    else if (n.op === 'add' && isConst(j, -1n) && (t = expArg(i)) !== undefined) negate = false;
    else if (n.op === 'add' && isConst(i, -1n) && (t = expArg(j)) !== undefined) negate = false;
    else if (n.op === 'log') {
      const m = g.nodes[i]!;
      if (m.k !== 'prim' || m.op !== 'add') return undefined;
      const [a, b] = m.args as [number, number];
      t = isConst(a, 1n) ? b : isConst(b, 1n) ? a : undefined;
      op = 'log1p';
    }
    if (t === undefined) return undefined;
    const x = this.get(t, depth);
    if (x === NO) return NO;
    // |t| >= 1/2 cancels nothing: the plain ops, which share e^t with the rest of the graph (a derivative has it)
    if (!(this.balls.log2Mag(x) < -1)) return undefined;
    const r = this.balls.op(op, x, undefined);
    return r === null || !negate ? r : this.balls.op('neg', r, undefined);
  }

  private signOf(id: number, depth: number): -1 | 0 | 1 | null {
    const x = this.get(id, depth);
    return x === NO ? NO : this.decided(this.balls.sign(x));
  }

  private decided(s: -1 | 0 | 1 | undefined): -1 | 0 | 1 | null {
    if (s !== undefined) return s;
    this.balls.edge = true;
    return NO;
  }

  private compute(id: number, n: PNode, depth: number): B | null {
    const balls = this.balls;
    switch (n.k) {
      case 'const': return this.literal(id, n);
      case 'var': {
        const x = this.point[n.name];
        return x === undefined || !Number.isFinite(x) ? NO : balls.fromDouble(x);
      }
      case 'prim': {
        const identity = this.identity(n, depth);
        if (identity !== undefined) return identity;
        const a = this.get(n.args[0]!, depth);
        if (a === NO) return NO;
        if (n.args.length === 1) return balls.op(n.op, a, undefined);
        const b = this.get(n.args[1]!, depth);
        return b === NO ? NO : balls.op(n.op, a, b);
      }
      case 'cmp': {
        const c = this.compare(n.args[0]!, n.args[1]!, depth);
        return c === NO ? NO : balls.int(holds(n.rel, c) ? 1 : 0);
      }
      case 'logic': {
        const a = this.signOf(n.args[0]!, depth);
        if (a === NO) return NO;
        if (n.op === 'not') return balls.int(a === 0 ? 1 : 0);
        const b = this.signOf(n.args[1]!, depth);
        if (b === NO) return NO;
        const r = n.op === 'and' ? a !== 0 && b !== 0 : a !== 0 || b !== 0;
        return balls.int(r ? 1 : 0);
      }
      case 'where': {
        const c = this.signOf(n.args[0]!, depth);
        return c === NO ? NO : this.get(c !== 0 ? n.args[1]! : n.args[2]!, depth);
      }
      case 'sign':
      case 'kink': {
        const s = this.signOf(n.args[0]!, depth);
        // kink at 0 is a singular point: the full pipeline takes it
        if (s === NO || (s === 0 && n.k === 'kink')) return NO;
        return balls.int(s);
      }
      case 'jump': {
        const s = this.signOf(n.args[0]!, depth);
        return s === NO || s === 0 ? NO : balls.int(0);
      }
      case 'step': {
        const s = this.signOf(n.args[0]!, depth);
        return s === NO ? NO : s > 0 ? balls.int(1) : this.get(n.args[1]!, depth);
      }
      case 'max':
      case 'min': {
        const c = this.compare(n.args[0]!, n.args[1]!, depth);
        if (c === NO) return NO;
        return this.get((n.k === 'max' ? c >= 0 : c <= 0) ? n.args[0]! : n.args[1]!, depth);
      }
      case 'pick': {
        const [a, b, da, db] = n.args as [number, number, number, number];
        const c = this.compare(a, b, depth);
        // a tie needs the exact partials to agree: the full pipeline's job
        if (c === NO || c === 0) return NO;
        return this.get((n.sel === 'max') === c > 0 ? da : db, depth);
      }
    }
  }
}

function holds(rel: Rel, c: -1 | 0 | 1): boolean {
  switch (rel) {
    case 'lt': return c < 0;
    case 'le': return c <= 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
  }
}
