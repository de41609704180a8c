import { UserError } from '../base/user-error.js';
import type { FloatFormat } from '../base/float-format.js';
import { FORMAT_LIMITS, nextDown, nextUp, roundTo } from '../base/float-format.js';
import { floatText } from '../base/numbers.js';

export interface Range {
  lo: number;
  hi: number;
  /** A discrete variable (labels): only these values are sampled. */
  values?: number[];
}

/** `x=-1000:1000` (also `x=-1e3..1e3`) -> ['x', {lo, hi}]; `y={0,1}` -> a discrete variable. */
export function parseVarRange(text: string): [string, Range] {
  const set = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\{(.*)\}\s*$/.exec(text);
  if (set) {
    const values = [...new Set(set[2]!.split(',').filter((s) => s.trim() !== '').map((s) => parseBound(s, text)))].sort((a, b) => a - b);
    if (!values.length || !values.every(Number.isFinite)) throw new UserError(`--var '${text}': expected NAME={V1,V2,...} with finite values, e.g. y={0,1}`);
    return [set[1]!, { lo: values[0]!, hi: values[values.length - 1]!, values }];
  }
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*(?::|\.\.)\s*(.+?)\s*$/.exec(text);
  if (!m) throw new UserError(`--var '${text}': expected NAME=LO:HI, e.g. x=-1000:1000, or NAME={V1,V2,...} for labels`);
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
export function effectiveRange(range: Range | undefined, format: FloatFormat, name = 'x'): Range {
  const max = FORMAT_LIMITS[format].max;
  if (!range) return { lo: -max, hi: max };
  if (range.values) {
    const values = [...new Set(range.values.map(roundTo(format)))].filter((v) => Math.abs(v) <= max);
    if (!values.length) throw new UserError(`${name}: none of its values is a finite ${format}`);
    return { lo: values[0]!, hi: values[values.length - 1]!, values };
  }
  if (range.lo > max || range.hi < -max) {
    throw new UserError(`${name} in [${range.lo}, ${range.hi}] lies entirely beyond the largest finite ${format} (${floatText(max, format)}): no ${format} input is there`,
      undefined, format === 'float32' ? 'scan float64 only (-p float64), or narrow the range' : 'narrow the range');
  }
  // Inputs are floats of the format: the range's ends rounded inward, and what lies beyond the format clamped to it.
  const lo = Math.max(-max, roundInward(range.lo, format, 1));
  const hi = Math.min(max, roundInward(range.hi, format, -1));
  if (lo > hi) throw new UserError(`${name} in [${range.lo}, ${range.hi}] holds no ${format} value`, undefined, 'widen the range');
  return { lo, hi };
}

/** The float of the format nearest to x on the side `toward` (+1 up, -1 down) when x itself is not one. */
function roundInward(x: number, format: FloatFormat, toward: 1 | -1): number {
  if (!Number.isFinite(x) || format === 'float64') return x;
  const r = Math.fround(x);
  if (r === x || !Number.isFinite(r)) return r;
  return (toward > 0 ? r < x : r > x) ? (toward > 0 ? nextUp(r, format) : nextDown(r, format)) : r;
}
