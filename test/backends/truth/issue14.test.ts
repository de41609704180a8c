/**
 * Issue 14 (confident wrong values beyond decimal.js's range) and the inputs that crashed or hung
 * the old engine: every value is right to the digits it prints and correctly rounded, or 'unknown'
 * with its reason. Expected values by hand, or from mpmath 1.2.1 (/usr/bin/python3, mp.dps = 80) as noted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FloatFormat } from '../../../src/base/float-format.js';
import type { Truth } from '../../../src/backends/truth.js';
import { groundTruth } from '../../../src/backends/truth/index.js';
import { compile } from '../../../src/graph/compile.js';
import { leadingDigitsAgree } from '../../helpers/mpmath-reference.js';

type Want = { kind: Truth['kind']; value?: number; decimal?: string; reason?: RegExp };
interface Row { expr: string; at: Record<string, number>; format?: FloatFormat; value: Want; grad?: Record<string, Want> }

const rows: Row[] = [
  // identities by hand: e^2v / (e^v e^v) = 1, e^(u+v) / (e^u e^v) = 1, log(e^v e^v) = 2v, derivatives 0, 0, 2
  { expr: 'exp(2*v)/(exp(v)*exp(v))', at: { v: 1e300 }, value: { kind: 'finite', value: 1 }, grad: { v: { kind: 'finite', value: 0 } } },
  { expr: 'exp(u+v)/(exp(u)*exp(v))', at: { u: 1e150, v: 1e150 }, value: { kind: 'finite', value: 1 } },
  // 2 * 1e300 (the double) = 2.000000000000000105009521e+300: mpmath log(exp(mpf(1e300))*exp(mpf(1e300)))
  { expr: 'log(exp(v)*exp(v))', at: { v: 1e300 }, value: { kind: 'finite', value: 2e300, decimal: '2.000000000000000105009521e+300' }, grad: { v: { kind: 'finite', value: 2 } } },
  // mpmath: a = mpf(1e40); exp(a) - 1, a exp(a)
  {
    expr: 'exp(a*x)-1', at: { a: 1e40, x: 1 },
    value: { kind: 'finite', value: Infinity, decimal: '7.246431042306140133108367e+4342944819032518408443885014318140111928' },
    grad: { x: { kind: 'finite', value: Infinity, decimal: '7.246431042306140353244818e+4342944819032518408443885014318140111968' } },
  },
  // mpmath: e * mpf('1e-580'); exp(-11000) / mpf('1e-5000')
  { expr: 'exp(x) * 1e-580', at: { x: 1 }, value: { kind: 'finite', value: 0, decimal: '2.718281828459045235360287e-580' } },
  { expr: 'exp(x) / 1e-5000', at: { x: -11000 }, value: { kind: 'finite', value: 5.763669429168183696272823e222, decimal: '5.763669429168183696272823e+222' } },
  { expr: 'x * 1e580', at: { x: 3 }, value: { kind: 'finite', value: Infinity, decimal: '3e+580' }, grad: { x: { kind: 'finite', value: Infinity, decimal: '1e+580' } } },
  // the old engine's crashes and hangs: a right answer or unknown with a reason
  // the front end folds 1/0 and log(0) to the constants +-Infinity, which are not real numbers
  { expr: 'x*clip(x, 1/0, 1/0)', at: { x: 0.5 }, value: { kind: 'unknown', reason: /Infinity is not a real number/ } },
  { expr: 'pow(clip(x, 1e-6, log(0)), x)', at: { x: 2 }, value: { kind: 'unknown', reason: /Infinity is not a real number/ } },
  // 10^(9e15) / 1e-300 (the double, 1.00000000000000002505e-300): mpmath mpf(10)**(9*10**15) / mpf(1e-300)
  {
    expr: '1e9000000000000000 / x', at: { x: 1e-300 },
    value: { kind: 'finite', value: Infinity, decimal: '9.999999999999999749409082e+9000000000000299' },
  },
  // sigmoid(x / cosh(7/x)): 1/2 + tiny at 1e-300, the cosh is e^(7e300)
  { expr: 'x + sigmoid(x/cosh(7/x))', at: { x: 1e-300 }, value: { kind: 'finite', value: 0.5 }, grad: { x: { kind: 'finite', value: 1 } } },
  { expr: 'x + sigmoid(x/cosh(7/x))', at: { x: 1e300 }, value: { kind: 'finite', value: 1e300 }, grad: { x: { kind: 'finite', value: 1 } } },
  // an essential singularity (cosh(7/x) at 0) has no Laurent series
  { expr: 'x + sigmoid(x/cosh(7/x))', at: { x: 0 }, value: { kind: 'unknown', reason: /singular point/ } },
  // tan of 10^999999961 needs pi to 3e9 bits
  { expr: 'tan(max(w - 1e5000, 1e999999961))', at: { w: 1 }, value: { kind: 'unknown', reason: /beyond/ } },
  // atan2(10^(9e15), 1) = pi/2 - 10^-(9e15); d/dx = -y / (x^2 + y^2) = -10^-(9e15) (to 1e-(1.8e16) relative)
  {
    expr: 'atan2(1e9000000000000000, x)', at: { x: 1 }, value: { kind: 'finite', value: Math.PI / 2, decimal: '1.570796326794896619231322e+0' },
    grad: { x: { kind: 'finite', value: -0, decimal: '-1.000000000000000000000000e-9000000000000000' } },
  },
  // pi is a 60-digit literal p: 1 + cos(p) = 1.054464554031313626119994e-119, mpmath 1 + cos(mpf('3.14159...7494')) at 300 digits
  // pi is the exact constant (not its 60 digits of text): 1 + cos(pi) is exactly 0, certified as rounding to 0
  { expr: 'x + cos(pi)', at: { x: 1 }, value: { kind: 'finite', value: 0 } },
  { expr: 'x + cos(pi)', at: { x: 1 }, format: 'float32', value: { kind: 'finite', value: 0 } },
  // a 60-digit literal is that number: 1 + cos(3.14159...(60 digits)) = 1.0544645540313136e-119 (mpmath at 300 digits)
  { expr: 'x + cos(3.14159265358979323846264338327950288419716939937510582097494)', at: { x: 1 }, value: { kind: 'finite', value: 1.054464554031313626119994e-119, decimal: '1.054464554031313626119994e-119' } },
];

function check(got: Truth, want: Want, label: string): void {
  assert.equal(got.kind, want.kind, `${label}: ${JSON.stringify(got)}`);
  if (want.value !== undefined) assert.ok('value' in got && got.value === want.value, `${label}: ${JSON.stringify(got)} != ${want.value}`);
  if (want.decimal !== undefined) {
    assert.ok(got.kind === 'finite' && leadingDigitsAgree(want.decimal, got.decimal, 18) === true, `${label}: digits ${JSON.stringify(got)} vs ${want.decimal}`);
  }
  if (want.reason) assert.match('reason' in got ? got.reason : '', want.reason, label);
}

test('issue 14 and the old engine\'s crashes: right to the digits printed, correctly rounded, or unknown with a reason', () => {
  for (const row of rows) {
    const truth = groundTruth(compile(row.expr), row.at, row.format ?? 'float64');
    const label = `${row.expr} at ${JSON.stringify(row.at)}`;
    check(truth.value, row.value, `${label} value`);
    for (const [v, want] of Object.entries(row.grad ?? {})) check(truth.grad[v]!, want, `${label} d/d${v}`);
  }
});

// a series whose leading coefficient's denominator is not a perfect square (1e-12 = 1/10^12 is, 1e-13 is not):
// 'unknown' with the reason, not a crash (found by the loss corpus)
test('sqrt of a non-square rational leading coefficient at a singular point is unknown, not a crash', () => {
  const g = compile('sqrt(a*a) - sqrt(b*b+1e-13) + 1');
  const t = groundTruth(g, { a: 0, b: 0 }, 'float64');
  assert.ok(['finite', 'unknown', 'undefined'].includes(t.grad.a!.kind), JSON.stringify(t.grad.a));
});
