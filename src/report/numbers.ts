import type { FloatFormat } from '../backends/format.js';

/** The shortest decimal that reads back as the same float of the format ("-88.72284", "3.4028235e+38"). */
export function formatFloat(x: number, format: FloatFormat): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Object.is(x, -0)) return '-0';
  if (format === 'float64') return String(x);
  for (let p = 1; p <= 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return String(Number(s));
  }
  return String(x);
}

export function formatUlps(u: number): string {
  if (Number.isNaN(u)) return '?';
  if (u === Infinity) return 'inf';
  return u >= 1e6 ? u.toExponential(1) : String(Math.round(u * 10) / 10);
}

/** "x = 0" or "x in [-3.4028235e+38, -88.72284]": a region's extent in its precision's shortest digits. */
export function interval(g: { var: string; lo: number; hi: number }, r: { precision: FloatFormat }): string {
  const lo = formatFloat(g.lo, r.precision);
  return g.lo === g.hi ? `${g.var} = ${lo}` : `${g.var} in [${lo}, ${formatFloat(g.hi, r.precision)}]`;
}

/** "x = 1, y = 2" */
export function pointText(g: { at: Record<string, number> }, r: { precision: FloatFormat }): string {
  return Object.entries(g.at).map(([v, x]) => `${v} = ${formatFloat(x, r.precision)}`).join(', ');
}
