import type { ScanOptions } from '../core/types.js';
import type { FloatFormat } from '../base/float-format.js';
import type { Target } from '../graph/graph.js';
import type { FormResult } from '../core/types.js';
import type { Region } from '../detect/types.js';
import type { FrameworkId } from '../graph/frameworks/types.js';
import type { FixLine } from '../repair/attach.js';

/** What a check tolerates: nan/inf true = allowed; maxUlps absent = no limit. */
export interface Limits {
  nan: boolean;
  inf: boolean;
  maxUlps: { value?: number; gradient?: number };
  /** The absolute tolerance the scan judged with, per precision (absent: not recorded). */
  atol?: Partial<Record<'float32' | 'float64', number>>;
}

export type ViolationKind = 'nan' | 'inf' | 'ulps';

/** A range of characters in a file: 1-based lines and columns, endColumn exclusive (as in SARIF). */
export interface SourceLocation {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export type BaselineStatus =
  /** In the baseline and no worse: reported, does not fail. */
  | { status: 'known' }
  | { status: 'new' }
  | { status: 'worse'; detail: string };

/** One reason a check fails, for one precision and target. */
export interface Violation {
  kind: ViolationKind;
  precision: FloatFormat;
  target: Target;
  samples: number;
  /** nan, inf: samples with that result; ulps: samples beyond the scan's ULP tolerance (may be 0 when the worst is a single point). */
  count: number;
  /** ulps: the largest error among finite results, and the limit it broke. */
  ulps?: number;
  limit?: number;
  /** Where the worst error was measured (ulps), or null. */
  at: Record<string, number> | null;
  /** The region of this outcome with the most samples (with its root cause), or null when the scan found none. */
  region: Region | null;
  /** How many regions of this outcome there are. */
  regionCount: number;
  /** The root cause's characters in the file the user edits (the expression file or the config's expr string). */
  location: SourceLocation | null;
  /** Set when a baseline was compared against. */
  baseline?: BaselineStatus;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  /** The whole expression: where annotations point when a violation has no root-cause span. */
  exprLocation: SourceLocation;
  limits: Limits;
  /** The framework whose rules and kernels the results are for, and the version its model was checked against. */
  framework: { id: FrameworkId; name: string; version: string };
  /** The options the check's scan ran with (ranges, tolerances), for reports that redraw it (HTML). */
  options?: ScanOptions;
  /** The scanned form with only the checked precisions and targets. */
  form: FormResult;
  violations: Violation[];
  /** A failing check's cheapest proved fix, or why there is none (absent with --no-fix or when the check passed). */
  fix?: FixLine;
  elapsedMs: number;
}

export interface CheckRun {
  schemaVersion: 1;
  command: 'check';
  tool: { name: string; version: string };
  /** The config file, relative to the working directory. */
  config: string;
  baseline: { file: string; updated: boolean } | null;
  passed: boolean;
  checks: CheckResult[];
  elapsedMs: number;
}

/** A violation fails the run unless the baseline knows it. */
export function isFailing(v: Violation): boolean {
  return v.baseline?.status !== 'known';
}
