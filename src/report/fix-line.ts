import type { FormResult } from '../core/types.js';
import type { FormWithFix } from '../repair/attach.js';

/**
 * scan's "fix:" lines under a form's verdict (present when the report went through attachFixes): what it is and its
 * proof, then the fixed program unless `program` is false (--brief keeps one line per fix).
 */
export function fixLines(form: FormResult, program = true): string[] {
  const fix = (form as FormWithFix).fix;
  if (!fix) return [];
  if (fix.expr === null) return [`   fix: none proved (${fix.note ?? 'see f-diagnose fix'})`];
  const text = fix.expr.split('\n');
  return [
    `   fix: ${fix.steps.join(' + ')}; proved on ${fix.samples} samples: ${fix.clean === false ? 'NaN or inf only where the exact result is undefined or infinite' : 'no NaN or inf'}, value and gradient within tolerance`,
    ...(program ? text.map((l) => `     ${l}`) : []),
  ];
}
