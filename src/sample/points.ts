import { userRecord } from '../base/record.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { effectiveRange, type Range } from './ranges.js';
import { createRng } from './rng.js';
import { randomPoints, specialPoints, uniqueSorted } from './strategies.js';

export interface SampleSet {
  vars: string[];
  /** One column per variable, all of the same length; for one variable, sorted ascending. */
  columns: Record<string, Float64Array>;
  size: number;
}

/**
 * The sample points for one format: per variable, special points (zero, extremes, op thresholds of every graph given)
 * inside its range plus seeded random points up to `perVar`. One variable: the sorted set. Several: perVar points per
 * variable, each coordinate drawn independently, special values mixed in at random rows.
 */
export function samplePoints(graphs: Graph[], vars: string[], format: FloatFormat, ranges: Record<string, Range>, perVar: number, seed: number): SampleSet {
  const rng = createRng(seed ^ (format === 'float32' ? 0x3232 : 0x6464));
  const specials = uniqueSorted(graphs.flatMap((g) => specialPoints(g, format)));
  const inRange = (r: Range) => specials.filter((v) => v >= r.lo && v <= r.hi);
  if (vars.length <= 1) {
    const name = vars[0] ?? 'x';
    const given = Object.hasOwn(ranges, name) ? ranges[name] : undefined;
    const r = effectiveRange(given, format, name);
    let points = uniqueSorted([...inRange(r), r.lo, r.hi]);
    // top up with random points until perVar distinct ones (a narrow float32 range may hold fewer floats)
    for (let round = 0; points.length < perVar && round < 8; round++) {
      points = uniqueSorted([...points, ...randomPoints(r, given !== undefined, perVar - points.length, format, rng)]);
    }
    const column = Float64Array.from(points);
    return { vars, columns: vars.length ? { [name]: column } : {}, size: vars.length ? column.length : 1 };
  }
  const size = perVar * vars.length;
  const columns: Record<string, Float64Array> = userRecord();
  for (const v of vars) {
    const given = Object.hasOwn(ranges, v) ? ranges[v] : undefined;
    const r = effectiveRange(given, format, v);
    const fixed = inRange(r);
    const random = randomPoints(r, given !== undefined, size, format, rng);
    const col = new Float64Array(size);
    for (let i = 0; i < size; i++) col[i] = rng() < 0.1 && fixed.length ? fixed[Math.floor(rng() * fixed.length)]! : random[i % random.length]!;
    columns[v] = col;
  }
  return { vars, columns, size };
}

export function pointAt(set: SampleSet, i: number): Record<string, number> {
  const p: Record<string, number> = userRecord();
  for (const v of set.vars) p[v] = set.columns[v]![i]!;
  return p;
}
