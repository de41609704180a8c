import { isArithFail } from './arith.js';
import { dependencies, holds, type PGraph, type PNode } from './pgraph.js';
import * as Q from './rational.js';
import { exact, exactValue, isExact as isExactV, isFail, isZeroV, worst, type Fail, type R, type V, type Values } from './value.js';

const ONE = Q.ONE;
/** Nesting of lazy evaluation beyond which a node's dependencies are evaluated bottom-up first. */
const DEEP = 200;

/**
 * Evaluates nodes of a primitive graph at one precision, memoised (a node shared by the value and
 * the partials is computed once). where evaluates its condition and then only the chosen branch.
 */
export class Evaluator<B> {
  private readonly memo = new Map<number, R<B>>();
  private readonly byValue = new Map<string, R<B>>();
  private readonly ids = new WeakMap<object, number>();

  private nextId = 0;

  private idOf(v: object): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(v, id);
    }
    return id;
  }
  constructor(
    readonly g: PGraph,
    readonly vals: Values<B>,
    readonly vars: ReadonlyMap<string, Q.Q>,
    /** Nodes replaced by a value (a removable singularity's limit). */
    readonly overrides: ReadonlyMap<number, Q.Q> = new Map(),
    /** Exact results found by an earlier pass at the same point: they hold in every arithmetic. */
    readonly exactKnown: Map<number, V<never>> = new Map(),
  ) {}

  /** How deep get() is nested: past DEEP, the dependencies are computed in order first (no deep recursion). */
  private depth = 0;

  get(id: number): R<B> {
    let r = this.memo.get(id);
    if (r === undefined && this.depth > DEEP) {
      // A graph thousands of nodes deep: evaluate this node's dependencies bottom-up (eagerly, both branches of a
      // where included), so each computation below finds its inputs memoised and recurses one level.
      const saved = this.depth;
      this.depth = 0;
      for (const dep of dependencies(this.g, id)) if (dep !== id) this.get(dep);
      this.depth = saved;
    }
    if (r === undefined) {
      this.depth++;
      try {
        r = this.computeMemo(id);
      } finally {
        this.depth--;
      }
    }
    return r;
  }

  private computeMemo(id: number): R<B> {
    let r = this.memo.get(id);
    if (r === undefined) {
      // an exact value is the same object in every pass: identities (x * 1 is x) carry over
      const o = this.overrides.get(id);
      const known = this.exactKnown.get(id) as V<B> | undefined;
      r = o ? exact(o) : known ?? this.compute(this.g.node(id));
      if (!o && !known && !isFail(r) && isExactV(r)) this.exactKnown.set(id, r as V<never>);
      // where a singular point first shows (the limits start from there)
      if (isFail(r) && r.at === undefined && (r.fail === 'singular' || r.fail === 'kink' || r.fail === 'jump')) r = { ...r, at: id };
      this.memo.set(id, r);
    }
    return r;
  }

  /**
   * The spread of magnitudes (log2) among the values computed so far: a cancellation can lose at
   * most about that many bits, so it bounds the precision worth trying next (1/x - 1/(1 - e^-x)
   * at 1e-300 spans 2^-997 to 2^997).
   */
  spread(): number {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of this.memo.values()) {
      if (isFail(r) || isZeroV(r)) continue;
      const b = isExactV(r) ? null : this.vals.ball(r);
      const m = b === null ? Q.log2Abs(r.q!) : 'fail' in (b as object) ? NaN : this.vals.A.log2Mag(b as B);
      if (!Number.isFinite(m)) continue;
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    return hi >= lo ? hi - lo : 0;
  }

  /** The sign of a - b, or a failure (edge: the balls overlap). */
  compare(a: number, b: number): -1 | 0 | 1 | Fail {
    if (a === b) {
      const r = this.get(a);
      return isFail(r) ? r : 0;
    }
    const x = this.get(a);
    const y = this.get(b);
    if (isFail(x) || isFail(y)) return worst([x, y].filter(isFail));
    const d = this.vals.prim('sub', [x, y]);
    if (isFail(d)) return d;
    const s = this.vals.sign(d);
    if (s === undefined) return { fail: 'edge', reason: 'a comparison of two values this close is not decided at this precision' };
    return s;
  }

  private compute(n: PNode): R<B> {
    const V = this.vals;
    switch (n.k) {
      case 'const': {
        if (n.q) return exact(n.q);
        if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n.text)) return { fail: 'unknown', reason: `the constant ${n.text} is not a real number` };
        const b = V.A.fromDecimal(n.text, V.prec);
        if (b === null) return { fail: 'cannot', reason: `${V.A.name} cannot hold the literal ${n.text.slice(0, 30)}` };
        if (isArithFail(b)) return { fail: b.fail === 'limit' ? 'unknown' : 'edge', reason: b.reason };
        return { q: null, e: null, b };
      }
      case 'var': return exact(this.vars.get(n.name)!);
      case 'prim': {
        const args = n.args.map((a) => this.get(a));
        const fails = args.filter(isFail);
        if (fails.length) {
          // a bounded kink times an exact zero is zero: d(abs(x) * x) at 0
          if (n.op === 'mul' && fails.every((f) => f.fail === 'kink') && args.some((a) => !isFail(a) && isZeroExact(a))) return exact(Q.ZERO);
          return worst(fails);
        }
        // the same op on the same values is the same number (exp(x) and exp(x * 1)): one result, so it cancels itself
        const key = `${n.op}:${(args as V<B>[]).map((a) => this.idOf(a)).join(',')}`;
        const known = this.byValue.get(key);
        if (known) return known;
        const r = V.prim(n.op, args as V<B>[]);
        this.byValue.set(key, r);
        return r;
      }
      case 'cmp': {
        const c = this.compare(n.args[0]!, n.args[1]!);
        return typeof c === 'object' ? c : exact(holds(n.rel, c) ? ONE : Q.ZERO);
      }
      case 'logic': {
        const ts = n.args.map((a) => this.truthOf(a));
        const f = ts.find((t): t is Fail => typeof t === 'object');
        if (f) return f;
        const [a, b] = ts as boolean[];
        const r = n.op === 'not' ? !a : n.op === 'and' ? a && b : a || b;
        return exact(r ? ONE : Q.ZERO);
      }
      case 'where': {
        const t = this.truthOf(n.args[0]!);
        return typeof t === 'object' ? t : this.get(t ? n.args[1]! : n.args[2]!);
      }
      case 'sign':
      case 'kink': {
        const s = this.signOf(n.args[0]!);
        if (typeof s === 'object') return s;
        if (s === 0 && n.k === 'kink') return { fail: 'kink', reason: 'abs is not differentiable at 0' };
        return exact(Q.fromInt(s));
      }
      case 'jump': {
        const s = this.signOf(n.args[0]!);
        if (typeof s === 'object') return s;
        return s === 0 ? { fail: 'jump', reason: n.what ?? 'sign jumps at 0' } : exact(Q.ZERO);
      }
      case 'step': {
        const s = this.signOf(n.args[0]!);
        if (typeof s === 'object') return s;
        return s > 0 ? exact(ONE) : this.get(n.args[1]!);
      }
      case 'floor': return this.floorOf(n.args[0]!);
      case 'max':
      case 'min': {
        const c = this.compare(n.args[0]!, n.args[1]!);
        if (typeof c === 'object') return c;
        const first = n.k === 'max' ? c >= 0 : c <= 0;
        return this.get(first ? n.args[0]! : n.args[1]!);
      }
      case 'pick': {
        const [a, b, da, db] = n.args as [number, number, number, number];
        const c = this.compare(a, b);
        if (typeof c === 'object') return c;
        if (c !== 0) return this.get((n.sel === 'max') === c > 0 ? da : db);
        const p = this.get(da);
        const q = this.get(db);
        if (!isFail(p) && !isFail(q)) {
          const ep = exactValue(p);
          const eq = exactValue(q);
          if (ep && eq && Q.eq(ep, eq)) return p;
        }
        return { fail: 'kink', reason: `${n.sel === 'max' ? 'maximum' : 'minimum'} is not differentiable at a tie` };
      }
    }
  }

  private signOf(id: number): -1 | 0 | 1 | Fail {
    const r = this.get(id);
    if (isFail(r)) return r;
    const s = this.vals.sign(r);
    if (s === undefined) return { fail: 'edge', reason: 'the sign is not decided at this precision' };
    return s;
  }

  /** floor(a): exact for an exact a; else the integer k with k <= a < k + 1 when both signs are decided. */
  private floorOf(id: number): R<B> {
    const r = this.get(id);
    if (isFail(r)) return r;
    const q = exactValue(r);
    if (q) return exact(Q.q(q.n >= 0n ? q.n / q.d : -((-q.n + q.d - 1n) / q.d)));
    const near = this.vals.roundsTo(r, 'float64');
    if (typeof near === 'object') return near;
    if (near === undefined || !Number.isFinite(near)) return { fail: 'edge', reason: 'floor of a value this close to an integer is not decided at this precision' };
    const base = BigInt(Math.floor(near));
    const signAbove = (k: bigint) => {
      const d = this.vals.prim('sub', [r, exact(Q.q(k))]);
      return isFail(d) ? undefined : this.vals.sign(d);
    };
    for (const k of [base, base - 1n, base + 1n]) {
      const below = signAbove(k);
      const above = signAbove(k + 1n);
      if (typeof below === 'number' && typeof above === 'number' && below >= 0 && above < 0) return exact(Q.q(k));
    }
    return { fail: 'edge', reason: 'floor of a value this close to an integer is not decided at this precision' };
  }

  private truthOf(id: number): boolean | Fail {
    const s = this.signOf(id);
    return typeof s === 'object' ? s : s !== 0;
  }
}

const isZeroExact = <B>(v: V<B>) => isZeroV(v);
