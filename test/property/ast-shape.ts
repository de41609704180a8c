import type { Expr, Statement } from '../../src/parse/ast.js';

/**
 * An AST as plain data without positions, to compare two parses. With canonicalCalls a built-in call keeps only its
 * op (the printer writes every built-in under its canonical spelling); otherwise the callee as written counts too.
 */
export function shape(statements: readonly Statement[], canonicalCalls = false): unknown[] {
  const expr = (e: Expr): unknown => {
    switch (e.kind) {
      case 'number':
        return ['number', e.text];
      case 'name':
        return ['name', e.name];
      case 'unary':
        return ['unary', e.op, expr(e.arg)];
      case 'binary':
        return ['binary', e.op, expr(e.left), expr(e.right)];
      case 'call':
        return ['call', e.op, e.op !== null && canonicalCalls ? '' : e.callee, e.args.map(expr)];
    }
  };
  return statements.map((s) =>
    s.kind === 'def' ? ['def', s.name, s.params, expr(s.body)] : s.kind === 'let' ? ['let', s.name, expr(s.body)] : ['expr', expr(s.body)]);
}
