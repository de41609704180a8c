/**
 * CLI behaviour pinned as rows of [args] -> exit code + the whole stdout, run against the built binary with colours
 * off (arethetypeswrong's cli snapshots). Each expected text was checked by hand against the mathematics, e.g.
 * sqrt'(0): TF.js computes dy / (sqrt(0) * 2) = 1 / 0 = inf, and the exact derivative is +infinity too (0 ULP).
 * The framework rows are the measured goldens (fixtures/frameworks/README.md, where_sqrt): d/dx where(x > 0, sqrt(x), x)
 * at -10 is 1 in TensorFlow (SqrtGrad gives 0 for a 0 upstream) and NaN in PyTorch (grad / (2 * result)).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

const rows: Array<{ args: string[]; code: number; stdout: string }> = [
  {
    args: ['eval', 'sqrt(x)', '--at', 'x=0', '--at', 'x=4', '--backend', 'emulated', '--framework', 'tfjs'],
    code: 0,
    stdout: `float results as TensorFlow.js 4.22.0 computes them on CPU (--framework tfjs)
x = 0
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
    args: ['eval', 'where(x > 0, log(x), 0)', '--at', 'x=0', '--backend', 'emulated', '--framework', 'tfjs'],
    code: 0,
    stdout: `float results as TensorFlow.js 4.22.0 computes them on CPU (--framework tfjs)
x = 0
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
    stdout: '{"point":{"x":2},"framework":{"id":"tf","name":"TensorFlow","version":"2.21.0"},"float32":{"value":6,"grad":{"x":3},"ulps":{"value":0,"grad:x":0},"hazards":[]},'
      + '"float64":{"value":6,"grad":{"x":3},"ulps":{"value":0,"grad:x":0},"hazards":[]},"exact":{"value":"6","grad":{"x":"3"}}}\n',
  },
  {
    // TF: the masked-off sqrt's gradient kernel sees a 0 upstream and returns 0: the where trap's 0 / NaN happens
    // (0 / sqrt(-10)) but TF's select discards it, so the gradient is 1
    args: ['eval', 'where(x > 0, sqrt(x), x)', '--at', 'x=-10', '--framework', 'tf'],
    code: 0,
    stdout: `float results as TensorFlow 2.21.0 computes them on CPU (--framework tf)
TF.js cross-check skipped: it compares TF.js with the tfjs model only; the tf model is checked against golden data from TensorFlow 2.21.0 (fixtures/frameworks/tf.jsonl)
x = -10
  exact     value -10   d/dx 1
  float32   value -10 (0 ULP)   d/dx 1 (0 ULP)
            domain error (forward) at 1:14: sqrt(-10) = NaN (discarded by where: reaches no result)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
            where trap (backward) at 1:14: 0 / NaN = NaN in the masked branch (a NaN the discarded branch computed) (discarded by where: reaches no result)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
  float64   value -10 (0 ULP)   d/dx 1 (0 ULP)
            domain error (forward) at 1:14: sqrt(-10) = NaN (discarded by where: reaches no result)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
            where trap (backward) at 1:14: 0 / NaN = NaN in the masked branch (a NaN the discarded branch computed) (discarded by where: reaches no result)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
`,
  },
  {
    // PyTorch: sqrt's backward divides the masked 0 by 2 * result, the NaN of the discarded branch: a where trap
    args: ['eval', 'where(x > 0, sqrt(x), x)', '--at', 'x=-10', '--framework', 'torch', '--backend', 'emulated'],
    code: 0,
    stdout: `float results as PyTorch 2.13.0 computes them on CPU (--framework torch)
x = -10
  exact     value -10   d/dx 1
  float32   value -10 (0 ULP)   d/dx NaN (inf ULP)
            domain error (forward) at 1:14: sqrt(-10) = NaN
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
            where trap (backward) at 1:14: 0 / NaN = NaN in the masked branch (a NaN the discarded branch computed)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
  float64   value -10 (0 ULP)   d/dx NaN (inf ULP)
            domain error (forward) at 1:14: sqrt(-10) = NaN
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
            where trap (backward) at 1:14: 0 / NaN = NaN in the masked branch (a NaN the discarded branch computed)
              where(x > 0, sqrt(x), x)
                           ^~~~~~~
`,
  },
  {
    args: ['eval', 'x', '--at', 'x=0', '--framework', 'keras'],
    code: 2,
    stdout: '',
  },
];

for (const row of rows) {
  test(`f-diagnose ${row.args.join(' ')} -> exit ${row.code}`, () => {
    const r = runCli(row.args);
    assert.equal(r.stdout, row.stdout);
    assert.equal(r.code, row.code, r.stderr);
  });
}
