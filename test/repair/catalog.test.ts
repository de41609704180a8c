import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groundTruth } from '../../src/backends/truth/index.js';
import { compile } from '../../src/graph/compile.js';
import { printExpr } from '../../src/parse/index.js';
import { CATALOG } from '../../src/repair/catalog.js';
import { doubleWhere } from '../../src/repair/double-where.js';
import { catalogCandidates, normalise, rewriteWith, COMPILED_CATALOG } from '../../src/repair/rewrite.js';
import { parseExpr } from '../../src/repair/tree.js';

const rewritten = (input: string) => catalogCandidates(parseExpr(input)).map((c) => printExpr(c.expr));

const EXPECTED: [string, string][] = [
  ['log(1 + x)', 'log1p(x)'],
  ['log(x + 1)', 'log1p(x)'],
  ['tf.math.log(tf.add(1, y))', 'log1p(y)'],
  ['exp(x) - 1', 'expm1(x)'],
  ['1 - exp(2 * x)', '-expm1(2 * x)'],
  ['1/(1-exp(-x))', '-1 / expm1(-x)'],
  ['log(sigmoid(x))', '-softplus(-x)'],
  ['log(1 - sigmoid(x))', '-softplus(x)'],
  ['tf.math.log(1 + tf.exp(x))', 'softplus(x)'],
  ['log(exp(a) + exp(b))', 'maximum(a, b) + log1p(exp(-abs(a - b)))'],
  ['sqrt(1 + x*x) - 1', 'x * x / (sqrt(1 + x * x) + 1)'],
  ['1 / x', 'x**-1'],
  ['sqrt(1 + x) - 1', 'x / (sqrt(1 + x) + 1)'],
  ['sqrt(a * a)', 'abs(a)'],
  ['torch.sqrt(torch.square(d))', 'abs(d)'],
  ['x / (1 + exp(-x))', 'x * sigmoid(x)'],
  ['log(cosh(x))', 'where(abs(x) < 1, log1p(2 * square(sinh(x / 2))), abs(x) + softplus(-2 * abs(x)) - log(2))'],
];

for (const [input, want] of EXPECTED) {
  test(`catalog proposes ${want} for ${input}`, () => assert.ok(rewritten(input).includes(want), rewritten(input).join('\n')));
}

test('no rewrite of a constant (log(1 + 2) stays), and no match across different sub-trees (exp(x) - exp(y))', () => {
  assert.deepEqual(rewritten('log(1 + 2)'), []);
  assert.deepEqual(rewritten('exp(x) - exp(y)'), []);
});

/**
 * Each entry that claims to keep the function does: pattern and replacement (metavariables as variables) have the
 * same exact value, by the decimal ground truth, at points spread over the range, hand-picked to include the
 * regime changes (0, the signs, large magnitudes).
 */
const POINTS = [-700, -30, -1.5, -1e-9, 0.3, 2, 40, 600];
for (const entry of CATALOG.filter((e) => !e.changes)) {
  test(`catalog entry "${entry.name}" (${entry.pattern}) keeps the value`, () => {
    const pattern = compile(entry.pattern);
    const replacement = compile(entry.replacement);
    let compared = 0;
    for (const [i, a] of POINTS.entries()) {
      const point = Object.fromEntries(pattern.vars.map((v, k) => [v, k === 0 ? a : POINTS[(i + 3 * k) % POINTS.length]!]));
      const want = groundTruth(pattern, point, 'float64').value;
      const got = groundTruth(replacement, point, 'float64').value;
      if (want.kind !== 'finite' || Math.abs(want.value) > 1e300) continue;
      assert.equal(got.kind, 'finite', `${JSON.stringify(point)}: ${JSON.stringify(got)}`);
      assert.equal(got.kind === 'finite' && got.value, want.value, `${JSON.stringify(point)}`);
      compared++;
    }
    assert.ok(compared >= 3, `only ${compared} points compared`);
  });
}

test('double where: the masked branch of every where gets a safe input, the selected one the real input', () => {
  const safe = doubleWhere(parseExpr('where(x > 0, log(x), 1 / (1 - x))'), ['x'])!;
  assert.equal(printExpr(safe), 'where(x > 0, log(where(x > 0, x, 1)), 1 / (1 - where(x > 0, 0, x)))');
  assert.equal(doubleWhere(parseExpr('exp(x)'), ['x']), undefined);
});

test('rewrites are applied top-down and never loop (a replacement is not rescanned)', () => {
  const { expr, used } = rewriteWith(normalise(parseExpr('log(1 + (exp(x) - 1))')), COMPILED_CATALOG);
  assert.equal(printExpr(expr), 'log1p(expm1(x))');
  assert.deepEqual(used.map((u) => u.name), ['log1p', 'expm1']);
});
