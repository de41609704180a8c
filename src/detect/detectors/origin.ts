import type { HazardKind } from '../../vocab/hazards.js';
import { inputsFinite, noInputNaN, type Detector, type RuleContext } from '../detector.js';

/** A NaN born here (no NaN came in), of the kind the op's table entry names (a domain error unless it names one). */
export function nanBornAs(kind: HazardKind) {
  return (ctx: RuleContext, i: number): boolean => {
    if (!noInputNaN(ctx, i)) return false;
    const a = ctx.inputs[0]?.[i] ?? NaN;
    const b = ctx.inputs[1]?.[i] ?? NaN;
    return (ctx.info.nanCause?.(a, b) ?? 'domain') === kind;
  };
}

/** An infinity born here from finite inputs, of the kind the op's table entry names (overflow unless it names one). */
export function infBornAs(kind: HazardKind) {
  return (ctx: RuleContext, i: number): boolean => {
    if (!inputsFinite(ctx, i)) return false;
    const a = ctx.inputs[0]?.[i] ?? NaN;
    const b = ctx.inputs[1]?.[i] ?? NaN;
    return (ctx.info.infCause?.(a, b) ?? 'overflow') === kind;
  };
}

export type { Detector };
