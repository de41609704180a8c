import type { Region, TargetResult } from '../detect/types.js';
import type { Limits, Violation, ViolationKind } from './types.js';

/**
 * The widest region of an outcome (ties: the one with more samples). Widest on the real line, not in samples
 * or floats: log-uniform sampling crowds samples near 0, but [-1000, -88.7] is what a training run meets.
 */
export function worstRegion(regions: readonly Region[], outcome: Region['outcome']): Region | null {
  let best: Region | null = null;
  for (const r of regions) {
    if (r.outcome !== outcome) continue;
    const wider = best === null || r.hi - r.lo > best.hi - best.lo;
    if (wider || (r.hi - r.lo === best!.hi - best!.lo && r.samples > best!.samples)) best = r;
  }
  return best;
}

const KIND_RANK = { nan: 0, inf: 1, ulps: 2 } as const;

/** Most severe first: NaN, inf, then ULPs; within a kind, the widest region first. */
export function bySeverity(a: Pick<Violation, 'kind' | 'region'>, b: Pick<Violation, 'kind' | 'region'>): number {
  const width = (v: Pick<Violation, 'region'>) => (v.region === null ? 0 : v.region.hi - v.region.lo);
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || width(b) - width(a);
}

/** The largest error among finite results with a certified truth (NaN and inf are gated on their own). */
export function finiteUlps(result: TargetResult): number {
  if (result.worst !== null) return result.worst.ulps;
  return Number.isFinite(result.maxUlps) ? result.maxUlps : 0;
}

export function ulpLimit(limits: Limits, target: TargetResult['target']): number | undefined {
  return target === 'value' ? limits.maxUlps.value : limits.maxUlps.gradient;
}

/** The reasons one precision x target result breaks the limits, NaN first, then inf, then ULPs. */
export function targetViolations(result: TargetResult, limits: Limits): Omit<Violation, 'location'>[] {
  const out: Omit<Violation, 'location'>[] = [];
  const base = { precision: result.precision, target: result.target, samples: result.samples };
  const outcomeViolation = (kind: Exclude<ViolationKind, 'ulps'>, count: number) => ({
    ...base, kind, count, at: null,
    region: worstRegion(result.regions, kind),
    regionCount: result.regions.filter((r) => r.outcome === kind).length,
  });
  if (!limits.nan && result.nan > 0) out.push(outcomeViolation('nan', result.nan));
  if (!limits.inf && result.inf > 0) out.push(outcomeViolation('inf', result.inf));
  const limit = ulpLimit(limits, result.target);
  const ulps = finiteUlps(result);
  if (limit !== undefined && ulps > limit) {
    const inaccurate = result.regions.filter((r) => r.outcome === 'inaccurate');
    const region = inaccurate.reduce<Region | null>((a, r) => (a === null || r.maxUlps > a.maxUlps ? r : a), null);
    out.push({ ...base, kind: 'ulps', count: result.inaccurate, ulps, limit, at: result.worst?.at ?? null, region, regionCount: inaccurate.length });
  }
  return out;
}
