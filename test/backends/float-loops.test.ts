/**
 * The batch evaluator (one compiled loop per op) against the per-element path (evaluateOp: kernel, rounding and
 * flush-to-zero applied to one point at a time), bit for bit, sign of zero and NaN included, in every framework and
 * format, over inputs that hit the flush paths (subnormals), the specials and ordinary values.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import { roundTo } from '../../src/base/float-format.js';
import { compile } from '../../src/graph/compile.js';
import { evaluateOp } from '../../src/graph/frameworks/forward.js';
import { FRAMEWORK_IDS } from '../../src/graph/frameworks/index.js';

const INPUTS = [
  0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e-310, -2.2e-308, 1.401298464324817e-45, -1e-40, 1.1754943508222875e-38,
  1, -1, 0.5, -2.5, 3, 88.7, -88.8, 709.8, -745.2, 1e20, -3.4028234663852886e38, 1e300, 1e-7, 0.1,
];

const EXPRS = [
  '1/(1-exp(-x)) - 1/x + y',
  'where(abs(x) < 1e-6, 0.5 + x/12, log1p(exp(-abs(y))) * x)',
  'sqrt(x*x + y*y) - tanh(x) * softplus(y) + x ** y',
  'sigmoid(x) * log(y) - atan2(x, y) + maximum(x, y) / minimum(x, 2)',
  // subnormals passed on by unflushed ops (neg, abs, where) and written as constants, read by flushing ops
  'where(x < y, -x, abs(y)) * 3 + where(x > 0, 1e-40, 5e-324) * y - (-abs(x)) / 2 + expm1(x) * y',
  // the written-out selects and the fixed-arity composites
  'relu(x) - relu(-y) * sign(x) + logsumexp(x, y) + logsumexp(x, y, 1) + norm(x, y) + norm(x, y, x) + x ** -1 + y ** -2',
];

/** Every node of the graph computed one point at a time, from its inputs' values (the reference path). */
function perElement(expr: string, framework: (typeof FRAMEWORK_IDS)[number], format: 'float32' | 'float64', xs: number[], ys: number[]): number[][] {
  const g = compile(expr, undefined, { framework });
  const round = roundTo(format);
  return xs.map((x, i) => {
    const v: number[] = [];
    for (const node of g.nodes) {
      if (node.op === 'const') v[node.id] = round(node.value!);
      else if (node.op === 'var') v[node.id] = round(node.name === 'x' ? x : ys[i]!);
      else v[node.id] = evaluateOp(framework, node.op, format, node.inputs.map((k) => v[k]!));
    }
    return v;
  });
}

for (const framework of FRAMEWORK_IDS) {
  for (const format of ['float32', 'float64'] as const) {
    test(`batch loops equal the per-element evaluation bit for bit: ${framework} ${format}`, () => {
      const xs = INPUTS.flatMap((a) => INPUTS.map(() => a));
      const ys = INPUTS.flatMap(() => INPUTS);
      for (const expr of EXPRS) {
        const g = compile(expr, undefined, { framework });
        const batch = evaluateFloat(g, format, { x: xs, y: ys });
        const ref = perElement(expr, framework, format, xs, ys);
        for (const node of g.nodes) {
          for (let i = 0; i < xs.length; i++) {
            const a = batch[node.id]![i]!;
            const b = ref[i]![node.id]!;
            if (!Object.is(a, b)) assert.fail(`${expr}: node ${node.id} (${node.op}) at x=${xs[i]}, y=${ys[i]}: batch ${a}, per element ${b}`);
          }
        }
      }
    });
  }
}

/**
 * Results at the edge of float32's normal range, by hand: the loops decide the flush on the double before the store
 * rounds it, so the midpoint 2^-126 - 2^-150 between the largest subnormal and 2^-126 (which rounds up to 2^-126,
 * ties to even) and its neighbours are where a wrong threshold would show.
 */
const MIN32 = 2 ** -126;
const EDGE32: { expr: string; x: number; y: number; want: number }[] = [
  { expr: 'x * y', x: 1 - 2 ** -24, y: MIN32, want: MIN32 }, // exactly the midpoint: rounds up, kept
  { expr: 'x * y', x: -(1 - 2 ** -24), y: MIN32, want: -MIN32 },
  { expr: 'x * y', x: 1 - 2 ** -23, y: MIN32, want: 0 }, // the largest subnormal: flushed
  { expr: 'x * y', x: 1 - 2 ** -23, y: -MIN32, want: -0 },
  { expr: 'x * y', x: 1 - 2 ** -23, y: MIN32 * (1 + 2 ** -23), want: MIN32 }, // 2^-126 (1 - 2^-46): above the midpoint
  { expr: 'x / y', x: MIN32, y: 1 + 2 ** -23, want: 0 }, // 2^-126 (1 - 2^-23 + ...): below the midpoint
  { expr: 'x / y', x: -MIN32, y: 1 + 2 ** -23, want: -0 },
  { expr: 'x * y', x: 2 ** -100, y: 2 ** -30, want: 0 }, // deep underflow in float32, normal in the double
  { expr: 'x - y', x: 1.5 * MIN32, y: MIN32, want: 0 }, // a subnormal difference of normals
  { expr: 'x + y', x: MIN32, y: 0, want: MIN32 },
];

test('float32 results at the subnormal edge flush as TF does (midpoint up, below it to a signed zero)', () => {
  for (const { expr, x, y, want } of EDGE32) {
    const g = compile(expr, undefined, { framework: 'tf' });
    const got = evaluateFloat(g, 'float32', { x: [x], y: [y] })[g.output]![0]!;
    assert.ok(Object.is(got, want), `${expr} at x=${x}, y=${y}: ${got}, want ${want}`);
  }
});

test('an imposed subnormal value is read as zero by a flushing op (the override is not assumed clean)', () => {
  const g = compile('x * 3', undefined, { framework: 'tf' });
  const x = g.nodes.find((n) => n.op === 'var')!.id;
  const at = (format: 'float32' | 'float64', v: number) => evaluateFloat(g, format, { x: [1] }, new Map([[x, v]]))[g.output]![0]!;
  assert.ok(Object.is(at('float32', -(2 ** -140)), -0)); // subnormal in float32: read as -0
  assert.equal(at('float64', 2 ** -140), 3 * 2 ** -140); // normal in float64
  assert.ok(Object.is(at('float64', 1e-310), 0));
});

test('a plan worked out without overrides is not used for a subnormal imposed on an op that cannot make one', () => {
  // 2^100: a subnormal read as it is would come out normal, read as zero it stays zero
  const g = compile('exp(x) * 1267650600228229401496703205376', undefined, { framework: 'tf' });
  const e = g.nodes.find((n) => n.op === 'exp')!.id;
  const at = (format: 'float32' | 'float64', imposed?: number) =>
    evaluateFloat(g, format, { x: [0] }, imposed === undefined ? undefined : new Map([[e, imposed]]))[g.output]![0]!;
  for (const [format, tiny] of [['float32', 2 ** -140], ['float64', 2 ** -1070]] as const) {
    assert.equal(at(format), 2 ** 100); // caches the plan: exp's result is flushed, so mul reads it unflushed
    assert.ok(Object.is(at(format, -tiny), -0)); // imposed subnormal: read as -0
    assert.equal(at(format, 2 ** -100), 1); // imposed normal: the cached plan
    assert.equal(at(format), 2 ** 100);
  }
});
