import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../../src/backends/float.js';
import { compile } from '../../../src/graph/compile.js';
import type { Graph } from '../../../src/graph/graph.js';

/**
 * [what, Python file, label (FILE.py::NAME[sampled]), the same loss in the expression language, points]. Both are
 * compiled and evaluated in float64; value and every gradient must be the same float at every point (and the
 * variables the same), so the lowering means what the expression means.
 */
type Row = [string, string, string, string, Record<string, number>[]];

const rows: Row[] = [
  ['return of an expression', 'def f(x):\n    return x * x + 1\n', 'a.py', 'x * x + 1', [{ x: 0.5 }, { x: -3 }]],
  ['type hints and a docstring are ignored', 'def f(x: float) -> float:\n    """Doc."""\n    return x ** 2\n', 'a.py', 'x ** 2', [{ x: 3 }]],
  ['assignments and augmented assignments', 'def f(x):\n    t = x + 1\n    t *= t\n    t -= x\n    t /= 2\n    t **= 2\n    return t\n', 'a.py', '(((x + 1) * (x + 1) - x) / 2) ** 2', [{ x: 0.25 }, { x: 7 }]],
  ['tuple unpacking', 'def f(x, y):\n    a, b = x + y, x - y\n    (c, d) = b, a\n    return a * c + d\n', 'a.py', '(x + y) * (x - y) + (x + y)', [{ x: 1, y: 2 }]],
  ['a default is a constant', 'def f(x, k=3.0):\n    return k * x\n', 'a.py', '3.0 * x', [{ x: 2 }]],
  ['a sampled default is a variable', 'def f(x, k=3.0):\n    return k * x\n', 'a.py::f[k]', 'k * x', [{ x: 2, k: 5 }]],
  ['conditional expression -> where', 'import torch\ndef f(x):\n    return torch.log(x) if x > 0 else -x\n', 'a.py', 'where(x > 0, log(x), -x)', [{ x: 2 }, { x: -2 }]],
  ['if/else on a constant keyword is decided when read', "def f(x, reduction='mean', from_logits=False):\n    if from_logits:\n        x = 1 / (1 + x)\n    elif reduction == 'mean' and not from_logits:\n        x = x * 2\n    else:\n        return x\n    return x + 1\n", 'a.py', 'x * 2 + 1', [{ x: 3 }]],
  ['constant conditional expression picks one side', 'def f(x, from_logits=True):\n    return x if from_logits else x.log()\n', 'a.py', 'x', [{ x: 3 }]],
  ['calls between functions, defaults and keywords', 'def sq(a, p=2):\n    return a ** p\ndef f(x):\n    return sq(x) + sq(x, p=3)\n', 'a.py::f', 'x ** 2 + x ** 3', [{ x: 1.5 }]],
  ['module constants and math.pi', 'import math\nEPS = 1e-7\nSCALE: float = 2 * math.pi\ndef f(x):\n    return SCALE * x + EPS\n', 'a.py', '2 * pi * x + 1e-7', [{ x: 0.1 }]],
  ['np.pi, K.epsilon(), np.finfo eps and tiny', 'import numpy as np\nfrom tensorflow.keras import backend as K\ndef f(x):\n    return x * np.pi + K.epsilon() + np.finfo(np.float32).eps + np.finfo(np.float32).tiny\n', 'a.py', 'x * pi + 1e-7 + 1.1920928955078125e-7 + 1.1754943508222875e-38', [{ x: 1 }]],
  ['comparisons, & | ~ and and/or/not on conditions', 'import numpy as np\ndef f(x):\n    return np.where((x > 0) & ~(x > 5) | (x == -1), x, 0.0) + np.where(x > 1 and not x > 2, 1.0, 0.0)\n', 'a.py', 'where((x > 0) & ~(x > 5) | (x == -1), x, 0.0) + where((x > 1) & ~(x > 2), 1.0, 0.0)', [{ x: 3 }, { x: -1 }, { x: 1.5 }, { x: 9 }]],
  ['chained comparisons', 'import numpy as np\ndef f(x):\n    return np.where(0 < x <= 1, x, 2.0)\n', 'a.py', 'where((0 < x) & (x <= 1), x, 2.0)', [{ x: 0.5 }, { x: 1 }, { x: 0 }, { x: 3 }]],
  ['tf., tf.math., tf.nn. spellings', 'import tensorflow as tf\ndef f(x):\n    return tf.math.log1p(tf.exp(x)) + tf.nn.sigmoid(x) + tf.math.softplus(x)\n', 'a.py', 'log1p(exp(x)) + sigmoid(x) + softplus(x)', [{ x: 0.3 }]],
  ['K. spellings and clip', 'from tensorflow.keras import backend as K\ndef f(p):\n    p = K.clip(p, K.epsilon(), 1 - K.epsilon())\n    return -K.log(p)\n', 'a.py', '-log(clip(p, 1e-7, 1 - 1e-7))', [{ p: 0 }, { p: 0.5 }]],
  ['keras.ops spellings', 'import keras\ndef f(x):\n    return keras.ops.sqrt(keras.ops.square(x) + 1)\n', 'a.py', 'sqrt(square(x) + 1)', [{ x: 2 }]],
  ['torch.nn.functional as F', 'import torch.nn.functional as F\ndef f(x):\n    return F.softplus(x) - F.sigmoid(x)\n', 'a.py', 'softplus(x) - sigmoid(x)', [{ x: -1 }]],
  ['tensor methods', 'def f(x):\n    return x.exp() + x.abs().sqrt() + x.pow(2) + x.sigmoid() + x.log1p() + x.tanh()\n', 'a.py', 'exp(x) + sqrt(abs(x)) + x ** 2 + sigmoid(x) + log1p(x) + tanh(x)', [{ x: 0.5 }]],
  ['clamp(min=) alone is maximum, clamp(max=) minimum', 'import torch\ndef f(x):\n    return x.clamp(min=1e-7).log() + torch.clamp(x, max=2.0) + torch.clamp(x, 0, None)\n', 'a.py', 'log(maximum(x, 1e-7)) + minimum(x, 2.0) + maximum(x, 0)', [{ x: 0 }, { x: 3 }]],
  ['np.clip with both bounds, jnp and jax.nn', 'import jax.numpy as jnp\nimport jax\ndef f(x):\n    return jnp.clip(x, 0.1, 0.9) + jax.nn.sigmoid(x) + jax.nn.softplus(x)\n', 'a.py', 'clip(x, 0.1, 0.9) + sigmoid(x) + softplus(x)', [{ x: 0.5 }, { x: 2 }]],
  ['reductions are analysed elementwise', 'import torch\nimport tensorflow as tf\ndef f(x):\n    return torch.mean(x, dim=-1) + tf.reduce_sum(x, axis=1, keepdims=True) + x.mean() + sum(x)\n', 'a.py', 'x + x + x + x', [{ x: 2 }]],
  ['from numpy import exp and builtins abs, max, min, pow', 'from numpy import exp, log as ln\ndef f(x, y):\n    return exp(x) + ln(y) + abs(x) + max(x, y) + min(x, y) + pow(x, 2)\n', 'a.py', 'exp(x) + log(y) + abs(x) + maximum(x, y) + minimum(x, y) + x ** 2', [{ x: -1, y: 2 }]],
  ['identity calls: tf.cast, float(), tensor.float()', 'import tensorflow as tf\ndef f(x):\n    return tf.cast(x, tf.float32) * float(2) + x.float()\n', 'a.py', 'x * 2 + x', [{ x: 1.25 }]],
  ['numbers: underscores and hex', 'def f(x):\n    return x * 1_000 + 0x10\n', 'a.py', 'x * 1000 + 16', [{ x: 1 }]],
];

function same(py: Graph, ex: Graph, point: Record<string, number>): void {
  assert.deepEqual([...py.vars].sort(), [...ex.vars].sort());
  const inputs = Object.fromEntries(Object.entries(point).map(([k, v]) => [k, [v]]));
  const a = evaluateFloat(py, 'float64', inputs);
  const b = evaluateFloat(ex, 'float64', inputs);
  assert.ok(Object.is(a[py.output]![0], b[ex.output]![0]), `value ${a[py.output]![0]} != ${b[ex.output]![0]}`);
  for (const v of ex.vars) assert.ok(Object.is(a[py.grads[v]!]![0], b[ex.grads[v]!]![0]), `d/d${v}: ${a[py.grads[v]!]![0]} != ${b[ex.grads[v]!]![0]}`);
}

for (const [what, python, label, expr, points] of rows) {
  test(`python: ${what}`, () => {
    const py = compile(python, label);
    const ex = compile(expr);
    for (const p of points) same(py, ex, p);
  });
}

test('python: spans point into the .py file', () => {
  const g = compile('import numpy as np\n\ndef f(x):\n    return np.log(x)\n', 'a.py');
  const log = g.nodes.find((n) => n.op === 'log')!;
  assert.deepEqual([log.span?.line, log.span?.column], [4, 12]);
});
