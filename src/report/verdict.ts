import { unknownReasonText, worstInaccurate } from '../core/summarize.js';
import type { FormResult, ScanOptions } from '../core/types.js';
import type { Region, TargetResult } from '../detect/types.js';
import { HAZARDS } from './hazards.js';
import { fourDigits } from '../base/numbers.js';
import { formatUlps, interval, pointText as point } from './numbers.js';

/** A few plain sentences per form: where it breaks and why, or that it does not. */
export function verdict(form: FormResult, options: ScanOptions): string[] {
  const lines: string[] = [];
  for (const r of form.results) {
    const label = `${r.precision} ${r.target}`;
    // several variables: one region per variable with the same samples; say it once, with an example point
    const bad = r.regions.filter((g) => g.outcome === 'nan' || g.outcome === 'inf');
    for (const g of bad.slice(0, 3)) {
      const where = form.vars.length < 2 || g.exact ? `for ${interval(g, r)}` : `at ${g.samples} of ${r.samples} samples in the box ${interval(g, r)}, e.g. ${point(g, r)}`;
      lines.push(`${label}: ${g.outcome === 'nan' ? 'NaN' : 'inf'} ${where}${cause(g, form.expr)}${expected(g)}`);
    }
    if (bad.length > 3) lines.push(`${label}: ... and ${bad.length - 3} more NaN/inf regions`);
    if (r.inaccurate) {
      const worst = worstInaccurate(r.regions) ?? undefined;
      lines.push(`${label}: off by more than ${beyond(options, r.precision)} on ${r.inaccurate} of ${r.samples} samples, up to ${formatUlps(r.maxUlps === Infinity ? worst?.maxUlps ?? Infinity : r.maxUlps)} ULP${worst ? ` (near ${point(worst, r)}${cause(worst, form.expr)})` : ''}`);
    }
  }
  const clean = form.results.every((r) => r.nan === 0 && r.inf === 0);
  const accurate = form.results.every((r) => r.inaccurate === 0);
  const unknown = form.results.reduce((s, r) => s + r.unknown, 0);
  const undefinedTruth = form.results.reduce((s, r) => s + r.undefined, 0);
  const worstBy = (t: (r: TargetResult) => boolean) => formatUlps(Math.max(0, ...form.results.filter(t).map((r) => r.maxUlps).filter((u) => !Number.isNaN(u))));
  const summary = clean && accurate
    ? `stable: no NaN or inf in value or gradient, every sample within ${options.ulpTolerance} ULP${options.precisions.some((p) => options.atol[p] > 0) ? ' or the absolute tolerance' : ''} (worst ${worstBy((r) => r.target === 'value')} ULP value, ${worstBy((r) => r.target !== 'value')} ULP gradient)`
    : clean
      ? 'no NaN or inf, but inaccurate where listed above'
      : 'unstable: NaN or inf where listed above';
  const notJudged = [
    unknown ? `truth unknown (not certified) at ${unknown} result${unknown === 1 ? '' : 's'}: ${unknownReasonText(form.results)}` : '',
    undefinedTruth ? `the exact function is undefined at ${undefinedTruth} result(s)` : '',
  ].filter(Boolean);
  lines.push(notJudged.length ? `${summary}; ${notJudged.join('; ')}, not judged` : summary);
  return lines;
}


/** When the exact result is itself undefined or infinite there, the NaN/inf is the mathematics, not the arithmetic. */
function expected(g: Region): string {
  if (g.truth.kind === 'undefined') return ' (the exact function is undefined there too)';
  if (g.outcome === 'inf' && g.truth.kind === 'infinite') return ' (the exact result is infinite there too)';
  if (g.outcome === 'inf' && g.truth.kind === 'finite' && !Number.isFinite(g.truth.value)) return ' (the exact result overflows too)';
  return '';
}


/** ": overflow in exp(-x) [exp(89) = inf] -> 0 * inf in the gradient of exp(-x) [0 * inf = NaN]" */
function cause(g: Region, source: string): string {
  if (!g.chain.length) return '';
  const steps = g.chain.map((e) => {
    if (e.hazard === 'approximation') return `approximation [${e.detail}]`;
    const text = source.slice(e.span.start, e.span.end);
    return `${HAZARDS[e.hazard].title} in ${e.pass === 'backward' ? 'the gradient of ' : ''}${text} [${e.detail}]`;
  });
  return `: ${steps.join(' -> ')}`;
}

/** "16 ULP and 5.96e-8": both must be exceeded for a result to count as inaccurate. */
function beyond(options: ScanOptions, precision: TargetResult['precision']): string {
  const atol = options.atol[precision];
  return atol > 0 ? `${options.ulpTolerance} ULP and ${fourDigits(atol)}` : `${options.ulpTolerance} ULP`;
}
