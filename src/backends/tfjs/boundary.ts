import { userRecord } from '../../base/record.js';
/**
 * Region boundaries as TF.js sees them: between neighbouring sorted samples whose TF.js result
 * differs in class, bisect over the ordered float32 values to the two adjacent floats where the
 * class changes (one TF.js evaluation of a batch of 1 per step).
 */
import type { Graph, Target } from '../../graph/graph.js';
import { evaluateTfjs } from './evaluate.js';
import { firstChange } from '../../base/float-format.js';
import { nextDown } from '../../base/float-format.js';
import { classify, type FloatClass } from './float32.js';
import type { TfjsRuntime } from './load.js';

export interface TfjsBoundary {
  var: string;
  target: Target;
  /** Adjacent float32 values: lo is the last of class `below`, hi the first of class `above`. */
  lo: number;
  hi: number;
  below: FloatClass;
  above: FloatClass;
}

/**
 * `samples`: values of `variable`, sorted ascending (float32); other variables are held at `fixed`.
 * Between two neighbours of different class the first change of class is found; a third class
 * hidden between two samples of the same class is not (sample density decides that).
 */
export function tfjsBoundaries(
  rt: TfjsRuntime,
  graph: Graph,
  variable: string,
  samples: ArrayLike<number>,
  target: Target = `grad:${variable}`,
  fixed: Record<string, number> = {},
): TfjsBoundary[] {
  const classAt = (xs: Float32Array): FloatClass[] => {
    const inputs: Record<string, Float32Array> = userRecord();
    for (const v of graph.vars) inputs[v] = v === variable ? xs : new Float32Array(xs.length).fill(fixed[v] ?? 0);
    const r = evaluateTfjs(rt, graph, inputs);
    const out = target === 'value' ? r.value : r.grads[target.slice(5)]!;
    return Array.from(out, classify);
  };
  const xs = Float32Array.from(samples);
  const classes = classAt(xs);
  const found: TfjsBoundary[] = [];
  for (let i = 1; i < xs.length; i++) {
    if (classes[i] === classes[i - 1] || !(xs[i - 1]! < xs[i]!)) continue;
    const below = classes[i - 1]!;
    const hi = firstChange(xs[i - 1]!, xs[i]!, 'float32', (x) => classAt(Float32Array.of(x))[0] !== below);
    const above = classAt(Float32Array.of(hi))[0]!;
    found.push({ var: variable, target, lo: nextDown(hi, 'float32'), hi, below, above });
  }
  return found;
}

/** For each boundary with NaN on one side, the NaN-side float: where TF.js's result goes NaN. */
export function nanEdges(boundaries: readonly TfjsBoundary[]): number[] {
  return boundaries.flatMap((b) => (b.above === 'nan' ? [b.hi] : b.below === 'nan' ? [b.lo] : []));
}
