import type { Command } from 'commander';
import { UserError } from '../base/user-error.js';
import { defaultScanOptions } from '../core/diagnose.js';
import { MAX_SAMPLES } from '../graph/limits.js';
import { emit, FRAMEWORKS, type Framework } from '../repair/emit.js';
import { fix } from '../repair/fix.js';
import { formatFixJson } from '../report/fix-json.js';
import { formatFixText } from '../report/fix-text.js';
import { exitCode } from '../report/exit-code.js';
import { writeReport } from '../report/write.js';
import { parseVarRange } from '../sample/ranges.js';
import { FRAMEWORK_HELP, loadBackend, parseFramework } from './backend.js';
import { DEFAULT_FRAMEWORK } from '../graph/frameworks/index.js';
import { collect, parseInteger, type SamplingFlags } from './inputs.js';
import { formsOf } from './forms.js';
import { toJson } from '../base/json.js';
import { parsePrecision } from './scan.js';

interface FixFlags extends SamplingFlags {
  gradUlps: string;
  emit?: string;
  framework: string;
}

export function registerFix(program: Command, run: (work: () => Promise<number>) => Promise<void>): void {
  program
    .command('fix')
    .description('propose stable forms of the expression (rewrites, double where, series at a removable singularity), each proved against its exact values')
    .argument('[expr]', 'the expression to fix, or a Python file: losses.py (every function) or losses.py::NAME (or -f FILE)')
    .option('-f, --file <file>', 'read the expression from a file ("-" for stdin)')
    .option('--var <name=lo:hi>', 'check in a range (repeatable), e.g. x=-1000:1000', collect, [])
    .option('-n, --samples <n>', 'samples per variable for the proof', '1024')
    .option('--seed <n>', 'random seed', '1')
    .option('-p, --precision <p>', 'float32, float64 or both', 'both')
    .option('--format <format>', 'text or json', 'text')
    .option('--ulps <n>', 'a fixed value must be within this many ULP of the exact one', '16')
    .option('--grad-ulps <n>', 'a fixed gradient must be within this many ULP of the exact one', '64')
    .option('--emit <framework>', `also print the best fix as a function: ${FRAMEWORKS.join(', ')}`)
    .option('-o, --output <file>', 'write the report to a file')
    .option('--framework <name>', FRAMEWORK_HELP, DEFAULT_FRAMEWORK)
    .option('--backend <backend>', 'float32 results from the emulator, from TF.js, or both compared (TF.js only with --framework tfjs)', 'emulated')
    .action((expr: string | undefined, flags: FixFlags) => run(() => runFix(expr, flags)));
}

async function runFix(expr: string | undefined, flags: FixFlags): Promise<number> {
  if (flags.format !== 'text' && flags.format !== 'json') throw new UserError(`--format '${flags.format}': expected text or json`);
  if (flags.emit !== undefined && !FRAMEWORKS.includes(flags.emit as Framework)) throw new UserError(`--emit '${flags.emit}': expected ${FRAMEWORKS.join(', ')}`);
  const framework = parseFramework(flags.framework);
  const ranges = Object.fromEntries(flags.var.map(parseVarRange));
  const forms = formsOf(expr, flags.file, Object.keys(ranges));
  if (!forms) throw new UserError('fix needs an expression, -f FILE or a Python file (losses.py::NAME)', undefined, "e.g. f-diagnose fix '1/(1-exp(-x)) - 1/x'");
  const options = defaultScanOptions({
    samples: parseInteger('--samples', flags.samples, 1, MAX_SAMPLES),
    seed: parseInteger('--seed', flags.seed, 0, 2 ** 32 - 1),
    precisions: parsePrecision(flags.precision),
    ranges,
    framework,
  });
  const tolerances = { value: parseInteger('--ulps', flags.ulps, 0, 2 ** 53), grad: parseInteger('--grad-ulps', flags.gradUlps, 0, 2 ** 53) };
  const runtime = await loadBackend(flags.backend, framework);
  const texts: string[] = [];
  const reports: unknown[] = [];
  let failing = 0;
  for (const form of forms) {
    const report = await fix(form.source, options, tolerances, runtime, form.file);
    if (runtime.progress) process.stderr.write('\r\x1b[K');
    const best = report.fixes[0];
    if (!best || best.verdict === 'rejected') failing++;
    const emitted = flags.emit && best && best.verdict !== 'rejected' ? emit(best.expr, report.vars, flags.emit as Framework) : undefined;
    const emittedJson = emitted ? { framework: flags.emit!, code: emitted } : undefined;
    if (flags.format === 'json') reports.push(JSON.parse(formatFixJson(report, emittedJson)));
    else texts.push((forms.length > 1 ? `== ${form.name}\n` : '') + formatFixText(report, { emitted }));
  }
  const text = flags.format === 'json' ? (reports.length === 1 ? toJson(reports[0]) : toJson({ schemaVersion: 1, command: 'fix', reports })) + '\n' : texts.join('\n');
  writeReport(text, flags.output);
  return exitCode({ failing });
}
