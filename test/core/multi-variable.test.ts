/**
 * A two-variable scan end to end (sampling, truth, regions, root causes), on log(x) + y over x in [-1, 1], y in [0, 1].
 * By hand: the value is NaN exactly where x < 0 (log of a negative: a domain error, and the exact function is
 * undefined there too), -inf at x = 0 (log(0)); d/dy = 1 everywhere the function exists, computed exactly.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultScanOptions, diagnose } from '../../src/core/diagnose.js';

const report = diagnose(
  [{ name: 'log(x) + y', source: 'log(x) + y' }],
  defaultScanOptions({ samples: 64, ranges: { x: { lo: -1, hi: 1 }, y: { lo: 0, hi: 1 } }, framework: 'tfjs' }),
);
const form = report.forms[0]!;

describe('two variables: log(x) + y', () => {
  it('samples 64 points per variable, jointly', () => {
    assert.deepEqual(form.vars, ['x', 'y']);
    for (const r of form.results) assert.equal(r.samples, 128);
  });
  for (const format of ['float32', 'float64'] as const) {
    const value = form.results.find((r) => r.precision === format && r.target === 'value')!;
    const dy = form.results.find((r) => r.precision === format && r.target === 'grad:y')!;
    it(`${format} value: NaN only for x < 0, from log's domain, with the region given along x and y`, () => {
      assert.ok(value.nan > 0);
      const nan = value.regions.filter((g) => g.outcome === 'nan');
      assert.deepEqual(nan.map((g) => g.var).sort(), ['x', 'y']);
      for (const g of nan) {
        assert.equal(g.hazard, 'domain');
        assert.equal(g.op, 'log');
        assert.equal(g.truth.kind, 'undefined');
        assert.equal(g.samples, value.nan);
      }
      const x = nan.find((g) => g.var === 'x')!;
      assert.ok(x.lo >= -1 && x.hi < 0, `x in [${x.lo}, ${x.hi}]`);
      const y = nan.find((g) => g.var === 'y')!;
      assert.ok(y.lo >= 0 && y.hi <= 1, `y in [${y.lo}, ${y.hi}]`);
    });
    it(`${format} value: -inf at x = 0 from log(0), where the exact value is -inf too`, () => {
      for (const g of value.regions.filter((r) => r.outcome === 'inf')) {
        assert.equal(g.hazard, 'log-zero');
        if (g.var === 'x') assert.deepEqual([g.lo, g.hi], [0, 0]);
        assert.equal(g.truth.kind, 'infinite');
      }
    });
    it(`${format} d/dy: exactly 1 wherever the function exists (no NaN, inf or error)`, () => {
      assert.deepEqual([dy.nan, dy.inf, dy.inaccurate, dy.unknown], [0, 0, 0, 0]);
      assert.equal(dy.undefined, value.nan, 'undefined exactly where log(x) is');
    });
  }
});
