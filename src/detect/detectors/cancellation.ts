import { SIGNIFICAND_BITS, type FloatFormat } from '../../base/float-format.js';
import type { OpName } from '../../vocab/ops.js';
import { defineDetector } from '../detector.js';
import { valueText } from '../../base/numbers.js';


/**
 * Bits lost when a and b (nearly) cancel in a + b or a - b: log2(max(|a|, |b|) / |result|), all of them when the
 * result is 0; undefined when the op does not subtract magnitudes (same-sign add, opposite-sign sub) or an input is
 * 0 or not finite.
 */
export function cancellation(op: OpName, a: number, b: number, result: number, format: FloatFormat): { bits: number; detail: string } | undefined {
  const bits = bitsLost(op, a, b, result, format);
  if (bits === undefined) return undefined;
  return { bits, detail: `${valueText(a)} ${op === 'sub' ? '-' : '+'} ${valueText(b)}: ${bits.toFixed(1)} bits lost` };
}

/** The bits lost alone, without words (the detector runs it at every sample). */
export function bitsLost(op: OpName, a: number, b: number, result: number, format: FloatFormat): number | undefined {
  if (op !== 'add' && op !== 'sub') return undefined;
  if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  const subtracting = op === 'sub' ? Math.sign(a) === Math.sign(b) : Math.sign(a) !== Math.sign(b);
  if (!subtracting) return undefined;
  return result === 0 ? SIGNIFICAND_BITS[format] : Math.log2(Math.max(Math.abs(a), Math.abs(b)) / Math.abs(result));
}

export default defineDetector({
  meta: {
    id: 'cancellation', title: 'cancellation', severity: 'warning',
    description: 'two nearly equal numbers subtracted: their rounding errors become the leading digits of the result',
    fix: 'rewrite the difference exactly (expm1, log1p, a common denominator, a series near the point where the terms meet)',
  },
  on: 'finite',
  // two exact operands lose nothing: their float difference is the exact one, rounded once
  applies: (node, _info, inputsExact) => (node.op === 'add' || node.op === 'sub') && !inputsExact,
  check: (ctx, i) => {
    const bits = bitsLost(ctx.node.op, ctx.inputs[0]![i]!, ctx.inputs[1]![i]!, ctx.out[i]!, ctx.format);
    return bits !== undefined && bits >= ctx.cancellationBits ? bits : false;
  },
  detail: (ctx, i) => cancellation(ctx.node.op, ctx.inputs[0]![i]!, ctx.inputs[1]![i]!, ctx.out[i]!, ctx.format)!.detail,
});
