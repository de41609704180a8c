import type { FailOnViolation } from '../check/fail-on.js';
import { fourDigits } from '../base/numbers.js';
import type { CheckResult, SourceLocation, Violation } from '../check/types.js';
import type { HazardKind } from '../vocab/hazards.js';
import type { Region } from '../detect/types.js';
import { hazardInfo } from './hazards.js';

export const fmtNum = fourDigits;

export const fmtPoint = (at: Record<string, number>): string =>
  Object.entries(at).map(([k, v]) => `${k}=${fmtNum(v)}`).join(', ');

export function regionText(region: Region): string {
  const range = (lo: number, hi: number) => (lo === hi ? `= ${fmtNum(lo)}` : `in [${fmtNum(lo)}, ${fmtNum(hi)}]`);
  if (region.box) return Object.entries(region.box).map(([v, b]) => `${v} ${range(b.lo, b.hi)}`).join(', ');
  return `[${fmtNum(region.lo)}, ${fmtNum(region.hi)}]`;
}

export const OUTCOME_LABEL = { nan: 'NaN', inf: 'inf', ulps: 'error' } as const;

/** "NaN on [-3.403e38, -88.72]", "inf in 3 of 256 samples", "error 1.2e3 ULPs > 16 at x=1e-5". */
export function violationSummary(v: Violation): string {
  if (v.kind === 'ulps') {
    const at = v.at === null ? '' : ` at ${fmtPoint(v.at)}`;
    return `error ${fmtNum(v.ulps!)} ULPs > ${fmtNum(v.limit!)}${at}`;
  }
  const label = OUTCOME_LABEL[v.kind];
  if (v.region === null) return `${label} in ${v.count} of ${v.samples} samples`;
  const more = v.regionCount > 1 ? ` (+${v.regionCount - 1} more region${v.regionCount > 2 ? 's' : ''})` : '';
  return `${label} on ${regionText(v.region)}${more}`;
}

export const locationText = (loc: SourceLocation): string => `${loc.file}:${loc.startLine}:${loc.startColumn}`;

/** "overflow in exp at loss.txt:1:12 -> 0 * inf in mul (backward)", or null when no cause was found. */
export function rootCauseText(v: Violation, spanPrefix?: string): string | null {
  const r = v.region;
  if (r === null || r.hazard === null) return null;
  const where = v.location !== null ? ` at ${locationText(v.location)}`
    : r.span !== null && spanPrefix !== undefined ? ` at ${spanPrefix}${r.span.line}:${r.span.column}` : '';
  const step = (hazard: HazardKind, op: string, backward: boolean) => `${hazardInfo(hazard).title} in ${op}${backward ? ' (backward)' : ''}`;
  // The chain repeats a step when the same hazard recurs at the same kind of op (e.g. two where traps): show it once.
  const steps = r.chain.map((e) => step(e.hazard, e.op, e.pass === 'backward')).filter((t, i, all) => i === 0 || t !== all[i - 1]);
  const rest = steps.slice(1, 3);
  const ellipsis = steps.length > 3 ? ' -> ...' : '';
  return [`${step(r.hazard, r.op ?? '?', r.pass === 'backward')}${where}`, ...rest].join(' -> ') + ellipsis;
}

export function baselineText(v: Violation): string {
  const b = v.baseline;
  if (b === undefined) return '';
  if (b.status === 'known') return '  [baseline: known]';
  if (b.status === 'new') return '  [new since baseline]';
  return `  [worse than baseline: ${b.detail}]`;
}

/** "float32 grad:x  NaN on [-3.403e38, -88.72]  root cause: overflow in exp at loss.txt:1:12". */
export function violationLine(v: Violation, opts: { spanPrefix?: string } = {}): string {
  const cause = rootCauseText(v, opts.spanPrefix);
  return `${v.precision} ${v.target}  ${violationSummary(v)}${cause === null ? '' : `  root cause: ${cause}`}${baselineText(v)}`;
}

/** "naive: float32 grad:x  NaN on [-1000, -88.72]  root cause: overflow in exp at 1:8", for scan --fail-on. */
export function failOnLine(v: FailOnViolation): string {
  return `${v.form}: ${violationLine({ ...v.violation, location: null }, { spanPrefix: '' })}`;
}

/** The longest fix expression a one-line suggestion quotes; a longer one is left to `f-diagnose fix`. */
const SUGGESTION_CHARS = 160;

/**
 * A failing check's proved fix as one line: "fix (proved on 512 samples, no NaN or inf): softplus: softplus(x)";
 * a program's lines joined by "; ". Null when the check has no fix line (passed, or --no-fix).
 */
export function fixSuggestion(check: CheckResult): string | null {
  const fix = check.fix;
  if (!fix) return null;
  if (fix.expr === null) return `no fix proved (${fix.note ?? 'see f-diagnose fix'})`;
  const code = fix.expr.split('\n').map((l) => l.trim()).filter(Boolean).join('; ');
  const shown = code.length <= SUGGESTION_CHARS ? `: ${code}` : ' (see f-diagnose fix for the code)';
  const outcome = fix.clean === false ? 'NaN or inf only where the exact result is' : 'no NaN or inf';
  return `fix (proved on ${fix.samples} samples, ${outcome}): ${fix.steps.join(' + ')}${shown}`;
}
