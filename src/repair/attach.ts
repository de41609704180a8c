import type { ScanProgress, ScanRuntime } from '../core/diagnose.js';
import type { FormResult, ScanReport } from '../core/types.js';
import { fix } from './fix.js';
import type { Tolerances } from './prove.js';

/** What scan shows under a form's findings: the cheapest proved fix, or why there is none. */
export interface FixLine {
  /** The proved form with the fewest ops, in f-diagnose's language; null when none was proved. */
  expr: string | null;
  steps: string[];
  /** The samples per variable the proof used. */
  samples: number;
  /** No NaN or inf at all (else only where the exact result is undefined or infinite). */
  clean?: boolean;
  note?: string;
}

export type FormWithFix = FormResult & { fix?: FixLine };

/** Samples per variable for the proofs behind scan's fix lines (fix itself defaults to 1024). */
const SCAN_FIX_SAMPLES = 512;

const hasFindings = (f: FormResult, tol: Tolerances) =>
  f.results.some((r) => r.nan + r.inf > 0 || r.maxUlps > (r.target === 'value' ? tol.value : tol.grad));

/**
 * The scan report with a fix line on every form that has findings: fix() run on the form (against its reference's
 * truth when it has one), and the cheapest candidate whose verdict is "proved".
 */
export async function attachFixes(
  report: ScanReport, runtime?: ScanRuntime, tol: Tolerances = { value: report.options.ulpTolerance, grad: 4 * report.options.ulpTolerance },
  /** How far the fix search is (0 to 1), form by form: for a progress bar. */
  onProgress?: ScanProgress,
): Promise<ScanReport & { forms: FormWithFix[] }> {
  const forms: FormWithFix[] = [];
  const samples = Math.min(report.options.samples, SCAN_FIX_SAMPLES);
  const options = { ...report.options, samples };
  // Fixes by (expression, truth): the story's forms share their reference, whose fix is computed once.
  const known = new Map<string, FixLine>();
  const fixOf = async (expr: string, reference?: string): Promise<FixLine> => {
    const key = `${expr}\n--\n${reference ?? ''}`;
    const hit = known.get(key);
    if (hit) return hit;
    let line: FixLine;
    try {
      const r = await fix(expr, options, tol, runtime, undefined, reference);
      const proved = r.fixes.filter((f) => f.verdict === 'proved').sort((a, b) => a.ops - b.ops)[0];
      line = proved ? { expr: proved.expr, steps: proved.steps, samples, clean: proved.checks.every((k) => k.nan + k.inf === 0) } : { expr: null, steps: [], samples, note: 'no candidate was proved; see f-diagnose fix' };
    } catch (e) {
      line = { expr: null, steps: [], samples, note: (e as Error).message.split('\n')[0]! };
    }
    known.set(key, line);
    return line;
  };
  const todo = report.forms.filter((f) => hasFindings(f, tol)).length;
  let done = 0;
  for (const form of report.forms) {
    if (!hasFindings(form, tol)) {
      forms.push(form);
      continue;
    }
    onProgress?.(done++ / todo, `fixing ${form.name}`);
    const reference = form.reference !== null && form.reference !== form.expr ? form.reference : undefined;
    let line = await fixOf(form.expr, reference);
    if (line.expr === null && reference) {
      // The form approximates its reference: the reference's own fix is the cure.
      const ofReference = await fixOf(reference);
      if (ofReference.expr !== null) line = { ...ofReference, steps: ['the reference, fixed', ...ofReference.steps] };
    }
    forms.push({ ...form, fix: line });
  }
  onProgress?.(1, 'done');
  return { ...report, forms };
}
