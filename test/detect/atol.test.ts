import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judge } from '../../src/detect/outcome.js';
import type { Truth } from '../../src/backends/truth.js';

const finite = (value: number): Truth => ({ kind: 'finite', value, decimal: String(value) });

// Hand math: 1 + 2^-52 is 1 ULP from 1 in float64; 0 against 1.1e-16 is ~2^62 ULPs (all the subnormals and normals between).
test('judge: inaccurate only when off by more than the ULPs AND the absolute tolerance', () => {
  const rows: Array<[string, number, number, number, number, string]> = [
    ['flushed tiny gradient, atol 0', 0, 1.1e-16, 16, 0, 'inaccurate'],
    ['flushed tiny gradient within atol 2^-53', 0, 1.1e-16, 16, 2 ** -53, 'ok'],
    ['flushed gradient just above atol', 0, 2.3e-16, 16, 2 ** -53, 'inaccurate'],
    ['1 ULP off, within 16 ULPs, atol 0', 1 + 2 ** -52, 1, 16, 0, 'ok'],
    ['1 ULP off, tolerance 0, atol below the error', 1 + 2 ** -52, 1, 0, 1e-17, 'inaccurate'],
    ['1 ULP off, tolerance 0, atol above the error', 1 + 2 ** -52, 1, 0, 1e-15, 'ok'],
    ['large relative and absolute error', 2, 1, 16, 1e-6, 'inaccurate'],
  ];
  for (const [name, result, truth, ulps, atol, expected] of rows) {
    assert.equal(judge(result, finite(truth), 'float64', ulps, atol).outcome, expected, name);
  }
});

test('judge: NaN and inf stay outcomes of their own whatever the absolute tolerance', () => {
  assert.equal(judge(NaN, finite(1), 'float32', 16, 1e9).outcome, 'nan');
  assert.equal(judge(Infinity, finite(1), 'float32', 16, 1e9).outcome, 'inf');
});
