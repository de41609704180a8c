import { sixDigits } from '../base/numbers.js';
import type { Region, TargetResult } from '../detect/types.js';
import { finiteUlps } from '../core/summarize.js';
import type { BaselineStatus, CheckResult, Violation } from './types.js';

/** A NaN or inf region as recorded: [lo, hi] along one variable, with its root-cause hazard. */
export interface BaselineRegion {
  outcome: 'nan' | 'inf';
  var: string;
  range: [number, number];
  hazard: string | null;
}

export interface BaselineEntry {
  nan: number;
  inf: number;
  maxUlps: number;
  regions: BaselineRegion[];
}

/** Findings per check name, then per "PRECISION TARGET" (e.g. "float32 grad:x"). */
export interface Baseline {
  schemaVersion: 1;
  tool: string;
  checks: Record<string, Record<string, BaselineEntry>>;
}

export const BASELINE_FILE = 'f-diagnose.baseline.json';

export const entryKey = (r: { precision: string; target: string }): string => `${r.precision} ${r.target}`;

function entryOf(result: TargetResult): BaselineEntry {
  return {
    nan: result.nan,
    inf: result.inf,
    maxUlps: finiteUlps(result),
    regions: result.regions
      .filter((r): r is Region & { outcome: 'nan' | 'inf' } => r.outcome === 'nan' || r.outcome === 'inf')
      .map((r) => ({ outcome: r.outcome, var: r.var, range: [r.lo, r.hi], hazard: r.hazard })),
  };
}

/** Everything found now, whether or not it breaks a limit, so a later run can tell new from known. */
export function baselineOf(checks: readonly CheckResult[], tool: string): Baseline {
  return {
    schemaVersion: 1,
    tool,
    checks: Object.fromEntries(checks.map((c) => [c.name, Object.fromEntries(c.form.results.map((r) => [entryKey(r), entryOf(r)]))])),
  };
}

const fmt = sixDigits;
const rangeText = (r: BaselineRegion): string => `[${fmt(r.range[0])}, ${fmt(r.range[1])}]`;

/**
 * The baseline's non-finite regions of one variable, merged where they touch. NaN and inf are merged on
 * purpose: near a pole the split between them is fragmented at the scale of single floats and moves with
 * the samples, while the zone where the result is not finite does not.
 */
function nonFiniteZones(regions: readonly BaselineRegion[], v: string): Array<[number, number]> {
  const sorted = regions.filter((r) => r.var === v).map((r) => r.range).sort((a, b) => a[0] - b[0]);
  const zones: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = zones.at(-1);
    // Touching: the gap is at most a few floats (relative 2^-40, or the subnormal scale near 0).
    const gap = last === undefined ? Infinity : lo - last[1];
    const touch = last !== undefined && gap <= Math.max(Math.abs(lo), Math.abs(last[1])) * 2 ** -40 + 1e-300;
    if (touch) last[1] = Math.max(last[1], hi);
    else zones.push([lo, hi]);
  }
  return zones;
}

/**
 * known when every current region of the outcome lies inside the recorded non-finite zones and its cause
 * is a hazard the baseline recorded; worse says which region grew or which cause is new.
 */
function compareOutcome(v: Violation, now: BaselineEntry, before: BaselineEntry): BaselineStatus {
  const outcome = v.kind as 'nan' | 'inf';
  const label = outcome === 'nan' ? 'NaN' : 'inf';
  const recorded = before.regions.filter((r) => r.outcome === outcome);
  const current = now.regions.filter((r) => r.outcome === outcome);
  if (before[outcome] === 0 && recorded.length === 0) return { status: 'new' };
  if (current.length === 0) {
    return now[outcome] <= before[outcome] ? { status: 'known' } : { status: 'worse', detail: `${now[outcome]} ${label} samples, baseline ${before[outcome]}` };
  }
  const causes = new Set(before.regions.map((r) => r.hazard));
  for (const region of current) {
    if (!causes.has(region.hazard)) {
      return { status: 'worse', detail: `new ${label} cause: ${region.hazard ?? 'unexplained'} on ${region.var} in ${rangeText(region)}` };
    }
    const zones = nonFiniteZones(before.regions, region.var);
    if (!zones.some(([lo, hi]) => lo <= region.range[0] && region.range[1] <= hi)) {
      const was = zones.map(([lo, hi]) => `[${fmt(lo)}, ${fmt(hi)}]`).join(', ') || 'none';
      return { status: 'worse', detail: `${label} region ${rangeText(region)} of ${region.var} grew beyond the baseline's ${was}` };
    }
  }
  return { status: 'known' };
}

export function compareToBaseline(v: Violation, now: BaselineEntry, before: BaselineEntry | undefined): BaselineStatus {
  if (before === undefined) return { status: 'new' };
  if (v.kind !== 'ulps') return compareOutcome(v, now, before);
  if (now.maxUlps <= before.maxUlps) return { status: 'known' };
  return { status: 'worse', detail: `${fmt(now.maxUlps)} ULPs, baseline ${fmt(before.maxUlps)}` };
}

/** Marks each violation of each check new, worse or known against the baseline (pure: returns new objects). */
export function applyBaseline(checks: readonly CheckResult[], baseline: Baseline): CheckResult[] {
  return checks.map((check) => {
    const recorded = baseline.checks[check.name];
    const violations = check.violations.map((v) => {
      const result = check.form.results.find((r) => r.precision === v.precision && r.target === v.target)!;
      return { ...v, baseline: compareToBaseline(v, entryOf(result), recorded?.[entryKey(v)]) };
    });
    return { ...check, violations, passed: violations.every((v) => v.baseline.status === 'known') };
  });
}
