import type { Region, TargetResult } from '../types.js';
import type { Limits, Violation, ViolationKind } from './types.js';

/** The region of an outcome that covers the most samples (ties: the wider one). */
export function worstRegion(regions: readonly Region[], outcome: Region['outcome']): Region | null {
  let best: Region | null = null;
  for (const r of regions) {
    if (r.outcome !== outcome) continue;
    if (best === null || r.samples > best.samples || (r.samples === best.samples && r.hi - r.lo > best.hi - best.lo)) best = r;
  }
  return best;
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
