import { checkReference } from './reference.js';
import { bufferPool, evaluateFloat } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import { crossCheck } from '../backends/tfjs/compare.js';
import { nanEdges, tfjsBoundaries } from '../backends/tfjs/boundary.js';
import { evaluateTfjs } from '../backends/tfjs/evaluate.js';
import type { TfjsRuntime } from '../backends/tfjs/load.js';
import { truthsInParallel, type TruthJob } from '../backends/truth-pool.js';
import type { TruthCache, TruthStore } from './truth-store.js';
import { certifyInThread, claimSamples, storeOf, type ClaimedSamples } from './sample-truths.js';
import { compile } from '../graph/compile.js';
import { DEFAULT_FRAMEWORK, FRAMEWORKS, frameworkLabel, type FrameworkId } from '../graph/frameworks/index.js';
import { analyseTarget, type FormEvaluation, type TargetCounts } from '../detect/analyse.js';
import { bitsOf, judge } from '../detect/outcome.js';
import { detectEvents } from '../detect/index.js';
import { originHazard, originHazards } from '../detect/root-cause.js';
import type { HazardKind } from '../vocab/hazards.js';
import { targetNode, targetsOf, type Graph, type Target } from '../graph/graph.js';
import { pointAt, samplePoints, type SampleSet } from '../sample/points.js';
import type { FormResult, ScanOptions, ScanReport, Series } from './types.js';
import type { TargetResult } from '../detect/types.js';
import { VERSION } from '../base/version.js';

export interface FormSpec {
  name: string;
  source: string;
  file?: string;
  reference?: { source: string; file?: string };
  /** Only the counts and errors of its results are read (a fix candidate's proof): its results have no regions. */
  countsOnly?: boolean;
}

/** Which float32 results are judged, and whether TF.js cross-checks them. */
export type BackendChoice = 'emulated' | 'tfjs' | 'both';

export interface ScanRuntime {
  backend: BackendChoice;
  /** Loaded TF.js, for 'tfjs' and 'both'. */
  tfjs?: TfjsRuntime;
  /** Progress messages (the CLI sends them to stderr). */
  progress?: (message: string) => void;
  /** Keep every sample's result, outcome and bits of error in the report (TargetResult.series), for pictures. */
  keepSeries?: boolean;
  /**
   * Truths certified so far, by format, expression and point: read and filled by the scan (the pool's truths and the
   * bisections'), so that a scan and the fix proofs after it certify each point once.
   */
  truthCache?: TruthCache;
  /** Graphs compiled so far (graphs are never changed after compile): the fix search compiles each text once. */
  graphs?: GraphCache;
  /** Called with each form's result as soon as it is analysed, in order (a fix search can start then). */
  onForm?: (form: FormResult, index: number) => void;
  /** Called with each target's counts and errors before its regions are worked out (a fix search can start sooner). */
  onCounts?: (form: Pick<FormResult, 'name' | 'expr' | 'reference'>, index: number, counts: TargetCounts) => void;
}

/** Compiled graphs by framework, file and source text. */
export type GraphCache = Map<string, Graph>;

/** compile(), remembered in the cache when one is given (a failure is not remembered: it throws each time). */
export function compileCached(source: string, file: string | undefined, framework: FrameworkId, graphs?: GraphCache): Graph {
  if (!graphs) return compile(source, file, { framework });
  const key = `${framework}|${file ?? ''}|${source}`;
  let g = graphs.get(key);
  if (!g) graphs.set(key, (g = compile(source, file, { framework })));
  return g;
}

export type { TruthCache };

/**
 * Default absolute tolerance: half an ULP of 1 in each format (2^-24 float32, 2^-53 float64). An error below it
 * vanishes as soon as the result meets anything of order 1 (summed into a loss, applied to a weight), so ML use loses
 * nothing by ignoring it, while a flushed 1e-16 gradient or log(cosh(x)) = 0 near 0 stop drowning the real findings.
 * Losses whose whole scale is far below 1 should pass --atol 0 (ULPs only).
 */
export const DEFAULT_ATOL: Readonly<Record<FloatFormat, number>> = { float32: 2 ** -24, float64: 2 ** -53 };

export function defaultScanOptions(partial: Partial<ScanOptions> = {}): ScanOptions {
  return {
    samples: 4096,
    seed: 1,
    precisions: ['float32', 'float64'],
    ranges: {},
    ulpTolerance: 16,
    atol: { ...DEFAULT_ATOL },
    cancellationBits: { float32: 12, float64: 26 },
    maxDigits: 1200,
    framework: DEFAULT_FRAMEWORK,
    ...partial,
  };
}

/** How far a scan is (0 to 1) and what it is doing: for a progress bar. */
export type ScanProgress = (fraction: number, stage: string) => void;

/** The share of a scan's time spent certifying the sample truths when the pool computes them (the story: 8.0 of 11.3 s). */
const TRUTH_SHARE = 0.7;

/** Bisections that need the ground truth at every step (boundaries between ok, inaccurate and unknown). */
const TRUTH_BISECTIONS = 4;
/** Past this many forward ops a truth costs too much to spend ~60 of them per boundary: boundaries keep sample resolution. */
const BISECT_WITH_TRUTH_UP_TO = 256;

interface Planned {
  spec: FormSpec;
  graph: Graph;
  /** Where the truth comes from: the reference, or the form itself. */
  truthGraph: Graph;
  reference?: Graph;
  sets: Partial<Record<FloatFormat, SampleSet>>;
}

/** Compile every form and draw its samples; forms with the same variables share the samples (and so the truths). */
function plan(forms: FormSpec[], options: ScanOptions, graphs?: GraphCache): Planned[] {
  const compiled = forms.map((f) => {
    const graph = compileCached(f.source, f.file, options.framework, graphs);
    const reference = f.reference ? compileCached(f.reference.source, f.reference.file ?? 'reference', options.framework, graphs) : undefined;
    if (reference) checkReference(graph, reference);
    return { spec: f, graph, reference, truthGraph: reference ?? graph, sets: {} as Planned['sets'] };
  });
  const shared = new Map<string, SampleSet>();
  for (const c of compiled) {
    for (const format of options.precisions) {
      const key = `${format}|${c.graph.vars.join(',')}`;
      let set = shared.get(key);
      if (!set) {
        const graphs = compiled.filter((o) => o.graph.vars.join(',') === c.graph.vars.join(',')).flatMap((o) => (o.reference ? [o.graph, o.reference] : [o.graph]));
        set = samplePoints(graphs, c.graph.vars, format, options.ranges, options.samples, options.seed);
        shared.set(key, set);
      }
      c.sets[format] = set;
    }
  }
  return compiled;
}

/** The samples of one expression's truth in one format: its store and each sample's row there. */
interface Claimed { store: TruthStore; claimed: ClaimedSamples; graph: Graph; vars: string[]; format: FloatFormat }

const groupKey = (format: FloatFormat, c: Planned) => `${format}|${c.truthGraph.source}|${c.graph.vars.join(',')}`;

/** Claims every form's samples in its truth's store, once per (format, truth, variables): forms share their samples. */
function claimAll(planned: Planned[], options: ScanOptions, cache: TruthCache): Map<string, Claimed> {
  const groups = new Map<string, Claimed>();
  for (const c of planned) {
    for (const format of options.precisions) {
      const key = groupKey(format, c);
      if (groups.has(key)) continue;
      const store = storeOf(cache, c.truthGraph, c.graph.vars, format, options.maxDigits);
      groups.set(key, { store, claimed: claimSamples(store, c.sets[format]!), graph: c.truthGraph, vars: c.graph.vars, format });
    }
  }
  return groups;
}

/**
 * diagnose() with the sample truths computed on all cores first; the same result. The runtime may still be loading
 * (TF.js takes about a second): it loads on this thread while the workers compute the truths.
 */
export async function diagnoseParallel(
  forms: FormSpec[], options: ScanOptions, runtimeOrLoading: ScanRuntime | Promise<ScanRuntime> = { backend: 'emulated' }, onProgress?: ScanProgress,
  /** Shared with later scans of the same command (the fix proofs); default: the runtime's, else a new one. */
  truthCache?: TruthCache,
): Promise<ScanReport> {
  const started = performance.now();
  onProgress?.(0, 'drawing the samples'); // seconds at 10^6 samples: the bar shows from the start
  const planned = plan(forms, options, 'then' in runtimeOrLoading ? undefined : runtimeOrLoading.graphs);
  const cache = truthCache ?? ('then' in runtimeOrLoading ? undefined : runtimeOrLoading.truthCache) ?? new Map();
  // only the points no earlier scan of this command certified (a fix proof's samples are mostly the scan's)
  const groups = claimAll(planned, options, cache);
  const list = [...groups.values()].filter((g) => g.claimed.count > 0);
  const jobs: TruthJob[] = list.map((g) => ({ source: g.graph.source, file: g.graph.file, format: g.format, maxDigits: options.maxDigits, vars: g.vars, columns: g.claimed.columns }));
  const points = list.reduce((n, g) => n + g.claimed.count, 0);
  let certified = 0;
  const [pooled, loaded] = await Promise.all([
    truthsInParallel(jobs, (a) => list[a.job]!.store.fill(list[a.job]!.claimed.first + a.start, a.kinds, a.values), (done) => {
      certified += done;
      onProgress?.(TRUTH_SHARE * Math.min(1, certified / points), 'certifying the truths');
    }),
    runtimeOrLoading,
  ]);
  if (!pooled) for (const g of list) certifyInThread(g.store, g.vars, g.claimed);
  // the analysis announces each form and precision as it starts it: count them for the rest of the bar
  const base = pooled ? TRUTH_SHARE : 0;
  const steps = planned.length * options.precisions.length;
  let step = 0;
  const runtime: ScanRuntime = onProgress === undefined ? loaded : {
    ...loaded,
    progress: (m) => {
      loaded.progress?.(m);
      onProgress(base + ((1 - base) * step++) / steps, m);
    },
  };
  const report = analyse(planned, options, { ...runtime, truthCache: cache }, started, groups);
  onProgress?.(1, 'done');
  return report;
}

/** The pipeline: compile, sample, evaluate, detect, judge against the truth, summarise. No I/O. */
export function diagnose(forms: FormSpec[], options: ScanOptions, runtime: ScanRuntime = { backend: 'emulated' }): ScanReport {
  return analyse(plan(forms, options, runtime.graphs), options, runtime, performance.now());
}

function analyse(compiled: Planned[], options: ScanOptions, runtime: ScanRuntime, started: number, claimed?: Map<string, Claimed>): ScanReport {
  const truthCache: TruthCache = runtime.truthCache ?? new Map();
  const buffers = bufferPool();
  // without the pool (diagnose), the samples' truths are certified here, in this thread
  const groups = claimed ?? claimAll(compiled, options, truthCache);
  if (!claimed) for (const g of groups.values()) certifyInThread(g.store, g.vars, g.claimed);
  // TF.js is compared with the tfjs model only (like with like); the other models are checked against golden data
  const skipped = runtime.backend !== 'emulated' && options.framework !== 'tfjs' ? tfjsSkipNote(options.framework) : undefined;
  const tfjs = runtime.backend === 'emulated' || skipped ? undefined : runtime.tfjs;

  const results: FormResult[] = compiled.map(({ spec, graph, reference, truthGraph, sets }, index) => {
    const vars = graph.vars;
    const meta = { name: spec.name, expr: spec.source, reference: spec.reference?.source ?? null };
    const targetResults = options.precisions.flatMap((format) => {
      runtime.progress?.(`${spec.name}: ${format}`);
      const set = sets[format]!;
      const { store, claimed: { rows } } = groups.get(groupKey(format, { graph, truthGraph } as Planned))!;
      const quantity = (t: Target) => (t === 'value' ? 0 : 1 + vars.indexOf(t.slice(5)));
      const own = reference ? storeOf(truthCache, graph, vars, format, options.maxDigits) : undefined;
      // the previous form's or format's arrays are dead by now (results keep numbers, copies at most): reuse them
      const values = evaluateFloat(graph, format, set.columns, undefined, 1, buffers);
      const useTfjs = tfjs && format === 'float32';
      const judgedByTfjs = useTfjs && runtime.backend === 'tfjs';
      const tfjsValues = judgedByTfjs ? evaluateTfjs(tfjs, graph, float32Columns(set)) : undefined;
      let events: ReturnType<typeof detectEvents> | undefined;
      const ev: FormEvaluation = {
        graph, format, set, values,
        truths: {
          at: (i, t) => store.value(rows[i]!, quantity(t)),
          full: (i, t) => store.full(rows[i]!, pointAt(set, i), quantity(t)),
        },
        // on first use: a fix candidate's counts need none
        get events() {
          return (events ??= detectEvents(graph, values, format, options.cancellationBits[format]));
        },
        results: (t) => (tfjsValues ? targetOf(tfjsValues, t) : values[targetNode(graph, t)]!),
        probe: (p, t, withTruth) => {
          const result = judgedByTfjs
            ? targetOf(evaluateTfjs(tfjs, graph, Object.fromEntries(vars.map((v) => [v, Float32Array.of(p[v]!)]))), t)[0]!
            : evaluateFloat(graph, format, Object.fromEntries(vars.map((v) => [v, [p[v]!]])))[targetNode(graph, t)]![0]!;
          return { result, truth: withTruth ? store.value(store.rowAt(p), quantity(t)) : undefined };
        },
        probeMany: judgedByTfjs || vars.length !== 1 ? undefined : (xs, t) => {
          const many = evaluateFloat(graph, format, { [vars[0]!]: xs });
          const node = targetNode(graph, t);
          let rootAt: ((k: number) => HazardKind | undefined) | undefined;
          return {
            results: many[node]!,
            rootAt: (k) => (rootAt ??= originHazards(graph, many, detectEvents(graph, many, format, Infinity), node))(k),
          };
        },
        rootAt: (p, t) => {
          const one = evaluateFloat(graph, format, Object.fromEntries(vars.map((v) => [v, [p[v]!]])));
          return originHazard(graph, one, detectEvents(graph, one, format, Infinity), targetNode(graph, t), 0);
        },
        ownTruth: own ? (p, t) => own.full(own.rowAt(p), p, quantity(t)) : undefined,
        tolerance: options.ulpTolerance,
        atol: options.atol[format],
        truthBisections: graph.nodes.filter((n) => n.pass === 'forward').length > BISECT_WITH_TRUTH_UP_TO ? 0 : TRUTH_BISECTIONS,
        regions: spec.countsOnly !== true,
        ...(runtime.onCounts ? { onCounts: (c: TargetCounts) => runtime.onCounts!(meta, index, c) } : {}),
      };
      const out = targetsOf(graph).map((t) => {
        const r = analyseTarget(ev, t);
        return runtime.keepSeries ? { ...r, series: seriesOf(ev, t, options) } : r;
      });
      if (useTfjs) addTfjsBlocks(out, tfjs, graph, set, values);
      return out;
    });
    const form: FormResult = {
      name: spec.name,
      expr: spec.source,
      reference: spec.reference?.source ?? null,
      vars,
      results: targetResults,
    };
    runtime.onForm?.(form, index);
    return form;
  });

  return {
    schemaVersion: 1,
    command: 'scan',
    tool: { name: 'f-diagnose', version: VERSION },
    options,
    backend: tfjs
      ? { float32: runtime.backend === 'tfjs' ? 'tfjs' : 'emulated', tfjs: { backend: tfjs.backend, versions: tfjs.versions, ...(tfjs.fallbackReason ? { fallbackReason: tfjs.fallbackReason } : {}) } }
      : { float32: 'emulated', ...(skipped ? { skipped } : {}) },
    framework: frameworkInfo(options.framework),
    forms: results,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The framework a report is for: id, name and the version its model was checked against. */
export function frameworkInfo(id: FrameworkId): { id: FrameworkId; name: string; version: string } {
  const f = FRAMEWORKS[id];
  return { id, name: f.name, version: f.version };
}

/** The one-line note a report gives when TF.js does not cross-check a framework other than tfjs. */
export function tfjsSkipNote(id: FrameworkId): string {
  return `TF.js cross-check skipped: it compares TF.js with the tfjs model only; the ${id} model is checked against golden data from ${frameworkLabel(id)} (fixtures/frameworks/${id}.jsonl)`;
}

/** Every sample's point, result, outcome and bits of error, for pictures (plots, heatmaps); kept only when asked. */
function seriesOf(ev: FormEvaluation, t: Target, options: ScanOptions): Series {
  const results = ev.results(t);
  const outcome: Series['outcome'] = [];
  const bits: number[] = [];
  for (let i = 0; i < ev.set.size; i++) {
    const j = judge(results[i]!, ev.truths.at(i, t), ev.format, options.ulpTolerance, options.atol[ev.format]);
    outcome.push(j.outcome);
    bits.push(Number.isNaN(j.ulps) ? NaN : bitsOf(j.ulps, ev.format));
  }
  return { at: Object.fromEntries(ev.set.vars.map((v) => [v, Array.from(ev.set.columns[v]!)])), result: Array.from(results), outcome, bits };
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
