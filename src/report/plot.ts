import { fourDigits } from '../base/numbers.js';
import type { FormResult, Series } from '../core/types.js';
import type { TargetResult } from '../detect/types.js';
import { floorOf, symlog } from './symlog.js';

/** Column glyphs by outcome, the worst in a column wins: NaN over inf over inaccurate over unknown over ok. */
const GLYPH = { nan: 'N', inf: 'I', inaccurate: '~', unknown: '?', ok: '.' } as const;
const RANK = { nan: 4, inf: 3, inaccurate: 2, unknown: 1, ok: 0 } as const;
const BIT_ROWS = 6;

/**
 * A plain-text picture of one result of a one-variable form: a band of outcomes per column and the most bits of error
 * per column, against x on a signed log axis (plot.ts's symlog), fitted to `width` columns.
 */
export function plotLines(form: FormResult, r: TargetResult & { series?: Series }, width: number): string[] {
  const s = r.series;
  const v = form.vars[0];
  if (!s || v === undefined) return [];
  if (form.vars.length > 1) return [`  ${r.precision} ${r.target}: no plot for ${form.vars.length} variables (see --format html)`];
  const xs = s.at[v]!;
  const floor = floorOf(xs);
  const ts = xs.map((x) => symlog(x, floor));
  const lo = Math.min(...ts);
  const hi = Math.max(...ts);
  const margin = 8;
  const cols = Math.max(10, width - margin - 2);
  const col = (t: number) => (hi === lo ? 0 : Math.min(cols - 1, Math.floor(((t - lo) / (hi - lo)) * cols)));
  const band: Array<keyof typeof GLYPH | null> = new Array(cols).fill(null);
  const bits: number[] = new Array(cols).fill(-1);
  ts.forEach((t, i) => {
    const c = col(t);
    const o = s.outcome[i]!;
    if (band[c] === null || RANK[o] > RANK[band[c]!]) band[c] = o;
    if (!Number.isNaN(s.bits[i]!)) bits[c] = Math.max(bits[c]!, s.bits[i]!);
  });
  const total = r.precision === 'float32' ? 32 : 64;
  const rows = [`  ${r.precision} ${r.target}`];
  rows.push(`${'outcome'.padStart(margin)} |${band.map((o) => (o === null ? ' ' : GLYPH[o])).join('')}`);
  for (let k = BIT_ROWS; k >= 1; k--) {
    const level = (total * (k - 0.5)) / BIT_ROWS;
    const label = k === BIT_ROWS ? `${total} bits` : k === 1 ? '0 bits' : '';
    rows.push(`${label.padStart(margin)} |${bits.map((b) => (b >= level ? '#' : b >= 0 && k === 1 ? '_' : ' ')).join('')}`);
  }
  rows.push(`${''.padStart(margin)} +${'-'.repeat(cols)}`);
  rows.push(`${''.padStart(margin)}  ${axisLabels(xs, cols, col)}`);
  return rows;
}

/** The smallest x, 0 (when drawn) and the largest x, under their columns. */
function axisLabels(xs: readonly number[], cols: number, col: (t: number) => number): string {
  const line = new Array<string>(cols + 12).fill(' ');
  const put = (at: number, text: string) => {
    const start = Math.max(0, Math.min(at - Math.floor(text.length / 2), cols - text.length));
    for (let k = 0; k < text.length; k++) line[start + k] = text[k]!;
  };
  const min = xs.reduce((a, b) => Math.min(a, b));
  const max = xs.reduce((a, b) => Math.max(a, b));
  put(0 + 3, fourDigits(min));
  if (min < 0 && max > 0) put(col(symlog(0, 1)), '0');
  put(cols - 3, fourDigits(max));
  return line.join('').trimEnd();
}
