import { UserError } from '../base/user-error.js';
import type { Command } from 'commander';
import { defaultScanOptions, frameworkInfo, tfjsSkipNote } from '../core/diagnose.js';
import { DEFAULT_FRAMEWORK } from '../graph/frameworks/index.js';
import { evaluatePoints } from '../core/evaluate-points.js';
import { exitCode } from '../report/exit-code.js';
import { formatFor, formatNames } from '../report/formats.js';
import { useColor, writeReport } from '../report/write.js';
import { FRAMEWORK_HELP, loadBackend, parseFramework } from './backend.js';
import { collect, readText, referenceOf } from './inputs.js';
import { formsOf } from './forms.js';
import { frameworkOfInput } from './python-input.js';
import { parseAt, parsePoints, type Point } from './points.js';

interface EvalFlags { file?: string; at: string[]; points?: string; reference?: string; format: string; output?: string; backend: string; framework?: string }

export function registerEval(program: Command, run: (work: () => Promise<number>) => Promise<void>): void {
  program
    .command('eval')
    .description('evaluate at explicit points: float32 and float64 value and gradient, the exact ones, ULPs, hazards')
    .argument('[expr]', 'the expression (or -f FILE)')
    .option('-f, --file <file>', 'read the expression from a file')
    .option('--at <name=value>', 'a point, e.g. x=-100 or x=1,y=2 (repeatable)', collect, [])
    .option('--points <file>', 'points as JSON lines ({"x": 1.5}) or CSV with a header; "-" for stdin')
    .option('-r, --reference <expr>', 'exact values come from this expression')
    .option('--format <format>', `${formatNames('eval').join(', ')} (json: one JSON line per point; html: one self-contained file, with -o)`, 'text')
    .option('-o, --output <file>', 'write the report to a file')
    .option('--framework <name>', `${FRAMEWORK_HELP} (default: what a .py file imports, else tf)`)
    .option('--backend <backend>', 'emulated, tfjs or both: add TF.js\'s float32 results (--framework tfjs only)', 'both')
    .action((expr: string | undefined, flags: EvalFlags) => run(() => runEval(expr, flags)));
}

async function runEval(expr: string | undefined, flags: EvalFlags): Promise<number> {
  const format = await formatFor('eval', flags.format);
  const points: Point[] = flags.at.map(parseAt);
  if (flags.points) points.push(...parsePoints(readText(flags.points), flags.points === '-' ? '<stdin>' : flags.points));
  // a defaulted parameter of a Python function given at the points is a variable
  const forms = formsOf(expr, flags.file, [...new Set(points.flatMap((p) => Object.keys(p)))]);
  if (!forms) throw new UserError('eval needs an expression (or -f FILE, or FILE.py::NAME)');
  if (forms.length > 1) throw new UserError(`eval evaluates one function: name it, e.g. ${forms[0]!.name}`);
  const source = forms[0]!;
  if (!points.length) throw new UserError('eval needs points: --at x=VALUE (repeatable) or --points FILE');
  const framework = flags.framework !== undefined ? parseFramework(flags.framework) : frameworkOfInput(expr, flags.file) ?? DEFAULT_FRAMEWORK;
  const runtime = await loadBackend(flags.backend, framework);
  const results = evaluatePoints({ source: source.source, file: source.file, reference: referenceOf(flags.reference), framework }, points, defaultScanOptions().cancellationBits, runtime.tfjs);
  const skipped = runtime.backend !== 'emulated' && framework !== 'tfjs' ? tfjsSkipNote(framework) : undefined;
  const text = format.render({ source: source.source, results, framework: frameworkInfo(framework), ...(skipped ? { skipped } : {}) }, { color: !flags.output && useColor(process.stdout) });
  writeReport(text, flags.output);
  return exitCode({ failing: 0 });
}
