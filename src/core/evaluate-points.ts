import { UserError } from '../base/user-error.js';
import { groundTruth } from '../backends/truth/index.js';
import { forVariables } from '../backends/truth.js';
import { checkReference } from './reference.js';
import { evaluateFloat } from '../backends/float.js';
import { FORMATS, type FloatFormat } from '../base/float-format.js';
import type { Truth } from '../backends/truth.js';
import { evaluateTfjs } from '../backends/tfjs/evaluate.js';
import type { TfjsRuntime } from '../backends/tfjs/load.js';
import { compile } from '../graph/compile.js';
import { DEFAULT_FRAMEWORK, FRAMEWORKS, type FrameworkId } from '../graph/frameworks/index.js';
import { truthOf } from '../detect/analyse.js';
import { detectEvents, maskedZeroOf } from '../detect/index.js';
import { liveAncestors } from '../detect/root-cause.js';
import { judge } from '../detect/outcome.js';
import { targetNode, targetsOf, type Target } from '../graph/graph.js';
import { ancestors } from '../graph/walk.js';
import type { HazardEvent } from '../detect/types.js';

/**
 * onPath false: the event reaches no result, either because it happened in a where branch that was not selected
 * (discardedBy 'where') or because nothing uses it (discardedBy 'unused': e.g. a clip bound folded into a constant).
 */
export type PointHazard = HazardEvent & { onPath: boolean; discardedBy?: 'where' | 'unused' };

export interface PrecisionResult {
  value: number;
  grad: Record<string, number>;
  ulps: Record<string, number>;
  hazards: PointHazard[];
}

export interface PointResult {
  point: Record<string, number>;
  /** The framework whose rules and kernels the float results are for. */
  framework: { id: FrameworkId; name: string; version: string };
  float32: PrecisionResult;
  float64: PrecisionResult;
  /** At the float64 input: decimal strings, or "undefined" / "unknown" / "Infinity". */
  exact: { value: string; grad: Record<string, string> };
  /** TF.js's float32 results at the float32 input, with --backend tfjs or both. */
  tfjs?: { backend: string; value: number; grad: Record<string, number> };
}

export interface EvalSpec {
  source: string;
  file?: string;
  reference?: { source: string; file?: string };
  /** Whose rules and kernels (default tf); TF.js's results are only given for tfjs. */
  framework?: FrameworkId;
}

/** Explicit points (e.g. the batch that went NaN in training): results in both precisions, the truth, hazards. */
export function evaluatePoints(spec: EvalSpec, points: Record<string, number>[], cancellationBits: Record<FloatFormat, number>, tfjs?: TfjsRuntime): PointResult[] {
  const framework = spec.framework ?? DEFAULT_FRAMEWORK;
  const graph = compile(spec.source, spec.file, { framework });
  const truthGraph = spec.reference ? compile(spec.reference.source, spec.reference.file ?? 'reference', { framework }) : graph;
  if (framework !== 'tfjs') tfjs = undefined;
  const info = { id: framework, name: FRAMEWORKS[framework].name, version: FRAMEWORKS[framework].version };
  checkReference(graph, truthGraph);
  for (const [k, p] of points.entries()) {
    const missing = graph.vars.filter((v) => !Object.hasOwn(p, v));
    if (missing.length) throw new UserError(`point ${k + 1} has no value for ${missing.join(', ')}`);
  }
  const targets = targetsOf(graph);
  const used = new Set(targets.flatMap((t) => [...ancestors(graph, targetNode(graph, t))]));
  const per = Object.fromEntries(FORMATS.map((format) => {
    const inputs = Object.fromEntries(graph.vars.map((v) => [v, points.map((p) => p[v]!)]));
    const values = evaluateFloat(graph, format, inputs, undefined, points.length);
    const events = detectEvents(graph, values, format, cancellationBits[format]);
    const masked = maskedZeroOf(graph, values);
    const rows = points.map((_p, i): PrecisionResult => {
      const input = Object.fromEntries(graph.vars.map((v) => [v, values[graph.nodes.find((n) => n.op === 'var' && n.name === v)!.id]![i]!]));
      const truth = forVariables(groundTruth(truthGraph, input, format), graph.vars);
      const at = (t: Target) => values[targetNode(graph, t)]![i]!;
      const live = new Set(targets.flatMap((t) => liveAncestors(graph, values, targetNode(graph, t), i, masked)));
      const hazards: PointHazard[] = [];
      for (const id of events.nodes()) {
        const e = events.at(id, i);
        const node = graph.nodes[id]!;
        if (!e) continue;
        const onPath = live.has(id);
        hazards.push({ pass: node.pass, op: node.op, node: id, hazard: e.hazard, span: node.span, detail: events.detail(id, i), onPath, ...(onPath ? {} : { discardedBy: used.has(id) ? 'where' as const : 'unused' as const }) });
      }
      return {
        value: at('value'),
        grad: Object.fromEntries(graph.vars.map((v) => [v, at(`grad:${v}`)])),
        ulps: Object.fromEntries(targets.map((t) => [t, judge(at(t), truthOf(truth, t), format, 0).ulps])),
        hazards: hazards.sort((a, b) => a.node - b.node),
      };
    });
    return [format, rows];
  })) as Record<FloatFormat, PrecisionResult[]>;
  const tf = tfjs && points.length
    ? evaluateTfjs(tfjs, graph, Object.fromEntries(graph.vars.map((v) => [v, Float32Array.from(points, (p) => p[v]!)])))
    : undefined;
  return points.map((point, i) => {
    const truth = forVariables(groundTruth(truthGraph, point, 'float64'), graph.vars);
    return {
      ...(tf ? { tfjs: { backend: tfjs!.backend, value: tf.value[i]!, grad: Object.fromEntries(graph.vars.map((v) => [v, tf.grads[v]![i]!])) } } : {}),
      point,
      framework: info,
      float32: per.float32[i]!,
      float64: per.float64[i]!,
      exact: { value: exactText(truth.value), grad: Object.fromEntries(graph.vars.map((v) => [v, exactText(truth.grad[v]!)])) },
    };
  });
}


function exactText(t: Truth): string {
  if (t.kind === 'finite') return t.decimal;
  if (t.kind === 'infinite') return t.value > 0 ? 'Infinity' : '-Infinity';
  return t.kind;
}
