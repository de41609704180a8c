export { parseProgram } from './parser.js';
export { formatUserError as formatParseError } from '../base/excerpt.js';
export { suggest } from './suggest.js';
export { printExpr, printProgram, printStatement } from './print.js';
export { UserError } from '../base/user-error.js';
export type { BinaryOperator, Expr, Program, Span, Statement, UnaryOperator } from './ast.js';
