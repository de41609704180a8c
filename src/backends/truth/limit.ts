import type { FloatFormat } from '../../base/float-format.js';
import type { Truth } from '../truth.js';
import { qDigits } from './digits.js';
import type { PGraph, PNode } from './pgraph.js';
import * as Q from './rational.js';
import {
  addS, coef, constS, isZeroS, limitS, primS, SeriesFail, signS, varS, type Series,
} from './series.js';

type SideLimit = { kind: 'undefined'; reason: string } | ReturnType<typeof limitS>;

/**
 * Truths at a singular point (a pole, 0/0, a kink, a jump) from one-sided Laurent series in t > 0,
 * with each moving variable at x0 + k s t^d on each side s (k its multiple: one variable, or a
 * direction through the point): the limit of each quantity on each side.
 * A side where the value has no real result is left out (log(0) is -Infinity from the right).
 */
export class Limits {
  constructor(
    private readonly g: PGraph,
    private readonly point: ReadonlyMap<string, Q.Q>,
    private readonly moving: ReadonlyMap<string, number>,
    private readonly format: FloatFormat,
  ) {}

  /** The value's truth at the point (target = the value node). */
  value(id: number, reason: string): Truth {
    return this.attempt((sides) => combine(sides(id), this.format, reason));
  }

  /**
   * A partial derivative: the limit of the derivative, when the function is continuous here
   * (at = the value's exact rational at the point, null when the value is itself only a limit).
   */
  derivative(id: number, valueId: number, at: Q.Q | null, reason: string): Truth {
    return this.attempt((sides) => {
      const values = sides(valueId);
      const defined = values.filter((v) => v.kind !== 'undefined');
      if (defined.length === 0) return { kind: 'undefined', reason: `${reason}: no real value on either side` };
      const [first] = defined as [ReturnType<typeof limitS>];
      const agree = defined.every((v) => (v.kind === 'finite' && (at ? Q.eq(v.q, at) : first.kind === 'finite' && Q.eq(v.q, first.q)))
        || (v.kind === 'infinite' && at === null && first.kind === 'infinite' && v.sign === first.sign));
      if (!agree) return { kind: 'undefined', reason: `${reason}: the function is not continuous here` };
      const grads = sides(id).map((g, i) => (values[i]!.kind === 'undefined' ? values[i]! : g));
      return combine(grads, this.format, reason);
    });
  }

  /** The derivative's limit where the value itself has none to check continuity against (1/x at 0). */
  derivativeOnly(id: number, valueId: number, reason: string): Truth {
    return this.attempt((sides) => {
      const values = sides(valueId);
      const grads = sides(id).map((g, i) => (values[i]!.kind === 'undefined' ? values[i]! : g));
      return combine(grads, this.format, reason);
    });
  }

  /** The two-sided finite limit of a node, or null when there is none (or the series cannot say). */
  limitOf(id: number): Q.Q | null {
    return this.attempt((sides): Q.Q | null => {
      const [a, b] = sides(id) as [SideLimit, SideLimit];
      return a.kind === 'finite' && b.kind === 'finite' && Q.eq(a.q, b.q) ? a.q : null;
    }, () => null);
  }

  /** Series at 12, 30, 60 terms (and t^2, t^4 for square roots) until they decide; else the fallback. */
  private attempt<T = Truth>(decide: (sides: (id: number) => SideLimit[]) => T,
    otherwise: (why: string) => T = (why) => ({ kind: 'unknown', reason: `at a singular point: ${why}` }) as T): T {
    let last = 'no series';
    for (const d of [1, 2, 4]) {
      for (const terms of [12, 30, 60]) {
        try {
          const evals = ([1, -1] as const).map((s) => new SeriesEval(this.g, this.point, this.moving, s, d, terms));
          return decide((id) => evals.map((e) => e.side(id)));
        } catch (e) {
          if (!(e instanceof SeriesFail)) throw e;
          last = e.message;
          if (e.kind === 'root') break;
          if (!/cancels beyond/.test(e.message)) return otherwise(last);
        }
      }
    }
    return otherwise(last);
  }

}

function combine(sides: SideLimit[], format: FloatFormat, reason: string): Truth {
  const defined = sides.filter((s): s is ReturnType<typeof limitS> => s.kind !== 'undefined');
  if (defined.length === 0) return { kind: 'undefined', reason: `${reason}: no real value on either side` };
  const [a] = defined as [ReturnType<typeof limitS>];
  const same = defined.every((s) => (s.kind === 'finite' && a.kind === 'finite' && Q.eq(s.q, a.q))
    || (s.kind === 'infinite' && a.kind === 'infinite' && s.sign === a.sign));
  if (!same) return { kind: 'undefined', reason: `${reason}: the two sides differ` };
  if (a.kind === 'infinite') return { kind: 'infinite', value: a.sign * Infinity, limit: true };
  return { kind: 'finite', value: Q.roundQ(a.q, format), decimal: qDigits(a.q, 21), limit: true };
}

/** Series of graph nodes on one side. */
class SeriesEval {
  private readonly memo = new Map<number, Series>();
  constructor(
    private readonly g: PGraph,
    private readonly point: ReadonlyMap<string, Q.Q>,
    private readonly moving: ReadonlyMap<string, number>,
    private readonly s: 1 | -1,
    private readonly d: number,
    private readonly terms: number,
  ) {}

  /** The limit of node id on this side, or undefined when it has no real value here. */
  side(id: number): SideLimit {
    try {
      return limitS(this.get(id));
    } catch (e) {
      if (e instanceof SeriesFail && e.kind === 'undefined') return { kind: 'undefined', reason: e.message };
      throw e;
    }
  }

  get(id: number): Series {
    let r = this.memo.get(id);
    if (!r) {
      r = this.compute(this.g.node(id));
      this.memo.set(id, r);
    }
    return r;
  }

  private diffSign(a: number, b: number): -1 | 0 | 1 {
    return a === b ? 0 : signS(addS(this.get(a), this.get(b), -1));
  }

  private compute(n: PNode): Series {
    const bool = (b: boolean) => constS(b ? Q.ONE : Q.ZERO);
    switch (n.k) {
      case 'const':
        if (!n.q) throw new SeriesFail('unknown', `the literal ${n.text.slice(0, 30)} is not held exactly`);
        return constS(n.q);
      case 'var': {
        const x0 = this.point.get(n.name)!;
        const k = this.moving.get(n.name);
        return k === undefined ? constS(x0) : varS(x0, this.s * k, this.d);
      }
      case 'prim': return primS(n.op, n.args.map((a) => this.get(a)), this.terms * this.d);
      case 'cmp': {
        const c = this.diffSign(n.args[0]!, n.args[1]!);
        const r = { lt: c < 0, le: c <= 0, gt: c > 0, ge: c >= 0, eq: c === 0, ne: c !== 0 }[n.rel];
        return bool(r);
      }
      case 'logic': {
        const [a, b] = n.args.map((x) => !isZeroS(this.get(x)));
        return bool(n.op === 'not' ? !a : n.op === 'and' ? !!a && !!b : !!a || !!b);
      }
      case 'where': return this.get(!isZeroS(this.get(n.args[0]!)) ? n.args[1]! : n.args[2]!);
      case 'sign': return constS(Q.fromInt(signS(this.get(n.args[0]!))));
      case 'kink': {
        const s = signS(this.get(n.args[0]!));
        if (s === 0) throw new SeriesFail('unknown', 'abs of a function that is 0 near the point');
        return constS(Q.fromInt(s));
      }
      case 'jump':
        if (isZeroS(this.get(n.args[0]!))) throw new SeriesFail('unknown', 'sign of a function that is 0 near the point');
        return constS(Q.ZERO);
      case 'floor': return floorS(this.get(n.args[0]!));
      case 'step': return signS(this.get(n.args[0]!)) > 0 ? constS(Q.ONE) : this.get(n.args[1]!);
      case 'max':
      case 'min': {
        const c = this.diffSign(n.args[0]!, n.args[1]!);
        return this.get((n.k === 'max') === c >= 0 ? n.args[0]! : n.args[1]!);
      }
      case 'pick': {
        const [a, b, da, db] = n.args as [number, number, number, number];
        const c = this.diffSign(a, b);
        if (c !== 0) return this.get((n.sel === 'max') === c > 0 ? da : db);
        if (this.diffSign(da, db) === 0) return this.get(da);
        throw new SeriesFail('unknown', 'a maximum or minimum of two functions equal near the point, with different derivatives');
      }
    }
  }
}

/** floor of a one-sided series: a constant, the integer below the limit (the limit itself when approached from above). */
function floorS(a: Series): Series {
  const c0 = coef(a, 0);
  if (a.v < 0 || c0.length > 1 || a.rough) throw new SeriesFail('unknown', 'floor of a function without a plain finite limit here');
  const q0 = c0[0] ?? Q.ZERO;
  const below = Q.q(q0.n >= 0n ? q0.n / q0.d : -((-q0.n + q0.d - 1n) / q0.d));
  if (!Q.isInteger(q0)) return constS(below);
  return constS(signS(addS(a, constS(q0), -1)) < 0 ? Q.sub(q0, Q.ONE) : q0);
}
