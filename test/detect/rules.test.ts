import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import type { FloatFormat } from '../../src/base/float-format.js';
import { compile } from '../../src/graph/compile.js';
import { detectEvents } from '../../src/detect/index.js';
import { originChain } from '../../src/detect/root-cause.js';
import { targetNode, type Target } from '../../src/graph/graph.js';
import type { HazardKind } from '../../src/vocab/hazards.js';
import type { OpName } from '../../src/vocab/ops.js';

interface Row { expr: string; at: number; hazard: HazardKind; op: OpName; pass: 'forward' | 'backward'; format?: FloatFormat }

function events(expr: string, at: number, format: FloatFormat = 'float64') {
  const g = compile(expr);
  const v = evaluateFloat(g, format, { x: [at] });
  return { g, v, ev: detectEvents(g, v, format, format === 'float32' ? 12 : 26) };
}

/** RuleTester style: each hazard fires where the math says, at the op and pass it names. */
const invalid: Row[] = [
  { expr: 'exp(x)', at: 1000, hazard: 'overflow', op: 'exp', pass: 'forward' },
  { expr: 'exp(x)', at: 89, hazard: 'overflow', op: 'exp', pass: 'forward', format: 'float32' },
  { expr: 'x * x', at: 1e200, hazard: 'overflow', op: 'mul', pass: 'forward' },
  { expr: '1 / x', at: 0, hazard: 'division-by-zero', op: 'div', pass: 'forward' },
  { expr: 'log(x)', at: 0, hazard: 'log-zero', op: 'log', pass: 'forward' },
  { expr: 'x / x', at: 0, hazard: 'zero-div-zero', op: 'div', pass: 'forward' },
  { expr: 'exp(x) / exp(2 * x)', at: 1000, hazard: 'inf-div-inf', op: 'div', pass: 'forward' },
  { expr: 'exp(x) - exp(2 * x)', at: 1000, hazard: 'inf-minus-inf', op: 'sub', pass: 'forward' },
  { expr: '(x - 1000) * exp(x)', at: 1000, hazard: 'zero-times-inf', op: 'mul', pass: 'forward' },
  { expr: 'log(x)', at: -1, hazard: 'domain', op: 'log', pass: 'forward' },
  { expr: 'sqrt(x)', at: -1, hazard: 'domain', op: 'sqrt', pass: 'forward' },
  { expr: 'asin(x)', at: 2, hazard: 'domain', op: 'asin', pass: 'forward' },
  { expr: 'pow(x, 0.5)', at: -1, hazard: 'domain', op: 'pow', pass: 'forward' },
  { expr: 'exp(x)', at: -1000, hazard: 'underflow', op: 'exp', pass: 'forward' },
  { expr: '(1 + x) - 1', at: 1e-10, hazard: 'cancellation', op: 'sub', pass: 'forward' },
  { expr: 'x + 1', at: NaN, hazard: 'nan-input', op: 'var', pass: 'forward' },
  // the backward pass: TF's rules
  { expr: 'sqrt(x)', at: 0, hazard: 'division-by-zero', op: 'div', pass: 'backward' },
  { expr: '1/(1+exp(-x))', at: -1000, hazard: 'zero-times-inf', op: 'mul', pass: 'backward' },
  { expr: '1 / x', at: 1e-300, hazard: 'division-by-zero', op: 'div', pass: 'backward' },
  // the where trap: the unselected branch's 0 gradient meets its own infinite local gradient
  { expr: 'where(x > 0, log(x), 0)', at: 0, hazard: 'where-trap', op: 'div', pass: 'backward' },
  { expr: 'where(abs(x) < 0.1, 0.5 + x/12, 1/(1-exp(-x)) - 1/x)', at: 0, hazard: 'where-trap', op: 'div', pass: 'backward' },
  { expr: 'where(x < -10, -1/x, 1/(1-exp(-x)) - 1/x)', at: -1000, hazard: 'where-trap', op: 'mul', pass: 'backward' },
];

for (const row of invalid) {
  test(`${row.hazard}: ${row.expr} at x = ${row.at}${row.format ? ` (${row.format})` : ''} at ${row.pass} ${row.op}`, () => {
    const { g, ev } = events(row.expr, row.at, row.format);
    const hits = [...ev].filter(([, m]) => m.get(0)?.hazard === row.hazard).map(([id]) => g.nodes[id]!);
    assert.ok(hits.some((n) => n.op === row.op && n.pass === row.pass), `found: ${hits.map((n) => `${n.pass} ${n.op}`).join(', ') || 'nothing'}`);
  });
}

const valid: Array<[string, number]> = [
  ['exp(x)', 10], ['1 / x', 1e-100], ['log(x)', 1e-300], ['x - 1', 0.5], ['sqrt(x)', 1], ['where(x > 0, x, -x)', 0],
  ['sigmoid(x)', 50], ['softplus(x)', 800], ['exp(-abs(x))', -1000],
];
for (const [expr, at] of valid) {
  test(`no error hazard: ${expr} at x = ${at}`, () => {
    const { ev } = events(expr, at);
    const errors = [...ev.values()].map((m) => m.get(0)?.hazard).filter((h) => h && h !== 'underflow' && h !== 'cancellation');
    assert.deepEqual(errors, []);
  });
}

/** Root cause = the first origin on the path; a forward overflow that leads to a backward NaN is one chain. */
const chains: Array<{ expr: string; at: number; target: Target; chain: string[]; format?: FloatFormat }> = [
  { expr: '1/(1-exp(-x)) - 1/x', at: -100, target: 'grad:x', format: 'float32', chain: ['forward exp overflow', 'backward mul zero-times-inf'] },
  { expr: '1/(1-exp(-x)) - 1/x', at: -710, target: 'grad:x', chain: ['forward exp overflow', 'backward mul zero-times-inf'] },
  { expr: '1/(1-exp(-x)) - 1/x', at: 0, target: 'value', chain: ['forward div division-by-zero', 'forward sub inf-minus-inf'] },
  { expr: 'where(x < -10, -1/x, 1/(1-exp(-x)) - 1/x)', at: -1000, target: 'grad:x', chain: ['forward exp overflow', 'backward mul where-trap'] },
  { expr: 'where(x > 0, log(x), 0)', at: 0, target: 'grad:x', chain: ['backward div where-trap'] },
  { expr: 'log(exp(x))', at: 1000, target: 'value', chain: ['forward exp overflow'] },
];
for (const row of chains) {
  test(`root cause of ${row.target} of ${row.expr} at x = ${row.at}: ${row.chain.join(' -> ')}`, () => {
    const { g, v, ev } = events(row.expr, row.at, row.format);
    const chain = originChain(g, v, ev, targetNode(g, row.target), 0);
    const got = chain.map((e) => `${e.pass} ${e.op} ${e.hazard}`);
    assert.deepEqual([got[0], got[got.length - 1]], [row.chain[0], row.chain[row.chain.length - 1]], got.join(' -> '));
  });
}
