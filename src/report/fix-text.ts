import type { FixReport } from '../repair/fix.js';
import type { TargetCheck, Verified } from '../repair/prove.js';

/** How many other candidates the text report lists after the best. */
const OTHERS = 6;

const ulps = (u: number) => (Number.isFinite(u) ? (u < 1e5 ? String(u) : u.toExponential(1)) : 'inf');
const cell = (c: TargetCheck | undefined) =>
  c ? `${String(c.nan).padStart(5)} ${String(c.inf).padStart(5)} ${`${c.judgedIsBound ? '<=' : ''}${ulps(c.maxUlpsJudged)}`.padStart(8)}` : ' '.repeat(20);

/** The best fix as a diff against the input, its verification beside the input's, then the runners-up. */
export function formatFixText(report: FixReport, opts: { emitted?: string } = {}): string {
  const out: string[] = [];
  const tol = report.tolerances;
  out.push(`f-diagnose fix  ${report.framework}, seed ${report.seed}, ${report.samples} samples per variable, value within ${tol.value} ULP, gradient within ${tol.grad} ULP, checked against the input's exact values`);
  out.push('');
  const best = report.fixes[0];
  if (!best || best.verdict === 'rejected') {
    out.push('no fix found: every candidate was rejected (more NaN/inf or larger errors than the input)');
    if (best) out.push(...best.reasons.map((r) => `  - ${r}`));
    return out.join('\n') + '\n';
  }
  const clean = best.checks.every((k) => k.nan + k.inf === 0);
  const proof = clean ? 'no NaN or inf' : 'NaN or inf only where the exact result is undefined or infinite too';
  out.push(`best fix: ${best.verdict}${best.verdict === 'proved' ? ` (${proof}; value and gradient within tolerance, every precision)` : ''}`);
  out.push(`  made by: ${best.steps.join(' + ')}`);
  for (const w of best.why) out.push(`  why: ${w}`);
  if (best.changes) out.push(`  changes the function: ${best.changes}`);
  for (const r of best.reasons) out.push(`  still: ${r}`);
  out.push('');
  out.push(...lineDiff(report.input.trim().split('\n'), best.expr.split('\n')));
  out.push('');
  out.push(...table(report.original, best));
  if ([...report.original, ...best.checks].some((k) => k.maxUlpsJudged !== k.maxUlps)) {
    out.push(`(max ULP over the results farther than atol from the exact value, as scan judges: a subnormal flushed to zero by ${report.framework} is within it; <= N: every result within atol)`);
  }
  if (best.edgePoints) out.push(`(the fix's counts include ${best.edgePoints} more points: the input's region edges and the floats beside them, the fix's own cutoffs and a dense band over |x| in [2^-12, 2^12])`);
  if (opts.emitted) out.push('', opts.emitted.trimEnd());
  const others = report.fixes.slice(1, 1 + OTHERS);
  if (others.length) {
    out.push('', 'other candidates (best first):');
    for (const o of others) {
      const worst = Math.max(...o.checks.map((c) => c.maxUlpsJudged));
      const bad = o.checks.reduce((n, c) => n + c.nan + c.inf, 0);
      out.push(`  ${o.verdict.padEnd(20)} ${String(o.ops).padStart(4)} ops  NaN+inf ${String(bad).padStart(5)}  max ULP ${ulps(worst).padStart(8)}  ${o.steps.join(' + ')}`);
    }
  }
  return out.join('\n') + '\n';
}

function table(original: TargetCheck[], best: Verified): string[] {
  const rows = [`precision  target      input:  NaN   inf  max ULP    fix:  NaN   inf  max ULP`];
  for (const o of original) {
    const f = best.checks.find((c) => c.precision === o.precision && c.target === o.target);
    rows.push(`${o.precision.padEnd(10)} ${o.target.padEnd(10)}  ${cell(o)}      ${cell(f)}`);
  }
  return rows;
}

/** A line diff (longest common subsequence): "- " removed, "+ " added, "  " kept. */
export function lineDiff(a: string[], b: string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push(`  ${a[i++]}`), j++;
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out;
}
