import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pythonFunctions } from '../../../src/parse/python/index.js';

/** [imports, the framework detected]. */
const rows: Array<[string, string | undefined]> = [
  ['import torch', 'torch'],
  ['import torch.nn.functional as F', 'torch'],
  ['import tensorflow as tf', 'tf'],
  ['from tensorflow.keras import backend as K', 'tf'],
  ['import keras', 'tf'],
  ['import jax.numpy as jnp', 'jax'],
  ['import jax', 'jax'],
  ['import numpy as np', 'numpy'],
  ['import numpy as np\nimport torch', 'torch'],
  ['import numpy as np\nimport jax.numpy as jnp', 'jax'],
  ['import torch\nimport tensorflow as tf', undefined],
  ['import math', undefined],
  ['', undefined],
];

for (const [imports, framework] of rows) {
  test(`framework of ${JSON.stringify(imports)}: ${framework}`, () => {
    assert.equal(pythonFunctions(`${imports}\n\ndef f(x):\n    return x\n`).framework, framework);
  });
}

test('functions are listed in file order', () => {
  assert.deepEqual(pythonFunctions('def b(x):\n    return x\n\n@decorated\ndef a(x):\n    return x\n').functions, ['b', 'a']);
});
