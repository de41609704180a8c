import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../src/base/user-error.js';
import { compile } from '../../src/graph/compile.js';
import { LIMITS } from '../../src/graph/limits.js';

/** f_k(x) = f_{k-1}(x) + f_{k-1}(x) * 0.5: inlined naively, 2^40 copies; shared, a few nodes per level. */
test('definitions that call the previous one twice are shared, so the graph grows linearly', () => {
  const lines = ['f0(x) = x*x + 1', ...Array.from({ length: 39 }, (_, i) => `f${i + 1}(x) = f${i}(x) + f${i}(x) * 0.5`), 'f39(x)'];
  const g = compile(lines.join('\n'));
  const forward = g.nodes.filter((n) => n.pass === 'forward').length;
  assert.ok(forward <= 4 * 40 + 10, `${forward} forward nodes`);
});

test(`more than ${LIMITS.forwardOps} operations is a user error pointing at the place, not minutes of work`, () => {
  const lines = ['t0 = x', ...Array.from({ length: 3000 }, (_, i) => `t${i + 1} = t${i} * 1.0001 + 1`), 't3000'];
  assert.throws(() => compile(lines.join('\n')), (e: unknown) => e instanceof UserError && /more than 4096 operations/.test(e.message) && e.span!.line === 2048);
});

test(`${LIMITS.variables} variables are fine, one more is a user error`, () => {
  const vars = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`).join(' + ');
  assert.equal(compile(vars(LIMITS.variables)).vars.length, LIMITS.variables);
  assert.throws(() => compile(vars(LIMITS.variables + 1)), (e: unknown) => e instanceof UserError && /more than 32 variables/.test(e.message));
});
