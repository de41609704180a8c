import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnose } from '../../src/core/diagnose.js';
import type { TargetResult } from '../../src/detect/types.js';

const run = (expr: string, precision: 'float32' | 'float64', samples = 512) =>
  diagnose([{ name: expr, source: expr }], defaultScanOptions({ samples, precisions: [precision], framework: 'tfjs' }), { backend: 'emulated' }).forms[0]!.results;
const get = (rs: TargetResult[], target: string) => rs.find((r) => r.target === target)!;

/** Regions split where the root cause changes, not only the outcome; endpoints are exact floats derived by hand. */
/** The first double where x * log(x) overflows, found by stepping doubles with plain JS arithmetic (not the tool). */
const OVERFLOW_XLOGX = (() => {
  const f = new Float64Array(1);
  const bits = new BigInt64Array(f.buffer);
  f[0] = 2.5e305; // below: 2.5e305 * 703.2 = 1.76e308, finite
  while (Number.isFinite(f[0]! * Math.log(f[0]!))) bits[0]! += 1n << 20n;
  bits[0]! -= 1n << 20n;
  while (Number.isFinite(f[0]! * Math.log(f[0]!))) bits[0]! += 1n;
  return f[0]!;
})();

const rows: Array<{ expr: string; precision: 'float32' | 'float64'; target: string; regions: Array<[string, number, number, string]> }> = [
  {
    // x < 0: log of a negative (domain); x = 0: log(0) = -inf, then 0 * -inf; both NaN, two causes
    expr: 'x*log(x)', precision: 'float64', target: 'value',
    regions: [['nan', -1.7976931348623157e308, -5e-324, 'domain'], ['nan', 0, 0, 'log-zero'], ['inf', OVERFLOW_XLOGX, 1.7976931348623157e308, 'overflow']],
  },
  {
    // exp(x) overflows float32 from the first float32 >= 128 ln 2 + ln(1 - 2^-25) = 88.72283905...
    expr: 'exp(x)', precision: 'float32', target: 'value',
    regions: [['inf', 88.72283935546875, 3.4028234663852886e38, 'overflow']],
  },
  {
    // sqrt's gradient 1 / (2 sqrt(x)) divides by zero at exactly 0 only; below 0 the sqrt itself is NaN
    expr: 'sqrt(x)', precision: 'float64', target: 'grad:x',
    regions: [['nan', -1.7976931348623157e308, -5e-324, 'domain'], ['inf', 0, 0, 'division-by-zero']],
  },
];

for (const row of rows) {
  test(`${row.expr} ${row.precision} ${row.target}: ${row.regions.map((r) => `${r[0]} [${r[1]}, ${r[2]}] ${r[3]}`).join('; ')}`, () => {
    const regions = get(run(row.expr, row.precision), row.target).regions.filter((g) => g.outcome === 'nan' || g.outcome === 'inf');
    assert.deepEqual(regions.map((g) => [g.outcome, g.lo, g.hi, g.hazard]), row.regions);
    assert.ok(regions.every((g) => g.exact));
  });
}
