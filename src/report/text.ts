import { Chalk, type ChalkInstance } from 'chalk';
import { FORMAT_LIMITS, type FloatFormat } from '../base/float-format.js';
import { floatText } from '../base/numbers.js';
import type { TextOptions } from './formats.js';
import type { FormResult, ScanReport } from '../core/types.js';
import type { HazardEvent, Region, TargetResult } from '../detect/types.js';
import { hazardGroups, sortedRegions } from '../core/summarize.js';
import { HAZARDS } from './hazards.js';
import { verdict } from './verdict.js';
import { fixLines } from './fix-line.js';
import { formatFloat, formatUlps, interval, pointText } from './numbers.js';
import { excerpt } from '../base/excerpt.js';
import { position } from './numbers.js';


export function formatScanText(report: ScanReport, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const o = report.options;
  const ranges = Object.entries(o.ranges).map(([v, r]) => `${v} in [${r.lo}, ${r.hi}]${clampNote(r, o.precisions)}`).join(', ') || 'whole finite range';
  const out = [
    c.bold('f-diagnose scan') + c.dim(`  seed ${o.seed}, ${o.samples} samples per variable, ${ranges}, ${o.precisions.join(' + ')}, tolerance ${o.ulpTolerance} ULP`),
  ];
  const fw = report.framework;
  out.push(c.dim(`float results as ${fw.name} ${fw.version} computes them on CPU (--framework ${fw.id}): its gradient rules and kernels`));
  if (report.backend?.skipped) out.push(c.dim(report.backend.skipped));
  const tf = report.backend?.tfjs;
  if (tf) {
    const how = report.backend?.float32 === 'tfjs' ? 'float32 results computed by' : 'float32 cross-checked against';
    out.push(c.dim(`${how} TensorFlow.js ${tf.versions.tfjs} on its ${tf.backend} backend${tf.fallbackReason ? ` (${tf.fallbackReason}; see README "Backends")` : ''}`));
  }
  for (const form of report.forms) out.push('', ...formText(form, verdict(form, report.options), c, opts.brief ? 0 : opts.maxRegions ?? 6, opts.brief === true));
  out.push('', c.dim(`${report.elapsedMs} ms`));
  return out.join('\n') + '\n';
}

function formText(form: FormResult, sentences: string[], c: ChalkInstance, maxRegions: number, brief: boolean): string[] {
  const lines = [c.bold.cyan(`== ${form.name}`), `   ${form.expr.split('\n').join('\n   ')}`];
  if (form.reference !== null && form.reference !== form.expr) lines.push(c.dim(`   reference: ${form.reference}`));
  lines.push('', c.dim('   precision  target   samples    NaN    inf  >tol  unknown  max ULP  max bits  median bits'));
  for (const r of form.results) lines.push(row(r, c));
  for (const r of form.results) if (r.tfjs) lines.push(...tfjsText(r, c));
  if (!brief) lines.push(...hazardSummary(form, c));
  for (const r of brief ? [] : form.results) {
    const regions = sortedRegions(r);
    for (const g of regions.slice(0, maxRegions)) lines.push('', ...regionText(form.expr, r, g, c));
    if (regions.length > maxRegions) lines.push(c.dim(`   ... ${regions.length - maxRegions} more regions for ${r.precision} ${r.target} (see --format json)`));
  }
  lines.push('', c.bold('   verdict:'));
  for (const v of sentences) {
    const colour = v.startsWith('stable') ? c.green : v.startsWith('unstable') || / NaN | inf /.test(v) ? c.red : c.yellow;
    lines.push(colour(`   - ${v}`));
  }
  lines.push(...fixLines(form));
  return lines;
}

function row(r: TargetResult, c: ChalkInstance): string {
  const cells = [
    r.precision.padEnd(9), r.target.padEnd(7), String(r.samples).padStart(8), String(r.nan).padStart(6), String(r.inf).padStart(6),
    String(r.inaccurate).padStart(5), String(r.unknown).padStart(8), formatUlps(r.maxUlps).padStart(8),
    (Number.isNaN(r.maxBits) ? '?' : r.maxBits.toFixed(1)).padStart(9), (Number.isNaN(r.medianBits) ? '?' : r.medianBits.toFixed(1)).padStart(12),
  ];
  const line = `   ${cells.join('  ')}`;
  return r.nan || r.inf ? c.red(line) : r.inaccurate ? c.yellow(line) : c.green(line);
}


function regionText(source: string, r: TargetResult, g: Region, c: ChalkInstance): string[] {
  const where = interval(g, r);
  const what = g.outcome === 'nan' ? c.red('NaN') : g.outcome === 'inf' ? c.red('inf') : g.outcome === 'inaccurate' ? c.yellow(`off by up to ${formatUlps(g.maxUlps)} ULP`) : c.dim('truth unknown');
  const exact = g.exact ? '' : c.dim(' (endpoints at sample resolution)');
  const truth = g.truth.kind === 'finite' ? `exact ${g.truth.decimal.slice(0, 14)}` : g.truth.kind;
  const at = pointText(g, r);
  const lines = [`   ${c.bold(`${r.precision} ${r.target}`)}  ${what} for ${where}${exact}  ${c.dim(`${g.samples} samples; at ${at}: got ${formatFloat(g.result, r.precision)}, ${truth}`)}`];
  g.chain.forEach((e, k) => lines.push(...eventText(source, e, k === 0 ? 'root cause' : 'then', c)));
  return lines;
}

function eventText(source: string, e: HazardEvent, label: string, c: ChalkInstance): string[] {
  const [line, caret] = excerpt(source, e.span);
  const pass = e.pass === 'backward' ? `backward pass, in the gradient of` : 'forward pass, at';
  return [
    `     ${label}: ${c.bold(HAZARDS[e.hazard].title)} (${pass} ${position(source, e.span)}): ${e.detail}`,
    `       ${line}`,
    `       ${c.magenta(caret)}`,
  ];
}

function tfjsText(r: TargetResult, c: ChalkInstance): string[] {
  const t = r.tfjs!;
  const rate = `${(100 * t.agreement.nanInf).toFixed(t.agreement.nanInf === 1 ? 0 : 2)}%`;
  const ours = r.regions.filter((g) => g.outcome === 'nan').flatMap((g) => [g.lo, g.hi]);
  const edges = t.nanEdges.length
    ? `; TF.js goes NaN at ${t.nanEdges.slice(0, 4).map((x) => formatFloat(x, 'float32')).join(', ')}${t.nanEdges.length > 4 ? ', ...' : ''}` +
      ` (emulator: ${t.nanEdges.slice(0, 4).every((x) => ours.includes(x)) ? 'the same floats' : ours.slice(0, 8).map((x) => formatFloat(x, 'float32')).join(', ')})`
    : '';
  const colour = t.agreement.nanInf === 1 ? c.dim : c.red;
  const lines = [colour(`   tfjs ${r.target.padEnd(7)} NaN/inf agreement ${rate} of ${t.samples}, finite results within ${t.agreement.maxUlpsDiff} ULP${edges}`)];
  for (const d of t.disagreements.slice(0, 3)) {
    const at = Object.entries(d.at).map(([k, v]) => `${k} = ${formatFloat(v, 'float32')}`).join(', ');
    const where = d.op.pass === 'forward' ? `first differs at ${d.op.op}` : 'forward values agree; differs in the backward pass';
    lines.push(c.red(`     disagreement at ${at}: emulator ${formatFloat(d.emulated, 'float32')}, TF.js ${formatFloat(d.tfjs, 'float32')} (${where})`));
  }
  return lines;
}

/** Where each hazard happens, over every result of the form: op, pass, how often, first seen at. */
function hazardSummary(form: FormResult, c: ChalkInstance): string[] {
  const rows = hazardGroups(form).filter((g) => HAZARDS[g.hazard].severity === 'error' || g.hazard === 'cancellation');
  if (!rows.length) return [];
  const out = ['', c.dim('   hazards on the way (samples where it happens, per precision and target):')];
  for (const g of rows.slice(0, 8)) {
    const whole = form.expr.slice(g.span.start, g.span.end);
    const text = whole.length > 40 ? `${whole.slice(0, 37)}...` : whole;
    const counts = g.counts.map((k) => `${k.precision === 'float32' ? 'f32' : 'f64'} ${k.target}: ${k.count}`).join(', ');
    out.push(`   ${HAZARDS[g.hazard].title.padEnd(16)} ${g.pass === 'backward' ? 'backward' : 'forward '}  ${text.padEnd(40)}  ${c.dim(counts)}`);
  }
  if (rows.length > 8) out.push(c.dim(`   ... ${rows.length - 8} more (see --format json)`));
  return out;
}

/** " (float32: clamped to [-3.4028235e+38, 3.4028235e+38])" when a given range goes beyond a format's finite floats. */
function clampNote(r: { lo: number; hi: number }, precisions: readonly FloatFormat[]): string {
  const notes = precisions.filter((f) => r.lo < -FORMAT_LIMITS[f].max || r.hi > FORMAT_LIMITS[f].max).map((f) => {
    const max = FORMAT_LIMITS[f].max;
    return `${f}: clamped to [${floatText(Math.max(r.lo, -max), f)}, ${floatText(Math.min(r.hi, max), f)}]`;
  });
  return notes.length ? ` (${notes.join('; ')})` : '';
}
