import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateFloat } from '../../src/backends/float.js';
import type { FloatFormat } from '../../src/base/float-format.js';
import { compile } from '../../src/graph/compile.js';
import { detectEvents } from '../../src/detect/index.js';
import { originChain } from '../../src/detect/root-cause.js';
import { targetNode, type Target } from '../../src/graph/graph.js';

/** These tests pin TF.js's rules and kernels (they compare with TF.js itself): the tfjs framework. */
const TFJS = { framework: 'tfjs' } as const;

interface Row { expr: string; at: number; format?: FloatFormat; events: string[] }

function events(expr: string, at: number, format: FloatFormat = 'float64') {
  const g = compile(expr, undefined, TFJS);
  const v = evaluateFloat(g, format, { x: [at] });
  return { g, v, ev: detectEvents(g, v, format, format === 'float32' ? 12 : 26) };
}

/**
 * RuleTester style: every hazard at the point, as "pass op hazard" in node order, and nothing else (an extra
 * finding fails the row). Each list was derived by hand from the IEEE results and TF.js's gradient rules, e.g.
 * x / x at 0: forward 0/0; backward d/da = dy/b = 1/0 (division by zero), d/db = -(dy*a)/b^2 = -0/0 (0/0).
 */
const invalid: Row[] = [
  { expr: 'exp(x)', at: 1000, events: ['forward exp overflow'] },
  { expr: 'exp(x)', at: 89, format: 'float32', events: ['forward exp overflow'] },
  { expr: 'x * x', at: 1e200, events: ['forward mul overflow'] },
  { expr: '1 / x', at: 0, events: ['forward div division-by-zero', 'backward div division-by-zero'] },
  { expr: 'log(x)', at: 0, events: ['forward log log-zero', 'backward div division-by-zero'] },
  { expr: 'x / x', at: 0, events: ['forward div zero-div-zero', 'backward div division-by-zero', 'backward div zero-div-zero'] },
  {
    expr: 'exp(x) / exp(2 * x)', at: 1000,
    events: ['forward exp overflow', 'forward exp overflow', 'forward div inf-div-inf', 'backward div inf-div-inf', 'backward mul zero-times-inf'],
  },
  { expr: 'exp(x) - exp(2 * x)', at: 1000, events: ['forward exp overflow', 'forward exp overflow', 'forward sub inf-minus-inf', 'backward add inf-minus-inf'] },
  // x - 1000 is exactly 0 at 1000 (both operands exact): no cancellation, only the 0 * inf it feeds
  {
    expr: '(x - 1000) * exp(x)', at: 1000,
    events: ['forward exp overflow', 'forward mul zero-times-inf', 'backward mul zero-times-inf'],
  },
  { expr: 'log(x)', at: -1, events: ['forward log domain'] },
  { expr: 'sqrt(x)', at: -1, events: ['forward sqrt domain', 'backward sqrt domain'] },
  { expr: 'asin(x)', at: 2, events: ['forward asin domain', 'backward sqrt domain'] },
  { expr: 'pow(x, 0.5)', at: -1, events: ['forward pow domain', 'backward pow domain'] },
  { expr: 'exp(x)', at: -1000, events: ['forward exp underflow'] },
  { expr: '(1 + x) - 1', at: 1e-10, events: ['forward sub cancellation'] },
  { expr: 'x + 1', at: NaN, events: ['forward var nan-input'] },
  // the backward pass: TF's rules
  { expr: 'sqrt(x)', at: 0, events: ['backward div division-by-zero'] },
  { expr: '1/(1+exp(-x))', at: -1000, events: ['forward exp overflow', 'backward mul zero-times-inf'] },
  { expr: '1 / x', at: 1e-300, events: ['backward square underflow', 'backward div division-by-zero'] },
  // the where trap: the unselected branch's 0 gradient meets its own infinite local gradient
  { expr: 'where(x > 0, log(x), 0)', at: 0, events: ['forward log log-zero', 'backward div where-trap'] },
  {
    expr: 'where(abs(x) < 0.1, 0.5 + x/12, 1/(1-exp(-x)) - 1/x)', at: 0,
    events: [
      'forward sub cancellation', 'forward div division-by-zero', 'forward div division-by-zero', 'forward sub inf-minus-inf',
      'backward div where-trap', 'backward div where-trap',
    ],
  },
  { expr: 'where(x < -10, -1/x, 1/(1-exp(-x)) - 1/x)', at: -1000, events: ['forward exp overflow', 'backward mul where-trap'] },
];

for (const row of invalid) {
  test(`${row.expr} at x = ${row.at}${row.format ? ` (${row.format})` : ''}: ${row.events.join(', ')}`, () => {
    const { g, ev } = events(row.expr, row.at, row.format);
    const got = ev.nodes().map((id) => `${g.nodes[id]!.pass} ${g.nodes[id]!.op} ${ev.at(id, 0)!.hazard}`);
    assert.deepEqual(got, row.events);
  });
}

/** A sum or difference of exact operands (variables, small dyadic constants, abs/max/where of them) cancels nothing. */
for (const [expr, at] of [['x - 1000', 1000.5], ['maximum(x, 3) - abs(x)', -3], ['x - 0.5', 0.5000001], ['where(x > 0, x, 2) + -2', 1e-300]] as const) {
  test(`no cancellation with exact operands: ${expr} at x = ${at}`, () => {
    assert.deepEqual(events(expr, at).ev.nodes(), []);
  });
}
test('an inexact operand still cancels: x - 0.1 at x = 0.1 (0.1 is not a float), exp(x) - 1 at 1e-10', () => {
  for (const [expr, at] of [['x - 0.1', 0.1], ['exp(x) - 1', 1e-10]] as const) {
    const { g, ev } = events(expr, at);
    assert.deepEqual(ev.nodes().map((id) => `${g.nodes[id]!.op} ${ev.at(id, 0)!.hazard}`), ['sub cancellation'], expr);
  }
});

const valid: Array<[string, number]> = [
  ['exp(x)', 10], ['1 / x', 1e-100], ['log(x)', 1e-300], ['x - 1', 0.5], ['sqrt(x)', 1], ['where(x > 0, x, -x)', 0],
  ['sigmoid(x)', 50], ['softplus(x)', 800], ['exp(-abs(x))', -1000],
];
for (const [expr, at] of valid) {
  test(`no error hazard: ${expr} at x = ${at}`, () => {
    const { ev } = events(expr, at);
    const errors = ev.nodes().map((id) => ev.at(id, 0)?.hazard).filter((h) => h && h !== 'underflow' && h !== 'cancellation');
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
