import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram, printExpr, printProgram } from '../../src/parse/index.js';
import type { Expr } from '../../src/parse/ast.js';

const printed = (source: string) => printProgram(parseProgram(source));

/** [source, printed], each worked out by hand from the operator table in docs/expression-language.md. */
const rows: [string, string][] = [
  // redundant parentheses go, needed ones stay
  ['((x))', 'x'],
  ['(a + b) + c', 'a + b + c'],
  ['a + (b + c)', 'a + (b + c)'],
  ['a - (b - c)', 'a - (b - c)'],
  ['(a * b) + c', 'a * b + c'],
  ['(a + b) * c', '(a + b) * c'],
  ['a / (b * c)', 'a / (b * c)'],
  // ** is right-associative and binds tighter than a sign on its left
  ['2 ** (3 ** 2)', '2**3**2'],
  ['(2 ** 3) ** 2', '(2**3)**2'],
  ['2 ^ 3', '2**3'],
  ['-(x ** 2)', '-x**2'],
  ['(-x) ** 2', '(-x)**2'],
  ['2 ** (-x)', '2**-x'],
  ['-(x * y)', '-(x * y)'],
  ['(-x) * y', '-x * y'],
  ['x - (-y)', 'x - -y'],
  ['-(-x)', '--x'],
  ['+x', '+x'],
  // comparisons do not chain; & and | bind looser than comparisons
  ['(a < b) < c', '(a < b) < c'],
  ['a < (b < c)', 'a < (b < c)'],
  ['(a + b) < (c * d)', 'a + b < c * d'],
  ['(x < 0) | (x > 1)', 'x < 0 | x > 1'],
  ['a | (b & c)', 'a | b & c'],
  ['(a | b) & c', '(a | b) & c'],
  ['a and b or c', 'a & b | c'],
  // ~ takes a comparison, stops at & and |, and needs parentheses after arithmetic or a comparison
  ['not (x < 1)', '~x < 1'],
  ['~(a & b)', '~(a & b)'],
  ['(~a) & b', '~a & b'],
  ['a | (~b)', 'a | ~b'],
  ['~~(x < 1)', '~~x < 1'],
  ['2 * (~c)', '2 * (~c)'],
  ['(~c) < 1', '(~c) < 1'],
  ['-(~c)', '-(~c)'],
  // numbers as written, constants by their prefixed name, calls by the canonical spelling
  ['1e-7 + .5 + 5. + 1E+3', '1e-7 + .5 + 5. + 1E+3'],
  ['pi * e', 'np.pi * np.e'],
  ['e = exp(-x)\ne + np.e', 'e = exp(-x)\ne + np.e'],
  ['tf.math.maximum(x, 0)', 'maximum(x, 0)'],
  ['np.fmax(x, 0) + torch.clamp(x, 0, 1) + select(x < 0, x, 0)', 'maximum(x, 0) + clip(x, 0, 1) + where(x < 0, x, 0)'],
  ['tf.negative(x) + np.true_divide(1, x)', 'negative(x) + divide(1, x)'],
  ['logical_and(x < 1, not_equal(x, 0))', 'logical_and(x < 1, not_equal(x, 0))'],
  // programs: one statement per line, definitions keep their names
  ['f(x) = 1/(1 - exp(-x)) - 1/x; f(x) + f(x + 50)', 'f(x) = 1 / (1 - exp(-x)) - 1 / x\nf(x) + f(x + 50)'],
  ['t = x * x  # a comment\n\nk() = 2\nt + k()', 't = x * x\nk() = 2\nt + k()'],
];

test('printProgram: minimal parentheses, canonical spellings, one statement per line', () => {
  for (const [source, expected] of rows) assert.equal(printed(source), expected, source);
});

test('printed text parses back to the same text when printed again', () => {
  for (const [, expected] of rows) assert.equal(printed(expected), expected);
});

test('printExpr prints a tree built by hand (as a repair would)', () => {
  const at = { start: 0, end: 0, line: 1, column: 1 };
  const x: Expr = { kind: 'name', name: 'x', span: at };
  const one: Expr = { kind: 'number', text: '1', span: at };
  const log1p: Expr = { kind: 'call', callee: 'log1p', op: 'log1p', calleeSpan: at, args: [x], span: at };
  const difference: Expr = { kind: 'binary', op: '-', left: one, right: log1p, span: at };
  assert.equal(printExpr({ kind: 'binary', op: '**', left: difference, right: { kind: 'unary', op: '-', arg: x, span: at }, span: at }), '(1 - log1p(x))**-x');
});
