import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { FORMAT_LIMITS } from '../base/float-format.js';
import { OPS } from '../graph/ops.js';
import { nextDown, nextUp } from '../base/float-format.js';
import type { Range } from './ranges.js';

/** Points where behaviour is likely to change: zero, the format's extremes, and the thresholds of the ops present. */
export function specialPoints(graph: Graph, format: FloatFormat): number[] {
  const f = FORMAT_LIMITS[format];
  const base = [0, f.minSubnormal, f.minNormal, f.max, 1, 0.5, 2];
  for (const node of graph.nodes) {
    if (node.pass !== 'forward') continue;
    base.push(...(OPS[node.op].thresholds?.(f) ?? []));
    if (node.op === 'const' && Number.isFinite(node.value) && node.value !== 0) base.push(node.value!);
  }
  const round = format === 'float32' ? Math.fround : (x: number) => x;
  const out: number[] = [];
  for (const t of base) {
    const r = round(Math.abs(t));
    if (!Number.isFinite(r)) continue;
    for (const v of [r, -r]) out.push(v, nextUp(v, format), nextDown(v, format));
  }
  return out.filter((v) => Number.isFinite(v));
}

/**
 * Magnitudes log-uniform between the smallest subnormal and the range's largest magnitude, on the signs the range
 * allows; when the user gave a range, half the samples are linear in it so its middle is covered too.
 */
export function randomPoints(range: Range, given: boolean, count: number, format: FloatFormat, rng: () => number): number[] {
  const f = FORMAT_LIMITS[format];
  const round = format === 'float32' ? Math.fround : (x: number) => x;
  const out: number[] = [];
  const linear = given ? Math.floor(count / 2) : 0;
  for (let i = 0; i < linear; i++) out.push(round(range.lo + (range.hi - range.lo) * rng()));
  const neg = range.lo < 0;
  const pos = range.hi > 0;
  const lowMag = range.lo > 0 ? range.lo : range.hi < 0 ? -range.hi : f.minSubnormal;
  const highMag = Math.max(Math.abs(range.lo), Math.abs(range.hi));
  const l0 = Math.log(lowMag);
  const l1 = Math.log(highMag);
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const mag = Math.exp(l0 + (l1 - l0) * rng());
    const sign = neg && pos ? (rng() < 0.5 ? -1 : 1) : neg ? -1 : 1;
    const v = round(sign * mag);
    if (v >= range.lo && v <= range.hi && Number.isFinite(v)) out.push(v);
  }
  return out;
}

/** Sorted, without duplicates (+0 and -0 both kept once, as +0). */
export function uniqueSorted(values: number[]): number[] {
  const sorted = values.map((v) => (v === 0 ? 0 : v)).sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}
