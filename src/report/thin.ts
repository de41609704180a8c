import { floorOf, symlog } from './symlog.js';

/** One target's samples, in the order of the precision's sample set. */
export interface ThinTarget { result: readonly number[]; outcome: readonly string[]; bits: readonly number[] }

const nonFinite = (o: string | undefined) => o === 'nan' || o === 'inf';

/**
 * The samples a plot against x keeps (indices sorted by x): every NaN/inf boundary (the samples on both sides of a
 * change into or out of NaN or inf, so every shaded band starts and ends where it did), the first and last sample, each
 * target's extremes (smallest and largest finite result, most and fewest bits of error), and per bucket of the signed
 * log x axis (`buckets` of equal width, about a pixel each) the same four extremes: a line through the kept points
 * covers the same vertical range in every bucket as one through all of them.
 */
export function thinByX(xs: readonly number[], targets: readonly ThinTarget[], buckets: number): number[] {
  const order = xs.map((_x, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  if (order.length <= 4 * buckets) return order;
  const keep = new Set<number>([order[0]!, order.at(-1)!]);
  for (const t of targets) {
    for (let k = 1; k < order.length; k++) {
      const a = t.outcome[order[k - 1]!], b = t.outcome[order[k]!];
      if (a !== b && (nonFinite(a) || nonFinite(b))) keep.add(order[k - 1]!).add(order[k]!);
    }
  }
  const floor = floorOf(xs);
  const ts = xs.map((x) => symlog(x, floor));
  const lo = ts[order[0]!]!, hi = ts[order.at(-1)!]!;
  const bucketOf = (i: number) => Math.min(buckets - 1, Math.floor(((ts[i]! - lo) / (hi - lo || 1)) * buckets));
  const groups: number[][] = Array.from({ length: buckets }, () => []);
  for (const i of order) groups[bucketOf(i)]!.push(i);
  for (const group of [order, ...groups]) {
    for (const t of targets) {
      for (const series of [t.result, t.bits]) {
        let min = -1, max = -1;
        for (const i of group) {
          const y = series[i]!;
          if (!Number.isFinite(y)) continue;
          if (min < 0 || y < series[min]!) min = i;
          if (max < 0 || y > series[max]!) max = i;
        }
        if (min >= 0) keep.add(min).add(max);
      }
    }
  }
  return order.filter((i) => keep.has(i));
}

const RANK: Record<string, number> = { ok: 0, unknown: 1, inaccurate: 2, inf: 3, nan: 4 };

/** The signed log axes of a heatmap: each variable's floor and extent over every precision's samples. */
export interface Frame { fx: number; fy: number; x: readonly [number, number]; y: readonly [number, number] }

export function frameOf(xs: readonly number[], ys: readonly number[]): Frame {
  const fx = floorOf(xs), fy = floorOf(ys);
  const extent = (vs: readonly number[], floor: number) => {
    let lo = Infinity, hi = -Infinity;
    for (const v of vs) { const t = symlog(v, floor); lo = Math.min(lo, t); hi = Math.max(hi, t); }
    return [lo, hi] as const;
  };
  return { fx, fy, x: extent(xs, fx), y: extent(ys, fy) };
}

/**
 * The samples a heatmap of two variables keeps: per cell of a `cells` x `cells` grid on the frame's signed log axes
 * (the browser's grid, of `cells / 2` per side, nests in it) the sample with the worst outcome over the targets, and
 * the samples that fix the axes (each variable's smallest and largest value and smallest nonzero magnitude).
 */
export function thinByCell(xs: readonly number[], ys: readonly number[], outcomes: ReadonlyArray<readonly string[]>, cells: number, frame: Frame): number[] {
  if (xs.length <= cells * cells) return xs.map((_x, i) => i);
  const tx = xs.map((x) => symlog(x, frame.fx)), ty = ys.map((y) => symlog(y, frame.fy));
  const keep = new Set<number>();
  for (const [vs, ts] of [[xs, tx], [ys, ty]] as const) {
    let min = 0, max = 0, tiny = -1;
    for (let i = 0; i < vs.length; i++) {
      if (ts[i]! < ts[min]!) min = i;
      if (ts[i]! > ts[max]!) max = i;
      if (vs[i] !== 0 && Number.isFinite(vs[i]!) && (tiny < 0 || Math.abs(vs[i]!) < Math.abs(vs[tiny]!))) tiny = i;
    }
    keep.add(min).add(max);
    if (tiny >= 0) keep.add(tiny);
  }
  const cell = (t: number, [lo, hi]: readonly [number, number]) => Math.min(cells - 1, Math.floor(((t - lo) / (hi - lo || 1)) * cells));
  const worst = new Map<number, number>();
  const rank = (i: number) => Math.max(...outcomes.map((o) => RANK[o[i]!] ?? 0));
  for (let i = 0; i < xs.length; i++) {
    const k = cell(ty[i]!, frame.y) * cells + cell(tx[i]!, frame.x);
    const held = worst.get(k);
    if (held === undefined || rank(i) > rank(held)) worst.set(k, i);
  }
  for (const i of worst.values()) keep.add(i);
  return [...keep].sort((a, b) => a - b);
}
