import { UserError } from '../base/user-error.js';
import type { FormSpec } from '../core/diagnose.js';
import { readSource } from './inputs.js';
import { pythonArgument, pythonForms } from './python-input.js';

/** Notes about how the input was read go to stderr, so stdout stays the report. */
const noteOnStderr = (text: string) => process.stderr.write(`f-diagnose: note: ${text}\n`);

/**
 * The one dispatch between the two input languages: a .py argument (FILE.py, FILE.py::NAME, or -f FILE.py) is
 * Python, one form per function; anything else is an expression (or -f FILE of one). undefined: no input given.
 */
export function formsOf(expr: string | undefined, file: string | undefined, variables: readonly string[], reference?: { source: string }): FormSpec[] | undefined {
  const python = pythonArgument(expr, file);
  if (python !== undefined) {
    if (expr !== undefined && file !== undefined) throw new UserError('give an expression or -f FILE, not both');
    return pythonForms(python, variables, noteOnStderr).map((f) => (reference ? { ...f, reference } : f));
  }
  const source = readSource(expr, file);
  return source ? [{ name: source.file ?? 'expression', ...source, ...(reference ? { reference } : {}) }] : undefined;
}
