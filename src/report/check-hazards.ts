import { RULES } from '../detect/index.js';
import type { HazardKind } from '../graph/ops.js';

export interface HazardInfo {
  title: string;
  description: string;
  fix: string;
}

/** Hazard kinds the scanner reports that no detector rule declares (they come from the error measure). */
const EXTRA: Readonly<Partial<Record<HazardKind, HazardInfo>>> = {
  approximation: {
    title: 'approximation error',
    description: 'a branch that approximates the function (e.g. a truncated series) is further from the reference than allowed',
    fix: 'add terms to the series or narrow the interval where the approximation is used',
  },
  rounding: {
    title: 'rounding error',
    description: 'rounding errors of the operations accumulate beyond the allowed ULPs',
    fix: 'reorder or fuse the operations (fma-like forms, log1p, expm1, hypot), or evaluate the sensitive part in higher precision',
  },
};

/** Title, description and fix of a hazard class: the detector rule's own meta, so text lives in one place. */
export function hazardInfo(kind: HazardKind): HazardInfo {
  const rule = RULES.find((r) => r.meta.id === kind);
  if (rule !== undefined) return { title: rule.meta.title, description: rule.meta.description, fix: rule.meta.fix };
  return EXTRA[kind] ?? { title: kind, description: kind, fix: '' };
}

/** Every hazard class with its text: detector rules first, then the extra ones. */
export function allHazards(): Array<{ id: HazardKind } & HazardInfo> {
  const ids = [...RULES.map((r) => r.meta.id), ...(Object.keys(EXTRA) as HazardKind[])];
  return [...new Set(ids)].map((id) => ({ id, ...hazardInfo(id) }));
}
