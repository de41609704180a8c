import { Chalk, type ChalkInstance } from 'chalk';
import { FORMAT_LIMITS, type FloatFormat } from '../base/float-format.js';
import { decimalText, floatText, fourDigits } from '../base/numbers.js';
import type { TextOptions } from './formats.js';
import type { FormResult, ScanOptions, ScanReport } from '../core/types.js';
import type { HazardEvent, Region, TargetResult } from '../detect/types.js';
import { hazardGroups, headlineRegion, sortedRegions } from '../core/summarize.js';
import { HAZARDS } from './hazards.js';
import { verdict } from './verdict.js';
import { fixLines } from './fix-line.js';
import { formSource } from './form-source.js';
import { formatFloat, formatUlps, interval, pointText } from './numbers.js';
import { excerpt } from '../base/excerpt.js';
import { cut, wrap } from './fit.js';
import { plotLines } from './plot.js';
import { formVerdict, overviewLine, targetLine, targetVerdict } from './summary.js';
import { position } from './numbers.js';


export function formatScanText(report: ScanReport, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const o = report.options;
  const width = opts.width ?? 80;
  const out: string[] = [];
  /** A logical line, wrapped to the width, each row painted (colour never splits across a wrap). */
  const emit = (text: string, paint: (s: string) => string = (s) => s, hang = 4) => {
    for (const row of opts.verbose ? [text] : wrap(text, width, hang)) out.push(paint(row));
  };
  const ranges = Object.entries(o.ranges).map(([v, r]) => `${v} in [${r.lo}, ${r.hi}]${clampNote(r, o.precisions)}`).join(', ') || 'whole finite range';
  emit(`f-diagnose scan  seed ${o.seed}, ${o.samples} samples per variable, ${ranges}, ${o.precisions.join(' + ')}, ${toleranceText(o)}`, c.dim);
  const fw = report.framework;
  emit(`float results as ${fw.name} ${fw.version} computes them on CPU (--framework ${fw.id}): its gradient rules and kernels`, c.dim);
  if (report.backend?.skipped) emit(report.backend.skipped, c.dim);
  const tf = report.backend?.tfjs;
  if (tf) {
    const how = report.backend?.float32 === 'tfjs' ? 'float32 results computed by' : 'float32 cross-checked against';
    emit(`${how} TensorFlow.js ${tf.versions.tfjs} on its ${tf.backend} backend${tf.fallbackReason ? ` (${tf.fallbackReason}; see README "Backends")` : ''}`, c.dim);
  }
  if (opts.verbose) {
    for (const form of report.forms) out.push('', ...formText(form, verdict(form, report.options), c, opts.maxRegions ?? 6, false));
  } else {
    summaryText(report, emit, c, width, opts.brief ?? false);
    if (!opts.brief) keyRegions(report, emit, c, width);
  }
  if (opts.plot) plots(report, emit, c, width);
  out.push('', c.dim(`${report.elapsedMs} ms`));
  return out.join('\n') + '\n';
}

/** Per form, per precision and target: the outcome band and bits of error against x (plot.ts). */
function plots(report: ScanReport, emit: Emit, c: ChalkInstance, width: number): void {
  emit('');
  emit('plots: outcome per column (N NaN, I inf, ~ inaccurate, ? unknown, . ok) and the most bits of error, against x on a signed log axis (each decade the same width, 0 in the middle)', c.dim);
  for (const form of report.forms) {
    emit('');
    emit(cut(`== ${form.name}`, width), c.bold.cyan);
    for (const r of form.results) for (const row of plotLines(form, r, width)) emit(cut(row, width), /^ +(outcome|\d)/.test(row) ? (s) => s.replace(/N/g, c.red('N')).replace(/I/g, c.red('I')).replace(/~/g, c.yellow('~')) : (s) => s);
  }
}

type Emit = (text: string, paint?: (s: string) => string, hang?: number) => void;

const VERDICT_PAINT = (c: ChalkInstance) => ({ unstable: c.red, inaccurate: c.yellow, stable: c.green });

/** One line per form (its verdict), then per form one line per precision and target. */
function summaryText(report: ScanReport, emit: Emit, c: ChalkInstance, width: number, brief: boolean): void {
  const nameWidth = Math.min(28, Math.max(...report.forms.map((f) => f.name.length)));
  emit('');
  for (const form of report.forms) emit(cut(overviewLine(form, nameWidth), width), VERDICT_PAINT(c)[formVerdict(form)]);
  for (const form of report.forms) {
    emit('');
    emit(cut(`${form.name}: ${formSource(form)}`, width), c.bold);
    for (const r of form.results) {
      const v = targetVerdict(r);
      emit(targetLine(form, r, report.options), v === 'ok' ? c.green : v === 'inaccurate' ? c.yellow : c.red, 29);
    }
    for (const line of fixLines(form, !brief)) emit(line, c.green, 7);
  }
}

/** The headline region of every result that has one, with its root-cause chain and carets. */
function keyRegions(report: ScanReport, emit: Emit, c: ChalkInstance, width: number): void {
  emit('');
  emit('key regions (--verbose: every region, the tables, the hazards and TF.js agreement):', c.dim);
  for (const form of report.forms) {
    const shown = form.results.map((r) => [r, headlineRegion(r)] as const).filter((p): p is readonly [TargetResult, Region] => p[1] !== null);
    if (!shown.length) continue;
    emit('');
    emit(cut(`== ${form.name}`, width), c.bold.cyan);
    for (const [r, g] of shown) regionLines(form.expr, r, g, c, width).forEach(([text, paint]) => emit(text, paint, 6));
  }
}

function formText(form: FormResult, sentences: string[], c: ChalkInstance, maxRegions: number, brief: boolean): string[] {
  const python = /\.py::/.test(form.name);
  const lines = [c.bold.cyan(`== ${form.name}`), python ? `   ${formSource(form)}` : `   ${form.expr.split('\n').join('\n   ')}`];
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


/** The lines of one region, plain with their paint, excerpts cut to the width (key regions, fitted by the caller). */
function regionLines(source: string, r: TargetResult, g: Region, c: ChalkInstance, width: number): Array<[string, (s: string) => string]> {
  const plain = new Chalk({ level: 0 });
  const paint = g.outcome === 'nan' || g.outcome === 'inf' ? c.red : g.outcome === 'inaccurate' ? c.yellow : c.dim;
  const [head, ...rest] = regionText(source, r, g, plain, width - 7);
  return [[head!, paint], ...rest.map((l): [string, (s: string) => string] => [l, l.trimStart().startsWith('^') ? c.magenta : (s) => s])];
}

function regionText(source: string, r: TargetResult, g: Region, c: ChalkInstance, excerptWidth = 160): string[] {
  const where = interval(g, r);
  const what = g.outcome === 'nan' ? c.red('NaN') : g.outcome === 'inf' ? c.red('inf') : g.outcome === 'inaccurate' ? c.yellow(`off by up to ${formatUlps(g.maxUlps)} ULP`) : c.dim('truth unknown');
  const exact = g.exact ? '' : c.dim(' (endpoints at sample resolution)');
  const truth = g.truth.kind === 'finite' ? `exact ${decimalText(g.truth.decimal)}` : g.truth.kind === 'unknown' || g.truth.kind === 'undefined' ? `truth ${g.truth.kind} (${g.truth.reason})` : g.truth.kind;
  const at = pointText(g, r);
  const lines = [`   ${c.bold(`${r.precision} ${r.target}`)}  ${what} for ${where}${exact}  ${c.dim(`${g.samples} samples; at ${at}: got ${formatFloat(g.result, r.precision)}, ${truth}`)}`];
  g.chain.forEach((e, k) => lines.push(...eventText(source, e, k === 0 ? 'root cause' : 'then', c, excerptWidth)));
  return lines;
}

function eventText(source: string, e: HazardEvent, label: string, c: ChalkInstance, width = 160): string[] {
  const [line, caret] = excerpt(source, e.span, width);
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

/** "inaccurate: off by > 16 ULP and > 5.96e-8 (float32) / 1.11e-16 (float64)"; "> 16 ULP" when atol is 0. */
export function toleranceText(o: ScanOptions): string {
  const atols = o.precisions.map((p) => [p, o.atol[p]] as const).filter(([, a]) => a > 0);
  if (atols.length === 0) return `inaccurate beyond ${o.ulpTolerance} ULP`;
  const same = new Set(atols.map(([, a]) => a)).size === 1 && atols.length === o.precisions.length;
  const abs = same ? fourDigits(atols[0]![1]) : atols.map(([p, a]) => `${fourDigits(a)} ${p}`).join(' / ');
  return `inaccurate beyond ${o.ulpTolerance} ULP and atol ${abs}`;
}
