import type { Graph, GraphNode } from '../../graph/graph.js';
import { OPS } from '../../graph/ops.js';
import { type OpName } from '../../vocab/ops.js';
import type { FloatFormat } from '../../base/float-format.js';
import type { PointTruth, Truth, TruthOptions } from '../truth.js';
import type { Arith } from './arith.js';
import { certifyAll } from './certify.js';
import { ARITHMETICS } from './engines.js';
import { cachedPlanOf, planOf, type Plan } from './plan.js';
import { quickTruths } from './quick.js';
import * as Q from './rational.js';
import { singularTruth, type Context } from './singular.js';

const DEFAULT_MAX_DIGITS = 1200;

/**
 * The exact value of graph.output and its exact partials by every variable at the point,
 * certified for the format (docs/ground-truth.md).
 */
export function groundTruth(graph: Graph, point: Record<string, number>, format: FloatFormat, options: TruthOptions = {}): PointTruth {
  const [value, ...grads] = truthOf(cachedPlanOf(graph), point, format, options);
  return { value: value!, grad: Object.fromEntries(graph.vars.map((v, j) => [v, grads[j]!])) };
}

/** The op applied exactly to exact float inputs, correctly rounded (the op's own rounding error is measured against it). */
export function exactOp(op: OpName, inputs: number[], format: FloatFormat): Truth {
  const arity = OPS[op].arity;
  if (arity === 0) throw new Error(`exactOp: '${op}' takes no inputs`);
  if (inputs.length !== arity) throw new Error(`exactOp: '${op}' takes ${arity} inputs, got ${inputs.length}`);
  const bad = inputs.find((x) => !Number.isFinite(x));
  if (bad !== undefined) return { kind: 'unknown', reason: `input ${bad} is not a real number` };
  const span = { start: 0, end: 0, line: 1, column: 1 };
  const names = inputs.map((_, i) => `a${i}`);
  const nodes: GraphNode[] = names.map((name, id) => ({ id, op: 'var', inputs: [], pass: 'forward', span, name }));
  nodes.push({ id: arity, op, inputs: names.map((_, i) => i), pass: 'forward', span });
  const graph: Graph = { source: op, nodes, output: arity, vars: names, grads: {} };
  const point = Object.fromEntries(names.map((n, i) => [n, inputs[i]!]));
  return truthOf(planOf(graph, []), point, format, {})[0]!;
}

/** The truths of the plan's value and partials at the point. */
export function truthOf(plan: Plan, point: Record<string, number>, format: FloatFormat, options: TruthOptions,
  arithmetics: readonly Arith<unknown>[] = ARITHMETICS): Truth[] {
  const targets = [plan.value, ...plan.grads];
  for (const name of plan.vars) {
    const x = point[name];
    if (x === undefined) throw new Error(`groundTruth: no value for variable '${name}'`);
    if (!Number.isFinite(x)) {
      const unknown: Truth = { kind: 'unknown', reason: `input ${name} = ${x} is not a finite number` };
      return targets.map(() => unknown);
    }
  }
  const capBits = Math.ceil((options.maxDigits ?? DEFAULT_MAX_DIGITS) * Math.log2(10));
  if (arithmetics === ARITHMETICS) {
    // most points certify in plain balls without a rational: try those first (quick.ts)
    const quick = quickTruths(plan, point, format, capBits);
    if (quick !== null) return quick;
  }
  const vars = new Map<string, Q.Q>(plan.vars.map((name) => [name, Q.fromDouble(point[name]!)]));
  const ctx: Context = { g: plan.g, vars, varNames: plan.vars, format, capBits, arithmetics };
  const [v, ...gs] = certifyAll(plan.g, targets, vars, format, capBits, arithmetics);
  const value = 'truth' in v! ? v.truth : singularTruth(ctx, plan.value, v!.singular, null);
  const info = { truth: value, exact: 'truth' in v! ? v.exact : null, node: plan.value };
  const domain = 'truth' in v! && v.domain === true;
  const grads = gs.map((o, j): Truth => {
    // no real value here (a domain error, not a pole): no derivative either
    if (domain) return value;
    if ('truth' in o) return o.truth;
    // a derivative's limit needs to know the value (its continuity)
    if (value.kind === 'unknown') return { kind: 'unknown', reason: `the value is unknown (${value.reason})` };
    return singularTruth(ctx, plan.grads[j]!, o.singular, info);
  });
  return [value, ...grads];
}
