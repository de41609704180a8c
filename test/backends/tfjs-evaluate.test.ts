import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { evaluateTfjs } from '../../src/backends/tfjs/evaluate.js';
import { classify, ulps32 } from '../../src/backends/tfjs/float32.js';
import { loadTfjs, type TfjsRuntime } from '../../src/backends/tfjs/load.js';
import { compile } from '../../src/graph/compile.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

let rt: TfjsRuntime;
before(async () => {
  rt = await loadTfjs('cpu');
});

const f32 = Math.fround;
const naive = '1/(1-exp(-x)) - 1/x';

/**
 * Value and gradient by hand (calculus, and TF.js's documented gradient conventions where the
 * math has none: Abs_grad is step(x, -1), Maximum_grad sends ties to a, ClipByValue_grad is
 * inclusive at the bounds, SelectV2_grad masks the unselected branch with 0).
 */
const rows: Array<{ expr: string; x: number; value: number; grad: number; ulps?: number }> = [
  { expr: 'x', x: -2, value: -2, grad: 1 },
  { expr: 't = exp(-x)\nt*t', x: 0, value: 1, grad: -2 },
  { expr: 'x*x + 3', x: 2, value: 7, grad: 4 },
  { expr: 'exp(x)', x: 1, value: Math.E, grad: Math.E, ulps: 1 },
  { expr: 'exp(x)', x: 100, value: Infinity, grad: Infinity },
  { expr: 'log(x)', x: 0, value: -Infinity, grad: Infinity },
  { expr: 'log(x)', x: -1, value: NaN, grad: -1 },
  { expr: 'sqrt(x)', x: 4, value: 2, grad: 0.25 },
  { expr: 'sqrt(x)', x: 0, value: 0, grad: Infinity },
  { expr: 'x ** 2', x: -3, value: 9, grad: -6 },
  { expr: 'pow(x, 0.5)', x: 0, value: 0, grad: Infinity },
  { expr: 'pow(x, 1.5)', x: -1, value: NaN, grad: NaN },
  { expr: 'abs(x)', x: 0, value: 0, grad: -1 },
  { expr: 'abs(x)', x: 2, value: 2, grad: 1 },
  { expr: 'maximum(x, 1)', x: 1, value: 1, grad: 1 },
  { expr: 'minimum(x, 1)', x: 1, value: 1, grad: 1 },
  { expr: 'maximum(x, 1)', x: 0, value: 1, grad: 0 },
  { expr: 'clip(x, -1, 2)', x: 2, value: 2, grad: 1 },
  { expr: 'clip(x, -1, 2)', x: 3, value: 2, grad: 0 },
  { expr: 'sigmoid(x)', x: 0, value: 0.5, grad: 0.25 },
  { expr: 'softplus(x)', x: 0, value: Math.LN2, grad: 0.5, ulps: 1 },
  { expr: 'atan2(x, 1)', x: 1, value: Math.PI / 4, grad: 0.5, ulps: 1 },
  { expr: 'sign(x)', x: -2, value: -1, grad: 0 },
  { expr: 'square(x) + reciprocal(x)', x: 2, value: 4.5, grad: 4 - 0.25 },
  { expr: 'tanh(x)', x: 0, value: 0, grad: 1 },
  { expr: 'where(x < 0, 1, 2)', x: -1, value: 1, grad: 0 },
  { expr: 'where(x < 0 | x > 1, x, -x)', x: 0.5, value: -0.5, grad: -1 },
  { expr: 'where(~(x == 0), 1/x, 0)', x: 0, value: 0, grad: NaN },
  // The where trap: the masked branch's local gradient at 0 is 0/0 and inf, masked into NaN.
  { expr: `where(abs(x) < 0.1, 0.5 + x/12, ${naive})`, x: 0, value: 0.5, grad: NaN },
  { expr: `where(abs(x) < 0.1, 0.5 + x/12, ${naive})`, x: 0.05, value: 0.5 + 0.05 / 12, grad: 1 / 12, ulps: 2 },
  // f(1) = 1/(1 - 1/e) - 1 and f'(x) = e^-x/(1-e^-x)^2 ... = 1/x^2 - e^x/(e^x - 1)^2
  { expr: naive, x: 1, value: 1 / (1 - Math.exp(-1)) - 1, grad: 1 - Math.E / (Math.E - 1) ** 2, ulps: 8 },
  // exp(-x) overflows forward: value 1/(1-inf) - 1/x = -0 - 1/x; backward 0 * inf = NaN.
  { expr: naive, x: -100, value: 0.01, grad: NaN, ulps: 1 },
];

test('TF.js value and gradient match hand-derived values', () => {
  for (const row of rows) {
    const graph = compile(row.expr, undefined, TFJS);
    const r = evaluateTfjs(rt, graph, { x: Float32Array.of(row.x) });
    const label = `${row.expr} at x=${row.x}`;
    assertClose(r.value[0]!, row.value, row.ulps ?? 0, `${label}: value`);
    assertClose(r.grads['x']![0]!, row.grad, row.ulps ?? 0, `${label}: gradient`);
  }
});

function assertClose(actual: number, expected: number, ulps: number, label: string): void {
  const want = f32(expected);
  assert.equal(classify(actual), classify(want), `${label}: ${actual}, expected ${want}`);
  if (classify(want) === 'finite') assert.ok(ulps32(actual, want) <= ulps, `${label}: ${actual}, expected ${want} (within ${ulps} ulps)`);
}

test('batches: each sample is independent; two variables get their own gradients', () => {
  const graph = compile('x*y + exp(y)', undefined, TFJS);
  const r = evaluateTfjs(rt, graph, { x: Float32Array.of(2, -1, 0), y: Float32Array.of(3, 0, 100) });
  assert.deepEqual(Array.from(r.value), [f32(6 + f32(Math.exp(3))), 1, Infinity]);
  assert.deepEqual(Array.from(r.grads['x']!), [3, 0, 100]);
  assert.deepEqual(Array.from(r.grads['y']!), [f32(2 + f32(Math.exp(3))), 0, Infinity]);
});

test('a variable that only steers a condition has gradient 0, and an output without variables is broadcast', () => {
  const graph = compile('where(y > 0, x, 2*x)', undefined, TFJS);
  const r = evaluateTfjs(rt, graph, { x: Float32Array.of(1, 1), y: Float32Array.of(1, -1) });
  assert.deepEqual(Array.from(r.value), [1, 2]);
  assert.deepEqual(Array.from(r.grads['x']!), [1, 2]);
  assert.deepEqual(Array.from(r.grads['y']!), [0, 0]);
  const constant = evaluateTfjs(rt, compile('where(x < 0, 1, 2) + 0.5', undefined, TFJS), { x: Float32Array.of(-1, 1, 0) });
  assert.deepEqual(Array.from(constant.value), [1.5, 2.5, 2.5]);
  assert.deepEqual(Array.from(constant.grads['x']!), [0, 0, 0]);
});

test('forward values of every forward node are returned, conditions as 0/1', () => {
  const graph = compile(`where(abs(x) < 0.1, 0.5 + x/12, ${naive})`);
  const r = evaluateTfjs(rt, graph, { x: Float32Array.of(0, 1) });
  const forwardIds = graph.nodes.filter((n) => n.pass === 'forward').map((n) => n.id);
  assert.deepEqual([...r.forward.keys()].sort((a, b) => a - b), forwardIds);
  const less = graph.nodes.find((n) => n.op === 'less')!;
  assert.deepEqual(Array.from(r.forward.get(less.id)!), [1, 0]);
  const oneOverX = graph.nodes.find((n) => n.op === 'div' && graph.nodes[n.inputs[1]!]!.op === 'var')!;
  assert.deepEqual(Array.from(r.forward.get(oneOverX.id)!), [Infinity, 1]);
  for (const values of r.forward.values()) assert.equal(values.length, 2);
});

test('no tensor leaks', () => {
  const exprs = [naive, `where(abs(x) < 0.1, 0.5 + x/12, ${naive})`, 'clip(x, -1, 1) * maximum(x, 0)', 'where(x < 0, 1, 2)', '3'];
  const before = rt.tf.memory().numTensors;
  for (const expr of exprs) evaluateTfjs(rt, compile(expr, undefined, TFJS), { x: Float32Array.of(-1, 0, 1) });
  assert.equal(rt.tf.memory().numTensors, before);
});

test('bad batches are refused', () => {
  assert.throws(() => evaluateTfjs(rt, compile('x + y', undefined, TFJS), { x: Float32Array.of(1, 2), y: Float32Array.of(1) }), /differ in length/);
  assert.throws(() => evaluateTfjs(rt, compile('x + y', undefined, TFJS), { x: Float32Array.of(1) }), /no input values for variable 'y'/);
});
