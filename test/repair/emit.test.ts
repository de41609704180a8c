/**
 * --emit: the story's fix as a function in each framework. TF.js and NumPy run here (real kernels, not ours) and
 * are compared with mpmath; TF, PyTorch and JAX are not needed by the tests, so here their code is syntax-checked by
 * Python and checked for its own spellings, and emitted-in-frameworks.test.ts reads what the real frameworks made
 * of the emitted fixes (oracle/emitted-fixes.py).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ulpDistance } from '../../src/base/float-format.js';
import { defaultScanOptions } from '../../src/core/diagnose.js';
import { emit } from '../../src/repair/emit.js';
import { fix } from '../../src/repair/fix.js';
import { hasMpmath, mpmathAt } from './mpmath-oracle.js';

const STORY = '1/(1-exp(-x)) - 1/x';
const POINTS = [0, 1e-30, -1e-6, 0.5, 1.99, 2.01, -2.01, -30, 30, -100, 100, -1e25, 1e25];
let best = '';

before(async () => {
  await tf.setBackend('cpu');
  best = (await fix(STORY, defaultScanOptions({ samples: 128 }), { value: 16, grad: 64 })).fixes[0]!.expr;
});

const python = (code: string, input = '') => spawnSync('/usr/bin/python3', ['-c', code], { input, encoding: 'utf8' });

test('tfjs: the emitted function runs in TF.js with finite values and gradients, within 16 / 64 ULP of mpmath', { skip: !hasMpmath }, () => {
  const code = emit(best, ['x'], 'tfjs');
  assert.match(code, /^import \* as tf from '@tensorflow\/tfjs';/);
  const f = new Function('tf', code.replace(/^import .*\n/, '').replace('export function f', 'return function f'))(tf) as (x: tf.Tensor) => tf.Tensor;
  const x = tf.tensor1d(POINTS.map(Math.fround), 'float32');
  const value = f(x).dataSync();
  const grad = tf.grad(f)(x).dataSync();
  const exact = mpmathAt(STORY, ['x'], POINTS.map((p) => [Math.fround(p)]), true);
  POINTS.forEach((p, i) => {
    assert.ok(Number.isFinite(value[i]!) && Number.isFinite(grad[i]!), `at ${p}: ${value[i]}, ${grad[i]}`);
    assert.ok(ulpDistance(value[i]!, Math.fround(exact[i]![0]!), 'float32') <= 16, `value at ${p}: ${value[i]} vs ${exact[i]![0]}`);
    assert.ok(ulpDistance(grad[i]!, Math.fround(exact[i]![1]!), 'float32') <= 64, `gradient at ${p}: ${grad[i]} vs ${exact[i]![1]}`);
  });
});

test('numpy: the emitted function runs in NumPy (float64) with finite values within 16 ULP of mpmath', { skip: !hasMpmath || python('import numpy').status !== 0 }, () => {
  const code = emit(best, ['x'], 'numpy');
  const r = python(`${code}\nimport json, sys, warnings\nwarnings.simplefilter('ignore')\nprint(json.dumps([float(v) for v in f(np.array(json.load(sys.stdin), dtype=np.float64))]))`, JSON.stringify(POINTS));
  assert.equal(r.status, 0, r.stderr);
  const values = JSON.parse(r.stdout) as number[];
  const exact = mpmathAt(STORY, ['x'], POINTS.map((p) => [p]), true);
  POINTS.forEach((p, i) => assert.ok(ulpDistance(values[i]!, exact[i]![0]!, 'float64') <= 16, `at ${p}: ${values[i]} vs ${exact[i]![0]}`));
});

const SPELLINGS: { framework: 'tf' | 'torch' | 'jax'; must: RegExp[]; mustNot: RegExp }[] = [
  { framework: 'tf', must: [/^import tensorflow as tf/, /tf\.where\(/, /tf\.math\.expm1\(/, /tf\.cast\(1\.0, x\.dtype\)/], mustNot: /\b(np|torch|jnp)\./ },
  { framework: 'torch', must: [/^import torch/, /torch\.where\(/, /torch\.expm1\(/], mustNot: /\b(np|tf|jnp)\./ },
  { framework: 'jax', must: [/^import jax/, /jnp\.where\(/, /jnp\.expm1\(/], mustNot: /\b(np|tf|torch)\./ },
];

for (const s of SPELLINGS) {
  test(`${s.framework}: the emitted function is valid Python in the framework's own spellings`, () => {
    const code = emit(best, ['x'], s.framework);
    for (const m of s.must) assert.match(code, m);
    assert.doesNotMatch(code, s.mustNot);
    const r = python('import sys, ast; ast.parse(sys.stdin.read())', code);
    assert.equal(r.status, 0, r.stderr);
  });
}

test('python: operands are parenthesised where Python binds differently (& before <)', () => {
  const code = emit('where((x < 1) & (x > -1), x, 0)', ['x'], 'torch');
  assert.match(code, /return torch\.where\(\(x < 1\) & \(x > -1\), x, 0\.0\)/);
});

test('a program with a function: the function nested in the emitted one, called by its own name', () => {
  const code = emit('f(x) = where(x > 0, x, 0)\nf(x) + f(x + 50)', ['x'], 'jax');
  assert.match(code, /^def loss\(x\):\n    def f\(x\):\n        return jnp\.where\(x > 0, x, 0\.0\)\n\n    return f\(x\) \+ f\(x \+ 50\)\n$/m);
  const js = emit('f(x) = where(x > 0, x, 0)\nf(x) + f(x + 50)', ['x'], 'tfjs');
  assert.match(js, /const f = \(x\) => tf\.where\(/);
  assert.match(js, /return tf\.add\(f\(x\), f\(tf\.add\(x, /);
});

test('numpy: the new ops emit as NumPy calls that compute what they mean (float64, against JS formulas)', { skip: python('import numpy').status !== 0 }, () => {
  const expr = 'hypot(x, 2) + sinc(x) + round(4 * x) + floor(x) + ceil(x) + logsumexp(x, 1, 2) + norm(x, 3) + binary_cross_entropy(x, 0.25)';
  const code = emit(expr, ['x'], 'numpy');
  const xs = [0.125, 0.375, 0.625];
  const r = python(`${code}\nimport json, sys\nprint(json.dumps([float(v) for v in f(np.array(json.load(sys.stdin), dtype=np.float64))]))`, JSON.stringify(xs));
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout) as number[];
  // round(4x) at 0.5, 1.5, 2.5 is half to even: 0, 2, 2
  const halfEven = [0, 2, 2];
  xs.forEach((x, i) => {
    const want = Math.hypot(x, 2) + Math.sin(Math.PI * x) / (Math.PI * x) + halfEven[i]! + 0 + 1
      + Math.log(Math.exp(x) + Math.exp(1) + Math.exp(2)) + Math.hypot(x, 3) - (0.25 * Math.log(x) + 0.75 * Math.log1p(-x));
    assert.ok(Math.abs(got[i]! - want) <= 1e-13 * Math.abs(want), `at ${x}: numpy ${got[i]}, formula ${want}`);
  });
});

test('tf, torch, jax: the new ops emit as valid Python in each framework\'s own calls', () => {
  const expr = 'logsumexp(x, 1, 2) + norm(x, 3) + hypot(x, 2) + sinc(x) + binary_cross_entropy(x, 0.25)';
  const want: Record<'tf' | 'torch' | 'jax', RegExp[]> = {
    tf: [/tf\.reduce_logsumexp\(tf\.stack\(\[x, tf\.ones_like\(x\) \* 1, tf\.ones_like\(x\) \* 2\]\), axis=0\)/, /tf\.norm\(tf\.stack/, /tf\.experimental\.numpy\.hypot/, /tf\.experimental\.numpy\.sinc/],
    torch: [/torch\.logsumexp\(torch\.stack\(\[x, torch\.full_like\(x, 1\), torch\.full_like\(x, 2\)\]\), dim=0\)/, /torch\.linalg\.norm/, /torch\.hypot/, /torch\.sinc/, /torch\.nn\.functional\.binary_cross_entropy\(x, torch\.full_like\(x, 0\.25\), reduction='none'\)/],
    jax: [/jax\.nn\.logsumexp\(jnp\.stack/, /jnp\.linalg\.norm/, /jnp\.hypot/, /jnp\.sinc/],
  };
  for (const framework of ['tf', 'torch', 'jax'] as const) {
    const code = emit(expr, ['x'], framework);
    for (const pattern of want[framework]) assert.match(code, pattern, framework);
    const r = python('import sys, ast; ast.parse(sys.stdin.read())', code);
    assert.equal(r.status, 0, `${framework}: ${r.stderr}`);
  }
});
