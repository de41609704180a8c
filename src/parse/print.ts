import { VOCABULARY } from '../vocab/ops.js';
import type { BinaryOperator, Expr, Program, Statement } from './ast.js';
import { COMPARISON, INFIX, NOT_OPERAND, SIGN_OPERAND, type Infix } from './binding-power.js';
import { CONSTANTS } from './parser.js';

/**
 * Prints an AST in the expression language so that parsing the text gives the same tree back (spans aside; a call to a
 * built-in comes back under its canonical spelling). Parentheses only where the binding powers need them; numbers as
 * written; pi and e as np.pi and np.e (the spelling no binding of the program can hide); one statement per line.
 */
export function printProgram(program: Pick<Program, 'statements'>): string {
  return program.statements.map(printStatement).join('\n');
}

export function printStatement(statement: Statement): string {
  switch (statement.kind) {
    case 'def':
      return `${statement.name}(${statement.params.join(', ')}) = ${printExpr(statement.body)}`;
    case 'let':
      return `${statement.name} = ${printExpr(statement.body)}`;
    case 'expr':
      return printExpr(statement.body);
  }
}

/** Each operator's binding powers (its word spellings, 'or', 'and', '^', share them). */
const POWER: ReadonlyMap<BinaryOperator, Infix> = new Map([...INFIX.values()].map((infix) => [infix.op, infix]));
const power = (op: BinaryOperator): Infix => POWER.get(op)!;
const CONSTANT_NAMES: ReadonlyMap<string, string> = new Map([...CONSTANTS].map(([name, text]) => [text, `np.${name}`]));

/**
 * Prints an expression; `text` gives each child's text (default: printed in full). A caller printing every subtree of
 * a tree passes its memo, so each node is printed once instead of once per ancestor (the same text either way).
 */
export function printExpr(e: Expr, text: (child: Expr) => string = printExpr): string {
  switch (e.kind) {
    case 'number':
      return CONSTANT_NAMES.get(e.text) ?? e.text;
    case 'name':
      return e.name;
    case 'unary':
      return `${e.op}${operand(e.arg, e, 'arg', text)}`;
    case 'binary': {
      const gap = e.op === '**' ? '' : ' ';
      return `${operand(e.left, e, 'left', text)}${gap}${e.op}${gap}${operand(e.right, e, 'right', text)}`;
    }
    case 'call':
      return `${e.op === null ? e.callee : VOCABULARY[e.op].spellings[0] ?? VOCABULARY[e.op].display}(${e.args.map((a) => text(a)).join(', ')})`;
  }
}

type Side = 'left' | 'right' | 'arg';

function operand(child: Expr, parent: Extract<Expr, { kind: 'unary' | 'binary' }>, side: Side, text: (child: Expr) => string): string {
  const printed = text(child);
  return needsParentheses(child, parent, side) ? `(${printed})` : printed;
}

function needsParentheses(child: Expr, parent: Extract<Expr, { kind: 'unary' | 'binary' }>, side: Side): boolean {
  if (child.kind === 'number' || child.kind === 'name' || child.kind === 'call') return false;
  if (parent.kind === 'unary') {
    // ~'s operand extends over comparisons and arithmetic; a sign's over powers only, and ~ cannot follow a sign.
    if (parent.op === '~') return child.kind === 'binary' && power(child.op).left < NOT_OPERAND;
    if (child.kind === 'unary') return child.op === '~';
    return power(child.op).left < SIGN_OPERAND;
  }
  const outer = power(parent.op);
  if (child.kind === 'unary') {
    // ~x would take the operator after it into x; -x**2 is -(x**2).
    if (child.op === '~') return side === 'left' ? outer.left >= NOT_OPERAND : outer.right > NOT_OPERAND;
    return side === 'left' && parent.op === '**';
  }
  const inner = power(child.op);
  if (side === 'right') return inner.left < outer.right;
  // Equal powers group to the left, except for ** (right-associative) and comparisons (no chaining).
  return inner.left < outer.left || (inner.left === outer.left && (outer.right < outer.left || outer.left === COMPARISON));
}
