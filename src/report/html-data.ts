import type { FormResult, Series } from '../core/types.js';
import type { TargetResult } from '../detect/types.js';
import { frameOf, thinByCell, thinByX, type Frame } from './thin.js';

/** Buckets of the signed log x axis a plot keeps the extremes of (the plots are 900 pixels wide). */
export const PLOT_BUCKETS = 900;
/** The browser's heatmap grid is HEAT_CELLS / 2 cells a side; the data keeps the worst sample of each finer cell. */
export const HEAT_CELLS = 96;

/** Outcomes as one character each ("n" NaN, "f" inf, "i" inaccurate, "u" unknown, "o" ok): the script decodes them. */
const CODE: Record<string, string> = { ok: 'o', inaccurate: 'i', nan: 'n', inf: 'f', unknown: 'u' };

export interface PlotTarget { target: string; result: Array<number | null>; outcome: string; bits: Array<number | null> }
export interface PlotPrecision { precision: string; at: Record<string, Array<number | null>>; targets: PlotTarget[] }
export interface PlotForm { name: string; vars: string[]; precisions: PlotPrecision[] }

type WithSeries = TargetResult & { series?: Series };

const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(7)) : null);

/**
 * A form's samples for the browser, thinned (thin.ts): per precision the sample points once, per target its results,
 * outcomes and bits of error at them. Non-finite numbers are null (JSON has none), 7 significant digits.
 */
export function plotData(form: FormResult): PlotForm {
  const byPrecision = new Map<string, WithSeries[]>();
  for (const r of form.results as WithSeries[]) if (r.series) byPrecision.set(r.precision, [...(byPrecision.get(r.precision) ?? []), r]);
  const frame = form.vars.length === 2 ? frameOfAll(form.vars, [...byPrecision.values()]) : undefined;
  const precisions = [...byPrecision].map(([precision, rs]): PlotPrecision => {
    const at = rs[0]!.series!.at;
    const targets = rs.map((r) => r.series!);
    const keep = form.vars.length === 1 ? thinByX(at[form.vars[0]!]!, targets, PLOT_BUCKETS)
      : frame ? thinByCell(at[form.vars[0]!]!, at[form.vars[1]!]!, targets.map((t) => t.outcome), HEAT_CELLS, frame)
        : at[form.vars[0]!]!.map((_x, i) => i);
    return {
      precision,
      // a heatmap's points exactly (the browser's grid must nest in the one that thinned them), a plot's to 7 digits
      at: Object.fromEntries(Object.entries(at).map(([v, xs]) => [v, keep.map((i) => (frame ? xs[i]! : num(xs[i]!)))])),
      targets: rs.map((r) => ({
        target: r.target,
        result: keep.map((i) => num(r.series!.result[i]!)),
        outcome: keep.map((i) => CODE[r.series!.outcome[i]!]).join(''),
        bits: keep.map((i) => (Number.isNaN(r.series!.bits[i]!) ? null : Number(r.series!.bits[i]!.toFixed(2)))),
      })),
    };
  });
  return { name: form.name, vars: form.vars, precisions };
}

function frameOfAll(vars: string[], groups: WithSeries[][]): Frame {
  const xs = groups.flatMap((rs) => rs[0]!.series!.at[vars[0]!]!);
  const ys = groups.flatMap((rs) => rs[0]!.series!.at[vars[1]!]!);
  return frameOf(xs, ys);
}
