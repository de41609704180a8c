import type { HazardKind } from '../../vocab/hazards.js';
import { describe, inputsFinite, noInputNaN, type Detector, type RuleContext } from '../detector.js';

/** A NaN born here (no NaN came in), of the kind the op's table entry names (a domain error unless it names one). */
export function nanBornAs(kind: HazardKind) {
  return (ctx: RuleContext, i: number): string | null => {
    if (!noInputNaN(ctx, i)) return null;
    const a = ctx.inputs[0]?.[i] ?? NaN;
    const b = ctx.inputs[1]?.[i] ?? NaN;
    return (ctx.info.nanCause?.(a, b) ?? 'domain') === kind ? describe(ctx, i) : null;
  };
}

/** An infinity born here from finite inputs, of the kind the op's table entry names (overflow unless it names one). */
export function infBornAs(kind: HazardKind) {
  return (ctx: RuleContext, i: number): string | null => {
    if (!inputsFinite(ctx, i)) return null;
    const a = ctx.inputs[0]?.[i] ?? NaN;
    const b = ctx.inputs[1]?.[i] ?? NaN;
    return (ctx.info.infCause?.(a, b) ?? 'overflow') === kind ? describe(ctx, i) : null;
  };
}

export type { Detector };
