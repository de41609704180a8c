import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import { compile } from '../../src/graph/compile.js';
import { targetNode, targetsOf } from '../../src/graph/graph.js';
import { detectEvents } from '../../src/detect/index.js';
import { originChain, originHazard } from '../../src/detect/root-cause.js';

const XS = [-1e308, -800, -100, -89, -1, -1e-40, -0, 0, 5e-324, 1e-45, 1e-7, 1, 88.8, 100, 710, 1e300, Infinity, NaN];

/** originHazard (one walk per sample, the scan's region keys) names originChain's root cause at every sample. */
for (const expr of ['1/(1-exp(-x)) - 1/x', 'where(x > 0, sqrt(x) * log(x), exp(x) * x)', 'log(exp(x) + exp(-x)) / x', 'x ** 0.5 - tan(x) * cosh(x)']) {
  test(`originHazard is originChain's first hazard: ${expr}`, () => {
    for (const format of ['float32', 'float64'] as const) {
      const g = compile(expr);
      const values = evaluateFloat(g, format, { x: XS });
      const events = detectEvents(g, values, format, 12);
      for (const t of targetsOf(g)) {
        for (let i = 0; i < XS.length; i++) {
          assert.equal(originHazard(g, values, events, targetNode(g, t), i), originChain(g, values, events, targetNode(g, t), i)[0]?.hazard, `${format} ${t} at x = ${XS[i]}`);
        }
      }
    }
  });
}
