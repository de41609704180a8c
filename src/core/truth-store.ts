import { forVariables, type PointTruth, type Truth } from '../backends/truth.js';
import type { FloatFormat } from '../base/float-format.js';
import type { FrameworkId } from '../graph/frameworks/index.js';
import { packTruth, quantityCount, unpackTruth, type TruthValue } from '../backends/truth-pool-packed.js';

/** A point's identity in a store: the number itself for one variable (0 and -0 alike), else the coordinates joined. */
export type PointKey = number | string;

export function pointKey(vars: readonly string[], p: Record<string, number>): PointKey {
  return vars.length === 1 ? p[vars[0]!]! : vars.map((v) => p[v]).join(',');
}

/**
 * The certified truths of one expression in one format (for one list of variables), by point, in typed arrays: a kind
 * byte and a value per quantity (the value, then the gradient). The words (decimal digits, reasons) of the few truths a
 * report shows are computed on demand and kept. A scan of 10^6 samples stores 9 bytes per quantity and sample.
 */
export class TruthStore {
  private readonly quantities: number;
  private kinds = new Uint8Array(0);
  private values = new Float64Array(0);
  private size = 0;
  /** The first rows' points when a scan's distinct sorted samples opened the store (found by binary search). */
  private sorted: Float64Array | undefined;
  /** The other rows by point (bisection probes, a fix proof's new points): few. */
  private readonly index = new Map<PointKey, number>();
  private readonly complete = new Map<number, PointTruth>();

  constructor(
    readonly vars: readonly string[],
    /** The complete truth at a point, computed in this thread (bisection probes, the words of a shown truth). */
    private readonly compute: (p: Record<string, number>) => PointTruth,
    /** What the truths are of, so that another thread can continue the store (see snapshot). */
    readonly origin: TruthOrigin,
  ) {
    this.quantities = quantityCount(vars);
  }

  get empty(): boolean {
    return this.size === 0;
  }

  /** The row of a point already certified, if any. */
  rowOf(key: PointKey): number | undefined {
    const xs = this.sorted;
    if (xs && typeof key === 'number') {
      let lo = 0;
      let hi = xs.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const x = xs[mid]!;
        if (x === key) return mid;
        if (x < key) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return this.index.get(key);
  }

  /** Room for `rows` rows more (one allocation when a scan's truths arrive in chunks). */
  reserve(rows: number): void {
    const need = (this.size + rows) * this.quantities;
    if (need <= this.kinds.length) return;
    const kinds = new Uint8Array(Math.max(need, this.kinds.length + (this.kinds.length >> 2) + 64 * this.quantities));
    const values = new Float64Array(kinds.length);
    kinds.set(this.kinds.subarray(0, this.size * this.quantities));
    values.set(this.values.subarray(0, this.size * this.quantities));
    this.kinds = kinds;
    this.values = values;
  }

  /** The row for a point: its own when it is certified already, else a new one to `fill` or `certify`. */
  claim(key: PointKey): { row: number; fresh: boolean } {
    const known = this.rowOf(key);
    if (known !== undefined) return { row: known, fresh: false };
    this.reserve(1);
    this.remember(key);
    return { row: this.size - 1, fresh: true };
  }

  /** Rows 0.. for a new store's distinct samples of one variable, ascending (kept as given, not copied): no map. */
  claimSorted(xs: Float64Array): number {
    if (this.size > 0) throw new Error('claimSorted: only for a new store');
    // room for the scan's bisection probes too: growing a 10^6-row store later would copy ~20 MB per format
    this.reserve(xs.length + PROBE_ROOM);
    this.sorted = xs;
    this.size = xs.length;
    return 0;
  }

  /** Writes packed rows (as the pool returns them) from `firstRow` on. */
  fill(firstRow: number, kinds: Uint8Array, values: Float64Array): void {
    this.kinds.set(kinds, firstRow * this.quantities);
    this.values.set(values, firstRow * this.quantities);
  }

  /** Certifies a claimed row's point in this thread (and keeps its words). */
  certify(row: number, p: Record<string, number>): void {
    const t = forVariables(this.compute(p), this.vars);
    packTruth(t, this.vars, this.kinds, this.values, row);
    this.complete.set(row, t);
  }

  /** The row of a point, certifying it in this thread when it is new. */
  rowAt(p: Record<string, number>): number {
    const { row, fresh } = this.claim(pointKey(this.vars, p));
    if (fresh) this.certify(row, p);
    return row;
  }

  /** Quantity k (0: value, 1 + j: d/dvars[j]) at a row, without words: what judging needs. */
  value(row: number, k: number): TruthValue {
    return unpackTruth(this.kinds, this.values, this.quantities, row, k);
  }

  /** Quantity k at a row with its words (decimal digits, reason), computed once at the row's point when not kept. */
  full(row: number, p: Record<string, number>, k: number): Truth {
    let t = this.complete.get(row);
    if (!t) {
      t = forVariables(this.compute(p), this.vars);
      this.complete.set(row, t);
    }
    return k === 0 ? t.value : t.grad[this.vars[k - 1]!]!;
  }

  /** The store as plain data (copies), for another thread to continue with `TruthStore.restore`. */
  snapshot(): StoreSnapshot {
    const used = this.size * this.quantities;
    return {
      vars: [...this.vars], origin: this.origin, size: this.size, kinds: this.kinds.slice(0, used), values: this.values.slice(0, used),
      sorted: this.sorted, index: [...this.index], complete: [...this.complete],
    };
  }

  /** A store continuing a snapshot: the same rows, points and words; new points certified with `compute`. */
  static restore(s: StoreSnapshot, compute: (p: Record<string, number>) => PointTruth): TruthStore {
    const store = new TruthStore(s.vars, compute, s.origin);
    store.kinds = s.kinds;
    store.values = s.values;
    store.size = s.size;
    store.sorted = s.sorted;
    for (const [key, row] of s.index) store.index.set(key, row);
    for (const [row, t] of s.complete) store.complete.set(row, t);
    return store;
  }

  private remember(key: PointKey): void {
    this.index.set(key, this.size);
    this.size++;
  }
}

/** The expression, format and digit cap a store's truths are of. */
export interface TruthOrigin {
  source: string;
  file?: string;
  framework?: FrameworkId;
  format: FloatFormat;
  maxDigits: number;
}

/** A store as plain, structured-clonable data (TruthStore.snapshot). */
export interface StoreSnapshot {
  vars: string[];
  origin: TruthOrigin;
  size: number;
  kinds: Uint8Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
  sorted?: Float64Array;
  index: [PointKey, number][];
  complete: [number, PointTruth][];
}

/** Rows a new store keeps free after a scan's samples, for the points its bisections certify. */
const PROBE_ROOM = 4096;

/** The stores of one command run by format, digit cap, expression and variables; passed along, never module state. */
export type TruthCache = Map<string, TruthStore>;
