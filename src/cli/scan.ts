import { UserError } from '../base/user-error.js';
import type { Command } from 'commander';
import { defaultScanOptions, diagnoseParallel, type FormSpec, type ScanRuntime, type TruthCache } from '../core/diagnose.js';
import type { FloatFormat } from '../base/float-format.js';
import { exitCode } from '../report/exit-code.js';
import { formatFor, formatNames } from '../report/formats.js';
import { useColor, writeReport } from '../report/write.js';
import { terminalWidth } from '../report/fit.js';
import { progressBar } from './progress.js';
import { parseVarRange } from '../sample/ranges.js';
import { failOnViolations, parseFailOn } from '../check/fail-on.js';
import { failOnLine } from '../report/check-common.js';
import { compile } from '../graph/compile.js';
import { STORY_FORMS } from '../core/story.js';
import { MAX_SAMPLES } from '../graph/limits.js';
import { FRAMEWORK_HELP, loadBackend, parseFramework } from './backend.js';
import { DEFAULT_FRAMEWORK } from '../graph/frameworks/index.js';
import { collect, parseAtol, parseInteger, referenceOf, type SamplingFlags } from './inputs.js';
import { formsOf } from './forms.js';
import { attachFixes, fixesAsFormsArrive } from '../repair/attach.js';
import { fixOnPool, preloadFixOnPool } from '../repair/fix-task.js';
import { frameworkOfInput } from './python-input.js';
import { warmTruthPool } from '../backends/truth-pool.js';

/** The part of the progress bar the scan takes when fixes follow it. */
const SCAN_SHARE = 0.65;

export interface ScanFlags extends SamplingFlags {
  reference?: string;
  atol: string;
  failOn?: string;
  maxDigits: string;
  brief?: boolean;
  framework?: string;
  verbose?: boolean;
  plot?: boolean;
  fix?: boolean;
}

export function registerScan(program: Command, run: (work: () => Promise<number>) => Promise<void>): void {
  program
    .command('scan')
    .description('sample the expression (default: the built-in story) and report where value and gradient go NaN, inf or inaccurate')
    .argument('[expr]', 'the expression under test, or a Python file: losses.py (every function) or losses.py::NAME (or -f FILE)')
    .option('-f, --file <file>', 'read the expression from a file ("-" for stdin)')
    .option('-r, --reference <expr>', 'ground truth comes from this expression instead of the one under test')
    .option('--var <name=lo:hi>', 'sample a variable in a range (repeatable), e.g. x=-1000:1000', collect, [])
    .option('-n, --samples <n>', 'samples per variable', '4096')
    .option('--seed <n>', 'random seed (printed in every report)', '1')
    .option('-p, --precision <p>', 'float32, float64 or both', 'both')
    .option('--format <format>', formatNames('scan').join(' or '), 'text')
    .option('--brief', 'text: only the summary (a line per form, a line per precision and target)')
    .option('--plot', 'text: draw outcome bands and bits of error against x (signed log axis), per precision and target')
    .option('--verbose', 'text: the full detail: tables, every region with its carets, hazards, TF.js agreement, verdicts')
    .option('--ulps <n>', 'a finite result further than this from the truth is inaccurate', '16')
    .option('--atol <x>', '...and further than this in absolute terms (auto: half an ULP of 1, 6e-8 float32 / 1.1e-16 float64; 0: ULPs alone)', 'auto')
    .option('--max-digits <n>', 'the ground truth gives up (unknown) beyond this many digits: lower is faster', '1200')
    .option('-o, --output <file>', 'write the report to a file')
    .option('--fail-on <list>', 'exit 1 when the report has any of: nan, inf, ulps:N (e.g. nan,inf,ulps:64)')
    .option('--framework <name>', `${FRAMEWORK_HELP} (default: what a .py file imports, else tf)`)
    .option('--no-fix', 'do not look for a proved fix under each finding (faster)')
    .option('--backend <backend>', 'float32 results from the emulator, from TF.js, or both compared (default both; emulated if TF.js fails to load; TF.js only with --framework tfjs)', 'both')
    .action((expr: string | undefined, flags: ScanFlags) => run(() => runScan(expr, flags)));
}

/** Above this many samples per variable the truth workers start when the truths are due, not before. */
const WARM_SAMPLES = 50_000;

async function runScan(expr: string | undefined, flags: ScanFlags): Promise<number> {
  // the truth workers load (~0.1 s each) while this thread compiles and draws the samples; not for a big scan, whose
  // peak memory (10^6 samples: 490 MB of the 500 budgeted) has no room for idle workers beside its sampling
  if (!(Number(flags.samples) > WARM_SAMPLES)) warmTruthPool();
  const format = await formatFor('scan', flags.format);
  const failOn = flags.failOn === undefined ? undefined : parseFailOn(flags.failOn);
  const framework = flags.framework !== undefined ? parseFramework(flags.framework) : frameworkOfInput(expr, flags.file) ?? DEFAULT_FRAMEWORK;
  const loading = loadBackend(flags.backend, framework);
  loading.catch(() => {}); // awaited below; a failure surfaces there, once
  const precisions = parsePrecision(flags.precision);
  const ranges = Object.fromEntries(flags.var.map(parseVarRange));
  const atol = parseAtol(flags.atol);
  const options = defaultScanOptions({
    ...(atol === undefined ? {} : { atol: { float32: atol, float64: atol } }),
    samples: parseInteger('--samples', flags.samples, 1, MAX_SAMPLES),
    seed: parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1),
    precisions,
    ranges,
    ulpTolerance: parseInteger('--ulps', flags.ulps, 0, 2 ** 53),
    maxDigits: parseInteger('--max-digits', flags.maxDigits, 20, 1200),
    framework,
  });
  const reference = referenceOf(flags.reference);
  const given = formsOf(expr, flags.file, Object.keys(ranges), reference);
  if (!given && reference) throw new UserError('--reference needs an expression to compare (the built-in story has its own)');
  const forms: FormSpec[] = given ?? STORY_FORMS;
  const known = new Set(forms.flatMap((f) => compile(f.source, f.file, { framework }).vars));
  for (const name of Object.keys(ranges)) {
    if (!known.has(name)) throw new UserError(`--var ${name}: not a variable of the expression (its variables: ${[...known].join(', ') || 'none'})`);
  }
  const progress = progressBar(process.stderr, format.name !== 'json');
  const keepSeries = flags.plot === true || format.name === 'html';
  // the fix proofs below judge their candidates mostly at the scan's own points: each truth is certified once
  const truthCache: TruthCache = new Map();
  // A proved fix under each finding (repair: candidates scanned against the form's own truth); --no-fix skips it.
  // Each form's search starts as soon as its analysis ends, on an idle truth thread (TF.js results stay here).
  let loaded: ScanRuntime | undefined;
  const withTfjs = framework === 'tfjs' && flags.backend !== 'emulated';
  const early = flags.fix === false ? undefined : fixesAsFormsArrive(options, () => ({ ...loaded!, truthCache }), withTfjs ? undefined : fixOnPool);
  if (early && !withTfjs) preloadFixOnPool();
  const runtime = loading.then((r) => (loaded = { ...r, ...(keepSeries ? { keepSeries } : {}), ...(early ? { onForm: early.onForm, onCounts: early.onCounts } : {}) }));
  // one bar over the scan and the fix search after it (the fixes' share measured on the story: about a third)
  const scanShare = flags.fix === false ? 1 : SCAN_SHARE;
  const report = await (async () => {
    const scanned = await diagnoseParallel(forms, options, runtime, (f, stage) => progress.update(scanShare * f, stage), truthCache);
    if (!early) return scanned;
    return attachFixes(scanned, { ...(await runtime), truthCache }, undefined, (f, stage) => progress.update(scanShare + (1 - scanShare) * f, stage), early);
  })().finally(progress.stop);
  const text = format.render(report, {
    color: !flags.output && useColor(process.stdout), brief: flags.brief, verbose: flags.verbose, plot: flags.plot,
    width: flags.output ? 80 : terminalWidth(process.stdout),
  });
  writeReport(text, flags.output);
  const violations = failOn ? failOnViolations(report, failOn) : [];
  for (const v of violations) process.stderr.write(`f-diagnose: fail: ${failOnLine(v)}\n`);
  return exitCode({ failing: violations.length });
}

export function parsePrecision(text: string): FloatFormat[] {
  if (text === 'both') return ['float32', 'float64'];
  if (text === 'float32' || text === 'float64') return [text];
  throw new UserError(`--precision '${text}': expected float32, float64 or both`);
}
