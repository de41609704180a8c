/**
 * CLI behaviour pinned as rows of [args] -> exit code + the whole stdout, run against the built binary with colours
 * off (arethetypeswrong's cli snapshots). Each expected text was checked by hand against the mathematics, e.g.
 * sqrt'(0): TF.js computes dy / (sqrt(0) * 2) = 1 / 0 = inf, and the exact derivative is +infinity too (0 ULP).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

const rows: Array<{ args: string[]; code: number; stdout: string }> = [
  {
    args: ['eval', 'sqrt(x)', '--at', 'x=0', '--at', 'x=4', '--backend', 'emulated'],
    code: 0,
    stdout: `x = 0
  exact     value 0   d/dx Infinity
  float32   value 0 (0 ULP)   d/dx inf (0 ULP)
            division by zero (backward) at 1:1: 1 / 0 = inf
              sqrt(x)
              ^~~~~~~
  float64   value 0 (0 ULP)   d/dx inf (0 ULP)
            division by zero (backward) at 1:1: 1 / 0 = inf
              sqrt(x)
              ^~~~~~~

x = 4
  exact     value 2   d/dx 0.25
  float32   value 2 (0 ULP)   d/dx 0.25 (0 ULP)
  float64   value 2 (0 ULP)   d/dx 0.25 (0 ULP)
`,
  },
  {
    // the where trap: the value is right (0), the gradient NaN; log(0) itself is discarded by where
    args: ['eval', 'where(x > 0, log(x), 0)', '--at', 'x=0', '--backend', 'emulated'],
    code: 0,
    stdout: `x = 0
  exact     value 0   d/dx 0
  float32   value 0 (0 ULP)   d/dx NaN (inf ULP)
            log(0) (forward) at 1:14: log(0) = -inf (discarded by where: reaches no result)
              where(x > 0, log(x), 0)
                           ^~~~~~
            where trap (backward) at 1:14: 0 / 0 = NaN in the masked branch
              where(x > 0, log(x), 0)
                           ^~~~~~
  float64   value 0 (0 ULP)   d/dx NaN (inf ULP)
            log(0) (forward) at 1:14: log(0) = -inf (discarded by where: reaches no result)
              where(x > 0, log(x), 0)
                           ^~~~~~
            where trap (backward) at 1:14: 0 / 0 = NaN in the masked branch
              where(x > 0, log(x), 0)
                           ^~~~~~
`,
  },
  {
    args: ['eval', 'x * 3', '--at', 'x=2', '--format', 'json', '--backend', 'emulated'],
    code: 0,
    stdout: '{"point":{"x":2},"float32":{"value":6,"grad":{"x":3},"ulps":{"value":0,"grad:x":0},"hazards":[]},'
      + '"float64":{"value":6,"grad":{"x":3},"ulps":{"value":0,"grad:x":0},"hazards":[]},"exact":{"value":"6","grad":{"x":"3"}}}\n',
  },
];

for (const row of rows) {
  test(`f-diagnose ${row.args.join(' ')} -> exit ${row.code}`, () => {
    const r = runCli(row.args);
    assert.equal(r.stdout, row.stdout);
    assert.equal(r.code, row.code, r.stderr);
  });
}
