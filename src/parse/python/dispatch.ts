import { UserError } from '../../base/user-error.js';
import type { Program } from '../ast.js';
import { parseProgram as parseExpressionProgram } from '../parser.js';
import { lowerPythonFunction } from './form.js';
import { parseLabel } from './label.js';

/**
 * The one place that decides the language: a label naming a .py file (FILE.py or FILE.py::NAME[sampled]) is Python,
 * lowered to the same AST; anything else is the expression language. Errors in the Python file name the file itself.
 */
export function parseAnyProgram(source: string, file?: string): Program {
  const label = file === undefined ? undefined : parseLabel(file);
  if (label === undefined) return parseExpressionProgram(source, file);
  try {
    return lowerPythonFunction(source, label.file, label.function, label.sampled).program;
  } catch (e) {
    if (e instanceof UserError && e.span !== undefined) e.withSource(source, label.file);
    throw e;
  }
}
