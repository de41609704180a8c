import { UserError } from '../base/user-error.js';
import { existsSync } from 'node:fs';
import { writeTextFile } from '../base/read-file.js';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { BASELINE_FILE } from '../check/baseline.js';
import { readBaseline, updateBaseline } from '../check/baseline-file.js';
import { CONFIG_FILE } from '../check/config.js';
import { loadConfig } from '../check/load-config.js';
import { displayPath, runChecks } from '../check/run.js';
import { formatCheckText } from '../report/check-text.js';
import { formatCheckHtml } from '../report/html.js';
import { exitCode } from '../report/exit-code.js';
import { formatFor, formatNames } from '../report/formats.js';
import { useColor } from '../report/write.js';
import { MAX_SAMPLES } from '../graph/limits.js';
import { VERSION } from '../base/version.js';
import { describeError } from './errors.js';
import { FRAMEWORK_HELP, parseFramework } from './backend.js';
import { parseAtol } from './inputs.js';
import { progressBar, type ProgressStream } from './progress.js';

export interface CheckCommandOptions {
  config?: string;
  format?: string;
  output?: string;
  baseline?: string;
  updateBaseline?: boolean;
  /** Overrides every check's samples (quick runs and tests). */
  samples?: string;
  /** Overrides every check's framework. */
  framework?: string;
  /** Overrides every check's absolute tolerance. */
  atol?: string;
  /** Also write an HTML report here (a CI artifact). */
  html?: string;
  /** false (--no-fix): do not look for a proved fix of each failing check. */
  fix?: boolean;
}

export interface CheckIO {
  cwd: string;
  /** Where a progress bar may draw (stderr on a terminal); none when absent. */
  progress?: ProgressStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

function parseSamples(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 16 || n > MAX_SAMPLES) throw new UserError(`--samples: expected a whole number from 16 to ${MAX_SAMPLES}, got "${text}"`);
  return n;
}

/** The whole `check` command with its I/O injected; returns the exit code. */
export async function runCheckCommand(opts: CheckCommandOptions, io: CheckIO): Promise<number> {
  try {
    const format = await formatFor('check', opts.format ?? 'text');
    const samples = parseSamples(opts.samples);
    const configPath = resolve(io.cwd, opts.config ?? CONFIG_FILE);
    const loaded = loadConfig(configPath, opts.config ?? CONFIG_FILE);
    const baselinePath = resolve(io.cwd, opts.baseline ?? resolve(dirname(configPath), BASELINE_FILE));
    const useBaseline = !opts.updateBaseline && (opts.baseline !== undefined || existsSync(baselinePath));
    const baselineLabel = opts.baseline ?? displayPath(io.cwd, baselinePath);
    const baseline = useBaseline ? { file: baselinePath, data: readBaseline(baselinePath, baselineLabel) } : undefined;

    const framework = opts.framework === undefined ? undefined : parseFramework(opts.framework);
    const atol = opts.atol === undefined ? undefined : parseAtol(opts.atol);
    const progress = io.progress ? progressBar(io.progress, format.name !== 'json') : undefined;
    let run = await runChecks(loaded, { name: 'f-diagnose', version: VERSION }, {
      cwd: io.cwd, baseline, samples, ...(framework ? { framework } : {}), ...(atol === undefined ? {} : { atol }),
      ...(progress ? { onProgress: progress.update } : {}), keepSeries: opts.html !== undefined, fix: opts.fix !== false,
    }).finally(() => progress?.stop());
    if (opts.updateBaseline) run = updateBaseline(run, baselinePath, displayPath(io.cwd, baselinePath), `f-diagnose ${VERSION}`);

    const report = format.render(run, { color: io.color && opts.output === undefined });
    if (opts.html !== undefined) writeTextFile(resolve(io.cwd, opts.html), formatCheckHtml(run), opts.html);
    if (opts.output !== undefined) {
      writeTextFile(resolve(io.cwd, opts.output), report, opts.output);
      io.stdout(formatCheckText(run, { color: io.color }));
    } else if (format.name === 'github') {
      // Annotations are hidden lines in the job log: print the summary too.
      io.stdout(report + formatCheckText(run, { color: io.color }));
    } else {
      io.stdout(report);
    }
    return exitCode({ failing: run.passed ? 0 : 1 });
  } catch (err) {
    // Usage and parse errors: one message, exit 2; anything else: internal error, exit 3 (as every command).
    const { text, code } = describeError(err);
    io.stderr(`f-diagnose: ${text}\n`);
    return code;
  }
}

/**
 * Adds `f-diagnose check` to the program; main's `run` turns the result into the exit code.
 */
export function registerCheck(program: Command, run: (work: () => Promise<number>) => Promise<void>): void {
  program
    .command('check')
    .description('gate loss expressions in CI: run the checks of f-diagnose.config.json, exit 1 when one fails')
    .option('--config <path>', `config file (default: ${CONFIG_FILE} in the working directory)`)
    .option('--format <format>', `report format: ${formatNames('check').join(', ')}`, 'text')
    .option('--output <file>', 'write the report to FILE; the text summary still goes to stdout')
    .option('--baseline <file>', `baseline file (default: ${BASELINE_FILE} next to the config, used when it exists)`)
    .option('--update-baseline', 'record the current findings in the baseline file (later runs fail only on new or worse ones)')
    .option('--samples <n>', 'samples per variable for every check (overrides the config)')
    .option('--framework <name>', `${FRAMEWORK_HELP} (overrides the config; default tf)`)
    .option('--html <file>', 'also write a self-contained HTML report with plots (a CI artifact)')
    .option('--no-fix', 'do not look for a proved fix of each failing check (faster)')
    .option('--atol <x>', 'absolute tolerance for every check (overrides the config): auto (half an ULP of 1) or a number >= 0')
    .action((opts: CheckCommandOptions) => {
      const work = () =>
        runCheckCommand(opts, {
          cwd: process.cwd(),
          progress: process.stderr,
          stdout: (t) => process.stdout.write(t),
          stderr: (t) => process.stderr.write(t),
          color: useColor(process.stdout),
        });
      return run(work);
    });
}
