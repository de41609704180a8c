import type { FloatArray } from '../backends/float.js';
import type { FloatFormat } from '../base/float-format.js';
import type { PointTruth, Truth } from '../backends/truth.js';
import type { TruthValue } from '../backends/truth-pool-packed.js';
import { targetNode, type Graph, type Target } from '../graph/graph.js';
import { pointAt, type SampleSet } from '../sample/points.js';
import type { HazardCount, HazardEvent, Outcome, Region, TargetResult } from './types.js';
import { ancestors } from '../graph/walk.js';
import { userRecord } from '../base/record.js';
import type { EventTable } from './index.js';
import { bitsOf, judge, type Judged } from './outcome.js';
import { outcomeRuns } from './regions.js';
import { inaccuracyCause } from './inaccuracy.js';
import { originChain, originHazards } from './root-cause.js';
import type { HazardKind } from '../vocab/hazards.js';

export interface FormEvaluation {
  graph: Graph;
  format: FloatFormat;
  set: SampleSet;
  values: FloatArray[];
  events: EventTable;
  /** Ground truth per sample (from the reference when one is given): without words to judge, with them to show. */
  truths: { at: (i: number, target: Target) => TruthValue; full: (i: number, target: Target) => Truth };
  /** The results judged per target, per sample: the emulator's, or TF.js's with --backend tfjs. */
  results: (target: Target) => ArrayLike<number>;
  /** The judged result and the truth at an arbitrary point, for bisection (truth only when asked). */
  probe: (point: Record<string, number>, target: Target, withTruth: boolean) => { result: number; truth?: TruthValue };
  /** The root cause's hazard behind a NaN/inf target at an arbitrary point (the emulator's, evaluated there alone). */
  rootAt: (point: Record<string, number>, target: Target) => HazardKind | undefined;
  /**
   * One variable: the judged results at many values of it in one batch, and the root hazard behind each NaN/inf
   * (what probe and rootAt give point by point). Absent when results must be taken point by point (TF.js's).
   */
  probeMany?: (xs: number[], target: Target) => { results: ArrayLike<number>; rootAt: (k: number) => HazardKind | undefined };
  /** The form's own exact value at a point, when a reference differs from the form (to tell approximation error). */
  ownTruth?: (point: Record<string, number>, target: Target) => Truth;
  tolerance: number;
  /** Absolute tolerance of this evaluation's format (see judge). */
  atol: number;
  truthBisections: number;
  /** False when only the counts and errors are read (a fix candidate's proof): no regions (so no bisection), no hazards. */
  regions?: boolean;
  /** Told each target's counts and errors as soon as they are known, before its regions (the slow part) are worked out. */
  onCounts?: (counts: TargetCounts) => void;
}

/** A target's counts and errors: what a result says before its regions. */
export type TargetCounts = Omit<TargetResult, 'regions' | 'hazards'>;

export function truthOf(t: PointTruth, target: Target): Truth {
  return target === 'value' ? t.value : t.grad[target.slice(5)]!;
}

export function analyseTarget(ev: FormEvaluation, target: Target): TargetResult {
  const node = targetNode(ev.graph, target);
  const results = ev.results(target);
  const n = ev.set.size;
  const judged = judgeAll(ev, target, results);

  // one pass, typed arrays: a scan may judge 10^6 samples per target
  const tally = { nan: 0, inf: 0, inaccurate: 0, unknown: 0, undefined: 0 };
  const bitsAll = new Float64Array(n);
  let known = 0;
  let maxUlps = -Infinity;
  let worst: TargetResult['worst'] = null;
  for (let i = 0; i < n; i++) {
    const j = { outcome: judged.outcome(i), ulps: judged.ulps[i]! };
    const t = ev.truths.at(i, target);
    if (j.outcome === 'nan' || j.outcome === 'inf' || j.outcome === 'inaccurate') tally[j.outcome]++;
    else if (j.outcome === 'unknown' && (t.kind === 'unknown' || t.kind === 'undefined')) tally[t.kind]++;
    if (Number.isNaN(j.ulps)) continue;
    bitsAll[known++] = bitsOf(j.ulps, ev.format);
    if (j.ulps > maxUlps) maxUlps = j.ulps;
    const counts = ev.atol === 0 || Math.abs(results[i]! - (t.kind === 'finite' ? t.value : NaN)) > ev.atol;
    if (Number.isFinite(results[i]!) && t.kind === 'finite' && counts && (!worst || j.ulps > worst.ulps)) {
      worst = { at: pointAt(ev.set, i), result: results[i]!, truth: t.value, ulps: j.ulps };
    }
  }
  const bits = bitsAll.subarray(0, known).sort();
  const counts: TargetCounts = {
    precision: ev.format,
    target,
    samples: n,
    nan: tally.nan,
    inf: tally.inf,
    unknown: tally.unknown,
    undefined: tally.undefined,
    inaccurate: tally.inaccurate,
    maxUlps: known ? maxUlps : NaN,
    maxBits: bits.length ? bits[bits.length - 1]! : NaN,
    medianBits: bits.length ? bits[Math.floor(bits.length / 2)]! : NaN,
    worst,
  };
  ev.onCounts?.(counts);
  return {
    ...counts,
    regions: ev.regions === false ? [] : regionsOf(ev, target, node, judged),
    hazards: ev.regions === false ? [] : hazardCounts(ev, ancestors(ev.graph, node)),
  };
}

/** Each sample's outcome and ULPs as typed arrays (a scan may judge 10^6 samples per target). */
interface JudgedAll {
  outcome: (i: number) => Outcome;
  ulps: Float64Array;
}

const OUTCOMES: readonly Outcome[] = ['ok', 'inaccurate', 'nan', 'inf', 'unknown'];

function judgeAll(ev: FormEvaluation, target: Target, results: ArrayLike<number>): JudgedAll {
  const n = ev.set.size;
  const codes = new Uint8Array(n);
  const ulps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j: Judged = judge(results[i]!, ev.truths.at(i, target), ev.format, ev.tolerance, ev.atol);
    codes[i] = OUTCOMES.indexOf(j.outcome);
    ulps[i] = j.ulps;
  }
  return { outcome: (i) => OUTCOMES[codes[i]!]!, ulps };
}

function regionsOf(ev: FormEvaluation, target: Target, node: number, judged: JudgedAll): Region[] {
  // A constant expression has no extent to report: its counts say it all.
  if (ev.set.vars.length === 0) return [];
  if (ev.set.vars.length !== 1) return multiVarRegions(ev, target, node, judged);
  const name = ev.set.vars[0]!;
  const xs = ev.set.columns[name]!;
  // one string per (outcome, hazard), not one per NaN sample (10^6 samples: megabytes of equal strings)
  const interned = new Map<string, string>();
  const keyOf = (outcome: Outcome, root: () => HazardKind | undefined) => {
    if (outcome !== 'nan' && outcome !== 'inf') return outcome;
    const hazard = root();
    if (!hazard) return outcome;
    const key = `${outcome}|${hazard}`;
    let same = interned.get(key);
    if (same === undefined) interned.set(key, (same = key));
    return same;
  };
  let hazardAt: ((i: number) => HazardKind | undefined) | undefined;
  const keys = Array.from({ length: ev.set.size }, (_, i) => keyOf(judged.outcome(i), () => (hazardAt ??= originHazards(ev.graph, ev.values, ev.events, node))(i)));
  const keyAt = (x: number, cheap: boolean) => {
    const point = { [name]: x };
    const p = ev.probe(point, target, !cheap);
    const r = p.result;
    const outcome: Outcome = cheap && Number.isFinite(r) ? 'ok' : judge(r, cheap ? UNKNOWN : p.truth!, ev.format, ev.tolerance, ev.atol).outcome;
    return keyOf(outcome, () => ev.rootAt(point, target));
  };
  const probeMany = ev.probeMany;
  const cheapKeysAt = probeMany && ((points: number[]) => {
    const { results, rootAt } = probeMany(points, target);
    return points.map((_x, k) => {
      const r = results[k]!;
      return keyOf(Number.isFinite(r) ? 'ok' : judge(r, UNKNOWN, ev.format, ev.tolerance, ev.atol).outcome, () => rootAt(k));
    });
  });
  const runs = outcomeRuns(xs, keys, { format: ev.format, keyAt, cheapKeysAt, truthBisections: ev.truthBisections, ulps: judged.ulps });
  return runs
    .filter((r) => r.outcome !== 'ok')
    .map((r) => {
      let rep = r.first;
      let maxUlps = 0;
      for (let i = r.first; i <= r.last; i++) {
        if (Math.abs(xs[i]!) < Math.abs(xs[rep]!)) rep = i;
        if (judged.ulps[i]! > maxUlps) maxUlps = judged.ulps[i]!;
      }
      return region(ev, target, node, name, r.lo, r.hi, r.exact, r.last - r.first + 1, r.outcome, rep, maxUlps);
    });
}

const UNKNOWN: TruthValue = { kind: 'unknown' };

/**
 * Several variables: one region per outcome and root cause, as a box over every variable. A cause met at a few
 * distinct points (the corners of a cross-entropy) is given point by point, so a box never spans ground that was
 * not seen to fail; more points give their bounding box, marked inexact.
 */
function multiVarRegions(ev: FormEvaluation, target: Target, node: number, judged: JudgedAll): Region[] {
  const out: Region[] = [];
  const vars = ev.set.vars;
  for (const outcome of ['nan', 'inf', 'inaccurate', 'unknown'] as Outcome[]) {
    const rows: number[] = [];
    for (let i = 0; i < ev.set.size; i++) if (judged.outcome(i) === outcome) rows.push(i);
    if (!rows.length) continue;
    const groups = new Map<string, { rows: number[]; chain: HazardEvent[] }>();
    for (const i of rows) {
      const chain = outcome === 'nan' || outcome === 'inf' ? originChain(ev.graph, ev.values, ev.events, node, i) : [];
      const key = chain[0] ? `${chain[0].hazard}|${chain[0].node}` : '';
      const g = groups.get(key) ?? { rows: [], chain: chain.length ? chain : causeAt(ev, target, node, outcome, i) };
      g.rows.push(i);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const distinct = new Map<string, number>();
      for (const i of g.rows) distinct.set(vars.map((v) => ev.set.columns[v]![i]).join(','), i);
      // a loop, not Math.max(...): a region may hold 10^6 samples, beyond the arguments a call can take
      const maxUlpsOf = (is: number[]) => is.reduce((m, i) => (judged.ulps[i]! > m ? judged.ulps[i]! : m), 0);
      if (distinct.size <= MAX_POINT_REGIONS) {
        for (const i of distinct.values()) {
          const count = g.rows.filter((k) => vars.every((v) => ev.set.columns[v]![k] === ev.set.columns[v]![i])).length;
          out.push(boxRegion(ev, target, node, [i], true, count, outcome, i, maxUlpsOf([i]), g.chain));
        }
      } else {
        out.push(boxRegion(ev, target, node, g.rows, false, g.rows.length, outcome, g.rows[0]!, maxUlpsOf(g.rows), g.chain));
      }
    }
  }
  return out;
}

/** A cause seen at up to this many distinct points is reported point by point. */
const MAX_POINT_REGIONS = 6;

function boxRegion(
  ev: FormEvaluation, target: Target, node: number, rows: number[], exact: boolean, samples: number,
  outcome: Outcome, rep: number, maxUlps: number, chain: HazardEvent[],
): Region {
  const box: Record<string, { lo: number; hi: number }> = userRecord();
  for (const v of ev.set.vars) {
    const col = ev.set.columns[v]!;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of rows) {
      lo = Math.min(lo, col[i]!);
      hi = Math.max(hi, col[i]!);
    }
    box[v] = { lo, hi };
  }
  const first = ev.set.vars[0]!;
  return { ...region(ev, target, node, first, box[first]!.lo, box[first]!.hi, exact, samples, outcome, rep, maxUlps, chain), box };
}

/** Hazards that make a NaN where they happen. */
const NAN_BORN: ReadonlySet<string> = new Set(['domain', 'zero-div-zero', 'inf-div-inf', 'inf-minus-inf', 'zero-times-inf']);

function region(
  ev: FormEvaluation, target: Target, node: number, name: string,
  lo: number, hi: number, exact: boolean, samples: number, outcome: Outcome, rep: number, maxUlps: number,
  found: HazardEvent[] = causeAt(ev, target, node, outcome, rep),
): Region {
  // A NaN that a discarded where branch computed (sqrt of a negative) reaches the gradient only through where's
  // masked 0: the where trap is the cause, the branch's own NaN what it lets through. (An infinity in the branch,
  // such as exp's overflow, stays first: the trap's 0 * inf is what makes the NaN.)
  const trap = found.find((e) => e.hazard === 'where-trap');
  const first = found[0];
  const letsThrough = trap !== undefined && first !== undefined && first !== trap && NAN_BORN.has(first.hazard);
  const chain = letsThrough ? [trap, ...found.filter((e) => e !== trap)] : found;
  const root = chain[0];
  return {
    var: name, lo, hi, outcome, exact, samples,
    hazard: root?.hazard ?? null, pass: root?.pass ?? null, op: root?.op ?? null, span: root?.span ?? null,
    chain,
    at: pointAt(ev.set, rep),
    result: ev.results(target)[rep]!,
    truth: ev.truths.full(rep, target),
    maxUlps,
  };
}

/** Root cause at sample i: origin events for NaN/inf; for inaccuracy, see inaccuracyCause. */
function causeAt(ev: FormEvaluation, target: Target, node: number, outcome: Outcome, i: number): HazardEvent[] {
  if (outcome === 'nan' || outcome === 'inf') return originChain(ev.graph, ev.values, ev.events, node, i);
  if (outcome !== 'inaccurate') return [];
  const approximation = approximationAt(ev, target, i);
  if (approximation) return [approximation];
  const truth = ev.truths.at(i, target);
  return [inaccuracyCause(ev.graph, ev.values, ev.events, node, i, ev.format, truth.kind === 'finite' ? truth.value : NaN)];
}

/** With a reference: the form itself is exact enough here, but its exact value is not the reference's. */
function approximationAt(ev: FormEvaluation, target: Target, i: number): HazardEvent | undefined {
  if (!ev.ownTruth) return undefined;
  const own = ev.ownTruth(pointAt(ev.set, i), target);
  const ref = ev.truths.full(i, target);
  if (own.kind !== 'finite' || ref.kind !== 'finite' || own.value === ref.value) return undefined;
  if (judge(ev.results(target)[i]!, own, ev.format, ev.tolerance, ev.atol).outcome !== 'ok') return undefined;
  const out = ev.graph.nodes[ev.graph.output]!;
  return {
    pass: 'forward', op: out.op, node: out.id, hazard: 'approximation', span: out.span,
    detail: `the form's exact ${target} ${digits(own.decimal)} differs from the reference's ${digits(ref.decimal)}`,
  };
}

const digits = (d: string) => (d.length > 20 ? Number(d).toPrecision(17) : d);

function hazardCounts(ev: FormEvaluation, ids: Set<number>): HazardCount[] {
  const out: HazardCount[] = [];
  for (const id of [...ids].sort((a, b) => a - b)) {
    const byKind = new Map<string, HazardCount>();
    ev.events.forEach(id, (i, hazard, bits) => {
      let c = byKind.get(hazard);
      if (!c) {
        const n = ev.graph.nodes[id]!;
        c = { hazard, pass: n.pass, op: n.op, node: id, span: n.span, count: 0, at: pointAt(ev.set, i) };
        byKind.set(hazard, c);
      }
      c.count++;
      if (bits !== undefined) c.maxBits = Math.max(c.maxBits ?? 0, bits);
    });
    out.push(...byKind.values());
  }
  return out;
}
