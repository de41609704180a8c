/** How Python spells the activations whose arguments select a variant: gelu's approximate, leaky_relu's slope. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '../../../src/graph/compile.js';
import type { OpName } from '../../../src/vocab/ops.js';

const rows: Array<[call: string, op: OpName]> = [
  ["F.gelu(x, approximate='tanh')", 'geluTanh'],
  ["F.gelu(x, approximate='none')", 'gelu'],
  ['F.gelu(x)', 'gelu'],
  // jax.nn.gelu's default is approximate=True (jax/_src/nn/functions.py): unsaid, the tanh form; tf and Keras: erf
  ['jax.nn.gelu(x)', 'geluTanh'],
  ['jax.nn.gelu(x, approximate=False)', 'gelu'],
  ['jax.nn.gelu(x, False)', 'gelu'],
  ['tf.nn.gelu(x)', 'gelu'],
  ['tf.keras.activations.gelu(x)', 'gelu'],
  ['tf.nn.gelu(x, approximate=True)', 'geluTanh'],
  ['tf.nn.gelu(x, approximate=False)', 'gelu'],
  ['F.leaky_relu(x, negative_slope=0.01)', 'leakyRelu'],
  ['tf.nn.leaky_relu(x, alpha=0.2)', 'leakyRelu'],
  ['F.logsigmoid(x)', 'logSigmoid'],
  ['jax.nn.soft_sign(x)', 'softsign'],
  ['tf.nn.swish(x)', 'silu'],
  ['jnp.arcsinh(x)', 'asinh'],
  ['jax.scipy.special.xlogy(x, x)', 'xlogy'],
];

for (const [call, op] of rows) {
  test(`python: ${call} is ${op}`, () => {
    const source = `import torch.nn.functional as F\nimport tensorflow as tf\nimport jax\nimport jax.numpy as jnp\n\ndef f(x):\n    return ${call}\n`;
    const g = compile(source, 'losses.py::f');
    assert.ok(g.nodes.some((n) => n.op === op), g.nodes.map((n) => n.op).join(' '));
  });
}

test('python: leaky_relu without its slope is refused (the defaults differ between frameworks)', () => {
  assert.throws(() => compile('import torch.nn.functional as F\ndef f(x):\n    return F.leaky_relu(x)\n', 'losses.py::f'), /give 'leaky_relu' its slope/);
});
