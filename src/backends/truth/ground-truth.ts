import type { Graph, GraphNode } from '../../graph/graph.js';
import { OPS, type OpName } from '../../graph/ops.js';
import type { FloatFormat } from '../format.js';
import type { PointTruth, Truth, TruthOptions } from '../truth.js';
import type { Arith } from './arith.js';
import { ARITHMETICS } from './engines.js';
import { Evaluator } from './evaluate.js';
import { Limits } from './limit.js';
import { planOf, type Plan } from './plan.js';
import type { PGraph } from './pgraph.js';
import * as Q from './rational.js';
import { exactValue, isFail, Values, type Fail, type V } from './value.js';

const DEFAULT_MAX_DIGITS = 1200;
/** Digits the reported decimal must prove (about 2^-64 relative) unless the cap is reached. */
const WANT_BITS = 64;

/**
 * The exact value of graph.output and its exact partials by every variable at the point,
 * certified for the format (docs/ground-truth-new.md).
 */
export function groundTruth(graph: Graph, point: Record<string, number>, format: FloatFormat, options: TruthOptions = {}): PointTruth {
  const [value, ...grads] = truthOf(planOf(graph), point, format, options);
  return { value: value!, grad: Object.fromEntries(graph.vars.map((v, j) => [v, grads[j]!])) };
}

/** The op applied exactly to exact float inputs, correctly rounded (the op's own rounding error is measured against it). */
export function exactOp(op: OpName, inputs: number[], format: FloatFormat): Truth {
  const arity = OPS[op].arity;
  if (arity === 0) throw new Error(`exactOp: '${op}' takes no inputs`);
  if (inputs.length !== arity) throw new Error(`exactOp: '${op}' takes ${arity} inputs, got ${inputs.length}`);
  const span = { start: 0, end: 0, line: 1, column: 1 };
  const names = inputs.map((_, i) => `a${i}`);
  const nodes: GraphNode[] = names.map((name, id) => ({ id, op: 'var', inputs: [], pass: 'forward', span, name }));
  nodes.push({ id: arity, op, inputs: names.map((_, i) => i), pass: 'forward', span });
  const graph: Graph = { source: op, nodes, output: arity, vars: names, grads: {} };
  const point = Object.fromEntries(names.map((n, i) => [n, inputs[i]!]));
  return truthOf(planOf(graph, []), point, format, {})[0]!;
}

type Open = { id: number; last: Fail | null };

export function truthOf(plan: Plan, point: Record<string, number>, format: FloatFormat, options: TruthOptions,
  arithmetics: readonly Arith<unknown>[] = ARITHMETICS): Truth[] {
  const targets = [plan.value, ...plan.grads];
  const vars = new Map<string, Q.Q>();
  for (const name of plan.vars) {
    const x = point[name];
    if (x === undefined) throw new Error(`groundTruth: no value for variable '${name}'`);
    if (!Number.isFinite(x)) {
      const unknown: Truth = { kind: 'unknown', reason: `input ${name} = ${x} is not a finite number` };
      return targets.map(() => unknown);
    }
    vars.set(name, Q.fromDouble(x));
  }
  const capBits = Math.ceil((options.maxDigits ?? DEFAULT_MAX_DIGITS) * Math.log2(10));
  const out: (Truth | null)[] = targets.map(() => null);
  const singular: (Fail | null)[] = targets.map(() => null);
  const open = new Map<number, Open>(targets.map((id, i) => [i, { id, last: null }]));
  let valueAt: Q.Q | null = null;

  for (const A of arithmetics) {
    let prec = Math.min(A.start, capBits);
    for (;;) {
      const last = !A.escalates || prec >= capBits;
      const ev = new Evaluator(plan.g, new Values(A, prec), vars);
      let next = A.escalates ? Math.min(capBits, prec * 2) : prec;
      for (const [i, o] of open) {
        const r = ev.get(o.id);
        if (isFail(r)) {
          o.last = r;
          if (r.fail === 'undefined' || r.fail === 'unknown') out[i] = { kind: r.fail, reason: r.reason };
          else if (r.fail === 'singular' || r.fail === 'kink' || r.fail === 'jump') singular[i] = r;
          else continue;
          open.delete(i);
          continue;
        }
        const t = certify(ev.vals, r, format, last && A === arithmetics[arithmetics.length - 1]);
        if (t) {
          out[i] = t;
          if (i === 0) valueAt = exactValue(r);
          open.delete(i);
        } else {
          o.last = { fail: 'edge', reason: `not certified at ${Math.floor(prec / Math.log2(10))} digits` };
          // the bits lost to cancellation are about the same at any precision: go straight to enough
          const width = ev.vals.relWidth(r);
          if (A.escalates && Number.isFinite(width)) next = Math.min(capBits, Math.max(next, Math.ceil(prec + width + WANT_BITS + 32)));
        }
      }
      if (last || open.size === 0) break;
      prec = next;
    }
  }
  for (const [i, o] of open) {
    out[i] = { kind: 'unknown', reason: `not certified within ${options.maxDigits ?? DEFAULT_MAX_DIGITS} digits (${o.last?.reason ?? 'no evaluation'})` };
  }
  const value = out[0] ?? limitTruth(plan, 0, singular[0]!, null, null, vars, format);
  // no real value here: no derivative either (log(x) at -1)
  const grads = out.slice(1).map((t, j) => (value.kind === 'undefined' ? value : t ?? limitTruth(plan, j + 1, singular[j + 1]!, value, valueAt, vars, format)));
  return [value, ...grads];
}

function certify<B>(vals: Values<B>, v: V<B>, format: FloatFormat, last: boolean): Truth | null {
  const x = vals.roundsTo(v, format);
  if (x === undefined || typeof x === 'object') return null;
  if (!last && vals.relWidth(v) > -WANT_BITS) return null;
  return { kind: 'finite', value: x, decimal: vals.digits(v, 21) };
}

function limitTruth(plan: Plan, i: number, why: Fail, value: Truth | null, valueAt: Q.Q | null, vars: Map<string, Q.Q>, format: FloatFormat): Truth {
  // the value has no real result: neither has its derivative
  if (value?.kind === 'undefined') return value;
  if (value?.kind === 'unknown') return { kind: 'unknown', reason: `the value is unknown (${value.reason})` };
  const target = i === 0 ? plan.value : plan.grads[i - 1]!;
  const moving = movingVariable(plan.g, target, plan.vars, i === 0 ? null : plan.vars[i - 1]!);
  if (typeof moving !== 'string') return moving;
  const limits = new Limits(plan.g, vars, moving, format);
  if (i === 0) return limits.value(target, why.reason);
  if (value?.kind === 'finite' && !value.limit && valueAt === null) {
    return { kind: 'unknown', reason: `${why.reason}: the value here is not exact, so continuity is not decided` };
  }
  return limits.derivative(target, plan.value, value?.kind === 'finite' && !value.limit ? valueAt : null, why.reason);
}

/** The one variable the singular quantity depends on, or why there is none. */
function movingVariable(g: PGraph, target: number, vars: readonly string[], by: string | null): string | Truth {
  const used = new Set<string>();
  for (const id of g.closure([target])) {
    const n = g.node(id);
    if (n.k === 'var') used.add(n.name);
  }
  const list = vars.filter((v) => used.has(v));
  if (list.length === 0) return { kind: 'undefined', reason: 'a constant with no value (e.g. 1/0)' };
  if (list.length === 1) return list[0]!;
  if (by !== null && list.includes(by)) return { kind: 'unknown', reason: 'singular in several variables' };
  return { kind: 'unknown', reason: 'singular in several variables' };
}
