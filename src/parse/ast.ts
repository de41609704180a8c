import type { OpName } from '../vocab/ops.js';

/** Source positions are 0-based offsets into the program text; line and column are 1-based. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type BinaryOperator =
  | '+' | '-' | '*' | '/' | '**'
  | '<' | '<=' | '>' | '>=' | '==' | '!='
  | '&' | '|';

export type UnaryOperator = '-' | '+' | '~';

/** An expression. A number keeps its source text so the exact decimal value reaches the ground truth. */
export type Expr =
  /** constant: pi or e, whose exact value is not the 60 digits of text (those are for the float evaluators). */
  | { kind: 'number'; text: string; constant?: 'pi' | 'e'; span: Span }
  | { kind: 'name'; name: string; span: Span }
  | { kind: 'unary'; op: UnaryOperator; arg: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr; span: Span }
  /**
   * callee has its framework prefix (tf., torch., np., ...) removed; calleeSpan covers the written name. The parser
   * resolves the name once: op is the built-in op it names, or null for a function the program defines.
   */
  | { kind: 'call'; callee: string; op: OpName | null; calleeSpan: Span; args: Expr[]; span: Span };

export type Statement =
  /** f(x, y) = body */
  | { kind: 'def'; name: string; params: string[]; body: Expr; span: Span }
  /** t = body */
  | { kind: 'let'; name: string; body: Expr; span: Span }
  | { kind: 'expr'; body: Expr; span: Span };

export interface Program {
  source: string;
  /** The file name shown in messages, or undefined for an expression given on the command line. */
  file?: string;
  statements: Statement[];
}

