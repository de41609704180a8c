import { UserError } from '../base/user-error.js';
import type { FloatFormat } from '../base/float-format.js';
import { FORMAT_LIMITS } from '../base/float-format.js';

export interface Range { lo: number; hi: number }


/** `x=-1000:1000` (also `x=-1e3..1e3`) -> ['x', {lo, hi}]. */
export function parseVarRange(text: string): [string, Range] {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*(?::|\.\.)\s*(.+?)\s*$/.exec(text);
  if (!m) throw new UserError(`--var '${text}': expected NAME=LO:HI, e.g. x=-1000:1000`);
  const lo = parseBound(m[2]!, text);
  const hi = parseBound(m[3]!, text);
  if (!(lo < hi)) throw new UserError(`--var '${text}': LO must be less than HI`);
  return [m[1]!, { lo, hi }];
}

function parseBound(s: string, whole: string): number {
  const t = s.trim().toLowerCase();
  const special: Record<string, number> = { max: Infinity, '+max': Infinity, '-max': -Infinity, inf: Infinity, '-inf': -Infinity };
  const v = t in special ? special[t]! : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t) ? Number(t) : NaN;
  if (Number.isNaN(v)) throw new UserError(`--var '${whole}': '${s}' is not a number`);
  return v;
}

/** The range actually sampled in a format: the given one clipped to the finite floats, or all finite floats. */
export function effectiveRange(range: Range | undefined, format: FloatFormat): Range {
  const max = FORMAT_LIMITS[format].max;
  if (!range) return { lo: -max, hi: max };
  const round = format === 'float32' ? Math.fround : (x: number) => x;
  return { lo: Math.max(-max, round(range.lo)), hi: Math.min(max, round(range.hi)) };
}
