import { UserError } from '../base/user-error.js';
import type { ScanReport } from '../core/types.js';
import { targetViolations } from './evaluate.js';
import type { Limits, Violation } from './types.js';

/** What `scan --fail-on` gates on: any NaN, any inf, an error above `ulps` ULPs (null: no ULP gate). */
export interface FailOn {
  nan: boolean;
  inf: boolean;
  ulps: number | null;
}

const USAGE = 'expected a comma-separated list of nan, inf, ulps:N (e.g. --fail-on nan,inf,ulps:16)';

/** Parses "nan,inf,ulps:N"; throws a UserError (exit 2) naming the bad item. */
export function parseFailOn(text: string): FailOn {
  const failOn: FailOn = { nan: false, inf: false, ulps: null };
  const items = text.split(',').map((s) => s.trim());
  if (items.every((s) => s === '')) throw new UserError(`--fail-on: empty; ${USAGE}`);
  for (const item of items) {
    const lower = item.toLowerCase();
    if (lower === 'nan' || lower === 'inf') {
      failOn[lower] = true;
    } else if (lower.startsWith('ulps:') || lower === 'ulps') {
      const n = lower.slice(5).trim();
      const value = n === '' ? NaN : Number(n);
      if (!Number.isFinite(value) || value < 0) {
        throw new UserError(`--fail-on: "${item}" needs a number of ULPs >= 0, e.g. ulps:16`);
      }
      failOn.ulps = value;
    } else {
      throw new UserError(`--fail-on: unknown item "${item}"; ${USAGE}`);
    }
  }
  return failOn;
}

/** A reason the report breaks the gate: which form, and the violation (formatters put it into words). */
export interface FailOnViolation { form: string; violation: Omit<Violation, 'location'> }

/** The reasons the report breaks the gate, one per form x precision x target x kind; empty = pass. */
export function failOnViolations(report: ScanReport, failOn: FailOn): FailOnViolation[] {
  const limits: Limits = {
    nan: !failOn.nan,
    inf: !failOn.inf,
    maxUlps: failOn.ulps === null ? {} : { value: failOn.ulps, gradient: failOn.ulps },
  };
  return report.forms.flatMap((form) =>
    form.results.flatMap((result) =>
      targetViolations(result, limits).map((violation) => ({ form: form.name, violation })),
    ),
  );
}
