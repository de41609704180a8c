/**
 * The truth engine's meaning of hypot, sinc, floor, ceil, round (half to even), logsumexp and norm of 2 or 3 terms,
 * against mpmath (fixtures/mpmath/more-ops.jsonl, made by more-ops.py): the value and every partial derivative
 * rounded to float64 as mpmath rounds them, and "undefined" where a step function jumps or the norm has its cusp.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Truth } from '../../../src/backends/truth.js';
import { groundTruth } from '../../../src/backends/truth/index.js';
import { compile } from '../../../src/graph/compile.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/mpmath/more-ops.jsonl');
interface Row { op: string; args: string[]; value: string; grad: string[] }
const rows = readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row & { header?: boolean }).filter((r) => !r.header);

const NAMES = ['x', 'y', 'z'];

function shown(t: Truth): string {
  return t.kind === 'finite' || t.kind === 'infinite' ? String(t.value) : t.kind;
}

const want = (text: string): string => (text === 'undefined' ? 'undefined' : String(Number(text)));

test('the fixture covers every new op', () => {
  assert.deepEqual([...new Set(rows.map((r) => r.op))].sort(), ['binary_cross_entropy', 'ceil', 'floor', 'hypot', 'logsumexp', 'norm', 'round', 'sinc']);
  assert.ok(rows.length >= 40);
});

for (const r of rows) {
  const vars = r.args.map((_, i) => NAMES[i]!);
  const expr = `${r.op}(${vars.join(', ')})`;
  test(`${expr} at (${r.args.join(', ')}): the truth is mpmath's, rounded to float64`, () => {
    const graph = compile(expr);
    const point = Object.fromEntries(vars.map((v, i) => [v, Number(r.args[i])]));
    const t = groundTruth(graph, point, 'float64');
    assert.equal(shown(t.value), want(r.value), `value: ${JSON.stringify(t.value)}`);
    vars.forEach((v, i) => assert.equal(shown(t.grad[v]!), want(r.grad[i]!), `d/d${v}: ${JSON.stringify(t.grad[v])}`));
  });
}
