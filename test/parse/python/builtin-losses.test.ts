/**
 * The built-in losses by name: each lowered formula evaluated in float64 against mpmath at a point (the values beside
 * each row: /usr/bin/python3, mp.dps = 40, the arguments as doubles), the batch reduction stated in a note, and the
 * options that cannot be read elementwise refused.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../../src/backends/float.js';
import { ulpDistance } from '../../../src/base/float-format.js';
import { compile } from '../../../src/graph/compile.js';
import { lowerPythonFunction } from '../../../src/parse/python/index.js';

const HEADER = 'import tensorflow as tf\nimport keras\nfrom tensorflow.keras import backend as K\nimport torch.nn.functional as F\nimport optax\n\n';

interface Row { call: string; at: { a: number; b: number }; want: number; note?: 'mean' | 'sum' }

const rows: Row[] = [
  // -(0.25 log 0.3 + 0.75 log 0.7)
  { call: 'keras.losses.binary_crossentropy(b, a)', at: { a: 0.3, b: 0.25 }, want: 0.5684994090355333, note: 'mean' },
  { call: 'K.binary_crossentropy(b, a)', at: { a: 0.3, b: 0.25 }, want: 0.5684994090355333 },
  { call: 'tf.keras.losses.binary_crossentropy(y_true=b, y_pred=a)', at: { a: 0.3, b: 0.25 }, want: 0.5684994090355333, note: 'mean' },
  // label smoothing 0.1: y = 0.95
  { call: 'keras.losses.binary_crossentropy(b, a, label_smoothing=0.1)', at: { a: 0.3, b: 1 }, want: 1.1616079113065758, note: 'mean' },
  // logits: 2 - 2 * 0.25 + log1p(exp(-2))
  { call: 'keras.losses.binary_crossentropy(b, a, from_logits=True)', at: { a: 2, b: 0.25 }, want: 1.6269280110429725, note: 'mean' },
  { call: 'tf.nn.sigmoid_cross_entropy_with_logits(labels=b, logits=a)', at: { a: 2, b: 0.25 }, want: 1.6269280110429725 },
  { call: 'F.binary_cross_entropy_with_logits(a, b)', at: { a: 2, b: 0.25 }, want: 1.6269280110429725, note: 'mean' },
  { call: 'optax.sigmoid_binary_cross_entropy(a, b)', at: { a: 2, b: 0.25 }, want: 1.6269280110429725 },
  { call: "F.binary_cross_entropy(a, b, reduction='sum')", at: { a: 0.3, b: 0.25 }, want: 0.5684994090355333, note: 'sum' },
  { call: "F.binary_cross_entropy(a, b, reduction='none')", at: { a: 0.3, b: 0.25 }, want: 0.5684994090355333 },
  // Huber with delta 1 at an error of 2: 2 - 0.5, in the three formulas
  { call: 'keras.losses.huber(b, a)', at: { a: 2, b: 0 }, want: 1.5, note: 'mean' },
  { call: 'F.huber_loss(a, b, delta=1.0)', at: { a: 2, b: 0 }, want: 1.5, note: 'mean' },
  { call: 'optax.huber_loss(a, b)', at: { a: 2, b: 0 }, want: 1.5 },
  // 0.5 * 0.3^2 / 0.5
  { call: 'F.smooth_l1_loss(a, b, beta=0.5)', at: { a: 0.3, b: 0 }, want: 0.09, note: 'mean' },
  // Keras: 3 + softplus(-6) - log 2 with log 2 taken in float32 (0.6931471824645996) and cast: 1.9e-9 below
  // log(cosh(3)) = 2.309328504577785 in float64 (mpmath: 3 + log1p(exp(-6)) - mpf(float32(log 2)))
  { call: 'keras.losses.log_cosh(b, a)', at: { a: 3, b: 0 }, want: 2.309328502673131, note: 'mean' },
  { call: 'keras.losses.logcosh(b, a)', at: { a: 3, b: 0 }, want: 2.309328502673131, note: 'mean' },
  // 3 - 2 log(3 + 1e-7); torch: exp(0.5) - 2 * 0.5; 3 - 2 log(3 + 1e-8)
  { call: 'keras.losses.poisson(b, a)', at: { a: 3, b: 2 }, want: 0.802775355997115, note: 'mean' },
  { call: 'F.poisson_nll_loss(a, b)', at: { a: 0.5, b: 2 }, want: 0.6487212707001282, note: 'mean' },
  { call: 'F.poisson_nll_loss(a, b, log_input=False)', at: { a: 3, b: 2 }, want: 0.802775415997114, note: 'mean' },
  // 0.2 log(0.2 / 0.5); torch: 0.2 log 0.2 - 0.2 (-0.7); log_target: exp(-1.5) (-1.5 + 0.7)
  { call: 'keras.losses.kl_divergence(b, a)', at: { a: 0.5, b: 0.2 }, want: -0.183258146374831, note: 'sum' },
  { call: 'keras.losses.kld(b, a)', at: { a: 0.5, b: 0.2 }, want: -0.183258146374831, note: 'sum' },
  { call: "F.kl_div(a, b, reduction='batchmean')".replace('batchmean', 'sum'), at: { a: -0.7, b: 0.2 }, want: -0.18188758248682008, note: 'sum' },
  { call: 'F.kl_div(a, b, log_target=True)', at: { a: -0.7, b: -1.5 }, want: -0.17850412811874386, note: 'mean' },
  { call: 'F.mse_loss(a, b)', at: { a: 3, b: 1 }, want: 4, note: 'mean' },
  { call: 'F.l1_loss(a, b)', at: { a: -3, b: 1 }, want: 4, note: 'mean' },
  { call: 'keras.losses.mean_squared_error(b, a)', at: { a: 3, b: 1 }, want: 4, note: 'mean' },
];

for (const r of rows) {
  test(`python: ${r.call} at a = ${r.at.a}, b = ${r.at.b} is ${r.want} (mpmath)`, () => {
    const source = `${HEADER}def f(a, b):\n    return ${r.call}\n`;
    const g = compile(source, 'losses.py::f');
    const inputs = Object.fromEntries(g.vars.map((v) => [v, [r.at[v as 'a' | 'b']]]));
    const got = evaluateFloat(g, 'float64', inputs, undefined, 1)[g.output]![0]!;
    assert.ok(ulpDistance(r.want, got, 'float64') <= 4, `got ${got}`);
    const { notes } = lowerPythonFunction(source, 'losses.py', 'f');
    assert.deepEqual(notes.map((n) => n.message), r.note ? [`the ${r.note} over the batch is analysed elementwise`] : []);
  });
}

const refused: Array<[call: string, message: RegExp]> = [
  ['F.binary_cross_entropy(a, b, weight=a)', /the 'weight' of 'binary_cross_entropy' is not supported/],
  ['F.poisson_nll_loss(a, b, full=True)', /'full=True' of 'poisson_nll_loss' \(the Stirling term\) is not supported/],
  ['keras.losses.huber(b, a, delta=a)', /'delta' of 'huber' must be known when the file is read/],
  ['F.huber_loss(a, b, reduction=\'avg\')', /'reduction' of 'huber_loss' must be 'mean', 'sum' or 'none'/],
  ['F.kl_div(a, b, scale=2)', /'kl_div' has no parameter 'scale'/],
  ['keras.losses.categorical_crossentropy(b, a)', /'categorical_crossentropy' is not supported yet/],
];

for (const [call, message] of refused) {
  test(`python: ${call} is refused with a reason`, () => {
    assert.throws(() => compile(`${HEADER}def f(a, b):\n    return ${call}\n`, 'losses.py::f'), message);
  });
}
