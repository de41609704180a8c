/**
 * How Python spells the ops of a few stacked terms (logsumexp, norm) and hypot, sinc, floor, ceil, round: each call
 * becomes one op node with the stacked terms as its inputs; what cannot be read elementwise is refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/graph/compile.js';
import { parseProgram, printProgram } from '../../../src/parse/index.js';
import type { OpName } from '../../../src/vocab/ops.js';

const HEADER = 'import tensorflow as tf\nimport torch\nimport jax\nimport jax.numpy as jnp\nimport numpy as np\nimport math\n\n';

const rows: Array<[call: string, op: OpName, inputs: number]> = [
  ['tf.reduce_logsumexp(tf.stack([a, b, c]), axis=0)', 'logsumexp3', 3],
  ['tf.math.reduce_logsumexp(tf.stack([a, b]), 0)', 'logsumexp', 2],
  ['torch.logsumexp(torch.stack([a, b]), dim=0)', 'logsumexp', 2],
  ['torch.logsumexp(torch.stack((a, b, c)), 0)', 'logsumexp3', 3],
  ['jax.nn.logsumexp(jnp.array([a, b]))', 'logsumexp', 2],
  ['jax.scipy.special.logsumexp(jnp.stack([a, b, c]), axis=0)', 'logsumexp3', 3],
  ['tf.norm(tf.stack([a, b]), axis=0)', 'norm', 2],
  ["tf.norm(tf.stack([a, b, c]), ord='euclidean', axis=0)", 'norm3', 3],
  ['torch.linalg.norm(torch.stack([a, b]), dim=0)', 'norm', 2],
  ['torch.norm(torch.stack([a, b]), p=2, dim=0)', 'norm', 2],
  ['jnp.linalg.norm(jnp.array([a, b, c]))', 'norm3', 3],
  ['np.linalg.norm(np.array([a, b]), ord=2)', 'norm', 2],
  ['tf.norm(a)', 'abs', 1],
  ['torch.hypot(a, b)', 'hypot', 2],
  ['math.hypot(a, b)', 'hypot', 2],
  ['jnp.sinc(a)', 'sinc', 1],
  ['tf.experimental.numpy.sinc(a)', 'sinc', 1],
  ['torch.floor(a)', 'floor', 1],
  ['math.ceil(a)', 'ceil', 1],
  ['round(a)', 'round', 1],
  ['jnp.round(a)', 'round', 1],
  ['a.round()', 'round', 1],
];

for (const [call, op, inputs] of rows) {
  test(`python: ${call} is ${op} of ${inputs} term${inputs === 1 ? '' : 's'}`, () => {
    const g = compile(`${HEADER}def f(a, b, c):\n    return ${call} + 0 * (a + b + c)\n`, 'losses.py::f');
    const node = g.nodes.find((n) => n.op === op && n.pass === 'forward');
    assert.ok(node, g.nodes.map((n) => n.op).join(' '));
    assert.equal(node.inputs.length, inputs);
    assert.deepEqual(node.inputs.map((i) => g.nodes[i]!.name), ['a', 'b', 'c'].slice(0, inputs));
  });
}

const refused: Array<[call: string, message: RegExp]> = [
  ['torch.logsumexp(a, dim=0)', /of one tensor reduces over its elements/],
  ['tf.reduce_logsumexp(tf.stack([a, b, c, a]), axis=0)', /over 4 terms: f-diagnose takes 2 or 3/],
  ['tf.norm(tf.stack([a, b]), ord=1, axis=0)', /the keyword 'ord' of 'norm' is not supported/],
  ['jax.nn.logsumexp(jnp.array([a, b]), b=c)', /the keyword 'b' of 'logsumexp' is not supported/],
];

for (const [call, message] of refused) {
  test(`python: ${call} is refused with a reason`, () => {
    assert.throws(() => compile(`${HEADER}def f(a, b, c):\n    return ${call}\n`, 'losses.py::f'), message);
  });
}

test('the expression language: logsumexp and norm take 2 or 3 terms, norm of one is abs', () => {
  assert.equal(compile('logsumexp(x, y, z)').nodes.filter((n) => n.op === 'logsumexp3').length, 1);
  assert.equal(compile('norm(x)').nodes.filter((n) => n.op === 'abs' && n.pass === 'forward').length, 1);
  assert.throws(() => compile('logsumexp(x)'), /takes 2 or 3 arguments, got 1/);
  assert.throws(() => compile('hypot(x)'), /takes 2 arguments, got 1/);
});

test('the printer writes the three-term variants under their spelling, and parsing gives them back', () => {
  for (const text of ['logsumexp(x, y, z) + norm(x, y, z)', 'binary_cross_entropy(p, y) * sinc(x)', 'hypot(x, y) - round(floor(x) + ceil(y))']) {
    const printed = printProgram(parseProgram(text));
    assert.equal(printed, text);
    assert.deepEqual(parseProgram(printed).statements.length, 1);
  }
});
