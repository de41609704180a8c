export { parseProgram } from './parser.js';
export { formatParseError } from './format-error.js';
export { suggest } from './suggest.js';
export { ParseError } from './ast.js';
export type { BinaryOperator, Expr, Program, Span, Statement, UnaryOperator } from './ast.js';
