import type { FloatArray } from '../backends/float.js';
import { FORMAT_LIMITS, type FloatFormat } from '../base/float-format.js';
import type { Graph } from '../graph/graph.js';
import { OPS } from '../graph/ops.js';
import type { HazardKind } from '../vocab/hazards.js';
import { describe, type Detector, type RuleContext } from './detector.js';
import { SEED } from '../graph/grads/backprop.js';

/** One hazard at one op and point: its kind, and for cancellation the bits lost. */
export interface DetectedEvent { hazard: HazardKind; bits?: number }

/**
 * Every hazard at every op and point, in typed arrays: per op that had any, one byte per sample (0: none, else the
 * detector's index + 1) and, for cancellation, the bits lost (NaN where none). Words ("exp(100.5) = inf") are made only on demand,
 * for the few events a report shows. A scan of 10^6 samples stores a byte per op and sample that had a hazard.
 */
export class EventTable {
  private readonly codes = new Map<number, Uint8Array>();
  private readonly bitsOf = new Map<number, Float64Array>();
  /** 1 for the nodes whose value is built on the gradient's seed (see RuleContext.carriesDy). */
  private readonly dy: Uint8Array;

  constructor(
    readonly graph: Graph,
    private readonly values: FloatArray[],
    readonly format: FloatFormat,
    private readonly detectors: readonly Detector[],
    /** Where each backward value is a zero from where's mask (maskedZeroOf over the same values). */
    readonly maskedZero: (id: number) => Uint8Array,
    private readonly cancellationBits: number,
    readonly size: number,
  ) {
    this.dy = new Uint8Array(graph.nodes.length);
    for (const n of graph.nodes) {
      if (n.pass !== 'backward') continue;
      this.dy[n.id] = (n.op === 'const' && n.name === SEED) || n.inputs.some((k) => this.dy[k] === 1) ? 1 : 0;
    }
  }

  record(node: number, i: number, detector: number, bits?: number): void {
    let codes = this.codes.get(node);
    if (!codes) this.codes.set(node, (codes = new Uint8Array(this.size)));
    codes[i] = detector + 1;
    if (bits !== undefined) {
      let b = this.bitsOf.get(node);
      if (!b) this.bitsOf.set(node, (b = new Float64Array(this.size).fill(NaN)));
      b[i] = bits;
    }
  }

  /** The event at op `node` and point i, if any. */
  at(node: number, i: number): DetectedEvent | undefined {
    const code = this.codes.get(node)?.[i];
    if (!code) return undefined;
    const hazard = this.detectors[code - 1]!.meta.id;
    const bits = this.bitsOf.get(node)?.[i];
    return bits === undefined || Number.isNaN(bits) ? { hazard } : { hazard, bits };
  }

  /** The hazard at op `node` and point i, if any (at() without an object: for per-sample walks). */
  hazardAt(node: number, i: number): HazardKind | undefined {
    const code = this.codes.get(node)?.[i];
    return code ? this.detectors[code - 1]!.meta.id : undefined;
  }

  /** The ops that had any event, in node order. */
  nodes(): number[] {
    return [...this.codes.keys()].sort((a, b) => a - b);
  }

  /** Every point of op `node` with an event, as (i, hazard, bits). */
  forEach(node: number, visit: (i: number, hazard: HazardKind, bits: number | undefined) => void): void {
    const codes = this.codes.get(node);
    if (!codes) return;
    const bits = this.bitsOf.get(node);
    for (let i = 0; i < codes.length; i++) {
      if (!codes[i]) continue;
      const b = bits?.[i];
      visit(i, this.detectors[codes[i]! - 1]!.meta.id, b === undefined || Number.isNaN(b) ? undefined : b);
    }
  }

  /** The event at (node, i) in words, e.g. "exp(100.5) = inf" or "1 - 1: 24.0 bits lost". */
  detail(node: number, i: number): string {
    const code = this.codes.get(node)?.[i];
    if (!code) return '';
    const detector = this.detectors[code - 1]!;
    const ctx = this.context(node);
    return (detector.detail ?? describe)(ctx, i);
  }

  context(node: number): RuleContext {
    const n = this.graph.nodes[node]!;
    return {
      node: n, info: OPS[n.op], inputs: n.inputs.map((k) => this.values[k]!), out: this.values[node]!, format: this.format,
      limits: FORMAT_LIMITS[this.format], maskedZero: this.maskedZero, cancellationBits: this.cancellationBits,
      carriesDy: (id) => this.dy[id] === 1,
    };
  }
}
