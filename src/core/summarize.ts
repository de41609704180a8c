import type { FormResult } from './types.js';
import type { HazardCount, Region, TargetResult } from '../detect/types.js';
import { ulpDistance } from '../base/float-format.js';

/**
 * The one summarize step: grouping, sorting and worst cases, as pure data that every formatter (text, JSON, the CI
 * formats, the verdict sentences) and the check gate read, so they cannot disagree on what is worst.
 */

const SEVERITY = { nan: 0, inf: 1, inaccurate: 2, unknown: 3, ok: 4 } as const;

/** NaN first, then inf, inaccurate, unknown; within an outcome the largest error first. */
export function bySeverity(a: Region, b: Region): number {
  return SEVERITY[a.outcome] - SEVERITY[b.outcome] || (b.maxUlps || 0) - (a.maxUlps || 0);
}

export function sortedRegions(result: TargetResult): Region[] {
  return [...result.regions].sort(bySeverity);
}

/**
 * The widest region of an outcome (ties: the one with more samples). Widest on the real line, not in samples
 * or floats: log-uniform sampling crowds samples near 0, but [-1000, -88.7] is what a training run meets.
 */
export function widestRegion(regions: readonly Region[], outcome: Region['outcome']): Region | null {
  let best: Region | null = null;
  for (const r of regions) {
    if (r.outcome !== outcome) continue;
    const wider = best === null || r.hi - r.lo > best.hi - best.lo;
    if (wider || (r.hi - r.lo === best!.hi - best!.lo && r.samples > best!.samples)) best = r;
  }
  return best;
}

/** The inaccurate region with the largest error. */
export function worstInaccurate(regions: readonly Region[]): Region | null {
  return regions.filter((r) => r.outcome === 'inaccurate').reduce<Region | null>((a, r) => (a === null || r.maxUlps > a.maxUlps ? r : a), null);
}

/** The largest error among finite results with a certified truth (NaN and inf are gated on their own). */
export function finiteUlps(result: TargetResult): number {
  // worst skips results within the absolute tolerance; none left means nothing beyond it
  return result.worst?.ulps ?? 0;
}

/** One hazard at one place of the source, over every result of a form: how often per precision and target. */
export interface HazardGroup {
  hazard: HazardCount['hazard'];
  pass: HazardCount['pass'];
  op: HazardCount['op'];
  span: HazardCount['span'];
  /** e.g. [{label: "f32 grad:x", count: 40}], in the order first seen. */
  counts: Array<{ precision: TargetResult['precision']; target: TargetResult['target']; count: number }>;
  total: number;
}

/** Hazards of a form grouped by kind, pass and place, most frequent first. */
export function hazardGroups(form: FormResult): HazardGroup[] {
  const byKey = new Map<string, HazardGroup>();
  for (const r of form.results) {
    for (const h of r.hazards) {
      const key = `${h.hazard}|${h.pass}|${h.span.start}|${h.span.end}|${h.op}`;
      let g = byKey.get(key);
      if (!g) byKey.set(key, (g = { hazard: h.hazard, pass: h.pass, op: h.op, span: h.span, counts: [], total: 0 }));
      if (!g.counts.some((c) => c.precision === r.precision && c.target === r.target)) g.counts.push({ precision: r.precision, target: r.target, count: h.count });
      g.total += h.count;
    }
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total);
}

/**
 * Why the truth is unknown, with how many samples each reason covers, most first: read from the unknown regions (each
 * carries its representative truth's reason). Samples no region accounts for are counted under "reason not recorded".
 */
export function unknownReasons(result: TargetResult): Array<{ reason: string; count: number }> {
  const counts = new Map<string, number>();
  for (const g of result.regions) {
    if (g.outcome !== 'unknown') continue;
    const reason = g.truth.kind === 'unknown' || g.truth.kind === 'undefined' ? g.truth.reason : 'reason not recorded';
    counts.set(reason, (counts.get(reason) ?? 0) + g.samples);
  }
  const covered = [...counts.values()].reduce((a, b) => a + b, 0);
  if (result.unknown > covered) counts.set('reason not recorded', (counts.get('reason not recorded') ?? 0) + result.unknown - covered);
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

/** "2 cancellation not resolved at 4000 bits, 1 results did not agree up to 1200 digits" */
export function unknownReasonText(results: readonly TargetResult[]): string {
  const merged = new Map<string, number>();
  for (const r of results) for (const { reason, count } of unknownReasons(r)) merged.set(reason, (merged.get(reason) ?? 0) + count);
  return [...merged].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count} ${reason}`).join(', ');
}

/** An interval of one variable; open ends exclude the float at the end (it belongs to a bad region). */
export interface Interval { lo: number; hi: number; loOpen: boolean; hiOpen: boolean }

/**
 * Where a one-variable result is free of the given outcomes: the sampled range [lo, hi] minus those regions, as the
 * intervals in between (an interval with no float inside is dropped). Region edges are exact floats when bisected,
 * else sample positions, so the intervals are as exact as the regions. Null for several variables (boxes, not
 * intervals).
 */
export function freeIntervals(result: TargetResult, range: { lo: number; hi: number }, outcomes: ReadonlyArray<Region['outcome']>): Interval[] | null {
  if (result.regions.some((g) => g.box !== undefined)) return null;
  const bad = result.regions.filter((g) => outcomes.includes(g.outcome)).sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  let lo = range.lo;
  let loOpen = false;
  const push = (hi: number, hiOpen: boolean) => {
    const empty = hi < lo || ((loOpen || hiOpen) && ulpDistance(lo, hi, result.precision) <= (loOpen && hiOpen ? 1 : 0));
    if (!empty) out.push({ lo, hi, loOpen, hiOpen });
  };
  for (const g of bad) {
    if (g.lo > lo || (g.lo === lo && loOpen)) push(g.lo, true);
    if (g.hi > lo || (g.hi === lo && !loOpen)) {
      lo = g.hi;
      loOpen = true;
    }
  }
  if (!(lo === range.hi && loOpen)) push(range.hi, false);
  return out;
}

/** The finding a one-line summary shows: the widest NaN region, else the widest inf, else the largest error. */
export function headlineRegion(result: TargetResult): Region | null {
  return widestRegion(result.regions, 'nan') ?? widestRegion(result.regions, 'inf') ?? worstInaccurate(result.regions);
}
