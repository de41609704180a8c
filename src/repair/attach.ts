import type { ScanProgress, ScanRuntime, TruthCache } from '../core/diagnose.js';
import type { TargetCounts } from '../detect/analyse.js';
import type { FormResult, ScanOptions, ScanReport } from '../core/types.js';
import { isPythonLabel } from '../parse/python/index.js';
import { fix } from './fix.js';
import { judgedUlps, type TargetCheck, type Tolerances } from './prove.js';

/** What scan shows under a form's findings: the best proved fix (as fix ranks them), or why there is none. */
export interface FixLine {
  /** The best proved form, in f-diagnose's language; null when none was proved. */
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

/**
 * A form gets a fix search when it has a NaN or inf, or an error beyond the fix tolerances as the scan judges errors
 * (beyond atol: a form whose every result is ok, such as a tiny value off in ULPs but within atol, has nothing to fix).
 */
const hasFindings = (f: FormResult, tol: Tolerances, okUlps: number) => f.results.some((r) => isFinding(r, tol, okUlps));

const isFinding = (r: TargetCounts, tol: Tolerances, okUlps: number) =>
  r.nan + r.inf > 0 || judgedUlps(r, okUlps).ulps > (r.target === 'value' ? tol.value : tol.grad);

/** Fixes by (expression, truth, options): the story's forms share their reference, whose fix is computed once. */
export type FixCache = Map<string, Promise<FixLine>>;

/** What one fix search is given: plain data, so that a pool thread can run it (fixSearchTask). */
export interface FixSearch {
  expr: string;
  reference?: string;
  /** A Python function's label (file.py::name): expr is then the file's text. */
  label?: string;
  options: ScanOptions;
  tol: Tolerances;
}

/** Runs a fix search elsewhere (a pool thread), with the truths certified so far; undefined: run it here. */
export type RunFix = (search: FixSearch, truthCache?: TruthCache) => Promise<FixLine> | undefined;

/** One fix search, here: fix() and its first proved candidate as a fix line. */
export async function fixSearch(s: FixSearch, runtime?: ScanRuntime): Promise<FixLine> {
  const samples = s.options.samples;
  try {
    const r = await fix(s.expr, s.options, s.tol, runtime, s.label, s.reference);
    const proved = r.fixes.find((f) => f.verdict === 'proved');
    return proved
      ? { expr: proved.expr, steps: proved.steps, samples, clean: proved.checks.every((k) => k.nan + k.inf === 0), tolerances: s.tol, verified: proved.checks }
      : { expr: null, steps: [], samples, note: 'no candidate was proved; see f-diagnose fix' };
  } catch (e) {
    return { expr: null, steps: [], samples, note: (e as Error).message.split('\n')[0]! };
  }
}

type FormNames = Pick<FormResult, 'name' | 'expr' | 'reference'>;

/** A form's fix searches by expression and truth (its own, or its reference's), each started once per cache. */
function fixSearches(form: FormNames, scanOptions: ScanOptions, tol: Tolerances, runtime?: ScanRuntime, known: FixCache = new Map(), file?: string, elsewhere?: RunFix) {
  // a Python function's form is its file's text: fix lowers it by the label (file.py::name[sampled, ...])
  const label = isPythonLabel(file ?? form.name) ? file ?? form.name : undefined;
  const samples = Math.min(scanOptions.samples, SCAN_FIX_SAMPLES);
  const options = { ...scanOptions, samples };
  const fixOf = (expr: string, reference?: string): Promise<FixLine> => {
    const key = JSON.stringify([expr, expr === form.expr ? label : undefined, reference ?? '', tol, options]);
    let line = known.get(key);
    if (!line) {
      const search: FixSearch = { expr, options, tol, ...(expr === form.expr && label ? { label } : {}), ...(reference === undefined ? {} : { reference }) };
      // on a pool thread when there is one (the same search, with the truths so far), else here; a thread that fails
      // leaves it to this one
      line = elsewhere?.(search, runtime?.truthCache)?.catch(() => fixSearch(search, runtime)) ?? fixSearch(search, runtime);
      known.set(key, line);
    }
    return line;
  };
  const reference = form.reference !== null && form.reference !== form.expr ? form.reference : undefined;
  return { fixOf, reference, samples };
}

/**
 * A form's fix line: fix() run on the form (against its reference's truth when it has one), the first candidate of
 * its ranking whose verdict is "proved" (fewest ops among those with room to spare in the tolerance); a form that approximates its reference gets the reference's own fix when its own has none.
 */
export async function fixLineOf(form: FormResult, scanOptions: ScanOptions, tol: Tolerances, runtime?: ScanRuntime, known: FixCache = new Map(), file?: string, elsewhere?: RunFix): Promise<FixLine> {
  const { fixOf, reference, samples } = fixSearches(form, scanOptions, tol, runtime, known, file, elsewhere);
  // Where the form is exact enough but its exact value is not the reference's (an approximation), every rewrite that
  // keeps the form's function keeps that error: none can be proved, so go to the reference's fix at once.
  const approximates = reference !== undefined && form.results.some((r) => r.regions.some((g) => g.hazard === 'approximation'));
  const line = approximates ? { expr: null, steps: [], samples, note: 'the form approximates its reference, which has no proved fix' } : await fixOf(form.expr, reference);
  if (line.expr === null && reference) {
    const ofReference = await fixOf(reference);
    if (ofReference.expr !== null) return { ...ofReference, steps: ['the reference, fixed', ...ofReference.steps] };
  }
  return line;
}

/** The default tolerances of a scan's fix lines: its --ulps for values, four times that for gradients. */
const scanTolerances = (options: ScanOptions): Tolerances => ({ value: options.ulpTolerance, grad: 4 * options.ulpTolerance });

/**
 * Starts a form's fix search as soon as its analysis is done (a ScanRuntime's onForm), so that it runs on a pool
 * thread while this one analyses the other forms; attachFixes then takes the lines started here.
 */
export function fixesAsFormsArrive(options: ScanOptions, runtime: () => ScanRuntime, elsewhere?: RunFix, tol = scanTolerances(options)): Required<Pick<ScanRuntime, 'onForm' | 'onCounts'>> & { started: Map<number, Promise<FixLine>>; known: FixCache } {
  const started = new Map<number, Promise<FixLine>>();
  const known: FixCache = new Map();
  const early = new Set<number>();
  // The first target with a finding settles that a form without its own reference will need its fix search: it starts
  // then, before the form's regions are worked out (with a reference, the regions decide which search: see fixLineOf).
  const onCounts = (form: FormNames, index: number, counts: TargetCounts) => {
    if (early.has(index) || !isFinding(counts, tol, options.ulpTolerance)) return;
    early.add(index);
    const { fixOf, reference } = fixSearches(form, options, tol, runtime(), known, undefined, elsewhere);
    if (reference === undefined) fixOf(form.expr).catch(() => {}); // taken from `known` by fixLineOf
  };
  const onForm = (form: FormResult, index: number) => {
    if (!hasFindings(form, tol, options.ulpTolerance)) return;
    const line = fixLineOf(form, options, tol, runtime(), known, undefined, elsewhere);
    line.catch(() => {}); // awaited by attachFixes
    started.set(index, line);
  };
  return { onForm, onCounts, started, known };
}

/** The scan report with a fix line on every form that has findings. */
export async function attachFixes(
  report: ScanReport, runtime?: ScanRuntime, tol: Tolerances = scanTolerances(report.options),
  /** How far the fix search is (0 to 1), form by form: for a progress bar. */
  onProgress?: ScanProgress,
  /** Fix lines started while the scan ran (fixesAsFormsArrive), by form index, and their cache. */
  early?: { started: Map<number, Promise<FixLine>>; known: FixCache },
): Promise<ScanReport & { forms: FormWithFix[] }> {
  const forms: FormWithFix[] = [];
  const known: FixCache = early?.known ?? new Map();
  const todo = report.forms.filter((f) => hasFindings(f, tol, report.options.ulpTolerance)).length;
  let done = 0;
  for (const [i, form] of report.forms.entries()) {
    if (!hasFindings(form, tol, report.options.ulpTolerance)) {
      forms.push(form);
      continue;
    }
    onProgress?.(done++ / todo, `fixing ${form.name}`);
    forms.push({ ...form, fix: await (early?.started.get(i) ?? fixLineOf(form, report.options, tol, runtime, known)) });
  }
  onProgress?.(1, 'done');
  return { ...report, forms };
}
