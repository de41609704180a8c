import { userRecord } from '../base/record.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { effectiveRange, type Range } from './ranges.js';
import { FORMAT_LIMITS } from '../base/float-format.js';
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
    if (r.values) {
      const column = Float64Array.from(r.values);
      return { vars, columns: { [name]: column }, size: column.length };
    }
    let points = uniqueSorted([...inRange(r), r.lo, r.hi]);
    // top up with random points until perVar distinct ones (a narrow float32 range may hold fewer floats)
    for (let round = 0; points.length < perVar && round < 8; round++) {
      points = uniqueSorted([...points, ...randomPoints(r, given !== undefined, perVar - points.length, format, rng)]);
    }
    const column = Float64Array.from(points);
    return { vars, columns: vars.length ? { [name]: column } : {}, size: vars.length ? column.length : 1 };
  }
  const size = perVar * vars.length;
  const effective = vars.map((v) => effectiveRange(Object.hasOwn(ranges, v) ? ranges[v] : undefined, format, v));
  // Corners first: every combination of each variable's edge values (its range's ends, 0, +-1, the smallest normal
  // and subnormal; a discrete variable's values), where losses break (a cross-entropy at (p, y) = (0, 0)).
  const corners = cornerRows(effective.map((r) => r.values ?? edgeValues(r, format)), Math.min(size, CORNER_ROWS), rng);
  const columns: Record<string, Float64Array> = userRecord();
  vars.forEach((v, k) => {
    const r = effective[k]!;
    const given = Object.hasOwn(ranges, v);
    const fixed = r.values ?? inRange(r);
    const random = r.values ? [] : randomPoints(r, given, size, format, rng);
    const col = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      if (i < corners.length) col[i] = corners[i]![k]!;
      else if (r.values || (rng() < 0.1 && fixed.length)) col[i] = fixed[Math.floor(rng() * fixed.length)]!;
      else col[i] = random[i % random.length]!;
    }
    columns[v] = col;
  });
  return { vars, columns, size };
}

/** At most this many corner rows; beyond it a seeded choice of the combinations. */
const CORNER_ROWS = 1024;

/** A variable's edge values inside its range: the ends, 0, +-1, +-smallest normal, +-smallest subnormal. */
function edgeValues(r: Range, format: FloatFormat): number[] {
  const f = FORMAT_LIMITS[format];
  return uniqueSorted([r.lo, r.hi, 0, 1, -1, f.minNormal, -f.minNormal, f.minSubnormal, -f.minSubnormal].filter((v) => v >= r.lo && v <= r.hi));
}

/** Every combination of the per-variable values (in order), or a seeded sample of `cap` of them when there are more. */
function cornerRows(values: number[][], cap: number, rng: () => number): number[][] {
  const total = values.reduce((n, vs) => n * vs.length, 1);
  const row = (index: number) => {
    const out: number[] = [];
    for (const vs of values) {
      out.push(vs[index % vs.length]!);
      index = Math.floor(index / vs.length);
    }
    return out;
  };
  if (total <= cap) return Array.from({ length: total }, (_, i) => row(i));
  const picked = new Set<number>();
  while (picked.size < cap) picked.add(Math.floor(rng() * total));
  return [...picked].sort((a, b) => a - b).map(row);
}

export function pointAt(set: SampleSet, i: number): Record<string, number> {
  const p: Record<string, number> = userRecord();
  for (const v of set.vars) p[v] = set.columns[v]![i]!;
  return p;
}
