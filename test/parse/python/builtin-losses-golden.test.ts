/**
 * The built-in losses as the Python front end lowers them, held against the golden rows measured in the real
 * frameworks (fixtures/frameworks/*.jsonl, cases bce_builtin and bce_logits_builtin: oracle/frameworks.py and
 * oracle/tfjs.mjs say which call each became): NaN / +inf / -inf exactly, finite values within a ULP budget.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../../src/backends/float.js';
import { ulpDistance } from '../../../src/base/float-format.js';
import { compile } from '../../../src/graph/compile.js';
import type { FrameworkId } from '../../../src/graph/frameworks/index.js';
import { classOf, num, readGolden } from '../../graph/frameworks/golden.js';

const HEADER = 'import tensorflow as tf\nimport keras\nimport torch\nimport torch.nn.functional as F\nimport optax\n\n';

/** The call each golden case made, in Python, per framework (the variables as the golden rows name them). */
const CALLS: Array<{ framework: FrameworkId; case: string; params: string; call: string }> = [
  { framework: 'tf', case: 'bce_builtin', params: 'p, y', call: 'keras.losses.binary_crossentropy(y, p)' },
  { framework: 'tf', case: 'bce_logits_builtin', params: 'z, y', call: 'tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z)' },
  { framework: 'torch', case: 'bce_builtin', params: 'p, y', call: "F.binary_cross_entropy(p, y, reduction='none')" },
  { framework: 'torch', case: 'bce_logits_builtin', params: 'z, y', call: "F.binary_cross_entropy_with_logits(z, y, reduction='none')" },
  { framework: 'jax', case: 'bce_logits_builtin', params: 'z, y', call: 'optax.losses.sigmoid_binary_cross_entropy(z, y)' },
  // not tfjs: Python's Keras runs on TF; TF.js's binaryCrossentropy (tfjs-layers) clips, then goes through the logit
  // log(p / (1 - p)) and sigmoidCrossEntropyWithLogits, a different formula (1.0000002e-7 at p = 0, y = 0, not 1.19e-7)
];

const ULP_BUDGET = 4;

for (const c of CALLS) {
  test(`${c.framework}: ${c.call} agrees with the golden rows of ${c.case}`, (t) => {
    const rows = readGolden(c.framework).filter((r) => r.case === c.case);
    assert.ok(rows.length >= 8, `${rows.length} rows`);
    const graph = compile(`${HEADER}def f(${c.params}):\n    return ${c.call}\n`, 'losses.py::f', { framework: c.framework });
    const failures: string[] = [];
    let compared = 0;
    let far = 0;
    for (const dtype of ['float32', 'float64'] as const) {
      const group = rows.filter((r) => r.dtype === dtype);
      if (group.length === 0) continue;
      const inputs = Object.fromEntries(graph.vars.map((v) => [v, group.map((r) => num(r.args[v]!))]));
      const values = evaluateFloat(graph, dtype, inputs, undefined, group.length);
      const targets: Array<[string, number]> = [['value', graph.output], ...graph.vars.map((v) => [v, graph.grads[v]!] as [string, number])];
      for (const [target, node] of targets) {
        group.forEach((r, i) => {
          const text = target === 'value' ? r.value : r.grad[target];
          if (text === null || text === undefined) return;
          const want = num(text);
          const got = values[node]![i]!;
          compared++;
          const special = (x: number) => (Number.isFinite(x) ? 'number' : classOf(x));
          if (special(want) !== special(got)) failures.push(`${dtype} ${target} at ${JSON.stringify(r.args)}: framework ${want}, model ${got}`);
          else if (Number.isFinite(want) && ulpDistance(want, got, dtype) > ULP_BUDGET) far++;
        });
      }
    }
    t.diagnostic(`${compared} (row, target) pairs; ${far} finite values beyond ${ULP_BUDGET} ULP`);
    assert.deepEqual(failures, []);
    assert.equal(far, 0, 'finite values beyond the ULP budget');
  });
}
