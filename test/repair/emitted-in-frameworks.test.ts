/**
 * The fixes f-diagnose emits, run in the real TensorFlow, PyTorch and JAX (oracle/emitted-fixes.py, which compares
 * them with mpmath on hard points and random ones; `npm run oracle:emitted` regenerates
 * fixtures/frameworks/emitted-fixes.json). Here: the code that ran is the code today's emitter writes for that fix,
 * and a fix the tool called "proved" kept its promise in every framework and precision: no NaN or inf where the
 * exact result is finite, every value and gradient within the tool's tolerances (beyond atol, as scan judges).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { emit, type Framework } from '../../src/repair/emit.js';

interface Judged { nanOrInf: number; maxUlps: number | 'Infinity'; tolerance: number; worst: { x: string; got: string; exact: string } | null }
interface PerDtype { points: number; atol: number; value: Judged; grad: Judged }
interface Case {
  expr: string;
  vars: string[];
  /** The best fix under each framework's model (--framework), or null when the tool found none. */
  frameworks: Record<string, { fix: string; verdict: string; code: string; float32: PerDtype; float64: PerDtype } | null>;
}

const golden = JSON.parse(readFileSync(new URL('../../../fixtures/frameworks/emitted-fixes.json', import.meta.url), 'utf8')) as { cases: Case[] };

test('the golden covers several forms, each run in tf, torch and jax', () => {
  assert.ok(golden.cases.length >= 5);
  for (const c of golden.cases) assert.deepEqual(Object.keys(c.frameworks).sort(), ['jax', 'tf', 'torch'], c.expr);
});

for (const c of golden.cases) {
  for (const [fw, run] of Object.entries(c.frameworks)) {
    if (!run) continue;
    test(`${c.expr} in ${fw}: the emitter still writes the code that ran`, () => {
      assert.equal(emit(run.fix, c.vars, fw as Framework), run.code, 'the emitter changed: regenerate with npm run oracle:emitted');
    });
    if (run.verdict !== 'proved') continue;
    for (const dtype of ['float32', 'float64'] as const) {
      test(`${c.expr} in ${fw} ${dtype}: the proved fix is finite and within tolerance in the real framework`, () => {
        const r = run[dtype];
        assert.ok(r.points >= 100);
        for (const target of ['value', 'grad'] as const) {
          const j = r[target];
          assert.equal(j.nanOrInf, 0, `${target}: NaN or inf where the exact result is finite`);
          assert.ok(j.maxUlps !== 'Infinity' && j.maxUlps <= j.tolerance, `${target}: ${j.maxUlps} ULP > ${j.tolerance} at ${JSON.stringify(j.worst)}`);
        }
      });
    }
  }
}
