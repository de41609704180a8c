import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram } from '../../src/parse/index.js';
import type { Expr, Statement } from '../../src/parse/ast.js';
import { CALLABLE, aritiesOf, countsText } from '../../src/vocab/ops.js';
import { OPS } from '../../src/graph/ops.js';

/** (op left right), (op arg), (callee args...), a number's text, a name. */
function tree(e: Expr): string {
  switch (e.kind) {
    case 'number': return e.text;
    case 'name': return e.name;
    case 'unary': return `(${e.op} ${tree(e.arg)})`;
    case 'binary': return `(${e.op} ${tree(e.left)} ${tree(e.right)})`;
    case 'call': return `(${[e.callee, ...e.args.map(tree)].join(' ')})`;
  }
}

function statement(s: Statement): string {
  if (s.kind === 'def') return `${s.name}(${s.params.join(', ')}) = ${tree(s.body)}`;
  if (s.kind === 'let') return `${s.name} = ${tree(s.body)}`;
  return tree(s.body);
}

const parse = (source: string) => parseProgram(source).statements.map(statement).join(' ; ');

const PI = '3.14159265358979323846264338327950288419716939937510582097494';
const E = '2.71828182845904523536028747135266249775724709369995957496697';

const precedence: [string, string][] = [
  ['1 + 2 * 3', '(+ 1 (* 2 3))'],
  ['(1 + 2) * 3', '(* (+ 1 2) 3)'],
  ['a - b - c', '(- (- a b) c)'],
  ['a / b / c', '(/ (/ a b) c)'],
  ['a / b * c', '(* (/ a b) c)'],
  ['a - b + c', '(+ (- a b) c)'],
  ['2 ** 3 ** 2', '(** 2 (** 3 2))'],
  ['2 ^ 3 ^ 2', '(** 2 (** 3 2))'],
  ['x ^ 2 ** 3', '(** x (** 2 3))'],
  ['-x**2', '(- (** x 2))'],
  ['-x ^ 2', '(- (** x 2))'],
  ['2**-x', '(** 2 (- x))'],
  ['2 ** -x ** 2', '(** 2 (- (** x 2)))'],
  ['-x * y', '(* (- x) y)'],
  ['x * -y ** 2', '(* x (- (** y 2)))'],
  ['x - -y', '(- x (- y))'],
  ['--x', '(- (- x))'],
  ['+x', '(+ x)'],
  ['a * b ** c', '(* a (** b c))'],
  ['(a * b) ** c', '(** (* a b) c)'],
  ['a + b < c * d', '(< (+ a b) (* c d))'],
  ['a <= b', '(<= a b)'],
  ['a >= b', '(>= a b)'],
  ['a == b', '(== a b)'],
  ['a != b', '(!= a b)'],
  ['a > b', '(> a b)'],
  ['(a < b) < c', '(< (< a b) c)'],
  ['abs(x) < 0.1 & x > 0', '(& (< (abs x) 0.1) (> x 0))'],
  ['x < 0 | x > 1', '(| (< x 0) (> x 1))'],
  ['a | b & c', '(| a (& b c))'],
  ['a & b | c', '(| (& a b) c)'],
  ['a & b & c', '(& (& a b) c)'],
  ['a | b | c', '(| (| a b) c)'],
  ['a < 1 and b < 2 or c < 3', '(| (& (< a 1) (< b 2)) (< c 3))'],
  ['~x < 1', '(~ (< x 1))'],
  ['not x < 1', '(~ (< x 1))'],
  ['~a & b', '(& (~ a) b)'],
  ['a & ~b', '(& a (~ b))'],
  ['~~x', '(~ (~ x))'],
  ['not not x', '(~ (~ x))'],
  ['a | not b', '(| a (~ b))'],
  ['-(x)', '(- x)'],
  ['((x))', 'x'],
];

test('precedence and associativity', () => {
  for (const [source, expected] of precedence) assert.equal(parse(source), expected, source);
});

const numbers: [string, string][] = [
  ['1', '1'], ['1.5', '1.5'], ['.5', '.5'], ['5.', '5.'], ['1e-6', '1e-6'], ['1E+3', '1E+3'], ['2.5e10', '2.5e10'],
  ['0.1', '0.1'], ['007', '007'], ['1.e5', '1.e5'], ['123456789012345678901234567890', '123456789012345678901234567890'],
  ['-1e-6', '(- 1e-6)'],
];

test('numbers keep their source text', () => {
  for (const [source, expected] of numbers) assert.equal(parse(source), expected, source);
});

const constants: [string, string][] = [
  ['pi', PI], ['e', E], ['np.pi', PI], ['math.e', E], ['torch.pi', PI], ['tf.math.pi', PI], ['jnp.e', E],
  ['Math.PI', PI], ['Math.E', E], ['2 * pi * r', `(* (* 2 ${PI}) r)`], ['exp(e)', `(exp ${E})`],
  // Only pi and e are constants: other names are variables.
  ['PI', 'PI'], ['E', 'E'], ['ee', 'ee'], ['pi2', 'pi2'],
];

test('pi and e are 60-digit constants, with or without a prefix', () => {
  for (const [source, expected] of constants) assert.equal(parse(source), expected, source);
});

const prefixes: [string, string][] = [
  ['exp(x)', '(exp x)'],
  ['tf.exp(x)', '(exp x)'],
  ['tf.math.exp(x)', '(exp x)'],
  ['tf.math.log1p(x)', '(log1p x)'],
  ['tf.nn.softplus(x)', '(softplus x)'],
  ['tf.keras.activations.sigmoid(x)', '(sigmoid x)'],
  ['torch.special.expm1(x)', '(expm1 x)'],
  ['torch.special.expit(x)', '(expit x)'],
  ['torch.nn.functional.softplus(x)', '(softplus x)'],
  ['torch.clamp(x, 0, 1)', '(clamp x 0 1)'],
  ['np.maximum(x, y)', '(maximum x y)'],
  ['numpy.true_divide(x, y)', '(true_divide x y)'],
  ['jnp.arctan2(y, x)', '(arctan2 y x)'],
  ['jax.numpy.fabs(x)', '(fabs x)'],
  ['jax.nn.sigmoid(x)', '(sigmoid x)'],
  ['F.softplus(x)', '(softplus x)'],
  ['Math.max(a, b)', '(max a b)'],
  ['math.sqrt(x)', '(sqrt x)'],
  ['scipy.special.expit(x)', '(expit x)'],
  ['special.expit(x)', '(expit x)'],
  ['tf.clip_by_value(x, -1, 1)', '(clip_by_value x (- 1) 1)'],
  ['tf.clipByValue(x, 0, 1)', '(clipByValue x 0 1)'],
  ['tf.where(c, a, b)', '(where c a b)'],
  ['tf.math.logical_and(a, b)', '(logical_and a b)'],
];

test('framework prefixes are stripped; the callee is the spelling as written', () => {
  for (const [source, expected] of prefixes) assert.equal(parse(source), expected, source);
});

const calls: [string, string][] = [
  ['atan2(y, x)', '(atan2 y x)'],
  ['where(x > 0, x, 0)', '(where (> x 0) x 0)'],
  ['clip(x, 0, 1,)', '(clip x 0 1)'],
  ['maximum(\n  x,\n  0\n)', '(maximum x 0)'],
  ['exp(-x) * log(1 + x)', '(* (exp (- x)) (log (+ 1 x)))'],
  ['sqrt(square(x) + 1)', '(sqrt (+ (square x) 1))'],
  ['not(x > 0)', '(~ (> x 0))'],
  [
    'tf.where(tf.abs(x) < 0.1, 0.5 + x/12, 1/(1 - tf.exp(-x)) - 1/x)',
    '(where (< (abs x) 0.1) (+ 0.5 (/ x 12)) (- (/ 1 (- 1 (exp (- x)))) (/ 1 x)))',
  ],
  [
    'tf.where(tf.abs(x) < 0.1, 0.5 + x/12, tf.where(x < -10., -1/x,\n    tf.where(x > 10., 1 - 1/x, 1/(1 - tf.exp(-x)) - 1/x)))',
    '(where (< (abs x) 0.1) (+ 0.5 (/ x 12)) (where (< x (- 10.)) (/ (- 1) x) (where (> x 10.) (- 1 (/ 1 x)) (- (/ 1 (- 1 (exp (- x)))) (/ 1 x)))))',
  ],
];

test('calls', () => {
  for (const [source, expected] of calls) assert.equal(parse(source), expected, source);
});

const programs: [string, string][] = [
  [
    'f(x) = 1/(1-exp(-x)) - 1/x\nf(x) + f(x + 50)',
    'f(x) = (- (/ 1 (- 1 (exp (- x)))) (/ 1 x)) ; (+ (f x) (f (+ x 50)))',
  ],
  ['t = x + 1; t * t', 't = (+ x 1) ; (* t t)'],
  ['# a comment\n\n  t = x  # the input\n\n\nu = t * 2\n\nu + t\n', 't = x ; u = (* t 2) ; (+ u t)'],
  ['g(a, b) = a / b\nk = 3\nh(x) = g(x, k) + y\nh(z)', 'g(a, b) = (/ a b) ; k = 3 ; h(x) = (+ (g x k) y) ; (h z)'],
  ['c() = 2\nc() * x', 'c() = 2 ; (* (c) x)'],
  ['f(x) = x * x\nx = 3\nf(x)', 'f(x) = (* x x) ; x = 3 ; (f x)'],
  ['y = (x\n  + 1)\ny', 'y = (+ x 1) ; y'],
  ['1 + \\\n 2', '(+ 1 2)'],
  ['a = 1;;; a', 'a = 1 ; a'],
  ['t = x\r\nt + 1\r\n', 't = x ; (+ t 1)'],
  // A program may bind e or pi itself; np.e is still the constant.
  ['e = exp(-abs(x))\nr = 1 / (1 - e)\nr * e + np.e', `e = (exp (- (abs x))) ; r = (/ 1 (- 1 e)) ; (+ (* r e) ${E})`],
  ['f(pi) = 2 * pi\nf(pi)', `f(pi) = (* 2 pi) ; (f ${PI})`],
  // A let may share a name with an op spelling: calls still reach the op.
  ['max = 2\nmax(x, max)', 'max = 2 ; (max x max)'],
];

test('programs: definitions, bindings, comments, separators', () => {
  for (const [source, expected] of programs) assert.equal(parse(source), expected, source);
});

test('the program keeps its source and file name', () => {
  assert.deepEqual(parseProgram('x', 'loss.txt'), {
    source: 'x', file: 'loss.txt',
    statements: [{ kind: 'expr', body: { kind: 'name', name: 'x', span: { start: 0, end: 1, line: 1, column: 1 } }, span: { start: 0, end: 1, line: 1, column: 1 } }],
  });
  assert.equal('file' in parseProgram('x'), false);
});

test('every op spelling in the table is callable, with and without a prefix, with its arity', () => {
  for (const [spelling, op] of CALLABLE) {
    const args = Array.from({ length: OPS[op].arity }, (_, i) => `a${i}`);
    for (const prefix of ['', 'tf.', 'torch.', 'np.']) {
      const expected = `(${[spelling, ...args].join(' ')})`;
      assert.equal(parse(`${prefix}${spelling}(${args.join(', ')})`), expected, `${prefix}${spelling}`);
      // a spelling of a few stacked terms (logsumexp, norm) takes up to its largest count
      const counts = aritiesOf(op);
      const tooMany = Array.from({ length: Math.max(...counts) + 1 }, (_, i) => `a${i}`);
      assert.throws(() => parse(`${prefix}${spelling}(${tooMany.join(', ')})`), { message: new RegExp(`^${prefix.replace('.', '\\.')}${spelling} takes ${countsText(counts)} argument`) });
    }
  }
});
