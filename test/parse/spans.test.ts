import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram } from '../../src/parse/index.js';
import type { Expr } from '../../src/parse/ast.js';
import type { Span } from '../../src/base/span.js';

type Binary = Extract<Expr, { kind: 'binary' }>;
type Call = Extract<Expr, { kind: 'call' }>;
type Unary = Extract<Expr, { kind: 'unary' }>;

const span = (start: number, end: number, line: number, column: number): Span => ({ start, end, line, column });
const body = (source: string, index = 0) => parseProgram(source).statements[index]!.body;

// Offsets counted by hand:
//   f(x) = 1/(1-exp(-x)) - 1/x        line 1, offsets 0..25, '\n' at 26
//   f(x) + f(x + 50)                  line 2, offsets 27..42
const STORY = 'f(x) = 1/(1-exp(-x)) - 1/x\nf(x) + f(x + 50)';

test('spans in a two-line program: offsets are global, line and column 1-based', () => {
  const program = parseProgram(STORY);
  const [def, last] = program.statements;
  assert.equal(def!.span.start, 0);
  assert.deepEqual(def!.span, span(0, 26, 1, 1));
  assert.deepEqual(last!.span, span(27, 43, 2, 1));

  const difference = def!.body as Binary;
  assert.deepEqual(difference.span, span(7, 26, 1, 8));
  const quotient = difference.left as Binary;
  // The left operand's written text includes its closing parenthesis.
  assert.deepEqual(quotient.span, span(7, 20, 1, 8));
  assert.deepEqual(quotient.left.span, span(7, 8, 1, 8));
  const inner = quotient.right as Binary;
  assert.deepEqual(inner.span, span(10, 19, 1, 11));
  const exp = inner.right as Call;
  assert.deepEqual(exp.span, span(12, 19, 1, 13));
  assert.deepEqual(exp.calleeSpan, span(12, 15, 1, 13));
  assert.deepEqual((exp.args[0] as Unary).span, span(16, 18, 1, 17));
  assert.deepEqual((difference.right as Binary).span, span(23, 26, 1, 24));

  const sum = last!.body as Binary;
  assert.deepEqual(sum.span, span(27, 43, 2, 1));
  const second = sum.right as Call;
  assert.deepEqual(second.span, span(34, 43, 2, 8));
  assert.deepEqual(second.calleeSpan, span(34, 35, 2, 8));
  const argument = second.args[0] as Binary;
  assert.deepEqual(argument.span, span(36, 42, 2, 10));
  assert.deepEqual(argument.right.span, span(40, 42, 2, 14));
  assert.equal(STORY.slice(argument.right.span.start, argument.right.span.end), '50');
});

test('a binary span covers parenthesised operands; the inner node keeps its own span', () => {
  const product = body('(a+b)*c') as Binary;
  assert.deepEqual(product.span, span(0, 7, 1, 1));
  assert.deepEqual(product.left.span, span(1, 4, 1, 2));
  assert.deepEqual(body('-(x)').span, span(0, 4, 1, 1));
  assert.deepEqual(body('x ** (y)').span, span(0, 8, 1, 1));
});

test('a prefixed call and a prefixed constant span the written name', () => {
  const call = body('  tf.math.exp( x )') as Call;
  assert.equal(call.callee, 'exp');
  assert.deepEqual(call.calleeSpan, span(2, 13, 1, 3));
  assert.deepEqual(call.span, span(2, 18, 1, 3));
  assert.deepEqual(body('1 + np.pi').span, span(0, 9, 1, 1));
  assert.deepEqual((body('1 + np.pi') as Binary).right.span, span(4, 9, 1, 5));
});

test('a call spread over lines spans name to closing parenthesis', () => {
  // maximum(\n  x,\n  0\n)  -- '(' at 7, x at 11, 0 at 16, ')' at 18
  const call = body('maximum(\n  x,\n  0\n)') as Call;
  assert.deepEqual(call.span, span(0, 19, 1, 1));
  assert.deepEqual(call.args[0]!.span, span(11, 12, 2, 3));
  assert.deepEqual(call.args[1]!.span, span(16, 17, 3, 3));
});

test('let and def statements span name to end of body; columns count a tab as one', () => {
  const program = parseProgram('# c\n\tt = x * 2 # note\ng(u) = u; g(t)');
  const [bind, def, last] = program.statements;
  assert.deepEqual(bind!.span, span(5, 14, 2, 2));
  assert.deepEqual(bind!.body.span, span(9, 14, 2, 6));
  assert.deepEqual(def!.span, span(22, 30, 3, 1));
  assert.deepEqual(last!.span, span(32, 36, 3, 11));
});
