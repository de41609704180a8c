import { UserError } from '../../src/base/user-error.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatParseError, parseProgram, } from '../../src/parse/index.js';

function formatted(source: string, file?: string): string {
  try {
    parseProgram(source, file);
  } catch (err) {
    if (err instanceof UserError) return formatParseError(err, source, file);
    throw err;
  }
  return 'parsed without error';
}

/** [source, expected error text]; each expected caret line was counted by hand. */
const rows: [string, string][] = [
  // characters and numbers
  ['x $ 1', "expression:1:3: error: unexpected character '$'\nx $ 1\n  ^"],
  ['x \u2212 1', "expression:1:3: error: unexpected character '\u2212' (U+2212); use '-'\nx \u2212 1\n  ^"],
  ['!x', "expression:1:1: error: unexpected character '!'; use ~ (or not) for logical negation\n!x\n^"],
  ['x && y', "expression:1:3: error: '&&' is not supported; use & (or and)\nx && y\n  ^~"],
  ['x // 2', "expression:1:3: error: '//' is not supported; floor division is not supported\nx // 2\n  ^~"],
  ['x[0]', "expression:1:2: error: unexpected character '['\nx[0]\n ^"],
  ['1e + x', "expression:1:1: error: malformed number '1e'; an exponent needs digits, e.g. 1e-6\n1e + x\n^~"],
  ['2.5E- 1', "expression:1:1: error: malformed number '2.5E-'; an exponent needs digits, e.g. 1e-6\n2.5E- 1\n^~~~~"],
  // end of input, operands and operators
  ['1 +', 'expression:1:4: error: unexpected end of input\n1 +\n   ^'],
  ['1 +   # more later\n\n', 'expression:1:4: error: unexpected end of input\n1 +   # more later\n   ^'],
  ['t = 1 +\nt', 'expression:1:8: error: unexpected end of line\nt = 1 +\n       ^'],
  ['1 + * 2', "expression:1:5: error: missing operand before '*'\n1 + * 2\n    ^"],
  ['f(x) = \n1', 'expression:1:7: error: unexpected end of line\nf(x) = \n      ^'],
  ['exp(x,,1)', "expression:1:7: error: missing operand before ','\nexp(x,,1)\n      ^"],
  ['()', "expression:1:2: error: missing operand before ')'\n()\n ^"],
  ['x and', 'expression:1:6: error: unexpected end of input\nx and\n     ^'],
  ['1 2', "expression:1:3: error: missing operator before '2'\n1 2\n  ^"],
  ['2x + 1', "expression:1:2: error: missing operator before 'x'; write 2 * x\n2x + 1\n ^"],
  ['(a)(b)', "expression:1:4: error: missing operator before '('\n(a)(b)\n   ^"],
  ['1)', "expression:1:2: error: unmatched ')'\n1)\n ^"],
  ['(1, 2)', "expression:1:3: error: unexpected ','\n(1, 2)\n  ^"],
  // parentheses
  ['(1 + 2', "expression:1:1: error: unclosed '('\n(1 + 2\n^"],
  ['y = sin(x\ny', "expression:1:8: error: unclosed '('\ny = sin(x\n       ^"],
  ['a = exp(x\nb = 2\nb', "expression:1:8: error: unclosed '('\na = exp(x\n       ^"],
  ['((x)', "expression:1:1: error: unclosed '('\n((x)\n^"],
  ['(x; y)', "expression:1:1: error: unclosed '('\n(x; y)\n^"],
  // operators we do not take
  ['a < b < c', 'expression:1:1: error: chained comparisons are not supported; write (a < b) & (b < c)\na < b < c\n^~~~~~~~~'],
  ['0 <= x+1 < 2*y', 'expression:1:1: error: chained comparisons are not supported; write (0 <= x+1) & (x+1 < 2*y)\n0 <= x+1 < 2*y\n^~~~~~~~~~~~~~'],
  ['2 * ~x', "expression:1:5: error: '~' needs parentheses here; it binds looser than comparisons and arithmetic\n2 * ~x\n    ^"],
  ['x < not y', "expression:1:5: error: 'not' needs parentheses here; it binds looser than comparisons and arithmetic\nx < not y\n    ^~~"],
  ['(x = 1)', "expression:1:4: error: unexpected '='; use == to compare; only a name (t = ...) or a function (f(x) = ...) can be defined\n(x = 1)\n   ^"],
  ['x + 1 = 2\nx', "expression:1:7: error: unexpected '='; use == to compare; only a name (t = ...) or a function (f(x) = ...) can be defined\nx + 1 = 2\n      ^"],
  // functions
  ['expp(x)', "expression:1:1: error: unknown function 'expp'; did you mean exp?\nexpp(x)\n^~~~"],
  ['1 + tf.expp(x)', "expression:1:5: error: unknown function 'tf.expp'; did you mean tf.exp?\n1 + tf.expp(x)\n    ^~~~~~~"],
  ['logp1(x)', "expression:1:1: error: unknown function 'logp1'; did you mean log1p?\nlogp1(x)\n^~~~~"],
  ['frobnicate(x)', "expression:1:1: error: unknown function 'frobnicate'\nfrobnicate(x)\n^~~~~~~~~~"],
  ['torch.nn.exp(x)', "expression:1:1: error: unknown function 'torch.nn.exp'; 'torch.nn.' is not a known prefix; write exp(...)\ntorch.nn.exp(x)\n^~~~~~~~~~~~"],
  ['fcn(x) = x\nfnc(x)', "expression:2:1: error: unknown function 'fnc'; did you mean fcn?\nfnc(x)\n^~~"],
  ['exp(x, 2)', 'expression:1:1: error: exp takes 1 argument, got 2\nexp(x, 2)\n^~~~~~~~~'],
  ['1 + np.maximum(x)', 'expression:1:5: error: np.maximum takes 2 arguments, got 1\n1 + np.maximum(x)\n    ^~~~~~~~~~~~~'],
  ['where(x > 0, x)', 'expression:1:1: error: where takes 3 arguments, got 2\nwhere(x > 0, x)\n^~~~~~~~~~~~~~~'],
  ['clip(x)', 'expression:1:1: error: clip takes 3 arguments, got 1\nclip(x)\n^~~~~~~'],
  ['f(a, b) = a*b\nf(x)', 'expression:2:1: error: f takes 2 arguments, got 1\nf(x)\n^~~~'],
  ['clip(x, min=0)', 'expression:1:9: error: keyword arguments are not supported; pass arguments by position; for one bound use maximum(x, lo) or minimum(x, hi)\nclip(x, min=0)\n        ^~~~'],
  ['tf.exp(x=1)', 'expression:1:8: error: keyword arguments are not supported; pass arguments by position\ntf.exp(x=1)\n       ^~'],
  // names
  ['np.foo + 1', "expression:1:1: error: unknown name 'np.foo'; only pi and e can follow a prefix; variables are plain names\nnp.foo + 1\n^~~~~~"],
  ['np.pie', "expression:1:1: error: unknown name 'np.pie'; did you mean np.pi?\nnp.pie\n^~~~~~"],
  ['tf.exp', "expression:1:1: error: unknown name 'tf.exp'; it is a function; call it as tf.exp(...)\ntf.exp\n^~~~~~"],
  ['1 / inf', "expression:1:5: error: 'inf' is not supported; infinity is not a literal; write a large finite number such as 1e30\n1 / inf\n    ^~~"],
  ['np.nan', "expression:1:1: error: 'np.nan' is not supported; NaN is not a literal; the scan reports where NaN appears\nnp.nan\n^~~~~~"],
  ['y = t\nt = 1\ny', "expression:1:5: error: 't' is used before its definition; it is defined on line 2\ny = t\n    ^"],
  ['h(x) = g(x)\ng(x) = x\nh(x)', "expression:1:8: error: 'g' is used before its definition; it is defined on line 2\nh(x) = g(x)\n       ^"],
  ['t = t + 1\nt', "expression:1:5: error: 't' is used in its own definition\nt = t + 1\n    ^"],
  ['f(x) = f(x - 1)\nf(x)', "expression:1:8: error: 'f' cannot call itself; recursive definitions are not supported\nf(x) = f(x - 1)\n       ^"],
  ['f(x) = x\nf + 1', "expression:2:1: error: 'f' is a function; call it as f(...)\nf + 1\n^"],
  ['t = 2\nt(x)', "expression:2:1: error: 't' is not a function\nt(x)\n^"],
  // definitions
  ['t = 1\nt = 2\nt', "expression:2:1: error: 't' is already defined on line 1\nt = 2\n^"],
  ['f(x) = 1\nf(y) = 2\nf(x)', "expression:2:1: error: 'f' is already defined on line 1\nf(y) = 2\n^"],
  ['exp(x) = x\nexp(1)', "expression:1:1: error: 'exp' is a built-in function and cannot be redefined\nexp(x) = x\n^~~"],
  ['y = 2 * e\ne = exp(-x)\ny', "expression:1:9: error: 'e' is used before its definition; it is defined on line 2; the program's own e hides the constant (np.e is still the constant)\ny = 2 * e\n        ^"],
  ['e = exp(e)\ne', "expression:1:9: error: 'e' is used in its own definition\ne = exp(e)\n        ^"],
  ['np.t = 3\nx', "expression:1:1: error: cannot define 'np.t'; a definition needs a plain name, without dots\nnp.t = 3\n^~~~"],
  ['f(x, x) = x\nf(1, 2)', "expression:1:6: error: duplicate parameter 'x'\nf(x, x) = x\n     ^"],
  ['f(2) = 1\nf(2)', "expression:1:3: error: expected a parameter name, found '2'; parameters are plain names: f(x, y) = ...\nf(2) = 1\n  ^"],
  ['k = 2\nf(k) = k\nf(1)', "expression:2:3: error: parameter 'k' has the same name as the definition on line 1; rename the parameter\nf(k) = k\n  ^"],
  // statements
  ['', 'expression:1:1: error: the program is empty; write an expression such as exp(x) - 1\n\n^'],
  ['# nothing\n', 'expression:1:1: error: the program is empty; write an expression such as exp(x) - 1\n# nothing\n^'],
  ['y = 2 * x', 'expression:1:1: error: the last statement must be the expression under test; add a last line such as y\ny = 2 * x\n^~~~~~~~~'],
  ['x\nf(a, b) = a + b', 'expression:1:1: error: only the last statement can be an expression; bind it to a name (t = ...) or remove it\nx\n^'],
  ['t = x\nf(a, b) = a + t\n', 'expression:2:1: error: the last statement must be the expression under test; add a last line such as f(a, b)\nf(a, b) = a + t\n^~~~~~~~~~~~~~~'],
  ['x + 1\nx - 1', 'expression:1:1: error: only the last statement can be an expression; bind it to a name (t = ...) or remove it\nx + 1\n^~~~~'],
  // Python we do not take
  ['lambda x: x * 2', "expression:1:1: error: 'lambda' is not supported; define a function on its own line: f(x) = ...\nlambda x: x * 2\n^~~~~~"],
  ['def f(x):\n  return x', "expression:1:1: error: 'def' is not supported; write a function on one line: f(x) = body\ndef f(x):\n^~~"],
  ['return 1 / x', "expression:1:1: error: 'return' is not supported; the last statement is the expression under test; write it without 'return'\nreturn 1 / x\n^~~~~~"],
  ['x if x > 0 else 0', 'expression:1:3: error: conditional expressions are not supported; use where(condition, a, b)\nx if x > 0 else 0\n  ^~'],
  ['import numpy as np\nnp.exp(x)', "expression:1:1: error: 'import' is not needed; prefixes such as tf., torch. and np. are accepted and ignored\nimport numpy as np\n^~~~~~"],
];

test('bad input -> exact error text', () => {
  for (const [source, expected] of rows) assert.equal(formatted(source), expected, JSON.stringify(source));
});

test('the file name replaces "expression"; a tab before the error is kept in the caret line', () => {
  assert.equal(formatted('t = 1\n\tt +* 2', 'loss.txt'), "loss.txt:2:5: error: missing operand before '*'\n\tt +* 2\n\t   ^");
});

test('errors carry the span and the hint separately', () => {
  try {
    parseProgram('a = 1\nb = expp(a)\nb');
    assert.fail('expected a UserError');
  } catch (err) {
    assert.ok(err instanceof UserError);
    assert.equal(err.message, "unknown function 'expp'");
    assert.equal(err.hint, 'did you mean exp?');
    assert.deepEqual(err.span, { start: 10, end: 14, line: 2, column: 5 });
  }
});
