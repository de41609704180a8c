import { groundTruth } from './backends/decimal/index.js';
import { evaluateFloat } from './backends/float.js';
import type { FloatFormat } from './backends/format.js';
import { crossCheck } from './backends/tfjs/compare.js';
import { nanEdges, tfjsBoundaries } from './backends/tfjs/boundary.js';
import { evaluateTfjs } from './backends/tfjs/evaluate.js';
import type { TfjsRuntime } from './backends/tfjs/load.js';
import type { PointTruth } from './backends/truth.js';
import { compile } from './compile.js';
import { analyseTarget, type FormEvaluation } from './detect/analyse.js';
import { detectEvents } from './detect/index.js';
import { targetNode, targetsOf, type Graph, type Target } from './graph/graph.js';
import { verdict } from './report/verdict.js';
import { pointAt, samplePoints, type SampleSet } from './sample/points.js';
import type { FormResult, ScanOptions, ScanReport, TargetResult } from './types.js';
import { VERSION } from './version.js';

export interface FormSpec {
  name: string;
  source: string;
  file?: string;
  reference?: { source: string; file?: string };
}

/** Which float32 results are judged, and whether TF.js cross-checks them. */
export type BackendChoice = 'emulated' | 'tfjs' | 'both';

export interface ScanRuntime {
  backend: BackendChoice;
  /** Loaded TF.js, for 'tfjs' and 'both'. */
  tfjs?: TfjsRuntime;
  /** Progress messages (the CLI sends them to stderr). */
  progress?: (message: string) => void;
}

export function defaultScanOptions(partial: Partial<ScanOptions> = {}): ScanOptions {
  return {
    samples: 4096,
    seed: 1,
    precisions: ['float32', 'float64'],
    ranges: {},
    ulpTolerance: 16,
    cancellationBits: { float32: 12, float64: 26 },
    ...partial,
  };
}

/** Bisections that need the ground truth at every step (boundaries between ok, inaccurate and unknown). */
const TRUTH_BISECTIONS = 4;

/** The pipeline: compile, sample, evaluate, detect, judge against the truth, summarise. No I/O. */
export function scan(forms: FormSpec[], options: ScanOptions, runtime: ScanRuntime = { backend: 'emulated' }): ScanReport {
  const started = performance.now();
  const compiled = forms.map((f) => ({
    spec: f,
    graph: compile(f.source, f.file),
    reference: f.reference ? compile(f.reference.source, f.reference.file) : undefined,
  }));
  const truthCache = new Map<string, PointTruth>();
  const sampleCache = new Map<string, SampleSet>();
  const samplesFor = (vars: string[], format: FloatFormat): SampleSet => {
    const key = `${format}|${vars.join(',')}`;
    let set = sampleCache.get(key);
    if (!set) {
      const graphs = compiled.filter((c) => c.graph.vars.join(',') === vars.join(',')).flatMap((c) => (c.reference ? [c.graph, c.reference] : [c.graph]));
      set = samplePoints(graphs, vars, format, options.ranges, options.samples, options.seed);
      sampleCache.set(key, set);
    }
    return set;
  };
  const tfjs = runtime.backend === 'emulated' ? undefined : runtime.tfjs;

  const results: FormResult[] = compiled.map(({ spec, graph, reference }) => {
    const truthGraph = reference ?? graph;
    const vars = graph.vars;
    const targetResults = options.precisions.flatMap((format) => {
      runtime.progress?.(`${spec.name}: ${format}`);
      const set = samplesFor(vars, format);
      const truthAt = (g: Graph, p: Record<string, number>): PointTruth => {
        const key = `${format}|${g.source}|${vars.map((v) => p[v]).join(',')}`;
        const hit = truthCache.get(key);
        if (hit) return hit;
        const t = groundTruth(g, p, format);
        truthCache.set(key, t);
        return t;
      };
      const truths: PointTruth[] = [];
      for (let i = 0; i < set.size; i++) truths.push(truthAt(truthGraph, pointAt(set, i)));
      const values = evaluateFloat(graph, format, set.columns);
      const useTfjs = tfjs && format === 'float32';
      const judgedByTfjs = useTfjs && runtime.backend === 'tfjs';
      const tfjsValues = judgedByTfjs ? evaluateTfjs(tfjs, graph, float32Columns(set)) : undefined;
      const ev: FormEvaluation = {
        graph, format, set, values, truths,
        events: detectEvents(graph, values, format, options.cancellationBits[format]),
        results: (t) => (tfjsValues ? targetOf(tfjsValues, t) : values[targetNode(graph, t)]!),
        probe: (p, t, withTruth) => {
          const one = Object.fromEntries(vars.map((v) => [v, Float32Array.of(p[v]!)]));
          const result = judgedByTfjs
            ? targetOf(evaluateTfjs(tfjs, graph, one), t)[0]!
            : evaluateFloat(graph, format, one)[targetNode(graph, t)]![0]!;
          return { result, truth: withTruth ? truthAt(truthGraph, p) : undefined };
        },
        ownTruth: reference ? (p) => truthAt(graph, p) : undefined,
        tolerance: options.ulpTolerance,
        truthBisections: TRUTH_BISECTIONS,
      };
      const out = targetsOf(graph).map((t) => analyseTarget(ev, t));
      if (useTfjs) addTfjsBlocks(out, tfjs, graph, set, values);
      return out;
    });
    const form: FormResult = {
      name: spec.name,
      expr: spec.source,
      reference: spec.reference?.source ?? null,
      vars,
      results: targetResults,
      verdict: [],
    };
    form.verdict = verdict(form, options);
    return form;
  });

  return {
    schemaVersion: 1,
    command: 'scan',
    tool: { name: 'f-diagnose', version: VERSION },
    options,
    backend: tfjs
      ? { float32: runtime.backend === 'tfjs' ? 'tfjs' : 'emulated', tfjs: { backend: tfjs.backend, versions: tfjs.versions, ...(tfjs.fallbackReason ? { fallbackReason: tfjs.fallbackReason } : {}) } }
      : { float32: 'emulated' },
    forms: results,
    elapsedMs: Math.round(performance.now() - started),
  };
}

function float32Columns(set: SampleSet): Record<string, Float32Array> {
  return Object.fromEntries(set.vars.map((v) => [v, Float32Array.from(set.columns[v]!)]));
}

function targetOf(r: { value: Float32Array; grads: Record<string, Float32Array> }, t: Target): Float32Array {
  return t === 'value' ? r.value : r.grads[t.slice(5)]!;
}

/** TF.js's verdict beside ours: NaN/inf agreement per sample, ULPs apart, and where its results go NaN. */
function addTfjsBlocks(results: TargetResult[], rt: TfjsRuntime, graph: Graph, set: SampleSet, emulated: ArrayLike<number>[]): void {
  const comparisons = crossCheck(rt, graph, float32Columns(set), emulated, { maxDisagreements: 20 });
  for (const r of results) {
    const nanFrom = set.vars.length === 1 ? nanEdges(tfjsBoundaries(rt, graph, set.vars[0]!, set.columns[set.vars[0]!]!, r.target)) : [];
    r.tfjs = { ...comparisons[r.target], nanEdges: nanFrom };
  }
}
