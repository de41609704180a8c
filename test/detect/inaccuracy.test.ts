import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import { compile } from '../../src/graph/compile.js';
import { defaultScanOptions, diagnose } from '../../src/core/diagnose.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

// atol 0: these tests are about labels of errors that the default absolute tolerance would let pass
const result = (expr: string, precision: 'float32' | 'float64', target: string) =>
  diagnose([{ name: expr, source: expr }], defaultScanOptions({ samples: 512, precisions: [precision], framework: 'tfjs', atol: { float32: 0, float64: 0 } }), { backend: 'emulated' })
    .forms[0]!.results.find((r) => r.target === target)!;

// (The smooth softplus written as maximum(x,0) + log1p(exp(-abs(x))) has derivative 1/2 at 0, but the exact engine
// proves derivatives at kinks by rational series, and log(2) is not rational: it says unknown there, with the reason.)
test('a kink: TF.js differentiates maximum(x,0) - maximum(-x,0) (which is x) at 0 as 1 + 1 (both ties take 1); the function has 1', () => {
  const r = result('maximum(x, 0) - maximum(-x, 0)', 'float64', 'grad:x');
  const g = r.regions.find((x) => x.outcome === 'inaccurate' && x.lo <= 0 && 0 <= x.hi)!;
  assert.equal(g.result, 2);
  assert.deepEqual([g.truth.kind, g.truth.kind === 'finite' && g.truth.value], ['finite', 1]);
  assert.equal(g.hazard, 'kink');
});

test('an amplified rounding: 1 - 1e-7 is 1 - 2^-23 in float32, and -log of it is 1.19e-7, not 1e-7', () => {
  const expr = '-log(clip(sigmoid(x), 1e-7, 1-1e-7))';
  const graph = compile(expr, undefined, TFJS);
  assert.equal(evaluateFloat(graph, 'float32', { x: [1000] })[graph.output]![0], Math.fround(-Math.log(Math.fround(1 - 2 ** -23))));
  const g = result(expr, 'float32', 'value').regions.find((x) => x.outcome === 'inaccurate' && x.lo <= 1000 && 1000 <= x.hi)!;
  assert.deepEqual([g.hazard, g.op], ['rounding', 'log']);
  assert.match(g.chain[0]!.detail, /correctly rounded, but amplifies/);
});

test('clip bounds may be constant expressions, folded as Python folds 1 - 1e-7 before TF sees it', () => {
  const g = compile('clip(x, 1e-7, 1 - 1e-7)', undefined, TFJS);
  const clip = g.nodes[g.output]!;
  assert.deepEqual(clip.inputs.slice(1).map((i) => g.nodes[i]!.text), ['1e-7', '0.9999999']);
});
