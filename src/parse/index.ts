// parseProgram reads the expression language, or a Python function when the file label names a .py file.
export { parseAnyProgram as parseProgram } from './python/dispatch.js';
export { formatUserError as formatParseError } from '../base/excerpt.js';
export { suggest } from './suggest.js';
export { printExpr, printProgram, printStatement } from './print.js';
export { UserError } from '../base/user-error.js';
export type { BinaryOperator, Expr, Program, Span, Statement, UnaryOperator } from './ast.js';
