import { excerpt } from '../base/excerpt.js';
import { hazardGroups, headlineRegion } from '../core/summarize.js';
import type { FormResult, ScanOptions, ScanReport } from '../core/types.js';
import type { CheckRun } from '../check/types.js';
import type { HazardEvent } from '../detect/types.js';
import { uplot } from './assets.js';
import { HAZARDS } from './hazards.js';
import { REPORT_SCRIPT } from './html-script.js';
import { esc, htmlPage, scriptSafe } from './html-common.js';
import { fixHtml } from './fix-html.js';
import { plotData } from './html-data.js';
import { formatFloat, interval, position } from './numbers.js';
import { formVerdict, overviewLine, targetLine, targetVerdict } from './summary.js';
import { toleranceText } from './text.js';
import { verdict } from './verdict.js';

/**
 * The scan as one self-contained HTML file: the summary, per form the plots (uPlot, inlined), the hazard table with the
 * source and carets, the root-cause chains, the TF.js cross-check and the verdict sentences. Nothing is fetched: the
 * plotting library, its CSS and the data are in the file.
 */
export function formatScanHtml(report: ScanReport): string {
  const o = report.options;
  const tf = report.backend?.tfjs;
  const framework = tf ? `TensorFlow.js ${tf.versions.tfjs ?? '?'} (${tf.backend} backend${tf.fallbackReason ? `; ${tf.fallbackReason}` : ''}), float32 ${report.backend?.float32 === 'tfjs' ? 'computed by' : 'cross-checked against'} it` : 'float32 and float64 emulated (no TF.js cross-check)';
  const meta = `${report.tool.name} ${report.tool.version}; seed ${o.seed}, ${o.samples} samples per variable, ${o.precisions.join(' + ')}, ${toleranceText(o)}; ${framework}; ${report.elapsedMs} ms`;
  return page('f-diagnose scan', meta, report.forms.map((form) => ({ form, options: o })));
}

/** The HTML of a check run: every check as a form section, its PASS/FAIL in the summary (check --html FILE). */
export function formatCheckHtml(run: CheckRun): string {
  const sections = run.checks.flatMap((k) => (k.options ? [{ form: k.fix ? { ...k.form, fix: k.fix } : k.form, options: k.options, status: k.passed ? 'PASS' : 'FAIL' }] : []));
  const meta = `${run.tool.name} ${run.tool.version}; ${run.checks.length} checks in ${run.config}: ${run.passed ? 'all passed' : `${run.checks.filter((k) => !k.passed).length} failed`}; ${(run.elapsedMs / 1000).toFixed(1)} s`;
  return page('f-diagnose check', meta, sections);
}

interface Section { form: FormResult; options: ScanOptions; status?: string }

function page(title: string, meta: string, sections: Section[]): string {
  const lib = uplot();
  const nameWidth = Math.max(0, ...sections.map((s) => s.form.name.length));
  const summary = sections.map((s) => `<span class="${formVerdict(s.form)}">${s.status ? `${s.status} ` : ''}${esc(overviewLine(s.form, nameWidth))}</span>`).join('\n');
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(meta)}; plots by uPlot ${esc(lib.version)}</p>`,
    `<h2>Summary</h2>`,
    `<pre class="summary">${summary}</pre>`,
    ...sections.map((s, i) => formSection(s.form, i, s.options)),
  ].join('\n');
  const data = { forms: sections.map(({ form }) => plotData(form)) };
  return htmlPage(title, body, {
    css: lib.css,
    scripts: [
      `<script id="data" type="application/json">${scriptSafe(JSON.stringify(data))}</script>`,
      `<script>${scriptSafe(lib.js)}</script>`,
      `<script>${REPORT_SCRIPT}</script>`,
    ],
  });
}

function formSection(f: FormResult, i: number, options: ScanOptions): string {
  const v = formVerdict(f);
  const targets = f.results.map((r) => `<li class="${targetVerdict(r) === 'ok' ? 'stable' : targetVerdict(r) === 'inaccurate' ? 'inaccurate' : 'unstable'}">${esc(targetLine(f, r, options).trim())}</li>`).join('');
  return [
    `<section class="form"><h2 class="${v}">${esc(f.name)}: ${v}</h2>`,
    `<pre>${esc(f.expr)}</pre>`,
    f.reference !== null && f.reference !== f.expr ? `<p>reference: <code>${esc(f.reference)}</code></p>` : '',
    `<ul>${targets}</ul>`,
    `<div id="plots-${i}" class="plots"></div>`,
    f.vars.length > 2 ? `<p>(no plot for ${f.vars.length} variables)</p>` : '',
    hazardTable(f),
    chains(f),
    fixHtml(f, options),
    crossCheck(f),
    `<h3>Verdict</h3><ul>${verdict(f, options).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`,
    `</section>`,
  ].join('\n');
}

function hazardTable(f: FormResult): string {
  const rows = hazardGroups(f);
  if (!rows.length) return '';
  const tr = rows.map((g) => {
    const [line, caret] = excerpt(f.expr, g.span, 100);
    const counts = g.counts.map((k) => `${k.precision} ${k.target}: ${k.count}`).join(', ');
    return `<tr><td>${esc(HAZARDS[g.hazard].title)}</td><td>${g.pass}</td><td><pre>${esc(line)}\n<span class="caret">${esc(caret)}</span></pre></td><td>${esc(counts)}</td></tr>`;
  });
  return `<h3>Hazards on the way</h3><table><tr><th>hazard</th><th>pass</th><th>where</th><th>samples</th></tr>${tr.join('')}</table>`;
}

function chains(f: FormResult): string {
  const items = f.results.flatMap((r) => {
    const g = headlineRegion(r);
    if (!g) return [];
    const what = g.outcome === 'nan' ? 'NaN' : g.outcome === 'inf' ? 'inf' : `off by up to ${g.maxUlps.toPrecision(3)} ULP`;
    const steps = g.chain.map((e, k) => eventHtml(f.expr, e, k === 0 ? 'root cause' : 'then')).join('');
    return [`<li><b>${r.precision} ${r.target}</b>: ${what} for ${esc(interval(g, r))} (${g.samples} samples; at ${esc(Object.entries(g.at).map(([k, x]) => `${k} = ${formatFloat(x, r.precision)}`).join(', '))}: got ${esc(formatFloat(g.result, r.precision))})${steps}</li>`];
  });
  return items.length ? `<h3>Root causes</h3><ul>${items.join('')}</ul>` : '';
}

function eventHtml(source: string, e: HazardEvent, label: string): string {
  const [line, caret] = excerpt(source, e.span, 100);
  const pass = e.pass === 'backward' ? 'backward pass, in the gradient of' : 'forward pass, at';
  return `<div>${label}: <b>${esc(HAZARDS[e.hazard].title)}</b> (${pass} ${position(source, e.span)}): ${esc(e.detail)}<pre>${esc(line)}\n<span class="caret">${esc(caret)}</span></pre></div>`;
}

function crossCheck(f: FormResult): string {
  const rows = f.results.filter((r) => r.tfjs).map((r) => {
    const t = r.tfjs!;
    return `<tr><td>${r.precision} ${r.target}</td><td>${(100 * t.agreement.nanInf).toFixed(2)}% of ${t.samples}</td><td>${t.agreement.maxUlpsDiff} ULP</td><td>${t.disagreements.length}</td></tr>`;
  });
  return rows.length ? `<h3>Cross-check against TF.js</h3><table><tr><th>result</th><th>NaN/inf agreement</th><th>finite results within</th><th>disagreements</th></tr>${rows.join('')}</table>` : '';
}
