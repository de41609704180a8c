import { FORMAT_LIMITS } from '../base/float-format.js';
import { fourDigits, ulpsText } from '../base/numbers.js';
import { freeIntervals, headlineRegion, unknownReasonText, type Interval } from '../core/summarize.js';
import type { FormResult, ScanOptions } from '../core/types.js';
import type { Region, TargetResult } from '../detect/types.js';
import { HAZARDS } from './hazards.js';

/**
 * The summary a report starts with, as plain rows (the caller fits and colours them): what is wrong with each form,
 * then per form one line per precision and target with its verdict, where it is safe and its worst finding.
 */

export type Verdict = 'unstable' | 'inaccurate' | 'stable';

export function formVerdict(form: FormResult): Verdict {
  if (form.results.some((r) => r.nan > 0 || r.inf > 0)) return 'unstable';
  return form.results.some((r) => r.inaccurate > 0) ? 'inaccurate' : 'stable';
}

/** "UNSTABLE   naive:  NaN/inf in 4 of 4 results, inaccurate in 2" */
export function overviewLine(form: FormResult, nameWidth: number): string {
  const n = form.results.length;
  const bad = form.results.filter((r) => r.nan > 0 || r.inf > 0).length;
  const off = form.results.filter((r) => r.inaccurate > 0).length;
  const unknown = form.results.reduce((s, r) => s + r.unknown, 0);
  const what = [
    bad ? `NaN/inf in ${bad} of ${n} results` : '',
    off ? `inaccurate in ${off}` : '',
    !bad && !off ? `all ${n} results finite and within tolerance` : '',
    unknown ? `${unknown} samples not judged` : '',
  ].filter(Boolean).join(', ');
  return `${formVerdict(form).toUpperCase().padEnd(10)} ${`${form.name}:`.padEnd(nameWidth + 1)} ${what}`;
}

/** The label of a result's outcome: "NaN, inf", "inaccurate", "ok". */
export function targetVerdict(r: TargetResult): string {
  const kinds = [r.nan ? 'NaN' : '', r.inf ? 'inf' : ''].filter(Boolean);
  if (kinds.length) return kinds.join(', ');
  return r.inaccurate ? 'inaccurate' : 'ok';
}

/**
 * "float32 grad:x  NaN  NaN-free only for x in (-88.72, 3.403e38]; worst: NaN for x in [-3.403e38, -88.72]: overflow
 * in exp(-x) -> 0 * inf in the gradient of exp(-x)"
 */
export function targetLine(form: FormResult, r: TargetResult, options: ScanOptions): string {
  const parts = [safeText(form, r, options), worstText(form, r)].filter(Boolean);
  if (r.unknown) parts.push(`truth unknown at ${r.unknown}: ${unknownReasonText([r])}`);
  if (!r.nan && !r.inf && !r.inaccurate) parts.unshift(`worst ${ulpsText(Number.isNaN(r.maxUlps) ? 0 : r.maxUlps)} ULP`);
  return `  ${r.precision} ${r.target.padEnd(7)} ${targetVerdict(r).padEnd(10)} ${parts.join('; ')}`;
}

function safeText(form: FormResult, r: TargetResult, options: ScanOptions): string {
  if (!r.nan && !r.inf) return '';
  const v = form.vars[0];
  if (v === undefined || form.vars.length > 1) return '';
  const max = FORMAT_LIMITS[r.precision].max;
  const given = options.ranges[v];
  const range = given ? { lo: Math.max(given.lo, -max), hi: Math.min(given.hi, max) } : { lo: -max, hi: max };
  const outcomes: Region['outcome'][] = r.nan && r.inf ? ['nan', 'inf'] : r.nan ? ['nan'] : ['inf'];
  const free = freeIntervals(r, range, outcomes);
  if (free === null) return '';
  const label = r.nan && r.inf ? 'finite' : r.nan ? 'NaN-free' : 'inf-free';
  if (free.length === 0) return `${r.nan && r.inf ? 'NaN or inf' : r.nan ? 'NaN' : 'inf'} at every sample`;
  if (free.length <= 2) return `${label} only for ${v} in ${free.map(intervalText).join(' and ')}`;
  const widest = free.reduce((a, b) => (b.hi - b.lo > a.hi - a.lo ? b : a));
  return `${label} on ${free.length} intervals, the widest ${v} in ${intervalText(widest)}`;
}

export function intervalText(i: Interval): string {
  if (i.lo === i.hi) return `{${fourDigits(i.lo)}}`;
  return `${i.loOpen ? '(' : '['}${fourDigits(i.lo)}, ${fourDigits(i.hi)}${i.hiOpen ? ')' : ']'}`;
}

function worstText(form: FormResult, r: TargetResult): string {
  const g = headlineRegion(r);
  if (g === null) return '';
  const what = g.outcome === 'nan' ? 'NaN' : g.outcome === 'inf' ? 'inf' : `off by ${ulpsText(g.maxUlps)} ULP`;
  const where = g.box ? `at ${Object.entries(g.at).map(([k, x]) => `${k} = ${fourDigits(x)}`).join(', ')}` : g.lo === g.hi ? `at ${g.var} = ${fourDigits(g.lo)}` : `for ${g.var} in [${fourDigits(g.lo)}, ${fourDigits(g.hi)}]`;
  const cause = causeText(form.expr, g);
  return `worst: ${what} ${where}${cause ? `: ${cause}` : ''}`;
}

/** "overflow in exp(-x) -> 0 * inf in the gradient of exp(-x)": the root cause and the step that made the outcome. */
export function causeText(source: string, g: Region): string {
  if (!g.chain.length) return '';
  const step = (e: Region['chain'][number]) => {
    if (e.hazard === 'approximation') return 'approximation (the form differs from the reference)';
    const text = source.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
    const shown = text.length > 28 ? `${text.slice(0, 25)}...` : text;
    return `${HAZARDS[e.hazard].title} in ${e.pass === 'backward' ? 'the gradient of ' : ''}${shown}`;
  };
  const first = step(g.chain[0]!);
  const last = g.chain.length > 1 ? step(g.chain[g.chain.length - 1]!) : '';
  return last && last !== first ? `${first} -> ${g.chain.length > 2 ? '... -> ' : ''}${last}` : first;
}
