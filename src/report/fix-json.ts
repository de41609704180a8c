import { toJson } from '../base/json.js';
import type { FixReport } from '../repair/fix.js';

/** The whole fix report: fixes[] best first, each with expr (re-scannable), steps, why, verdict and checks. */
export function formatFixJson(report: FixReport, emitted?: { framework: string; code: string }): string {
  return toJson({ ...report, ...(emitted ? { emit: emitted } : {}) }) + '\n';
}
