import type { ScanRuntime } from '../core/diagnose.js';
import type { FormResult, ScanOptions, ScanReport } from '../core/types.js';
import { isPythonLabel } from '../parse/python/index.js';
import { fix } from './fix.js';
import type { TargetCheck, Tolerances } from './prove.js';

/** What scan shows under a form's findings: the cheapest proved fix, or why there is none. */
export interface FixLine {
  /** The proved form with the fewest ops, in f-diagnose's language; null when none was proved. */
  expr: string | null;
  steps: string[];
  /** The samples per variable the proof used. */
  samples: number;
  /** No NaN or inf at all (else only where the exact result is undefined or infinite). */
  clean?: boolean;
  /** The tolerances the proof held the fix to, and what it measured per precision and target. */
  tolerances?: Tolerances;
  verified?: TargetCheck[];
  note?: string;
}

export type FormWithFix = FormResult & { fix?: FixLine };

/** Samples per variable for the proofs behind scan's fix lines (fix itself defaults to 1024). */
const SCAN_FIX_SAMPLES = 512;

const hasFindings = (f: FormResult, tol: Tolerances) =>
  f.results.some((r) => r.nan + r.inf > 0 || r.maxUlps > (r.target === 'value' ? tol.value : tol.grad));

/** Fixes by (expression, truth, options): the story's forms share their reference, whose fix is computed once. */
export type FixCache = Map<string, FixLine>;

/**
 * A form's fix line: fix() run on the form (against its reference's truth when it has one), the cheapest candidate
 * whose verdict is "proved"; a form that approximates its reference gets the reference's own fix when its own has none.
 */
export async function fixLineOf(form: FormResult, scanOptions: ScanOptions, tol: Tolerances, runtime?: ScanRuntime, known: FixCache = new Map(), file?: string): Promise<FixLine> {
  // a Python function's form is its file's text: fix lowers it by the label (file.py::name[sampled, ...])
  const label = isPythonLabel(file ?? form.name) ? file ?? form.name : undefined;
  const samples = Math.min(scanOptions.samples, SCAN_FIX_SAMPLES);
  const options = { ...scanOptions, samples };
  const fixOf = async (expr: string, reference?: string): Promise<FixLine> => {
    const key = JSON.stringify([expr, expr === form.expr ? label : undefined, reference ?? '', tol, options]);
    const hit = known.get(key);
    if (hit) return hit;
    let line: FixLine;
    try {
      const r = await fix(expr, options, tol, runtime, expr === form.expr ? label : undefined, reference);
      const proved = r.fixes.filter((f) => f.verdict === 'proved').sort((a, b) => a.ops - b.ops)[0];
      line = proved
        ? { expr: proved.expr, steps: proved.steps, samples, clean: proved.checks.every((k) => k.nan + k.inf === 0), tolerances: tol, verified: proved.checks }
        : { expr: null, steps: [], samples, note: 'no candidate was proved; see f-diagnose fix' };
    } catch (e) {
      line = { expr: null, steps: [], samples, note: (e as Error).message.split('\n')[0]! };
    }
    known.set(key, line);
    return line;
  };
  const reference = form.reference !== null && form.reference !== form.expr ? form.reference : undefined;
  const line = await fixOf(form.expr, reference);
  if (line.expr === null && reference) {
    const ofReference = await fixOf(reference);
    if (ofReference.expr !== null) return { ...ofReference, steps: ['the reference, fixed', ...ofReference.steps] };
  }
  return line;
}

/** The scan report with a fix line on every form that has findings. */
export async function attachFixes(report: ScanReport, runtime?: ScanRuntime, tol: Tolerances = { value: report.options.ulpTolerance, grad: 4 * report.options.ulpTolerance }): Promise<ScanReport & { forms: FormWithFix[] }> {
  const forms: FormWithFix[] = [];
  const known: FixCache = new Map();
  for (const form of report.forms) {
    forms.push(hasFindings(form, tol) ? { ...form, fix: await fixLineOf(form, report.options, tol, runtime, known) } : form);
  }
  return { ...report, forms };
}
