import { defineRule, fmt } from '../rule.js';

const SIGNIFICAND_BITS = { float32: 24, float64: 53 } as const;

/** Bits lost when a and b (nearly) cancel in a +- b: log2(max(|a|, |b|) / |a +- b|); all of them when exactly. */
export function bitsLost(a: number, b: number, result: number, significand: number): number {
  if (result === 0) return significand;
  return Math.log2(Math.max(Math.abs(a), Math.abs(b)) / Math.abs(result));
}

export default defineRule({
  meta: {
    id: 'cancellation', title: 'cancellation', severity: 'warning',
    description: 'two nearly equal numbers subtracted: their rounding errors become the leading digits of the result',
    fix: 'rewrite the difference exactly (expm1, log1p, a common denominator, a series near the point where the terms meet)',
  },
  on: 'finite',
  applies: (node) => node.op === 'add' || node.op === 'sub',
  check: (ctx, i) => {
    const a = ctx.inputs[0]![i]!;
    const b = ctx.inputs[1]![i]!;
    if (a === 0 || b === 0 || !Number.isFinite(a) || !Number.isFinite(b)) return null;
    const subtracting = ctx.node.op === 'sub' ? Math.sign(a) === Math.sign(b) : Math.sign(a) !== Math.sign(b);
    if (!subtracting) return null;
    const bits = bitsLost(a, b, ctx.out[i]!, SIGNIFICAND_BITS[ctx.format]);
    if (bits < ctx.cancellationBits) return null;
    return { detail: `${fmt(a)} ${ctx.node.op === 'sub' ? '-' : '+'} ${fmt(b)}: ${bits.toFixed(1)} bits lost`, bits };
  },
});
