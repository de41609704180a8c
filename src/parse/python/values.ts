import type { Span } from '../../base/span.js';
import type { Expr } from '../ast.js';

/**
 * What a Python expression stands for while a function is read: a number-valued expression of the loss, a literal
 * that decides an `if` when the file is read, a tuple (for unpacking), a module, a function of the file, a dtype or
 * an finfo record.
 */
export type Value =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'literal'; value: string | boolean | null; span: Span }
  | { kind: 'tuple'; items: Value[]; span: Span }
  | { kind: 'module'; path: string; span: Span }
  | { kind: 'function'; name: string; span: Span }
  | { kind: 'dtype'; dtype: 'float32' | 'float64'; span: Span }
  | { kind: 'finfo'; dtype: 'float32' | 'float64'; span: Span };

export const exprValue = (expr: Expr): Value => ({ kind: 'expr', expr });

export function spanOfValue(v: Value): Span {
  return v.kind === 'expr' ? v.expr.span : v.span;
}

/** The value known when the file is read, for deciding `if`s: a literal, or a written number. */
export function constantOf(v: Value): string | boolean | null | number | undefined {
  if (v.kind === 'literal') return v.value;
  if (v.kind !== 'expr') return undefined;
  const e = v.expr;
  if (e.kind === 'number') return Number(e.text);
  if (e.kind === 'unary' && (e.op === '-' || e.op === '+') && e.arg.kind === 'number') return (e.op === '-' ? -1 : 1) * Number(e.arg.text);
  return undefined;
}

/** Python's truth value of a constant. */
export function truthy(c: string | boolean | null | number): boolean {
  return c !== null && c !== false && c !== '' && c !== 0;
}
