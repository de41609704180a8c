import { DETECTORS } from '../detect/index.js';
import type { HazardKind } from '../vocab/hazards.js';

export interface HazardInfo { title: string; description: string; fix: string; severity: 'error' | 'warning' }

const fromDetectors = Object.fromEntries(DETECTORS.map((r) => [r.meta.id, r.meta])) as Record<string, HazardInfo>;

/** Presentation of every hazard kind; a Record so the compiler demands an entry for each. */
export const HAZARDS: Record<HazardKind, HazardInfo> = {
  'overflow': fromDetectors['overflow']!,
  'division-by-zero': fromDetectors['division-by-zero']!,
  'zero-div-zero': fromDetectors['zero-div-zero']!,
  'inf-div-inf': fromDetectors['inf-div-inf']!,
  'inf-minus-inf': fromDetectors['inf-minus-inf']!,
  'zero-times-inf': fromDetectors['zero-times-inf']!,
  'domain': fromDetectors['domain']!,
  'log-zero': fromDetectors['log-zero']!,
  'underflow': fromDetectors['underflow']!,
  'cancellation': fromDetectors['cancellation']!,
  'where-trap': fromDetectors['where-trap']!,
  'nan-input': fromDetectors['nan-input']!,
  'approximation': {
    title: 'approximation', severity: 'error',
    description: 'the form is not the reference function: its exact value differs (e.g. a truncated series used too far out)',
    fix: 'add terms to the series or narrow the interval where the approximation is used, so the truncation error stays below an ulp',
  },
  'kink': {
    title: 'kink', severity: 'warning',
    description: 'a non-differentiable point of one op (abs at 0, maximum/minimum at a tie, clip at a bound), where TF picks one side\'s derivative although the whole function is smooth there, so the gradient is off',
    fix: 'use a smooth form (softplus(x) instead of maximum(x, 0) + log1p(exp(-abs(x))) near 0), or accept the subgradient',
  },
  'rounding': {
    title: 'rounding', severity: 'warning',
    description: 'rounding errors of several ops accumulate beyond the tolerance, with no single cancellation to blame',
    fix: 'reorder or fuse the operations (log1p, expm1, hypot-style scaling), or evaluate the sensitive part in higher precision',
  },
};

/** Title, description and fix of a hazard class. */
export function hazardInfo(kind: HazardKind): HazardInfo {
  return HAZARDS[kind];
}

/** Every hazard class with its text. */
export function allHazards(): Array<{ id: HazardKind } & HazardInfo> {
  return (Object.keys(HAZARDS) as HazardKind[]).map((id) => ({ id, ...HAZARDS[id] }));
}
