import { RULES } from '../detect/index.js';
import type { HazardKind } from '../vocab/hazards.js';

export interface HazardInfo { title: string; description: string; fix: string; severity: 'error' | 'warning' }

const fromRules = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta])) as Record<string, HazardInfo>;

/** Presentation of every hazard kind; a Record so the compiler demands an entry for each. */
export const HAZARDS: Record<HazardKind, HazardInfo> = {
  'overflow': fromRules['overflow']!,
  'division-by-zero': fromRules['division-by-zero']!,
  'zero-div-zero': fromRules['zero-div-zero']!,
  'inf-div-inf': fromRules['inf-div-inf']!,
  'inf-minus-inf': fromRules['inf-minus-inf']!,
  'zero-times-inf': fromRules['zero-times-inf']!,
  'domain': fromRules['domain']!,
  'log-zero': fromRules['log-zero']!,
  'underflow': fromRules['underflow']!,
  'cancellation': fromRules['cancellation']!,
  'where-trap': fromRules['where-trap']!,
  'nan-input': fromRules['nan-input']!,
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
