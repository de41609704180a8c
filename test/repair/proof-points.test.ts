import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandPoints, branchPoints } from '../../src/repair/proof-points.js';

test('branchPoints: both sides of every nonzero cutoff a comparison tests, on both signs; none for x < 0', () => {
  const points = branchPoints(['c = abs(x) < 0.5\nwhere(c, 1, where(x < 0, -x, x))', 'where(x > -2, x, 0)']);
  for (const v of [0.75, 0.25, 0.5 * (1 + 2 ** -52), 0.5 * (1 - 2 ** -52), 3, 1]) {
    assert.ok(points.includes(v) && points.includes(-v), `${v}`);
  }
  assert.ok(!points.includes(0));
  assert.equal(new Set(points.map(Math.abs).map((v) => (v > 1.5 ? 2 : 0.5))).size, 2, 'the cutoffs 0.5 and 2 only');
  assert.deepEqual(branchPoints(['where(x < 0, -x, x)']), []);
});

test('bandPoints: 256 magnitudes from 2^-12 to 2^12 on each sign, geometric', () => {
  const points = bandPoints();
  const positive = points.filter((v) => v > 0).sort((a, b) => a - b);
  assert.equal(points.length, 512);
  assert.equal(positive.length, 256);
  assert.equal(positive[0], 2 ** -12);
  assert.ok(Math.abs(positive[255]! - 2 ** 12) < 1e-9);
  assert.ok(Math.abs(positive[1]! / positive[0]! - 2 ** (24 / 255)) < 1e-12);
});
