import type { FloatFormat } from '../base/float-format.js';
import type { TargetResult } from '../detect/types.js';
import type { FrameworkId } from '../graph/frameworks/types.js';
import type { Range } from '../sample/ranges.js';

/** Every sample of one result, in sample order (one variable: ascending x): what pictures are drawn from. */
export interface Series {
  at: Record<string, number[]>;
  result: number[];
  outcome: Array<'ok' | 'inaccurate' | 'nan' | 'inf' | 'unknown'>;
  /** log2(1 + ULPs); every bit for NaN/inf where the truth is finite; NaN where the truth is not certified. */
  bits: number[];
}

export interface FormResult {
  name: string;
  expr: string;
  reference: string | null;
  vars: string[];
  results: Array<TargetResult & { series?: Series }>;
}

export interface VarRange {
  lo: number;
  hi: number;
  /** The user gave it (--var), or it is the whole finite range of the precision. */
  given: boolean;
}

export interface ScanOptions {
  samples: number;
  seed: number;
  precisions: FloatFormat[];
  ranges: Record<string, Range>;
  /** A finite result further than this from the truth is "inaccurate". */
  ulpTolerance: number;
  /** ...and further than this in absolute terms (per format; 0: ULPs alone decide). */
  atol: Record<FloatFormat, number>;
  /** Cancellation events are reported from this many bits lost (per precision). */
  cancellationBits: Record<FloatFormat, number>;
  /** The ground truth gives up ("unknown") beyond this many significant digits. */
  maxDigits: number;
  /** Whose gradient rules and forward kernels produce the float results (tf, torch, jax, tfjs). */
  framework: FrameworkId;
}

export interface ScanReport {
  schemaVersion: 1;
  command: 'scan';
  tool: { name: string; version: string };
  options: ScanOptions;
  /** Who computed the float32 results that were judged, and the TF.js that cross-checked them. */
  backend?: {
    float32: 'emulated' | 'tfjs';
    tfjs?: { backend: string; versions: Record<string, string | undefined>; fallbackReason?: string };
    /** Why TF.js did not cross-check (it is compared with the tfjs model only). */
    skipped?: string;
  };
  /** The framework the results are for, and the version its model was checked against. */
  framework: { id: FrameworkId; name: string; version: string };
  forms: FormResult[];
  /** Wall time in milliseconds. */
  elapsedMs: number;
}
