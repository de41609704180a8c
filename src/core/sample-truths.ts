import { groundTruth } from '../backends/truth/index.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { pointAt, type SampleSet } from '../sample/points.js';
import { pointKey, TruthStore, type StoreSnapshot, type TruthCache } from './truth-store.js';
import { compile } from '../graph/compile.js';

/** The store of an expression's truths in a format, for a form's variables (created on first use). */
export function storeOf(cache: TruthCache, truthGraph: Graph, vars: readonly string[], format: FloatFormat, maxDigits: number): TruthStore {
  const key = `${format}|${maxDigits}|${truthGraph.source}|${vars.join(',')}`;
  let store = cache.get(key);
  if (!store) {
    const origin = { source: truthGraph.source, ...(truthGraph.file === undefined ? {} : { file: truthGraph.file }), ...(truthGraph.framework === undefined ? {} : { framework: truthGraph.framework }), format, maxDigits };
    cache.set(key, (store = new TruthStore(vars, (p) => groundTruth(truthGraph, p, format, { maxDigits }), origin)));
  }
  return store;
}

/** A truth cache as plain data, for another thread. */
export function snapshotCache(cache: TruthCache): [string, StoreSnapshot][] {
  return [...cache].map(([key, s]) => [key, s.snapshot()]);
}

/** A truth cache continuing a snapshot: each store certifies new points from its origin's expression, compiled on first use. */
export function restoreCache(snapshot: [string, StoreSnapshot][]): TruthCache {
  return new Map(snapshot.map(([key, s]) => {
    const o = s.origin;
    let graph: Graph | undefined;
    return [key, TruthStore.restore(s, (p) => groundTruth((graph ??= compile(o.source, o.file, o.framework === undefined ? {} : { framework: o.framework })), p, o.format, { maxDigits: o.maxDigits }))];
  }));
}

/** Each sample's row in its store, and the points new to the store (rows first .. first + count - 1), to certify. */
export interface ClaimedSamples {
  rows: Int32Array;
  first: number;
  count: number;
  /** The new points' coordinates, one column per variable of the set. */
  columns: Float64Array[];
}

/**
 * Claims a row per sample: the point's own when the store has it (an earlier scan of the same command), else a new
 * one, left for the caller to certify (on the pool, or `certifyInThread`). A new store takes one variable's sorted
 * distinct samples as they are (a 10^6-sample scan builds no map of its points).
 */
export function claimSamples(store: TruthStore, set: SampleSet): ClaimedSamples {
  const n = set.size;
  const cols = set.vars.map((v) => set.columns[v]!);
  if (store.empty && set.vars.length === 1) {
    const first = store.claimSorted(cols[0]!);
    return { rows: Int32Array.from({ length: n }, (_, i) => first + i), first, count: n, columns: cols };
  }
  const rows = new Int32Array(n);
  const fresh: number[] = [];
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = store.claim(pointKey(set.vars, pointAt(set, i)));
    rows[i] = c.row;
    if (!c.fresh) continue;
    if (first < 0) first = c.row;
    fresh.push(i);
  }
  return { rows, first: Math.max(first, 0), count: fresh.length, columns: cols.map((col) => Float64Array.from(fresh, (i) => col[i]!)) };
}

/** Certifies the claimed new points in this thread (no pool, or the pool failed). */
export function certifyInThread(store: TruthStore, vars: readonly string[], claimed: ClaimedSamples): void {
  for (let r = 0; r < claimed.count; r++) {
    const p: Record<string, number> = Object.create(null);
    vars.forEach((v, k) => (p[v] = claimed.columns[k]![r]!));
    store.certify(claimed.first + r, p);
  }
}
