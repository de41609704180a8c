import type { Decimal } from 'decimal.js';
import type { Graph, GraphNode } from '../../graph/graph.js';
import { OPS } from '../../graph/ops.js';
import { type OpName } from '../../vocab/ops.js';
import type { FloatFormat } from '../../base/float-format.js';
import type { PointTruth, Truth, TruthOptions } from '../truth.js';
import { cloneFor, resolveAll, type Resolved, type Settings } from './certify.js';
import { exactDecimal } from './exact.js';
import { limitTruth, perturb, sideOf, STEPS } from './limit.js';

const DEFAULT_MAX_DIGITS = 1200;

/**
 * The exact value of graph.output and its exact partials by every variable at the point,
 * certified for the format (see docs/ground-truth.md).
 */
export function groundTruth(graph: Graph, point: Record<string, number>, format: FloatFormat, options: TruthOptions = {}): PointTruth {
  const [value, ...grads] = truthOf(graph, point, graph.vars, format, options);
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
  return truthOf(graph, point, [], format, {})[0]!;
}

function truthOf(graph: Graph, point: Record<string, number>, directions: readonly string[], format: FloatFormat, options: TruthOptions): Truth[] {
  const settings: Settings = { format, maxDigits: options.maxDigits ?? DEFAULT_MAX_DIGITS, clone: cloneFor };
  const inputs = new Map<string, Decimal>();
  for (const name of graph.vars) {
    const x = point[name];
    if (x === undefined) throw new Error(`groundTruth: no value for variable '${name}'`);
    if (!Number.isFinite(x)) {
      const unknown: Truth = { kind: 'unknown', reason: `input ${name} = ${x} is not a finite number` };
      return [unknown, ...directions.map(() => unknown)];
    }
    inputs.set(name, exactDecimal(x));
  }
  const here = resolveAll(graph, inputs, directions, settings);
  const singular = here.flatMap((r, q) => (r.kind === 'singular' ? [q] : []));
  if (singular.length === 0) return here.map(toTruth);

  // Removable singularities and poles: sample both sides, twice, for the open quantities only.
  const open = directions.filter((_, j) => here[j + 1]!.kind === 'singular');
  const sample = (side: 1 | -1, k: number) => {
    const all = resolveAll(graph, perturb(inputs, side, k), open, settings);
    return (q: number): Resolved => (q === 0 ? all[0]! : all[open.indexOf(directions[q - 1]!) + 1]!);
  };
  const plus = STEPS.map((k) => sample(1, k));
  const minus = STEPS.map((k) => sample(-1, k));
  const value = here[0]!;
  return here.map((r, q) => {
    if (r.kind !== 'singular') return toTruth(r);
    if (q > 0 && value.kind === 'finite' && jumps(value.value, [plus[0]!(0), plus[1]!(0)], [minus[0]!(0), minus[1]!(0)])) {
      return { kind: 'undefined', reason: `${r.reason}: the function jumps here` };
    }
    return limitTruth([plus[0]!(q), plus[1]!(q)], [minus[0]!(q), minus[1]!(q)], r.reason);
  });
}

/** A derivative needs continuity: the value next to the point must round as the value at it. */
function jumps(at: number, right: [Resolved, Resolved], left: [Resolved, Resolved]): boolean {
  return [sideOf(...right), sideOf(...left)].some((s) => s.kind === 'infinite' || (s.kind === 'value' && s.value !== at));
}

function toTruth(r: Resolved): Truth {
  if (r.kind === 'finite') return { kind: 'finite', value: r.value, decimal: r.decimal };
  if (r.kind === 'singular') return { kind: 'undefined', reason: r.reason };
  return r;
}
