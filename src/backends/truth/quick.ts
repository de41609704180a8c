import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import { plainDecimal } from './digits.js';
import { FAST } from './fast-arith.js';
import { ddFromDecimal, ddRoundsTo, ddSign, type DDBall } from './fast/index.js';
import { quickOp } from './quick-op.js';
import type { PGraph, PNode, Rel } from './pgraph.js';
import type { Plan } from './plan.js';
import { wantBits } from './certify.js';

/** Nesting beyond which the quick pass gives up (the full evaluator handles deep graphs bottom-up). */
const MAX_DEPTH = 400;

/** No quick answer: the full pipeline (certify.ts) decides. A sentinel, so the hot loop allocates no failure objects. */
const NO = null;

const ZERO: DDBall = { hi: 0, lo: 0, rad: 0 };
const ONE: DDBall = { hi: 1, lo: 0, rad: 0 };

/** The literals of a graph as double-double balls (null: not held by one), computed once per plan. */
const literalCache = new WeakMap<PGraph, (DDBall | null | undefined)[]>();

/**
 * The first, cheapest try at a point: the whole plan (value and partials) in double-double balls straight from the
 * input doubles, no rationals, no splits. It answers only when every target's ball rounds to one float of the format
 * (the same rounding test and width rule as certify.ts), so each answer is a proof; anything else (a ball that does
 * not round to one float, an undecided or zero comparison, a singular point, an op the fast path cannot bound) gives
 * null and the full pipeline runs as before. Decisions (where, comparisons, sign) are taken only when the ball's sign
 * is proved, so the branch taken is the exact semantics' branch.
 */
export function quickTruths(plan: Plan, point: Record<string, number>, format: FloatFormat): Truth[] | null {
  const g = plan.g;
  let lits = literalCache.get(g);
  if (lits === undefined || lits.length < g.nodes.length) {
    lits = new Array(g.nodes.length);
    literalCache.set(g, lits);
  }
  const memo: (DDBall | null | undefined)[] = new Array(g.nodes.length);
  const q = new Quick(g, point, lits, memo);
  const want = wantBits(format);
  const out: Truth[] = [];
  for (const id of [plan.value, ...plan.grads]) {
    const b = q.get(id, 0);
    if (b === NO) return null;
    const x = ddRoundsTo(b, format);
    if (x === undefined) return null;
    if (b.rad !== 0 && !(FAST.relWidth(b) <= -want)) return null;
    // an exact zero is +0, as the exact rationals give it (x * 0 at a negative x has a -0 midpoint)
    out.push({ kind: 'finite', value: b.rad === 0 && b.hi === 0 ? 0 : x, decimal: plainDecimal(FAST.digits(b, 21)) });
  }
  return out;
}

class Quick {
  constructor(
    private readonly g: PGraph,
    private readonly point: Record<string, number>,
    private readonly lits: (DDBall | null | undefined)[],
    private readonly memo: (DDBall | null | undefined)[],
  ) {}

  get(id: number, depth: number): DDBall | null {
    const known = this.memo[id];
    if (known !== undefined) return known;
    if (depth > MAX_DEPTH) return NO;
    const r = this.compute(id, this.g.nodes[id]!, depth + 1);
    this.memo[id] = r;
    return r;
  }

  private literal(id: number, n: PNode & { k: 'const' }): DDBall | null {
    let b = this.lits[id];
    if (b === undefined) {
      if (n.q) b = FAST.fromRational(n.q, 106);
      else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n.text)) {
        const d = ddFromDecimal(n.text);
        b = d !== null && !('fail' in d) ? d : null;
      } else b = null;
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
    const d = quickOp('sub', x, y);
    return d === null ? NO : (ddSign(d) ?? NO);
  }

  private signOf(id: number, depth: number): -1 | 0 | 1 | null {
    const x = this.get(id, depth);
    return x === NO ? NO : (ddSign(x) ?? NO);
  }

  private compute(id: number, n: PNode, depth: number): DDBall | null {
    switch (n.k) {
      case 'const': return this.literal(id, n);
      case 'var': {
        const x = this.point[n.name];
        return x === undefined || !Number.isFinite(x) ? NO : { hi: x, lo: 0, rad: 0 };
      }
      case 'prim': {
        const a = this.get(n.args[0]!, depth);
        if (a === NO) return NO;
        if (n.args.length === 1) return quickOp(n.op, a, undefined);
        const b = this.get(n.args[1]!, depth);
        return b === NO ? NO : quickOp(n.op, a, b);
      }
      case 'cmp': {
        const c = this.compare(n.args[0]!, n.args[1]!, depth);
        return c === NO ? NO : holds(n.rel, c) ? ONE : ZERO;
      }
      case 'logic': {
        const a = this.signOf(n.args[0]!, depth);
        if (a === NO) return NO;
        if (n.op === 'not') return a === 0 ? ONE : ZERO;
        const b = this.signOf(n.args[1]!, depth);
        if (b === NO) return NO;
        const r = n.op === 'and' ? a !== 0 && b !== 0 : a !== 0 || b !== 0;
        return r ? ONE : ZERO;
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
        return s === 0 ? ZERO : { hi: s, lo: 0, rad: 0 };
      }
      case 'jump': {
        const s = this.signOf(n.args[0]!, depth);
        return s === NO || s === 0 ? NO : ZERO;
      }
      case 'step': {
        const s = this.signOf(n.args[0]!, depth);
        return s === NO ? NO : s > 0 ? ONE : this.get(n.args[1]!, depth);
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
