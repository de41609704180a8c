/**
 * Each framework's own story, through the same pipeline a scan or eval uses (core/), with the expected values taken
 * from the real frameworks (fixtures/frameworks/README.md: where_sqrt, focal_var, focal_g0, the log(sigmoid) cliffs),
 * not from the model.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnose } from '../../src/core/diagnose.js';
import { evaluatePoints } from '../../src/core/evaluate-points.js';
import { STORY_FORMS } from '../../src/core/story.js';
import { FRAMEWORK_IDS, type FrameworkId } from '../../src/graph/frameworks/index.js';

const bits = defaultScanOptions().cancellationBits;
const at = (source: string, framework: FrameworkId, point: Record<string, number>) => evaluatePoints({ source, framework }, [point], bits)[0]!;

test('the where trap of the story\'s question form at x = 0 is in all four frameworks (float32 and float64 NaN gradient)', () => {
  const question = STORY_FORMS.find((f) => f.name.startsWith('question: where'))!.source;
  for (const framework of FRAMEWORK_IDS) {
    const r = at(question, framework, { x: 0 });
    assert.equal(r.float32.value, 0.5, framework);
    assert.ok(Number.isNaN(r.float32.grad.x!) && Number.isNaN(r.float64.grad.x!), framework);
    assert.ok(r.float32.hazards.some((h) => h.hazard === 'where-trap' && h.onPath), `${framework}: the where trap is named`);
  }
});

test('where(x > 0, sqrt(x), x) at -10: 1 in TF (SqrtGrad returns 0 for a 0 upstream), NaN in the other three', () => {
  const want: Record<FrameworkId, number> = { tf: 1, torch: NaN, jax: NaN, tfjs: NaN };
  for (const framework of FRAMEWORK_IDS) assert.deepEqual(at('where(x > 0, sqrt(x), x)', framework, { x: -10 }).float32.grad.x, want[framework], framework);
});

test('the focal loss at p = 1, gamma = 0: only torch short-cuts pow\'s exponent == 0 (d/dp -1); jax does for a literal 0', () => {
  const tensor: Record<FrameworkId, number> = { tf: NaN, torch: -1, jax: NaN, tfjs: NaN };
  const literal: Record<FrameworkId, number> = { tf: NaN, torch: -1, jax: -1, tfjs: NaN };
  for (const framework of FRAMEWORK_IDS) {
    assert.deepEqual(at('-(1 - p) ** g * log(p)', framework, { p: 1, g: 0 }).float32.grad.p, tensor[framework], `${framework} gamma a variable`);
    assert.deepEqual(at('-(1 - p) ** 0 * log(p)', framework, { p: 1 }).float32.grad.p, literal[framework], `${framework} gamma the literal 0`);
  }
});

test('log(sigmoid(x)) in float32 is -inf from -87.34 in TF and JAX (FTZ), -88.72 in torch (exp overflows), -103.97 in TF.js', () => {
  // the last float where the real framework's result is -inf (the golden cliff rows, bisected over every float32)
  const edge: Record<FrameworkId, number> = { tf: -87.3365478515625, torch: -88.72283935546875, jax: -87.3365478515625, tfjs: -103.97208404541016 };
  for (const framework of FRAMEWORK_IDS) {
    const options = defaultScanOptions({ samples: 128, precisions: ['float32'], ranges: { x: { lo: -200, hi: 0 } }, framework });
    const value = diagnose([{ name: 'log of sigmoid', source: 'log(sigmoid(x))' }], options).forms[0]!.results.find((r) => r.target === 'value')!;
    const minusInf = value.regions.find((g) => g.outcome === 'inf' && g.lo === -200);
    assert.ok(minusInf, `${framework}: an -inf region from -200`);
    assert.equal(minusInf.hi, edge[framework], framework);
  }
});
