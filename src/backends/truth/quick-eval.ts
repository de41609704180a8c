import type { Balls } from './quick-balls.js';
import { holds, type PGraph, type PNode } from './pgraph.js';
import { identities, type Identity } from './quick-identities.js';

/** Nesting beyond which the quick pass gives up (the full evaluator handles deep graphs bottom-up). */
const MAX_DEPTH = 400;

/** No quick answer: the full pipeline (certify.ts) decides. A sentinel, so the hot loop allocates no failure objects. */
export const NO = null;

/**
 * The plan's nodes in one ball library at one point, memoised; null for a node the library cannot bound, or whose
 * branch or sign is not proved (quick.ts then hands the point on).
 */
export class Quick<B> {
  /** Set when the recursion went beyond MAX_DEPTH. */
  deep = false;
  private readonly rules: readonly (Identity | null)[];

  constructor(
    private readonly balls: Balls<B>,
    private readonly g: PGraph,
    private readonly point: Record<string, number>,
    private readonly lits: (B | null | undefined)[],
    private readonly memo: (B | null | undefined)[],
  ) {
    this.rules = identities(g);
  }

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

  /** A node with an exact identity (quick-identities.ts), where it keeps digits; undefined: the plain op. */
  private identity(id: number, depth: number): B | null | undefined {
    const rule = this.rules[id]!;
    if (rule === null) return undefined;
    const x = this.get(rule.arg, depth);
    if (x === NO) return NO;
    // |t| >= 1/2 cancels nothing: the plain ops, which share e^t with the rest of the graph (a derivative has it)
    if (!(this.balls.log2Mag(x) < -1)) return undefined;
    const r = this.balls.op(rule.op, x, undefined);
    return r === null || !rule.negate ? r : this.balls.op('neg', r, undefined);
  }

  /** floor(a): the integer k with a - k >= 0 and a - (k + 1) < 0, both signs proved (evaluate.ts's rule), else null. */
  private floorOf(id: number, depth: number): B | null {
    const x = this.get(id, depth);
    if (x === NO) return NO;
    const near = this.balls.roundsTo(x, 'float64');
    if (near === undefined || !Number.isFinite(near) || Math.abs(near) >= 2 ** 52) return NO;
    const base = Math.floor(near);
    for (const k of [base, base - 1, base + 1]) {
      const below = this.balls.op('sub', x, this.balls.fromDouble(k));
      const above = this.balls.op('sub', x, this.balls.fromDouble(k + 1));
      const sb = below === null ? undefined : this.balls.sign(below);
      const sa = above === null ? undefined : this.balls.sign(above);
      if (sb !== undefined && sa !== undefined && sb >= 0 && sa < 0) return this.balls.fromDouble(k);
    }
    return NO;
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
        const identity = this.identity(id, depth);
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
      case 'floor': return this.floorOf(n.args[0]!, depth);
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
