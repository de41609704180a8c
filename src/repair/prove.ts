import { diagnoseParallel, type FormSpec, type ScanRuntime } from '../core/diagnose.js';
import type { ScanOptions } from '../core/types.js';
import type { TargetResult } from '../detect/types.js';
import { nextDown, nextUp } from '../base/float-format.js';
import { bandPoints, branchPoints } from './proof-points.js';

export interface Candidate {
  /** The form, in f-diagnose's language (re-scannable). */
  expr: string;
  /** How it was made: catalog entries, "double where", "series at 0 (degree n, |x| < t)". */
  steps: string[];
  why: string[];
  /** Where the form is a different function, said for the user (from the catalog). */
  changes?: string;
  ops: number;
}

export interface TargetCheck {
  precision: string;
  target: string;
  samples: number;
  nan: number;
  inf: number;
  inaccurate: number;
  unknown: number;
  maxUlps: number;
  /**
   * The largest error the scan counts: over the results farther than its atol from the exact value (default half
   * an ULP of 1: a subnormal that TF or JAX flush to zero, which no form can return, is within it). Infinite for a
   * NaN or inf where the exact result is finite. maxUlps keeps the raw figure over every sample.
   */
  maxUlpsJudged: number;
  /** Every finite result was within atol: maxUlpsJudged is the tolerance as a bound, not a measured error. */
  judgedIsBound?: boolean;
}

export type Verdict = 'proved' | 'improved' | 'changes the function' | 'rejected';

export interface Verified extends Candidate {
  checks: TargetCheck[];
  verdict: Verdict;
  /** What failed, for a candidate that is not proved. */
  reasons: string[];
  /** The hard points it was also checked at (one variable): the input's region edges, its own cutoffs, the dense band. */
  edgePoints?: number;
}

export interface Tolerances {
  value: number;
  grad: number;
}

/**
 * The error the scan counts (detect/outcome.ts): a finite result within atol of the exact one is ok whatever its ULPs
 * (a subnormal flushed to zero by TF or JAX, a tiny value), so the error that counts is the worst sample beyond atol;
 * an infinite maxUlps is a NaN or inf where the exact result is finite (or the reverse) and always counts. When every
 * finite result was within atol, the figure is the tolerance as a bound (isBound).
 */
export function judgedUlps(r: Pick<TargetResult, 'maxUlps' | 'worst'>, okUlps: number): { ulps: number; isBound: boolean } {
  if (!Number.isFinite(r.maxUlps)) return { ulps: r.maxUlps, isBound: false };
  if (r.worst) return { ulps: r.worst.ulps, isBound: false };
  const ulps = Math.min(r.maxUlps, okUlps);
  return { ulps, isBound: ulps < r.maxUlps };
}

function checkOf(r: TargetResult, okUlps: number): TargetCheck {
  const { ulps: maxUlpsJudged, isBound: judgedIsBound } = judgedUlps(r, okUlps);
  return {
    precision: r.precision, target: r.target, samples: r.samples, nan: r.nan, inf: r.inf, inaccurate: r.inaccurate, unknown: r.unknown,
    maxUlps: r.maxUlps, maxUlpsJudged, ...(judgedIsBound ? { judgedIsBound } : {}),
  };
}

const bad = (cs: TargetCheck[]) => cs.reduce((n, c) => n + c.nan + c.inf, 0);
const worst = (cs: TargetCheck[], tol: Tolerances) => Math.max(...cs.map((c) => (c.judgedIsBound ? 0 : c.maxUlpsJudged) / (c.target === 'value' ? tol.value : tol.grad)));

/**
 * Candidates whose worst error is within this fraction of the tolerance rank as equals (then fewest ops wins). The
 * framework models reproduce the kernels to a few ULPs, not bit for bit, and a fix's cutoff can amplify that: the
 * story's series fix for |x| < 0.5 is 50 ULP from the exact gradient in the tf model (tolerance 64) and 113 ULP in
 * TensorFlow's vectorised float32 expm1 at x = 0.5001 (oracle/emitted-fixes.py); the |x| < 1 one stays at 35.
 */
const COMFORTABLE = 0.5;
const margin = (cs: TargetCheck[], tol: Tolerances) => Math.max(COMFORTABLE, worst(cs, tol));

/**
 * Scans the original and every candidate against the original's truth (the original is every candidate's reference,
 * so the truth is computed once per sample and shared), value and gradient, in the precisions of the options.
 * The candidates still in the running are then checked again at hard points (one variable): the original's region edges,
 * their own cutoffs and a dense band (proof-points.ts).
 * Returns the original's checks and the candidates ranked: fewest NaN/inf, then smallest maximum error (in units of
 * the tolerance: 16 ULP for values, 64 for gradients by default; within half of it counts as equal), then fewest ops.
 */
export async function prove(original: string, candidates: Candidate[], options: ScanOptions, tol: Tolerances, runtime: ScanRuntime = { backend: 'emulated' }, reference?: string): Promise<{ original: TargetCheck[]; ranked: Verified[] }> {
  const truth = { source: reference ?? original };
  const forms: FormSpec[] = [
    { name: 'original', source: original, ...(reference ? { reference: truth } : {}) },
    // a candidate is judged by its counts and errors alone (its regions, bisected with the truth, are never read)
    ...candidates.map((c, i) => ({ name: `candidate ${i + 1}`, source: c.expr, reference: truth, countsOnly: true })),
  ];
  const report = await diagnoseParallel(forms, options, runtime);
  const check = (r: TargetResult) => checkOf(r, options.ulpTolerance);
  const originalChecks = report.forms[0]!.results.map(check);
  const judged = (c: Candidate, checks: TargetCheck[]): Verified => {
    const reasons = checks.flatMap((k) => {
      const limit = k.target === 'value' ? tol.value : tol.grad;
      // A NaN or inf where the exact result is finite counts as an infinite error (detect/outcome.ts), so maxUlps
      // within the limit leaves only NaN where the function is undefined and inf where it is infinite too.
      if (k.maxUlpsJudged <= limit) return [];
      const infinite = k.nan + k.inf > 0 ? `NaN or inf where the exact result is finite (${k.nan} NaN, ${k.inf} inf in all)` : 'finite where the exact result is infinite';
      return [`${k.precision} ${k.target}: ${Number.isFinite(k.maxUlpsJudged) ? `up to ${k.maxUlpsJudged.toPrecision(3)} ULP (> ${limit})` : infinite}`];
    });
    const improved = bad(checks) < bad(originalChecks) || (bad(checks) === bad(originalChecks) && worst(checks, tol) < worst(originalChecks, tol));
    const verdict: Verdict = c.changes ? 'changes the function' : !reasons.length ? 'proved' : improved ? 'improved' : 'rejected';
    return { ...c, checks, verdict, reasons };
  };
  let verified = candidates.map((c, i) => judged(c, report.forms[i + 1]!.results.map(check)));
  const extra = hardPoints(report.forms[0]!.results, report.forms[0]!.vars, [...branchPoints(candidates.map((c) => c.expr)), ...bandPoints()], options.ranges);
  if (extra) {
    // The original's region edges (exact floats where an outcome changes) and their neighbours, the candidates'
    // cutoffs and the dense band, for the candidates still in the running: a second scan over exactly those points,
    // merged into their checks.
    const inRunning = verified.map((v, i) => ({ v, i })).filter(({ v }) => v.verdict !== 'rejected').slice(0, EDGE_CHECKED);
    const more = await diagnoseParallel(
      inRunning.map(({ v, i }) => ({ name: `candidate ${i + 1}`, source: v.expr, reference: truth, countsOnly: true })),
      { ...options, ranges: { ...options.ranges, [extra.variable]: { lo: extra.values[0]!, hi: extra.values[extra.values.length - 1]!, values: extra.values } }, samples: extra.values.length },
      runtime,
    );
    inRunning.forEach(({ v, i }, j) => {
      verified[i] = { ...judged(candidates[i]!, merge(v.checks, more.forms[j]!.results.map(check))), edgePoints: extra.values.length };
    });
    verified = [...verified];
  }
  const rank: Record<Verdict, number> = { proved: 0, improved: 1, 'changes the function': 2, rejected: 3 };
  verified.sort((a, b) => rank[a.verdict] - rank[b.verdict] || bad(a.checks) - bad(b.checks) || margin(a.checks, tol) - margin(b.checks, tol) || a.ops - b.ops);
  return { original: originalChecks, ranked: verified };
}

/** How many candidates are re-checked at the hard points. */
const EDGE_CHECKED = 6;

/**
 * Every region's ends and the float on the far side of each, and the points around the candidates' own cutoffs
 * (one variable only: the sampler takes a value list).
 */
function hardPoints(results: TargetResult[], vars: string[], cutoffPoints: number[], ranges: ScanOptions['ranges']): { variable: string; values: number[] } | undefined {
  if (vars.length !== 1) return undefined;
  const range = Object.hasOwn(ranges, vars[0]!) ? ranges[vars[0]!] : undefined;
  const values = new Set<number>(cutoffPoints.filter((v) => !range || (v >= range.lo && v <= range.hi)));
  for (const r of results) {
    for (const g of r.regions) {
      for (const v of [g.lo, g.hi, nextDown(g.lo, r.precision), nextUp(g.hi, r.precision)]) if (Number.isFinite(v)) values.add(v);
    }
  }
  return values.size ? { variable: vars[0]!, values: [...values].sort((a, b) => a - b) } : undefined;
}

function merge(a: TargetCheck[], b: TargetCheck[]): TargetCheck[] {
  return a.map((k) => {
    const o = b.find((x) => x.precision === k.precision && x.target === k.target);
    if (!o) return k;
    return {
      ...k, samples: k.samples + o.samples, nan: k.nan + o.nan, inf: k.inf + o.inf, inaccurate: k.inaccurate + o.inaccurate,
      unknown: k.unknown + o.unknown, maxUlps: Math.max(k.maxUlps, o.maxUlps), maxUlpsJudged: Math.max(k.maxUlpsJudged, o.maxUlpsJudged),
    };
  });
}
