import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FloatFormat } from '../../../src/base/float-format.js';
import { compile } from '../../../src/graph/compile.js';
import { STORY_FORMS } from '../../../src/core/story.js';
import { ARITHMETICS } from '../../../src/backends/truth/engines.js';
import { truthOf } from '../../../src/backends/truth/ground-truth.js';
import { cachedPlanOf } from '../../../src/backends/truth/plan.js';
import { quickTruths } from '../../../src/backends/truth/quick.js';

// The quick pass (double-double balls from the input doubles, underflow balls below 2^-900) and the full pipeline
// (exact rationals, double-double with splits, BigInt balls) are two separate proofs of the same numbers: wherever
// the quick pass answers, both must give the same float. The mpmath fixtures (mpmath.test.ts, ops.test.ts) check the
// answers themselves; this checks the quick pass on whole graphs (where, comparisons, derivatives, underflow).
const stable = STORY_FORMS.find((f) => f.name === 'stable')!.source;
const EXPRS = [
  '1/(1-exp(-x)) - 1/x',
  stable,
  'exp(-x) * x',
  'x * x * x * 1e-200',
  'exp(-x*x) / (1 + x*x)',
  'log(1 + exp(x))',
  'sin(x) / x',
  'tanh(x) + sigmoid(x)',
  'where(x > 1, sqrt(x), x ** 3)',
  'maximum(x, 2*x) + abs(x - 1)',
  'x ** -2 - exp(x)',
];

/** Log-uniform magnitudes over the format's range, both signs, from a Weyl sequence (no RNG state). */
function points(format: FloatFormat, n: number): number[] {
  const [lo, hi] = format === 'float64' ? [-310, 305] : [-40, 38];
  const out: number[] = [0, 1, -1, 2, 0.5];
  for (let i = 1; i <= n; i++) {
    const x = (i % 2 ? 1 : -1) * 10 ** (lo + (hi - lo) * ((i * 0.7548776662466927) % 1));
    out.push(format === 'float32' ? Math.fround(x) : x);
  }
  return out;
}

for (const format of ['float64', 'float32'] as const) {
  test(`quick pass: the same floats as the full pipeline wherever it answers (${format})`, () => {
    let answered = 0;
    let total = 0;
    const bad: string[] = [];
    for (const src of EXPRS) {
      const plan = cachedPlanOf(compile(src));
      for (const x of points(format, 120)) {
        total++;
        const quick = quickTruths(plan, { x }, format);
        if (quick === null) continue;
        answered++;
        // a copy of the list: truthOf skips the quick pass unless given ARITHMETICS itself
        const full = truthOf(plan, { x }, format, {}, [...ARITHMETICS]);
        quick.forEach((q, i) => {
          const f = full[i]!;
          if (f.kind !== 'finite' || q.kind !== 'finite' || !Object.is(q.value, f.value)) {
            bad.push(`${src.slice(0, 30)} at ${x} [${i}]: quick ${JSON.stringify(q)}, full ${JSON.stringify(f)}`);
          }
        });
      }
    }
    assert.deepEqual(bad, []);
    // most of these points are easy: the quick pass must be answering (not silently handing everything on)
    assert.ok(answered > total * 0.4, `quick pass answered ${answered} of ${total}`);
  });
}

test('quick pass: underflow balls give rounded answers; results below every float go to BigInt balls, not to a guessed 0', () => {
  const plan = cachedPlanOf(compile('1/(1-exp(-x)) - 1/x'));
  const values = (p: typeof plan, x: number) => quickTruths(p, { x }, 'float64')?.map((t) => (t.kind === 'finite' ? t.value : NaN));
  // e^-1e10 is far below every float: f = 1 - 1e-10 and f' = 1e-20 exactly rounded
  assert.deepEqual(values(plan, 1e10), [1 - 1e-10, 1e-20]);
  // f'(1e200) = 1e-400 - (a far smaller term) > 0 rounds to +0 (below 2^-1075): a double-double ball cannot show
  // that, the BigInt balls (exponents of any size) can
  assert.deepEqual(values(plan, 1e200), [1, 0]);
  assert.ok(Object.is(values(plan, 1e200)![1], 0));
  // (-1e-200)^2 = 1e-400 > 0: +0, not -0 and not the smallest subnormal
  assert.ok(Object.is(values(cachedPlanOf(compile('x * x')), -1e-200)![0], 0));
  // 0 * x at a negative x is exactly 0, +0 as the rationals give it
  assert.ok(Object.is(values(cachedPlanOf(compile('0 * x')), -3)![0], 0));
});

test('quick pass: a graph thousands of nodes deep goes to the full evaluator (bottom-up), with the same answer', () => {
  // a_k = a_(k-1) / 2 + 1 from a_0 = x = 0: a_n = 2 - 2^(1-n), d a_n / dx = 2^-n (hand math)
  const lines = ['a0 = x'];
  for (let k = 1; k <= 2000; k++) lines.push(`a${k} = a${k - 1} * 0.5 + 1`);
  lines.push('a2000');
  const plan = cachedPlanOf(compile(lines.join('\n')));
  assert.equal(quickTruths(plan, { x: 0 }, 'float64'), null);
  const [value, grad] = truthOf(plan, { x: 0 }, 'float64', {});
  assert.deepEqual([value!.kind === 'finite' && value!.value, grad!.kind === 'finite' && grad!.value], [2, 0]);
});

test('quick pass: at ties, zeros, poles and domain edges every truth (kind, value, limit) is the full pipeline\'s', () => {
  const exprs = ['where(x == 0, 1, sin(x)/x)', 'maximum(x, -x)', 'abs(x) * x', 'sign(x) * x * x', 'x * 0', 'x / x',
    'exp(x) - exp(x)', '(1 + x) - 1', 'x * 0.1 - 0.1', 'clip(x, -1, 1)', 'log(x)', 'sqrt(x)', 'x ** -1', 'asin(x)',
    'x - floor(x)', 'round(x)', 'ceil(x * 10) / 10'];
  const points = [0, 1, -1, 0.5, -2.5, 2, 1e-300, -5e-324, 1e300, 0.1, 1 + 2 ** -52, 1 - 2 ** -53];
  const bad: string[] = [];
  for (const format of ['float64', 'float32'] as const) {
    for (const src of exprs) {
      const plan = cachedPlanOf(compile(src));
      for (const p of points) {
        const x = format === 'float32' ? Math.fround(p) : p;
        const withQuick = truthOf(plan, { x }, format, {});
        const without = truthOf(plan, { x }, format, {}, [...ARITHMETICS]);
        withQuick.forEach((t, i) => {
          const u = without[i]!;
          const same = t.kind === u.kind && ('value' in t ? Object.is(t.value, (u as { value: number }).value) : true)
            && (('limit' in t && t.limit) || false) === (('limit' in u && u.limit) || false);
          if (!same) bad.push(`${src} ${format} at ${x} [${i}]: ${JSON.stringify(t)} vs ${JSON.stringify(u)}`);
        });
      }
    }
  }
  assert.deepEqual(bad, []);
});

test('quick pass: a partial that is 0 +- 2^-(2^1022) goes to the full pipeline, every target answered', () => {
  // d/dx log(e^x + e^y) = 1 / (1 + e^(y - x)) at x = -MAX, y = MAX: e^(x - y) far below every float
  const plan = cachedPlanOf(compile('log(exp(x) + exp(y))'));
  for (const [x, y] of [[-Number.MAX_VALUE, Number.MAX_VALUE], [Number.MAX_VALUE, -Number.MAX_VALUE]] as const) {
    const withQuick = truthOf(plan, { x, y }, 'float64', {});
    const without = truthOf(plan, { x, y }, 'float64', {}, [...ARITHMETICS]);
    assert.equal(withQuick.length, 3);
    assert.deepEqual(withQuick.map((t) => t.kind), without.map((t) => t.kind));
    withQuick.forEach((t, i) => assert.ok(!('value' in t) || Object.is(t.value, (without[i] as { value: number }).value)));
  }
});
