import { Chalk } from 'chalk';
import type { TextOptions } from './formats.js';
import { finiteUlps } from '../core/summarize.js';
import { type CheckResult, type CheckRun, isFailing } from '../check/types.js';
import { fmtNum, violationLine } from './check-common.js';


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
  const parts = [worst(true), worst(false)]
    .map((u, i) => (u === null ? null : `${fmtNum(u)} ULPs ${i === 0 ? 'value' : 'gradient'}`))
    .filter((s) => s !== null);
  return `${noneText}; max error ${parts.join(', ')}`;
}

/** One line per check, then a closing count. */
export function formatCheckText(run: CheckRun, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const width = Math.max(...run.checks.map((k) => k.name.length));
  const lines = run.checks.map((check) => {
    const name = check.name.padEnd(width);
    if (check.passed) return `${c.green('PASS')} ${c.bold(name)}  ${passReason(check)}`;
    const failing = check.violations.filter(isFailing);
    const more = failing.length > 1 ? c.dim(`  (+${failing.length - 1} more)`) : '';
    return `${c.red('FAIL')} ${c.bold(name)}  ${violationLine(failing[0]!)}${more}`;
  });
  const failed = run.checks.filter((k) => !k.passed).length;
  const seconds = (run.elapsedMs / 1000).toFixed(1);
  const verdict = failed === 0 ? c.green('all passed') : c.red(`${failed} failed`);
  const baseline = run.baseline === null ? '' : run.baseline.updated ? `, baseline written to ${run.baseline.file}` : `, against baseline ${run.baseline.file}`;
  // which framework's rules and kernels the results are for (a check may override the config's)
  const frameworks = [...new Set(run.checks.map((k) => `${k.framework.name} ${k.framework.version}`))].join(', ');
  lines.push(`${run.checks.length} check${run.checks.length === 1 ? '' : 's'} in ${run.config}: ${verdict} (${seconds} s${baseline}; as ${frameworks} computes them)`);
  return `${lines.join('\n')}\n`;
}
