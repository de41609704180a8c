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
    it(`${format} value: NaN only for x < 0, from log's domain, one region per cause as a box over x and y`, () => {
      assert.ok(value.nan > 0);
      const nan = value.regions.filter((g) => g.outcome === 'nan');
      assert.equal(nan.length, 1, 'one cause, one region');
      const g = nan[0]!;
      assert.deepEqual([g.hazard, g.op, g.truth.kind, g.samples], ['domain', 'log', 'undefined', value.nan]);
      assert.deepEqual(Object.keys(g.box!), ['x', 'y']);
      assert.ok(g.box!.x!.lo >= -1 && g.box!.x!.hi < 0, `x in [${g.box!.x!.lo}, ${g.box!.x!.hi}]`);
      assert.ok(g.box!.y!.lo >= 0 && g.box!.y!.hi <= 1, `y in [${g.box!.y!.lo}, ${g.box!.y!.hi}]`);
    });
    it(`${format} samples every corner of the box: x in {-1, 0, 1} and y in {0, 1} among the points`, () => {
      const points = new Set(value.regions.flatMap((g) => (g.box && g.exact ? [`${g.box.x!.lo},${g.box.y!.lo}`] : [])));
      for (const y of [0, 1]) assert.ok(points.has(`0,${y}`), `the -inf of log(0) at (0, ${y})`);
    });
    // The exact engine proves a limit in one variable only; with y free it says unknown, with the reason, rather
    // than take a limit along one line for the answer.
    it(`${format} value: -inf at x = 0 from log(0), where the exact value is -inf or unknown (several variables)`, () => {
      const inf = value.regions.filter((r) => r.outcome === 'inf');
      assert.ok(inf.length > 0);
      for (const g of inf) {
        assert.equal(g.hazard, 'log-zero');
        assert.deepEqual([g.box!.x!.lo, g.box!.x!.hi], [0, 0]);
        assert.ok(g.truth.kind === 'infinite' || (g.truth.kind === 'unknown' && /several variables/.test(g.truth.reason)), JSON.stringify(g.truth));
      }
    });
    it(`${format} d/dy: exactly 1 wherever the function exists (no NaN, inf or error)`, () => {
      assert.deepEqual([dy.nan, dy.inf, dy.inaccurate, dy.unknown], [0, 0, 0, 0]);
      assert.equal(dy.undefined, value.nan, 'undefined exactly where log(x) is');
    });
  }
});

/**
 * Binary cross-entropy on probabilities, -(y log p + (1 - y) log(1 - p)), over p in [0, 1] and labels y in {0, 1}.
 * By hand: at (p, y) = (0, 0) the term y log p is 0 * log(0) = 0 * -inf = NaN in IEEE arithmetic (TF and JAX give
 * NaN there), and likewise (1 - y) log(1 - p) at (1, 1). The corners must be sampled and named, with log(0) then
 * 0 * inf as the chain.
 */
describe('two variables: the cross-entropy corners', () => {
  const report = diagnose(
    [{ name: 'bce', source: '-(y*log(p) + (1-y)*log(1-p))' }],
    // subnormals kept (tfjs): under TF's and JAX's flush-to-zero every subnormal p is read as 0 and is NaN too
    defaultScanOptions({ samples: 32, ranges: { p: { lo: 0, hi: 1 }, y: { lo: 0, hi: 1, values: [0, 1] } }, framework: 'tfjs' }),
  );
  for (const format of ['float32', 'float64'] as const) {
    const value = report.forms[0]!.results.find((r) => r.precision === format && r.target === 'value')!;
    it(`${format}: NaN at (p, y) = (0, 0) and (1, 1), each its own region, from 0 * inf after log(0)`, () => {
      const nan = value.regions.filter((g) => g.outcome === 'nan');
      const at = nan.map((g) => `${g.box!.p!.lo},${g.box!.y!.lo}`).sort();
      assert.deepEqual(at, ['0,0', '1,1']);
      for (const g of nan) {
        assert.ok(g.exact);
        assert.deepEqual(g.chain.map((e) => e.hazard), ['log-zero', 'zero-times-inf']);
      }
    });
    it(`${format}: y takes only its labels`, () => {
      for (const g of value.regions) assert.ok([0, 1].includes(g.box!.y!.lo) && [0, 1].includes(g.box!.y!.hi));
    });
  }
});
