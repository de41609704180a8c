import { UserError } from '../base/user-error.js';
import { readTextFile } from '../base/read-file.js';
import { relative, resolve, sep } from 'node:path';
import { findNodeAtLocation } from 'jsonc-parser';
import { compile } from '../graph/compile.js';
import { formatLabel, isPythonLabel, lowerPythonFunction, pythonFunctions } from '../parse/python/index.js';
import { defaultScanOptions, type FormSpec, diagnoseParallel, type ScanProgress } from '../core/diagnose.js';
import type { Graph } from '../graph/graph.js';
import type { ScanOptions } from '../core/types.js';
import { type Baseline, applyBaseline } from './baseline.js';
import type { CheckConfig } from './config.js';
import { formatPath } from './config-issues.js';
import { violationOrder, targetViolations } from './evaluate.js';
import type { LoadedConfig } from './load-config.js';
import { type ExprSource, spanLocation, wholeLocation } from './locate.js';
import { lineColumn } from '../base/span.js';
import type { CheckResult, CheckRun, Limits } from './types.js';
import { DEFAULT_FRAMEWORK, type FrameworkId } from '../graph/frameworks/index.js';
import { fixLineOf, type FixCache } from '../repair/attach.js';
import { fixOnPool } from '../repair/fix-task.js';

export interface RunOptions {
  /** Paths in reports are relative to this directory (the repository root in CI). */
  cwd: string;
  baseline?: { file: string; data: Baseline };
  /** Overrides every check's samples (tests, quick local runs). */
  samples?: number;
  /** Overrides every check's framework (--framework). */
  framework?: FrameworkId;
  /** Overrides every check's absolute tolerance (--atol). */
  atol?: number;
  /** Keep every sample in the results (for check --html). */
  keepSeries?: boolean;
  /** How far the run is (0 to 1) and what it is doing, for a progress bar. */
  onProgress?: ScanProgress;
  /** Look for a proved fix of every failing check (the annotations' suggestion, the HTML's fix). */
  fix?: boolean;
}

/** A path as reports show it: relative to cwd, with forward slashes (what GitHub annotations and SARIF expect). */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return (rel === '' ? path : rel).split(sep).join('/');
}

interface Located {
  source: string;
  /** The name parse errors and scan reports give the expression. */
  label: string;
  where: ExprSource;
}

function fieldPosition(loaded: LoadedConfig, path: (string | number)[]): string {
  const node = findNodeAtLocation(loaded.json.tree, path);
  if (node === undefined) return loaded.label;
  const { line, column } = lineColumn(loaded.json.text, node.offset);
  return `${loaded.label}:${line}:${column}`;
}

/** The expression (or reference) of check i: a config string, or a file relative to the config. */
function locate(loaded: LoadedConfig, i: number, inline: 'expr' | 'reference', fileKey: 'file' | 'referenceFile', cwd: string): Located | undefined {
  const check = loaded.config.checks[i]!;
  const text = check[inline];
  const configFile = displayPath(cwd, loaded.path);
  if (text !== undefined) {
    const literal = findNodeAtLocation(loaded.json.tree, ['checks', i, inline])!.offset;
    return { source: text, label: `${loaded.label} ${formatPath(['checks', i, inline])}`, where: { kind: 'json-string', file: configFile, text: loaded.json.text, literal } };
  }
  const file = check[fileKey];
  if (file === undefined) return undefined;
  const path = resolve(loaded.dir, file);
  const source = readTextFile(path, { label: `${fieldPosition(loaded, ['checks', i, fileKey])}: ${formatPath(['checks', i, fileKey])}`, what: JSON.stringify(file) });
  const shown = displayPath(cwd, path);
  const label = fileKey === 'file' && shown.endsWith('.py') ? pythonLabel(source, shown, check.function, Object.keys(check.vars)) : shown;
  return { source, label, where: { kind: 'file', file: shown, text: source } };
}

/** A Python file's label names the function and the defaulted parameters the config samples (listed in vars). */
function pythonLabel(source: string, file: string, fn: string | undefined, vars: string[]): string {
  try {
    const form = lowerPythonFunction(source, file, fn, []);
    return formatLabel({ file, function: form.function, sampled: form.constants.filter((c) => vars.includes(c)) });
  } catch (e) {
    if (e instanceof UserError && e.span !== undefined) e.withSource(source, file);
    throw e;
  }
}

/** A UserError propagates with its source and file name attached; the CLI shows it with a caret, exit 2. */
/** The framework a Python check's file imports (torch, tensorflow/keras, jax); numpy or none leaves it to the config. */
function importedFramework(located: Located): FrameworkId | undefined {
  if (!isPythonLabel(located.label)) return undefined;
  const found = pythonFunctions(located.source).framework;
  return found === 'tf' || found === 'torch' || found === 'jax' ? found : undefined;
}

const compileOrThrow = (located: Located, framework: FrameworkId): Graph => compile(located.source, located.label, { framework });

export function limitsOf(check: CheckConfig): Limits {
  return {
    nan: check.thresholds?.nan ?? false,
    inf: check.thresholds?.inf ?? false,
    maxUlps: { ...check.thresholds?.maxUlps },
  };
}

function scanOptionsOf(check: CheckConfig, limits: Limits, samples: number | undefined, framework: FrameworkId, opts: Pick<RunOptions, 'atol'> = {}): ScanOptions {
  const partial: Partial<ScanOptions> = {
    ranges: Object.fromEntries(Object.entries(check.vars).map(([v, [lo, hi]]) => [v, { lo, hi }])),
    framework,
  };
  const atol = opts.atol ?? check.thresholds?.atol;
  if (atol !== undefined) partial.atol = { float32: atol, float64: atol };
  if (samples !== undefined || check.samples !== undefined) partial.samples = samples ?? check.samples;
  if (check.seed !== undefined) partial.seed = check.seed;
  if (check.precisions !== undefined) partial.precisions = [...new Set(check.precisions)];
  const ulpLimits = [limits.maxUlps.value, limits.maxUlps.gradient].filter((u): u is number => u !== undefined);
  // Regions of outcome "inaccurate" then mark exactly where the tighter limit is broken.
  if (ulpLimits.length > 0) partial.ulpTolerance = Math.min(...ulpLimits);
  return defaultScanOptions(partial);
}

async function runOne(loaded: LoadedConfig, i: number, opts: RunOptions): Promise<CheckResult> {
  const started = performance.now();
  const check = loaded.config.checks[i]!;
  const expr = locate(loaded, i, 'expr', 'file', opts.cwd)!;
  const reference = locate(loaded, i, 'reference', 'referenceFile', opts.cwd);
  // --framework, else the check's own, else what its .py file imports (as scan and eval), else the config's, else tf
  const framework = opts.framework ?? check.framework ?? importedFramework(expr) ?? loaded.config.framework ?? DEFAULT_FRAMEWORK;
  const graph = compileOrThrow(expr, framework);
  if (reference !== undefined) compileOrThrow(reference, framework);
  for (const name of Object.keys(check.vars)) {
    if (!graph.vars.includes(name)) {
      const its = graph.vars.length === 0 ? 'it has none' : `its variables: ${graph.vars.join(', ')}`;
      throw new UserError(`${fieldPosition(loaded, ['checks', i, 'vars', name])}: ${formatPath(['checks', i, 'vars', name])}: not a variable of the expression (${its})`);
    }
  }
  const options = scanOptionsOf(check, limitsOf(check), opts.samples, framework, opts);
  const limits: Limits = { ...limitsOf(check), atol: Object.fromEntries(options.precisions.map((p) => [p, options.atol[p]])) };
  const spec: FormSpec = { name: check.name, source: expr.source, file: expr.label };
  if (reference !== undefined) spec.reference = { source: reference.source, file: reference.label };
  const report = await diagnoseParallel([spec], options, { backend: 'emulated', keepSeries: opts.keepSeries === true }, opts.onProgress);
  const form = report.forms[0]!;
  const targets = new Set(check.targets ?? ['value', 'gradient']);
  const results = form.results.filter((r) => targets.has(r.target === 'value' ? 'value' : 'gradient'));
  const violations = results.flatMap((r) => targetViolations(r, limits)).sort(violationOrder).map((v) => ({
    ...v,
    location: v.region?.span ? spanLocation(expr.where, v.region.span) : null,
  }));
  return {
    name: check.name,
    passed: violations.length === 0,
    exprLocation: wholeLocation(expr.where, expr.source.length),
    limits,
    framework: report.framework,
    ...(opts.keepSeries ? { options } : {}),
    form: { ...form, results },
    violations,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Runs every check of the config (scan per check), then compares against the baseline if one is given. */
export async function runChecks(loaded: LoadedConfig, tool: { name: string; version: string }, opts: RunOptions): Promise<CheckRun> {
  const started = performance.now();
  let checks: CheckResult[] = [];
  const n = loaded.config.checks.length;
  for (let i = 0; i < n; i++) {
    const name = loaded.config.checks[i]!.name;
    const onProgress = opts.onProgress && ((f: number, stage: string) => opts.onProgress!((i + f) / n, `${name}: ${stage}`));
    checks.push(await runOne(loaded, i, { ...opts, onProgress }));
  }
  if (opts.baseline !== undefined) checks = applyBaseline(checks, opts.baseline.data);
  if (opts.fix === true) checks = await withFixes(loaded, checks, opts);
  return {
    schemaVersion: 1,
    command: 'check',
    tool,
    config: displayPath(opts.cwd, loaded.path),
    baseline: opts.baseline === undefined ? null : { file: displayPath(opts.cwd, opts.baseline.file), updated: false },
    passed: checks.every((c) => c.passed),
    checks,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Every failing check with the cheapest proved fix of its expression (repair: candidates scanned against the check's
 * own truth, held to the check's ULP limits, else scan's defaults: value within the tolerance, gradient within 4 times it).
 */
async function withFixes(loaded: LoadedConfig, checks: CheckResult[], opts: RunOptions): Promise<CheckResult[]> {
  const known: FixCache = new Map();
  // every search starts at once, each on the kept truth thread with the fewest (in this thread when none is running)
  const lines = checks.map((k, i) => {
    if (k.passed) return undefined;
    const check = loaded.config.checks[i]!;
    const options = k.options ?? scanOptionsOf(check, limitsOf(check), opts.samples, k.framework.id, opts);
    const u = options.ulpTolerance;
    const tol = { value: k.limits.maxUlps.value ?? u, grad: k.limits.maxUlps.gradient ?? 4 * u };
    const label = locate(loaded, i, 'expr', 'file', opts.cwd)!.label;
    opts.onProgress?.(1, `${k.name}: looking for a proved fix`);
    const line = fixLineOf(k.form, options, tol, { backend: 'emulated' }, known, label, fixOnPool);
    line.catch(() => {}); // awaited below, in order
    return line;
  });
  const out: CheckResult[] = [];
  for (const [i, k] of checks.entries()) {
    const line = lines[i];
    out.push(line ? { ...k, fix: await line } : k);
  }
  return out;
}
