import { excerpt } from '../base/excerpt.js';
import type { FloatFormat } from '../base/float-format.js';
import type { PointResult, PrecisionResult } from '../core/evaluate-points.js';
import { pointOutcome, EVAL_ULPS } from './eval-outcome.js';
import type { EvalReport } from './formats.js';
import { esc, htmlPage, scriptSafe } from './html-common.js';
import { HAZARDS } from './hazards.js';
import { formatFloat, formatUlps, position } from './numbers.js';

/**
 * eval as one self-contained HTML file: per point a table (exact, float32, float64 and TF.js; value and each
 * gradient with its ULP error and outcome), then every hazard on the way with the source and carets. Nothing is
 * fetched; a tiny script records what is on the page for the browser test (window.__fdiagnose).
 */
export function formatEvalHtml(report: EvalReport): string {
  const { framework: fw } = report;
  const counts = new Map<string, number>();
  for (const r of report.results) for (const f of ['float32', 'float64'] as const) for (const o of outcomes(r, f)) counts.set(o, (counts.get(o) ?? 0) + 1);
  const tally = (['ok', 'inaccurate', 'inf', 'nan', 'unknown'] as const).filter((o) => counts.has(o)).map((o) => [o, counts.get(o)!] as const).map(([o, n]) => `<span class="${o}">${n} ${o}</span>`).join(', ');
  const body = [
    `<h1>f-diagnose eval</h1>`,
    `<p class="meta">float results as ${esc(fw.name)} ${esc(fw.version)} computes them on CPU (--framework ${esc(fw.id)}); `
      + `inaccurate: off by more than ${EVAL_ULPS} ULP and by more than half an ULP of 1${report.skipped ? `; ${esc(report.skipped)}` : ''}</p>`,
    `<pre>${esc(report.source)}</pre>`,
    `<h2>Summary</h2><p>${report.results.length} points; float32 and float64 results: ${tally}</p>`,
    ...report.results.map((r) => pointSection(report.source, r)),
  ].join('\n');
  const drawn = { points: report.results.length };
  return htmlPage('f-diagnose eval', body, { scripts: [`<script>window.__fdiagnose = Object.assign(${scriptSafe(JSON.stringify(drawn))}, { rows: document.querySelectorAll('tr.result').length, done: true });</script>`] });
}

function outcomes(r: PointResult, f: FloatFormat): string[] {
  const p = r[f];
  return [pointOutcome(p.value, p.ulps.value!, r.exact.value, f), ...Object.entries(p.grad).map(([v, g]) => pointOutcome(g, p.ulps[`grad:${v}`]!, r.exact.grad[v]!, f))];
}

function pointSection(source: string, r: PointResult): string {
  const vars = Object.keys(r.exact.grad);
  const head = `<tr><th>precision</th><th>value</th>${vars.map((v) => `<th>d/d${esc(v)}</th>`).join('')}</tr>`;
  const exact = `<tr><td>exact</td><td>${esc(r.exact.value)}</td>${vars.map((v) => `<td>${esc(r.exact.grad[v]!)}</td>`).join('')}</tr>`;
  const cell = (x: number, ulps: number, exactText: string, f: FloatFormat) => {
    const o = pointOutcome(x, ulps, exactText, f);
    return `<td class="${o}">${esc(formatFloat(x, f))}<br><small>${esc(formatUlps(ulps))} ULP, ${o}</small></td>`;
  };
  const rows = (['float32', 'float64'] as const).map((f) => {
    const p = r[f];
    return `<tr class="result"><td>${f}</td>${cell(p.value, p.ulps.value!, r.exact.value, f)}${vars.map((v) => cell(p.grad[v]!, p.ulps[`grad:${v}`]!, r.exact.grad[v]!, f)).join('')}</tr>`;
  });
  const tf = r.tfjs
    ? `<tr><td>TF.js ${esc(r.tfjs.backend)} (float32)</td><td>${esc(formatFloat(r.tfjs.value, 'float32'))}</td>${vars.map((v) => `<td>${esc(formatFloat(r.tfjs!.grad[v]!, 'float32'))}</td>`).join('')}</tr>`
    : '';
  const title = Object.entries(r.point).map(([k, v]) => `${k} = ${v}`).join(', ');
  return [
    `<section class="point"><h2>${esc(title)}</h2>`,
    `<table>${head}${exact}${rows.join('')}${tf}</table>`,
    hazards(source, 'float32', r.float32),
    hazards(source, 'float64', r.float64),
    `</section>`,
  ].join('\n');
}

/** The hazards eval's text shows (errors and cancellations), each with the source line and carets under its op. */
function hazards(source: string, f: FloatFormat, p: PrecisionResult): string {
  const shown = p.hazards.filter((e) => HAZARDS[e.hazard].severity === 'error' || e.hazard === 'cancellation');
  if (!shown.length) return '';
  const items = shown.map((h) => {
    const [line, caret] = excerpt(source, h.span, 100);
    const discarded = h.onPath ? '' : h.discardedBy === 'unused' ? ' (unused: folded into a constant)' : ' (discarded by where: reaches no result)';
    return `<li${h.onPath ? '' : ' class="discarded"'}><b>${esc(HAZARDS[h.hazard].title)}</b> (${h.pass} pass, at ${position(source, h.span)}): ${esc(h.detail)}${esc(discarded)}<pre>${esc(line)}\n<span class="caret">${esc(caret)}</span></pre></li>`;
  });
  return `<h3>${f}: hazards on the way</h3><ul>${items.join('')}</ul>`;
}
