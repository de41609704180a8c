import type { FormResult, ScanOptions } from '../core/types.js';
import { FRAMEWORKS } from '../graph/frameworks/index.js';
import type { FormWithFix } from '../repair/attach.js';
import { emit } from '../repair/emit.js';
import { esc } from './html-common.js';

const ulps = (u: number, bound?: boolean) => (Number.isFinite(u) ? `${bound ? '<= ' : ''}${u < 1e5 ? u : u.toExponential(1)}` : 'inf');

/**
 * A form's fix in the HTML: how it was made, its verification (per precision and target: NaN, inf, the largest
 * error, on how many samples), the fix in f-diagnose's language and as code in the user's framework.
 */
export function fixHtml(form: FormResult, options: ScanOptions): string {
  const fix = (form as FormWithFix).fix;
  if (!fix) return '';
  if (fix.expr === null) return `<h3>Fix</h3><p>none proved (${esc(fix.note ?? 'see f-diagnose fix')})</p>`;
  const outcome = fix.clean === false ? 'NaN or inf only where the exact result is undefined or infinite' : 'no NaN or inf';
  const tol = fix.tolerances ? `, value within ${fix.tolerances.value} ULP and gradient within ${fix.tolerances.grad} ULP` : ', value and gradient within tolerance';
  const rows = (fix.verified ?? []).map((k) => `<tr><td>${esc(k.precision)}</td><td>${esc(k.target)}</td><td>${k.samples}</td><td>${k.nan}</td><td>${k.inf}</td><td>${esc(ulps(k.maxUlpsJudged, k.judgedIsBound))}</td></tr>`);
  const table = rows.length ? `<table><tr><th>precision</th><th>target</th><th>samples</th><th>NaN</th><th>inf</th><th>max ULP</th></tr>${rows.join('')}</table>` : '';
  const fw = FRAMEWORKS[options.framework];
  let code: string;
  try {
    code = `<p>as ${esc(fw.name)} code (--framework ${esc(options.framework)}):</p><pre>${esc(emit(fix.expr, form.vars, options.framework).trimEnd())}</pre>`;
  } catch (e) {
    code = `<p>(no ${esc(fw.name)} code: ${esc((e as Error).message.split('\n')[0]!)})</p>`;
  }
  return [
    `<div class="fix"><h3>Fix: proved</h3>`,
    `<p>made by: ${esc(fix.steps.join(' + '))}. Proved on ${fix.samples} samples per variable against the exact values: ${outcome}${tol}.</p>`,
    table,
    `<pre>${esc(fix.expr)}</pre>`,
    code,
    `</div>`,
  ].join('\n');
}
