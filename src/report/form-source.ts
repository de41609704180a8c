import type { FormResult } from '../core/types.js';

/**
 * A form's text on one line, as the summary names it: the expression; for a Python function (label file.py::name,
 * whose expr is the whole file) its def line and line number, not the file run together.
 */
export function formSource(form: Pick<FormResult, 'name' | 'expr'>): string {
  const fn = /\.py::([A-Za-z_]\w*)/.exec(form.name)?.[1];
  if (fn) {
    const lines = form.expr.split('\n');
    const at = lines.findIndex((l) => new RegExp(`^\\s*def\\s+${fn}\\s*\\(`).test(l));
    if (at >= 0) return `${lines[at]!.trim().replace(/:\s*$/, '')}  (line ${at + 1})`;
  }
  return form.expr.replace(/\s+/g, ' ');
}
