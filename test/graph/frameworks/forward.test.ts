import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateOp } from '../../../src/graph/frameworks/forward.js';

/** By hand: 1e-20 * 1e-20 = 1e-40 is subnormal in float32; 2^-1074 is the smallest float64 subnormal. */
test('evaluateOp: one op as the framework computes it (flush-to-zero in tf and jax, kept in torch and tfjs)', () => {
  const rows: Array<[Parameters<typeof evaluateOp>, number]> = [
    [['tf', 'mul', 'float32', [1e-20, 1e-20]], 0],
    [['jax', 'mul', 'float32', [1e-20, 1e-20]], 0],
    [['torch', 'mul', 'float32', [1e-20, 1e-20]], Math.fround(Math.fround(1e-20) ** 2)],
    [['tfjs', 'mul', 'float32', [1e-20, 1e-20]], Math.fround(Math.fround(1e-20) ** 2)],
    [['tf', 'exp', 'float64', [2 ** -1074]], 1], // DAZ: exp(0)
    [['tf', 'neg', 'float64', [2 ** -1074]], -(2 ** -1074)], // neg is not flushed
    [['torch', 'sign', 'float64', [NaN]], 0],
    [['tf', 'sign', 'float64', [NaN]], NaN],
    [['tf', 'pow', 'float64', [1, NaN]], 1], // C's pow
    [['tfjs', 'pow', 'float64', [1, NaN]], NaN], // JS's Math.pow
  ];
  for (const [args, want] of rows) assert.deepEqual(evaluateOp(...args), want, JSON.stringify(args));
});
