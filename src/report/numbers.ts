import { floatText, ulpsText } from '../base/numbers.js';
import { lineColumn, type Span } from '../base/span.js';
import type { FloatFormat } from '../base/float-format.js';

export const formatFloat = floatText;
export const formatUlps = ulpsText;

/** "x = 0" or "x in [-3.4028235e+38, -88.72284]": a region's extent in its precision's shortest digits. */
export function interval(g: { var: string; lo: number; hi: number; box?: Record<string, { lo: number; hi: number }> }, r: { precision: FloatFormat }): string {
  const one = (v: string, lo: number, hi: number) =>
    lo === hi ? `${v} = ${formatFloat(lo, r.precision)}` : `${v} in [${formatFloat(lo, r.precision)}, ${formatFloat(hi, r.precision)}]`;
  if (g.box) return Object.entries(g.box).map(([v, b]) => one(v, b.lo, b.hi)).join(', ');
  return one(g.var, g.lo, g.hi);
}

/** "x = 1, y = 2" */
export function pointText(g: { at: Record<string, number> }, r: { precision: FloatFormat }): string {
  return Object.entries(g.at).map(([v, x]) => `${v} = ${formatFloat(x, r.precision)}`).join(', ');
}

/** line:column of a span's start, computed from the source. */
export function position(source: string, span: Pick<Span, 'start'>): string {
  const { line, column } = lineColumn(source, span.start);
  return `${line}:${column}`;
}
