import { diagnoseParallel, type FormSpec, type ScanRuntime } from '../core/diagnose.js';
import type { ScanOptions } from '../core/types.js';
import type { TargetResult } from '../detect/types.js';
import { FORMAT_LIMITS, nextDown, nextUp } from '../base/float-format.js';
import { FRAMEWORKS } from '../graph/frameworks/index.js';

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
   * The largest error where the exact result is a normal float or zero. It differs from maxUlps when the framework
   * flushes subnormals to zero (TF, JAX): no form can return a subnormal there, so those errors are not the form's.
   */
  maxUlpsNormal: number;
  /** maxUlpsNormal is the scan's tolerance as a bound (the samples outside every region), not a measured error. */
  normalIsBound?: boolean;
}

export type Verdict = 'proved' | 'improved' | 'changes the function' | 'rejected';

export interface Verified extends Candidate {
  checks: TargetCheck[];
  verdict: Verdict;
  /** What failed, for a candidate that is not proved. */
  reasons: string[];
  /** The input's region edges it was also checked at (one variable), beside the samples. */
  edgePoints?: number;
}

export interface Tolerances {
  value: number;
  grad: number;
}

function checkOf(r: TargetResult, flushes: boolean, okUlps: number): TargetCheck {
  const subnormal = (v: number) => v !== 0 && Math.abs(v) < FORMAT_LIMITS[r.precision].minNormal;
  let maxUlpsNormal = r.maxUlps;
  let normalIsBound = false;
  if (flushes && r.worst && subnormal(r.worst.truth)) {
    // Samples outside every region are ok (within the scan's tolerance); the regions whose exact value is a normal
    // float or zero keep their errors, NaN or inf.
    const kept = r.regions.filter((g) => !(g.truth.kind === 'finite' && subnormal(g.truth.value)));
    const measured = Math.max(0, ...kept.map((g) => (Number.isNaN(g.maxUlps) ? 0 : g.maxUlps)));
    const bound = Math.min(r.maxUlps, okUlps);
    maxUlpsNormal = Math.max(measured, bound);
    normalIsBound = bound > measured;
  }
  return {
    precision: r.precision, target: r.target, samples: r.samples, nan: r.nan, inf: r.inf, inaccurate: r.inaccurate, unknown: r.unknown,
    maxUlps: r.maxUlps, maxUlpsNormal, ...(normalIsBound ? { normalIsBound } : {}),
  };
}

const bad = (cs: TargetCheck[]) => cs.reduce((n, c) => n + c.nan + c.inf, 0);
const worst = (cs: TargetCheck[], tol: Tolerances) => Math.max(...cs.map((c) => c.maxUlpsNormal / (c.target === 'value' ? tol.value : tol.grad)));

/**
 * Scans the original and every candidate against the original's truth (the original is every candidate's reference,
 * so the truth is computed once per sample and shared), value and gradient, in the precisions of the options.
 * The candidates still in the running are then checked again at the original's region edges (one variable).
 * Returns the original's checks and the candidates ranked: fewest NaN/inf, then smallest maximum error (in units of
 * the tolerance: 16 ULP for values, 64 for gradients by default), then fewest ops.
 */
export async function prove(original: string, candidates: Candidate[], options: ScanOptions, tol: Tolerances, runtime: ScanRuntime = { backend: 'emulated' }, reference?: string): Promise<{ original: TargetCheck[]; ranked: Verified[] }> {
  const truth = { source: reference ?? original };
  const forms: FormSpec[] = [
    { name: 'original', source: original, ...(reference ? { reference: truth } : {}) },
    ...candidates.map((c, i) => ({ name: `candidate ${i + 1}`, source: c.expr, reference: truth })),
  ];
  const report = await diagnoseParallel(forms, options, runtime);
  const flushes = options.precisions.some((p) => FRAMEWORKS[options.framework].forward.flushSubnormals[p]);
  const check = (r: TargetResult) => checkOf(r, flushes, options.ulpTolerance);
  const originalChecks = report.forms[0]!.results.map(check);
  const judged = (c: Candidate, checks: TargetCheck[]): Verified => {
    const reasons = checks.flatMap((k) => {
      const limit = k.target === 'value' ? tol.value : tol.grad;
      // A NaN or inf where the exact result is finite counts as an infinite error (detect/outcome.ts), so maxUlps
      // within the limit leaves only NaN where the function is undefined and inf where it is infinite too.
      if (k.maxUlpsNormal <= limit) return [];
      const infinite = k.nan + k.inf > 0 ? `NaN or inf where the exact result is finite (${k.nan} NaN, ${k.inf} inf in all)` : 'finite where the exact result is infinite';
      return [`${k.precision} ${k.target}: ${Number.isFinite(k.maxUlpsNormal) ? `up to ${k.maxUlpsNormal.toPrecision(3)} ULP (> ${limit})` : infinite}`];
    });
    const improved = bad(checks) < bad(originalChecks) || (bad(checks) === bad(originalChecks) && worst(checks, tol) < worst(originalChecks, tol));
    const verdict: Verdict = c.changes ? 'changes the function' : !reasons.length ? 'proved' : improved ? 'improved' : 'rejected';
    return { ...c, checks, verdict, reasons };
  };
  let verified = candidates.map((c, i) => judged(c, report.forms[i + 1]!.results.map(check)));
  const edges = regionEdges(report.forms[0]!.results, report.forms[0]!.vars);
  if (edges) {
    // The original's region edges (exact floats where an outcome changes) and their neighbours, for the candidates
    // still in the running: a second, small scan over exactly those points, merged into their checks.
    const inRunning = verified.map((v, i) => ({ v, i })).filter(({ v }) => v.verdict !== 'rejected').slice(0, EDGE_CHECKED);
    const more = await diagnoseParallel(
      inRunning.map(({ v, i }) => ({ name: `candidate ${i + 1}`, source: v.expr, reference: truth })),
      { ...options, ranges: { ...options.ranges, [edges.variable]: { lo: edges.values[0]!, hi: edges.values[edges.values.length - 1]!, values: edges.values } }, samples: edges.values.length },
      runtime,
    );
    inRunning.forEach(({ v, i }, j) => {
      verified[i] = { ...judged(candidates[i]!, merge(v.checks, more.forms[j]!.results.map(check))), edgePoints: edges.values.length };
    });
    verified = [...verified];
  }
  const rank: Record<Verdict, number> = { proved: 0, improved: 1, 'changes the function': 2, rejected: 3 };
  verified.sort((a, b) => rank[a.verdict] - rank[b.verdict] || bad(a.checks) - bad(b.checks) || worst(a.checks, tol) - worst(b.checks, tol) || a.ops - b.ops);
  return { original: originalChecks, ranked: verified };
}

/** How many candidates are re-checked at the original's region edges. */
const EDGE_CHECKED = 6;

/** Every region's ends, and the float on the far side of each (one variable only: the sampler takes a value list). */
function regionEdges(results: TargetResult[], vars: string[]): { variable: string; values: number[] } | undefined {
  if (vars.length !== 1) return undefined;
  const values = new Set<number>();
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
      unknown: k.unknown + o.unknown, maxUlps: Math.max(k.maxUlps, o.maxUlps), maxUlpsNormal: Math.max(k.maxUlpsNormal, o.maxUlpsNormal),
    };
  });
}
