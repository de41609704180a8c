import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import { compile } from '../../src/graph/compile.js';
import { FRAMEWORK_IDS, FRAMEWORKS } from '../../src/graph/frameworks/index.js';
import { OP_NAMES, type OpName } from '../../src/vocab/ops.js';
import { ulpDistance } from '../../src/base/float-format.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

/**
 * Every op's forward kernel and TF.js gradient rule, float64, against hand-derived values. TF.js-specific choices are
 * taken from its source: Abs_grad is dy * step(x, -1) (so -1 at 0), Maximum_grad gives a tie to a (>=), Minimum_grad
 * to a (<=), ClipByValue_grad passes dy on the closed interval [lo, hi].
 */
const rows: Array<[expr: string, x: number, value: number, grad: number]> = [
  ['x + 3', 2, 5, 1],
  ['3 - x', 2, 1, -1],
  ['x * x', 3, 9, 6],
  ['1 / x', 2, 0.5, -0.25],
  ['x / 4', 2, 0.5, 0.25],
  ['-x', 2, -2, -1],
  ['x ** 3', 2, 8, 12],
  ['2 ** x', 3, 8, 8 * Math.LN2],
  ['pow(x, 0.5)', 0, 0, Infinity],
  ['exp(x)', 1, Math.E, Math.E],
  ['log(x)', 2, Math.LN2, 0.5],
  ['expm1(x)', 0, 0, 1],
  ['log1p(x)', 1, Math.LN2, 0.5],
  ['sqrt(x)', 4, 2, 0.25],
  ['sqrt(x)', 0, 0, Infinity],
  ['abs(x)', -3, 3, -1],
  ['abs(x)', 0, 0, -1],
  ['square(x)', 3, 9, 6],
  ['reciprocal(x)', 4, 0.25, -0.0625],
  ['sign(x)', -2, -1, 0],
  ['sin(x)', 0, 0, 1],
  ['cos(x)', 0, 1, -0],
  ['tan(x)', 0, 0, 1],
  ['tanh(x)', 0, 0, 1],
  ['sinh(x)', 0, 0, 1],
  ['cosh(x)', 0, 1, 0],
  ['asin(x)', 0, 0, 1],
  ['acos(x)', 0, Math.PI / 2, -1],
  ['atan(x)', 1, Math.PI / 4, 0.5],
  ['atan2(x, 1)', 1, Math.PI / 4, 0.5],
  ['atan2(1, x)', 1, Math.PI / 4, -0.5],
  ['sigmoid(x)', 0, 0.5, 0.25],
  ['softplus(x)', 0, Math.LN2, 0.5],
  ['maximum(x, 1)', 2, 2, 1],
  ['maximum(x, 1)', 0, 1, 0],
  ['maximum(x, 1)', 1, 1, 1],
  ['minimum(x, 1)', 1, 1, 1],
  ['minimum(x, 1)', 2, 1, 0],
  ['clip(x, -1, 1)', 0.5, 0.5, 1],
  ['clip(x, -1, 1)', 2, 1, 0],
  ['clip(x, -1, 1)', 1, 1, 1],
  ['where(x > 0, x * x, -x)', 2, 4, 4],
  ['where(x > 0, x * x, -x)', -2, 2, -1],
  ['where(x >= 1, 1, 0)', 1, 1, 0],
  ['where(x <= 1, 2 * x, x)', 1, 2, 2],
  ['where(x < 1, 2 * x, x)', 1, 1, 1],
  ['where(x == 1, 2 * x, x)', 1, 2, 2],
  ['where(x != 1, 2 * x, x)', 1, 1, 1],
  ['where((x > 0) & (x < 1), x, 0)', 0.5, 0.5, 1],
  ['where((x < 0) | (x > 1), x, 0)', 0.5, 0, 0],
  ['where(~(x > 0), x, 3 * x)', 0.5, 1.5, 3],
  ['relu(x)', 2, 2, 1],
  ['relu(x)', -1, 0, 0],
  ['relu6(x)', 3, 3, 1],
  ['relu6(x)', 7, 6, 0],
  ['leaky_relu(x, 0.1)', -2, -0.2, 0.1],
  // log_sigmoid(0) = -ln 2, slope sigmoid(-0) = 1/2; logaddexp(1, 0) = ln(1 + e), slope e / (1 + e)
  ['log_sigmoid(x)', 0, -Math.LN2, 0.5],
  ['logaddexp(x, 0)', 1, Math.log(1 + Math.E), Math.E / (1 + Math.E)],
  // TF.js's erf is Abramowitz-Stegun 7.1.26, exactly 0 at 0 (sign(0) = 0); the slope is 2/sqrt(pi)
  ['erf(x)', 0, 0, 2 / Math.sqrt(Math.PI)],
  ['erfc(x)', 0, 1, -2 / Math.sqrt(Math.PI)],
  ['rsqrt(x)', 4, 0.5, -1 / 16],
  ['softsign(x)', 1, 0.5, 0.25],
  ['elu(x)', -1, Math.exp(-1) - 1, Math.exp(-1)],
  ['elu(x)', 2, 2, 1],
  ['selu(x)', 1, 1.0507009873554805, 1.0507009873554805],
  ['silu(x)', 0, 0, 0.5],
  ['gelu(x)', 0, 0, 0.5],
  ['gelu_tanh(x)', 0, 0, 0.5],
  // mish'(0) = tanh(softplus(0)) = tanh(ln 2) = (2 - 1/2) / (2 + 1/2)
  ['mish(x)', 0, 0, 0.6],
  ['asinh(x)', 0, 0, 1],
  ['acosh(x)', 2, Math.log(2 + Math.sqrt(3)), 1 / Math.sqrt(3)],
  ['atanh(x)', 0.5, 0.5 * Math.log(3), 4 / 3],
  ['log2(x)', 8, 3, 1 / (8 * Math.LN2)],
  ['log10(x)', 100, 2, 1 / (100 * Math.LN10)],
  ['xlogy(x, 2)', 3, 3 * Math.LN2, Math.LN2],
  ['xlog1py(x, 1)', 3, 3 * Math.LN2, Math.LN2],
  // hypot(3, 4) = 5, slope 3/5; sinc(1/2) = 2/pi, slope (cos(pi/2) - 2/pi) / (1/2) = -4/pi
  ['hypot(x, 4)', 3, 5, 0.6],
  ['sinc(x)', 0.5, 2 / Math.PI, -4 / Math.PI],
  // steps: slope 0 between the jumps; round is half to even
  ['floor(x)', 2.5, 2, 0],
  ['ceil(x)', 2.5, 3, 0],
  ['round(x)', 2.5, 2, 0],
  // log(e^0 + e^0) with slope 1/2; three terms: log 3, 1/3; the norms as hypot
  ['logsumexp(x, 0)', 0, Math.LN2, 0.5],
  ['logsumexp(x, 0, 0)', 0, Math.log(3), 1 / 3],
  ['norm(x, 4)', 3, 5, 0.6],
  ['norm(x, 2, 2)', 1, 3, 1 / 3],
  // torch's binary_cross_entropy at p = 1/2, y = 1: -log(1/2), slope -1/p
  ['binary_cross_entropy(x, 1)', 0.5, Math.LN2, -2],
  // torch's binary_cross_entropy_with_logits at x = 0, y = 1: log 2, slope sigmoid(0) - 1 = -1/2 (TF.js's formula)
  ['binary_cross_entropy_with_logits(x, 1)', 0, Math.LN2, -0.5],
  // a cast to float32 and back: 0.1 becomes float32(0.1); its gradient passes through
  ['round_to_float32(x)', 0.1, Math.fround(0.1), 1],
  // a node used twice: gradients are summed
  ['x * exp(x)', 0, 0, 1],
];

const close = (a: number, b: number) => Object.is(a, b) || a === b || ulpDistance(a, b, 'float64') <= 2;

for (const [expr, x, value, grad] of rows) {
  test(`${expr} at x = ${x}: value ${value}, d/dx ${grad}`, () => {
    const g = compile(expr, undefined, TFJS);
    const v = evaluateFloat(g, 'float64', { x: [x] });
    assert.ok(close(v[g.output]![0]!, value), `value ${v[g.output]![0]} != ${value}`);
    const d = g.vars.includes('x') ? v[g.grads.x!]![0]! : 0;
    assert.ok(close(d, grad), `gradient ${d} != ${grad}`);
  });
}

test('the rows exercise every op of the table, forward and backward', () => {
  const seen = new Set<OpName>();
  // keep (a select in the backward pass) comes from the other frameworks' tables
  for (const framework of FRAMEWORK_IDS) for (const [expr] of rows) for (const n of compile(expr, undefined, { framework }).nodes) seen.add(n.op);
  assert.deepEqual([...OP_NAMES].filter((op) => !seen.has(op)), []);
});

test('there is exactly one gradient rule per op, in every framework\'s table', () => {
  for (const framework of FRAMEWORK_IDS) assert.deepEqual(Object.keys(FRAMEWORKS[framework].grads.rules).sort(), [...OP_NAMES].sort(), framework);
});

test('float32 rounds every constant and result: 0.1 + 0.2 is float32(0.1) + float32(0.2) rounded', () => {
  const g = compile('x + 0.2', undefined, TFJS);
  const v = evaluateFloat(g, 'float32', { x: [0.1] });
  assert.equal(v[g.output]![0], Math.fround(Math.fround(0.1) + Math.fround(0.2)));
  assert.equal(v[g.output]![0], 0.30000001192092896);
});
