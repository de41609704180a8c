/**
 * A singular point of several variables where the singular part depends on one of them and the others enter
 * analytically: the one-variable limit, the others held at the point, is the limit (expected values by hand). Where
 * the others do not enter analytically (a product with a factor that is 0 at the point, a selection by them) it stays
 * unknown: the lines through the point can disagree (a selection counts as analytic where its condition holds strictly).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Truth } from '../../../src/backends/truth.js';
import { groundTruth } from '../../../src/backends/truth/index.js';
import { compile } from '../../../src/graph/compile.js';

type Want = 'unknown' | 'undefined' | number;
interface Row { expr: string; at: Record<string, number>; value: Want; grad?: Record<string, Want>; why: string }

const rows: Row[] = [
  { expr: 'log(x) + y', at: { x: 0, y: 1 }, value: -Infinity, grad: { x: Infinity, y: 1 }, why: 'log(x) -> -inf from the right (undefined on the left), + y bounded; d/dx = 1/x -> +inf' },
  { expr: 'sin(x)/x + y*y', at: { x: 0, y: 2 }, value: 5, grad: { x: 0, y: 4 }, why: 'sin(x)/x -> 1, y^2 = 4; d/dx (x cos x - sin x)/x^2 -> 0' },
  { expr: 'sin(x)/x * y', at: { x: 0, y: 2 }, value: 2, grad: { x: 0, y: 1 }, why: 'a factor y = 2, finite and nonzero' },
  { expr: 'y / (sin(x)/x)', at: { x: 0, y: 2 }, value: 2, grad: { x: 0, y: 1 }, why: 'divided by a function of x alone whose limit is 1' },
  { expr: 'log(x) * y', at: { x: 0, y: 3 }, value: -Infinity, grad: { x: Infinity, y: -Infinity }, why: '3 log(x) -> -inf; d/dx = 3/x -> +inf; d/dy = log(x) -> -inf' },
  { expr: '(1 - cos(x))/(x*x) + log(y)', at: { x: 0, y: 1 }, value: 0.5, grad: { x: 0, y: 1 }, why: '(1 - cos x)/x^2 -> 1/2, log(1) = 0' },
  // no limit: y log(x) near (0, 0) is 0 along y = 0 and -inf along x = y^2 ... (any value along y = -c / log(x))
  { expr: 'log(x) * y', at: { x: 0, y: 0 }, value: 'unknown', why: 'a factor that is 0 at the point' },
  // x y / x is y off the line x = 0, so its limit at (0, 2) is 2; the line along y stays on x = 0, where it is 0 / 0 at
  // every point: it must not be read as a limit of 0 ("depends on the direction" would be wrong). Not decided: unknown
  { expr: 'x*y/x', at: { x: 0, y: 2 }, value: 'unknown', why: 'a line that stays on the singular set proves nothing' },
  // x y / (x^2 + y^2): 0 along the axes, 2/5 along y = 2x
  { expr: 'x*y/(x*x + y*y)', at: { x: 0, y: 0 }, value: 'undefined', why: 'the limit depends on the direction' },
  // a selection by the other variable that holds strictly at the point picks the same branch all around it
  { expr: 'where(y > 0, log(x), 0)', at: { x: 0, y: 1 }, value: -Infinity, grad: { x: Infinity, y: 0 }, why: 'y > 0 holds near y = 1: log(x) -> -inf' },
  // on the condition's boundary (y = 1 in y >= 1) the branch changes next to the point: 0 for y < 1, -inf for y > 1
  { expr: 'where(y >= 1, log(x), 0)', at: { x: 0, y: 1 }, value: 'undefined', why: 'selected on its boundary: 0 below y = 1, log(0) above: no limit' },
];

function shown(t: Truth): Want {
  return t.kind === 'finite' || t.kind === 'infinite' ? t.value : t.kind;
}

for (const r of rows) {
  test(`${r.expr} at ${JSON.stringify(r.at)}: ${r.why}`, () => {
    const t = groundTruth(compile(r.expr), r.at, 'float64');
    assert.equal(shown(t.value), r.value, JSON.stringify(t.value));
    for (const [v, want] of Object.entries(r.grad ?? {})) assert.equal(shown(t.grad[v]!), want, `d/d${v}: ${JSON.stringify(t.grad[v])}`);
  });
}
