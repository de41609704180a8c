/**
 * The float32 emulator held against TensorFlow.js (cpu backend) on NaN / +inf / -inf / finite, at
 * every sample, for a table of expressions covering every op of the language and for the story's
 * forms; plus facts about TF.js's own gradients that hold whatever our emulator says.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, test } from 'node:test';
import { nanEdges, tfjsBoundaries } from '../../src/backends/tfjs/boundary.js';
import { crossCheck, type TfjsComparison } from '../../src/backends/tfjs/compare.js';
import { evaluateTfjs } from '../../src/backends/tfjs/evaluate.js';
import { fromOrdinal32, ordinal32 } from '../../src/backends/tfjs/float32.js';
import { loadTfjs, type TfjsRuntime } from '../../src/backends/tfjs/load.js';
import { compile } from '../../src/graph/compile.js';
import { evaluateFloat } from '../../src/backends/float.js';
import type { Graph } from '../../src/graph/graph.js';
import { OP_NAMES, type OpName } from '../../src/vocab/ops.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

let rt: TfjsRuntime;
before(async () => {
  rt = await loadTfjs('cpu');
});

const FLT_MAX = 3.4028234663852886e38;
const next = (x: number, steps: number): number => fromOrdinal32(ordinal32(x) + steps);
/** The float32 neighbours of a threshold, where outcomes change. */
const around = (t: number): number[] => [next(t, -1), Math.fround(t), next(t, 1)];

/**
 * 0, +-subnormals, +-smallest normal, +-1, the thresholds of the ops (exp overflow +-88.72 and
 * underflow +-103.3, the story's 0.1, 1e-6 and 10, square overflow 1.8e19, ...), +-3e38 and
 * +-max, and log-spaced magnitudes from 1e-45 to 1e38 on both signs.
 */
function sampleSet(): Float32Array {
  const positive = [
    1.401298464324817e-45, 1e-44, 1e-40, 1.1754943508222875e-38, 1e-6, 1e-5, 1e-3, 0.5, 1, 2, Math.PI / 2, 3, 50,
    ...around(0.1), ...around(1e-6), ...around(10), ...around(44.36), ...around(88.72283935546875), 88.8, 89,
    ...around(103.27893), 104, 709.8, 1.8446744e19, 1e20, 3e38, FLT_MAX,
  ];
  for (let k = -180; k <= 152; k += 3) positive.push(10 ** (k / 4));
  return Float32Array.from([0, ...positive, ...positive.map((v) => -v)].sort((a, b) => a - b));
}

/** For two variables: every pair from a smaller set with the same special points. */
function gridSet(): [Float32Array, Float32Array] {
  const base = [1.401298464324817e-45, 1e-38, 1e-6, 0.1, 0.5, 1, 2, 10, 88.8, 1e10, 3e38];
  const values = [0, ...base, ...base.map((v) => -v)];
  const a: number[] = [];
  const b: number[] = [];
  for (const u of values) for (const w of values) {
    a.push(u);
    b.push(w);
  }
  return [Float32Array.from(a), Float32Array.from(b)];
}

function inputsFor(graph: Graph): Record<string, Float32Array> {
  if (graph.vars.length === 1) return { [graph.vars[0]!]: sampleSet() };
  if (graph.vars.length === 2) {
    const [a, b] = gridSet();
    return { [graph.vars[0]!]: a, [graph.vars[1]!]: b };
  }
  throw new Error(`test table: ${graph.vars.length} variables`);
}

/** Asserts 100% NaN/inf agreement on every target, and reports the figures as test diagnostics. */
function assertFullAgreement(expr: string, diagnostic: (message: string) => void): Record<string, TfjsComparison> {
  const graph = compile(expr, undefined, TFJS);
  const result = crossCheck(rt, graph, inputsFor(graph));
  for (const [target, c] of Object.entries(result)) {
    diagnostic(`${target}: ${c.samples} samples, nanInf ${c.agreement.nanInf}, maxUlpsDiff ${c.agreement.maxUlpsDiff}`);
    const shown = c.disagreements.slice(0, 5).map((d) => `${JSON.stringify(d.at)}: emulated ${d.emulated}, tfjs ${d.tfjs}, parting at ${d.op.pass === 'forward' ? `${d.op.op} (node ${d.op.node})` : 'backward'}`);
    assert.equal(c.agreement.nanInf, 1, `${expr} [${target}]: ${c.disagreements.length + c.omitted} of ${c.samples} disagree\n  ${shown.join('\n  ')}`);
  }
  return result;
}

const naive = '1/(1-exp(-x)) - 1/x';
const STORY: Array<{ name: string; expr: string }> = [
  { name: 'naive', expr: naive },
  { name: 'where 0.1', expr: `where(abs(x) < 0.1, 0.5 + x/12, ${naive})` },
  { name: 'nested where', expr: `where(abs(x) < 0.1, 0.5 + x/12, where(x < -10, -1/x, where(x > 10, 1 - 1/x, ${naive})))` },
  { name: 'where 1e-6', expr: `where(abs(x) < 1e-6, 0.5 + x/12, ${naive})` },
  {
    // Series near 0 (to x^9), expm1 elsewhere, and every branch fed an input that is safe for it, so no masked branch sees a pole.
    name: 'stable',
    expr: [
      'small = abs(x) < 1',
      'xs = where(small, x, 0)',
      'xl = where(small, 1, x)',
      'pos = xl > 0',
      'xp = where(pos, xl, 1)',
      'xn = where(pos, -1, xl)',
      's = xs*xs',
      'series = 0.5 + xs*(1/12 + s*(-1/720 + s*(1/30240 + s*(-1/1209600 + s/47900160))))',
      'general = where(pos, -1/expm1(-xp), exp(xn)/expm1(xn)) - 1/xl',
      'where(small, series, general)',
    ].join('\n'),
  },
];

const TABLE: string[] = [
  // the where trap, and the forms it hides in
  `where(abs(x) < 0.1, 0.5 + x/12, ${naive})`,
  'where(~(x == 0), 1/x, 0)',
  'where(x != 0, log(abs(x)), 0)',
  'where(x <= 1 & x >= -1, sqrt(1 - x*x), 0)',
  'where(x > 2 | x < -2, 1/x, -x)',
  'where(x >= 0, 1, -1) * x',
  // poles, zeros and domains
  'sqrt(x)',
  'log(x)',
  'pow(x, 0.5)',
  'pow(x, -1)',
  'x ** 3',
  'pow(x, 1.5)',
  '2 ^ x',
  'pow(x, y)',
  'abs(x) ** 0.5',
  'square(x) + reciprocal(x)',
  'log1p(x) + log1p(-x)',
  'expm1(x) / x',
  // overflow and underflow
  'exp(x)',
  'x * exp(-x)',
  'sinh(x) - cosh(x)',
  'sigmoid(x)',
  'log(sigmoid(x))',
  'softplus(x)',
  'softplus(-x) - x',
  // the rest of the language
  'sin(x) + cos(x)',
  'tan(x)',
  'tanh(x)',
  'asin(x) + acos(x)',
  'atan(x)',
  'atan2(y, x)',
  'clip(x, -1, 2) * x',
  'maximum(x, y)',
  'minimum(x, 0) + maximum(x, 0)',
  'x - y / (x + y)',
  '-x * y',
  'sign(x) * x',
  // the activations and special functions of issue 11 (TF.js's own ops, or their formulas in TF.js ops where it lacks them)
  'relu(x) + relu6(x)',
  'leaky_relu(x, 0.2)',
  'log_sigmoid(x)',
  'logaddexp(x, y)',
  'erf(x) + erfc(x)',
  'rsqrt(x)',
  'softsign(x)',
  'elu(x) + selu(x)',
  'silu(x)',
  'gelu(x) + gelu_tanh(x)',
  'mish(x)',
  'asinh(x) + acosh(x) + atanh(x)',
  'log2(x) + log10(x)',
  'xlogy(x, y) + xlog1py(x, y)',
  'hypot(x, y)',
  'sinc(x)',
  'floor(x) + ceil(x) + round(x)',
  'logsumexp(x, y)',
  'logsumexp(x, y, x * y)',
  'norm(x, y)',
  'norm(x, y, x - y)',
  // a constant term: a scalar tensor stacked with the batch (broadcast first)
  'logsumexp(x, 1, y) + norm(2, x)',
  'binary_cross_entropy(x, y)',
  'binary_cross_entropy_with_logits(x, y)',
  'round_to_float32(x) * x',
  `f(x) = ${naive}\nf(x) + f(x + 50)`,
];

test('the table covers every op of the language', () => {
  const internal: OpName[] = ['const', 'var', 'cast', 'step', 'keep'];
  const used = new Set(TABLE.flatMap((e) => compile(e, undefined, TFJS).nodes.filter((n) => n.pass === 'forward').map((n) => n.op)));
  const missing = OP_NAMES.filter((op) => !internal.includes(op) && !used.has(op));
  assert.deepEqual(missing, []);
  assert.ok(TABLE.length >= 20);
});

for (const expr of TABLE) {
  test(`emulator and TF.js agree on NaN/inf at every sample: ${expr.replace(/\n/g, '; ')}`, (t) => {
    assertFullAgreement(expr, (m) => t.diagnostic(m));
  });
}

for (const form of STORY) {
  test(`story form "${form.name}": emulator and TF.js agree on NaN/inf at every sample`, (t) => {
    assertFullAgreement(form.expr, (m) => t.diagnostic(m));
  });
}

test('the stable form has no NaN or inf in TF.js either', () => {
  const graph = compile(STORY[4]!.expr, undefined, TFJS);
  const r = evaluateTfjs(rt, graph, { x: sampleSet() });
  assert.ok(r.value.every(Number.isFinite));
  assert.ok(r.grads['x']!.every(Number.isFinite));
});

test('TF.js fact: its gradient of every where form is NaN at x = 0 (the where trap)', () => {
  for (const form of STORY.slice(1, 4)) {
    const r = evaluateTfjs(rt, compile(form.expr, undefined, TFJS), { x: Float32Array.of(0, -0) });
    assert.equal(r.value[0], 0.5, form.name);
    assert.ok(Number.isNaN(r.grads['x']![0]!) && Number.isNaN(r.grads['x']![1]!), form.name);
  }
});

test('TF.js fact: the naive and nested forms have a NaN gradient below -88.8, and a finite one above the cliff', () => {
  const below = Float32Array.of(-88.8, -89, -100, -1e3, -1e10, -3e38, -FLT_MAX);
  const above = Float32Array.of(-88.7, -50, -10, -1, 1, 10, 1e10);
  for (const form of [STORY[0]!, STORY[2]!]) {
    const graph = compile(form.expr, undefined, TFJS);
    assert.ok(evaluateTfjs(rt, graph, { x: below }).grads['x']!.every(Number.isNaN), form.name);
    assert.ok(evaluateTfjs(rt, graph, { x: above }).grads['x']!.every(Number.isFinite), form.name);
  }
});

test('TF.js fact: the naive gradient goes NaN exactly where exp(-x) overflows float32', () => {
  // exp(-x) rounds to +inf in float32 iff exp(-x) >= 2^128 - 2^103 (the midpoint above FLT_MAX, ties to even),
  // i.e. iff x <= -(128 ln 2 + ln(1 - 2^-25)). The first NaN float is the largest float32 at or below that.
  const threshold = -(128 * Math.LN2 + Math.log1p(-(2 ** -25)));
  let edge = Math.fround(threshold);
  if (edge > threshold) edge = next(edge, -1);
  assert.ok(edge > -88.7229 && edge < -88.7228);
  const samples = Float32Array.of(-1000, -100, -90, -88, -50, -1);
  const boundaries = tfjsBoundaries(rt, compile(naive, undefined, TFJS), 'x', samples);
  assert.deepEqual(nanEdges(boundaries), [edge]);
  assert.deepEqual(boundaries.map((b) => [b.lo, b.hi, b.below, b.above]), [[edge, next(edge, 1), 'nan', 'finite']]);
});

test('known kernel difference: TF.js cpu gives sign(NaN) = 0, as the tfjs model does; TF (and the tf model) give NaN', () => {
  // tfjs-core PR #998 made sign(NaN) 0 "to align with TF" (TF 1.x documented it); TF 2.x (Eigen's sign_impl) and NumPy give NaN.
  const graph = compile('sign(log(x))', undefined, TFJS);
  const x = Float32Array.of(-2, -1e-30, 0.5, 2);
  assert.deepEqual(Array.from(evaluateTfjs(rt, graph, { x }).value), [0, 0, -1, 1]);
  assert.deepEqual(crossCheck(rt, graph, { x })['value'].disagreements, []);
  const tf = compile('sign(log(x))', undefined, { framework: 'tf' });
  assert.deepEqual(Array.from(evaluateFloat(tf, 'float32', { x })[tf.output]!), [NaN, NaN, -1, 1]);
  assert.throws(() => crossCheck(rt, tf, { x }), /compares TF\.js with the tfjs model, not tf/);
});

test('disagreements are reported with the point, both results and the first forward op where they part', () => {
  // A hand-made emulator result that differs from TF.js at one sample, at exp(-x): the op must be exp.
  const graph = compile(naive, undefined, TFJS);
  const x = Float32Array.of(-100, 1);
  const emulated = graph.nodes.map(() => new Float32Array(2));
  const tfjs = evaluateTfjs(rt, graph, { x });
  for (const [id, values] of tfjs.forward) emulated[id]!.set(values);
  const exp = graph.nodes.find((n) => n.op === 'exp')!;
  emulated[exp.id]![0] = 3e38; // finite where TF.js overflowed
  emulated[graph.grads['x']!]!.set(tfjs.grads['x']!);
  emulated[graph.grads['x']!]![0] = 0.0001; // finite where TF.js is NaN
  const result = crossCheck(rt, graph, { x }, emulated);
  const grad = result['grad:x'];
  assert.equal(grad.agreement.nanInf, 0.5);
  assert.equal(grad.disagreements.length, 1);
  const d = grad.disagreements[0]!;
  assert.deepEqual(d.at, { x: -100 });
  assert.equal(d.emulated, Math.fround(0.0001));
  assert.ok(Number.isNaN(d.tfjs));
  assert.deepEqual(d.op.pass === 'forward' ? [d.op.op, d.op.node, d.op.span] : [], ['exp', exp.id, exp.span]);
  assert.equal(result['value'].agreement.nanInf, 1);
  assert.equal(result['value'].backend, 'cpu');
});

test('a gradient disagreement with identical forward values is located in the backward pass; ULPs are counted', () => {
  const graph = compile('x * x', undefined, TFJS);
  const x = Float32Array.of(2, 3);
  const tfjs = evaluateTfjs(rt, graph, { x });
  const emulated = graph.nodes.map(() => new Float32Array(2));
  for (const [id, values] of tfjs.forward) emulated[id]!.set(values);
  emulated[graph.grads['x']!]!.set([Infinity, next(6, 3)]);
  const grad = crossCheck(rt, graph, { x }, emulated)['grad:x'];
  assert.deepEqual(grad.disagreements.map((d) => [d.at, d.op]), [[{ x: 2 }, { pass: 'backward' }]]);
  assert.equal(grad.agreement.maxUlpsDiff, 3);
});

const require = createRequire(import.meta.url);
function hasTfjsNode(): boolean {
  try {
    require.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

test(
  'on the native tensorflow backend too, the story forms agree on NaN/inf',
  { skip: hasTfjsNode() ? false : '@tensorflow/tfjs-node is not installed (optional: its install downloads libtensorflow)' },
  async () => {
    const native = await loadTfjs('auto');
    assert.equal(native.backend, 'tensorflow', native.fallbackReason);
    for (const form of STORY) {
      const graph = compile(form.expr, undefined, TFJS);
      for (const [target, c] of Object.entries(crossCheck(native, graph, inputsFor(graph)))) {
        assert.equal(c.agreement.nanInf, 1, `${form.name} [${target}] on tensorflow: ${JSON.stringify(c.disagreements.slice(0, 3))}`);
      }
    }
  },
);
