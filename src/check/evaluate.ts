import { finiteUlps, widestRegion, worstInaccurate } from '../core/summarize.js';
import type { TargetResult } from '../detect/types.js';
import type { Limits, Violation, ViolationKind } from './types.js';

const KIND_RANK = { nan: 0, inf: 1, ulps: 2 } as const;

/** Most severe first: NaN, inf, then ULPs; within a kind, the widest region first. */
export function violationOrder(a: Pick<Violation, 'kind' | 'region'>, b: Pick<Violation, 'kind' | 'region'>): number {
  const width = (v: Pick<Violation, 'region'>) => (v.region === null ? 0 : v.region.hi - v.region.lo);
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || width(b) - width(a);
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
    region: widestRegion(result.regions, kind),
    regionCount: result.regions.filter((r) => r.outcome === kind).length,
  });
  if (!limits.nan && result.nan > 0) out.push(outcomeViolation('nan', result.nan));
  if (!limits.inf && result.inf > 0) out.push(outcomeViolation('inf', result.inf));
  const limit = ulpLimit(limits, result.target);
  const ulps = finiteUlps(result);
  if (limit !== undefined && ulps > limit) {
    const region = worstInaccurate(result.regions);
    const regionCount = result.regions.filter((r) => r.outcome === 'inaccurate').length;
    out.push({ ...base, kind: 'ulps', count: result.inaccurate, ulps, limit, at: result.worst?.at ?? null, region, regionCount });
  }
  return out;
}
