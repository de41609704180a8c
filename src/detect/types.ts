import type { FloatFormat } from '../base/float-format.js';
import type { TfjsComparison } from '../backends/tfjs/compare.js';
import type { Truth } from '../backends/truth.js';
import type { Pass, Target } from '../graph/graph.js';
import type { HazardKind } from '../vocab/hazards.js';
import type { OpName } from '../vocab/ops.js';
import type { Span } from '../base/span.js';


/** What one sample's result is, against the ground truth. */
export type Outcome = 'ok' | 'inaccurate' | 'nan' | 'inf' | 'unknown';

/** Something that happened at one op at one point. */
export interface HazardEvent {
  pass: Pass;
  op: OpName;
  node: number;
  hazard: HazardKind;
  span: Span;
  /** e.g. "0 * inf", "exp(100.5) = inf", "23.1 bits lost". */
  detail: string;
}

export interface Region {
  var: string;
  lo: number;
  hi: number;
  outcome: Outcome;
  /**
   * Several variables: the region's extent along every variable (var, lo and hi repeat the first). A point when
   * exact, else the bounding box of the samples with this outcome and cause.
   */
  box?: Record<string, { lo: number; hi: number }>;
  /** lo and hi are the first and last float of the outcome (bisected over ordered floats), not just samples. */
  exact: boolean;
  samples: number;
  /** The root cause: the first origin event on the path to the target (null when none was found). */
  hazard: HazardKind | null;
  pass: Pass | null;
  op: OpName | null;
  span: Span | null;
  /** Origin events from the root cause to the target, in evaluation order. */
  chain: HazardEvent[];
  /** A representative point of the region and what was computed and expected there. */
  at: Record<string, number>;
  result: number;
  truth: Truth;
  maxUlps: number;
}

export interface HazardCount {
  hazard: HazardKind;
  pass: Pass;
  op: OpName;
  node: number;
  span: Span;
  count: number;
  /** The first sample (in input order) where it happened. */
  at: Record<string, number>;
  /** For cancellation: the most bits lost. */
  maxBits?: number;
}

export interface TargetResult {
  precision: FloatFormat;
  target: Target;
  samples: number;
  nan: number;
  inf: number;
  /** Finite results whose truth could not be certified (not judged). */
  unknown: number;
  /** Finite results where the exact function (or derivative) is undefined, e.g. log of a negative (not judged). */
  undefined: number;
  inaccurate: number;
  maxUlps: number;
  maxBits: number;
  medianBits: number;
  /** The sample with the largest error among finite results with a certified truth. */
  worst: { at: Record<string, number>; result: number; truth: number; ulps: number } | null;
  regions: Region[];
  hazards: HazardCount[];
  /** float32 only, with --backend tfjs or both: TF.js's results against the emulator's. */
  tfjs?: TfjsComparison & {
    /** Each float where TF.js's result turns NaN (the NaN side of a class boundary), bisected over float32. */
    nanEdges: number[];
  };
}
