import { Chalk } from 'chalk';
import type { TextOptions } from './formats.js';
import { finiteUlps } from '../core/summarize.js';
import { type CheckResult, type CheckRun, isFailing } from '../check/types.js';
import { fixSuggestion, fmtNum, violationLine } from './check-common.js';


/** Why a passing check passes: "no NaN or inf; max error 2 ULPs value, 11 ULPs gradient". */
function passReason(check: CheckResult): string {
  const results = check.form.results;
  const known = check.violations.length;
  if (known > 0) return `${known} known finding${known === 1 ? '' : 's'} in the baseline, none new or worse`;
  const allowed = (['nan', 'inf'] as const)
    .filter((k) => check.limits[k] && results.some((r) => r[k] > 0))
    .map((k) => `${k === 'nan' ? 'NaN' : 'inf'} (allowed)`);
  const noneText = allowed.length === 0 ? 'no NaN or inf' : allowed.join(', ');
  const worst = (value: boolean) => {
    const rs = results.filter((r) => (r.target === 'value') === value);
    return rs.length === 0 ? null : Math.max(...rs.map(finiteUlps));
  };
  const limits = check.limits.maxUlps;
  const parts = [worst(true), worst(false)]
    .map((u, i) => (u === null ? null : `${fmtNum(u)} ULPs ${i === 0 ? 'value' : 'gradient'}${(i === 0 ? limits.value : limits.gradient) === undefined && (limits.value !== undefined || limits.gradient !== undefined) ? ' (no limit set)' : ''}`))
    .filter((s) => s !== null);
  const unlimited = limits.value === undefined && limits.gradient === undefined ? ' (no ULP limit set)' : '';
  return `${noneText}; max error ${parts.join(', ')}${unlimited}`;
}

/** "atol 5.96e-8 float32, 1.11e-16 float64": the absolute tolerance every check used, or null when they differ. */
function sharedAtol(run: CheckRun): string | null {
  const texts = new Set(run.checks.map(atolOf));
  return texts.size === 1 ? [...texts][0]! : null;
}

function atolOf(check: CheckResult): string {
  const entries = Object.entries(check.limits.atol ?? {}).filter(([, a]) => a !== undefined);
  return entries.length === 0 ? '' : `atol ${entries.map(([p, a]) => `${fmtNum(a!)} ${p}`).join(', ')}`;
}

/** One line per check, then a closing count. */
export function formatCheckText(run: CheckRun, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(...run.checks.map((k) => k.name.length));
  // every check's absolute tolerance goes on the closing line when they share it, else on each check's line
  const shared = sharedAtol(run);
  const own = (check: CheckResult) => (shared === null && atolOf(check) ? c.dim(`  [${atolOf(check)}]`) : '');
  const lines = run.checks.map((check) => {
    const name = check.name.padEnd(width);
    if (check.passed) return `${c.green('PASS')} ${c.bold(name)}  ${passReason(check)}${own(check)}`;
    const failing = check.violations.filter(isFailing);
    const more = failing.length > 1 ? c.dim(`  (+${failing.length - 1} more)`) : '';
    const suggestion = fixSuggestion(check);
    return `${c.red('FAIL')} ${c.bold(name)}  ${violationLine(failing[0]!)}${more}${own(check)}${suggestion === null ? '' : `\n     ${c.green(suggestion)}`}`;
  });
  const failed = run.checks.filter((k) => !k.passed).length;
  const seconds = (run.elapsedMs / 1000).toFixed(1);
  const verdict = failed === 0 ? c.green('all passed') : c.red(`${failed} failed`);
  const atol = shared;
  const baseline = run.baseline === null ? '' : run.baseline.updated ? `, baseline written to ${run.baseline.file}` : `, against baseline ${run.baseline.file}`;
  // which framework's rules and kernels the results are for (a check may override the config's)
  const frameworks = [...new Set(run.checks.map((k) => `${k.framework.name} ${k.framework.version}`))].join(', ');
  lines.push(`${run.checks.length} check${run.checks.length === 1 ? '' : 's'} in ${run.config}: ${verdict} (${seconds} s${baseline}; as ${frameworks} computes them${atol ? `; errors counted beyond ${atol}` : ''})`);
  return `${lines.join('\n')}\n`;
}
