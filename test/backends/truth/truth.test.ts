import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal } from 'decimal.js';
import type { FloatFormat } from '../../../src/base/float-format.js';
import type { Truth } from '../../../src/backends/truth.js';
import { compile } from '../../../src/graph/compile.js';
import { exactOp, groundTruth } from '../../../src/backends/truth/index.js';

const STORY = 'f(x) = 1/(1 - exp(-x)) - 1/x\nf(x)';
const f32 = Math.fround;

// Series near 0 (Bernoulli numbers, see the user story): f = 1/2 + x/12 - x^3/720 + x^5/30240,
// f' = 1/12 - x^2/240 + x^4/6048; evaluated with decimal.js directly at 60 digits.
const D60 = Decimal.clone({ precision: 60 });
const x5 = new D60('1e-5');
const seriesValue = new D60(0.5).plus(x5.div(12)).minus(x5.pow(3).div(720)).plus(x5.pow(5).div(30240)).toString();
const seriesGrad = new D60(1).div(12).minus(x5.pow(2).div(240)).plus(x5.pow(4).div(6048)).toString();

type Want = { kind: Truth['kind']; value?: number; limit?: boolean; reason?: RegExp };
interface Row { expr: string; x: number; format: FloatFormat; value?: Want; grad?: Want }

const rows: Row[] = [
  // the story: removable singularity at 0, f(0) = 1/2, f'(0) = 1/12
  { expr: STORY, x: 0, format: 'float64', value: { kind: 'finite', value: 0.5, limit: true }, grad: { kind: 'finite', value: 1 / 12, limit: true } },
  { expr: STORY, x: 0, format: 'float32', value: { kind: 'finite', value: 0.5, limit: true }, grad: { kind: 'finite', value: f32(1 / 12), limit: true } },
  { expr: STORY, x: 1e-5, format: 'float64', value: { kind: 'finite', value: Number(seriesValue) }, grad: { kind: 'finite', value: Number(seriesGrad) } },
  { expr: STORY, x: f32(1e-5), format: 'float32', value: { kind: 'finite', value: f32(0.5 + f32(1e-5) / 12) }, grad: { kind: 'finite', value: f32(1 / 12) } },
  // f(-100) = 0.01 - 3.7e-44, f'(-100) = 1e-4 - 3.7e-44: e^-100 is far below half an ulp
  { expr: STORY, x: -100, format: 'float64', value: { kind: 'finite', value: 0.01 }, grad: { kind: 'finite', value: 1e-4 } },
  { expr: STORY, x: -100, format: 'float32', value: { kind: 'finite', value: f32(0.01) }, grad: { kind: 'finite', value: f32(1e-4) } },
  { expr: STORY, x: 100, format: 'float64', value: { kind: 'finite', value: 0.99 }, grad: { kind: 'finite', value: 1e-4 } },
  // exp(-x) overflows float64 at x = -1000, not the truth: f = -1/x
  { expr: STORY, x: -1000, format: 'float64', value: { kind: 'finite', value: 0.001 }, grad: { kind: 'finite', value: 1e-6 } },
  // domain errors and poles
  { expr: 'log(x)', x: -1, format: 'float64', value: { kind: 'undefined' }, grad: { kind: 'undefined' } },
  { expr: 'log(x)', x: 0, format: 'float64', value: { kind: 'infinite', value: -Infinity }, grad: { kind: 'infinite', value: Infinity } },
  { expr: '1/x', x: 0, format: 'float64', value: { kind: 'undefined' } },
  { expr: '1/(x*x)', x: 0, format: 'float32', value: { kind: 'infinite', value: Infinity } },
  { expr: 'acos(x)', x: 2, format: 'float64', value: { kind: 'undefined' } },
  { expr: 'sqrt(x)', x: 0, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'infinite', value: Infinity } },
  { expr: 'x * log(x)', x: 0, format: 'float64', value: { kind: 'finite', value: 0, limit: true } },
  // lazy where: the unselected sqrt(-1) is never evaluated
  { expr: 'where(x > 0, sqrt(x), 0)', x: -1, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'finite', value: 0 } },
  // expm1(1e-300) = 1e-300 + 5e-601: exp(x) - 1 at low precision cancels to 0
  { expr: 'expm1(x)', x: 1e-300, format: 'float64', value: { kind: 'finite', value: 1e-300 }, grad: { kind: 'finite', value: 1 } },
  { expr: 'log1p(x)', x: 1e-300, format: 'float64', value: { kind: 'finite', value: 1e-300 }, grad: { kind: 'finite', value: 1 } },
  // needs escalation: 1 + 1e-30 does not fit 30 digits
  { expr: '(1 + x) - 1', x: 1e-30, format: 'float64', value: { kind: 'finite', value: 1e-30 }, grad: { kind: 'finite', value: 1 } },
  // kinks: one-sided derivatives differ
  { expr: 'abs(x)', x: 0, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'undefined' } },
  { expr: 'maximum(x, 0)', x: 0, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'undefined' } },
  { expr: 'sign(x)', x: 0, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'undefined' } },
  { expr: 'maximum(x, x)', x: 0, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'finite', value: 1 } },
  // beyond float range but finite; beyond decimal.js's exponent range
  { expr: 'exp(x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: Infinity } },
  { expr: 'exp(x)', x: -1e17, format: 'float32', value: { kind: 'finite', value: 0 } },
  // beyond decimal.js's exponent range the exponent is tracked exactly: ln(e^x) = x, e^x - e^2x = -e^2x (rounds to -inf)
  { expr: 'log(exp(x))', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1e17 }, grad: { kind: 'finite', value: 1 } },
  // e^x / e^x = 1 exactly and its derivative (e^x - 1 * e^x) / e^x = 0: the same rounded e^x cancels itself
  { expr: 'exp(x) / exp(x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 }, grad: { kind: 'finite', value: 0 } },
  // e^x + 1 keeps 1 as a tail of e^x: e^x - (e^x / (e^x + 1)) e^x = e^x / (e^x + 1) = 1 - e^-x, softmax's derivative e^-x / (1 + e^-x)^2
  { expr: 'exp(x) - exp(x) / (exp(x) + 1) * exp(x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 } },
  { expr: 'exp(x) / (exp(x) + 1)', x: 1e17, format: 'float32', value: { kind: 'finite', value: 1 }, grad: { kind: 'finite', value: 0 } },
  { expr: 'exp(x) / (exp(x) + exp(0.5 * x))', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 }, grad: { kind: 'finite', value: 0 } },
  { expr: 'exp(x) - exp(2*x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: -Infinity } },
  // e^x (1 - e^1e-30) = -1e-30 e^x: still beyond float64; e^x - e^(x * 1) cancels two rounded equal mantissas
  { expr: 'exp(x) - exp(x + 1e-30)', x: 1e17, format: 'float64', value: { kind: 'finite', value: -Infinity } },
  // x * 1 is exactly x, so exp(x * 1) is the same number as exp(x): exactly 0 (the old engine said unknown)
  { expr: 'exp(x) - exp(x * 1)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 0 } },
  // two different roundings that do not cancel by identity: e^x - e^(x/3 * 3) needs e^1e17 to ~1e17 digits
  { expr: 'exp(x) - exp(x / 3 * 3)', x: 1e17, format: 'float64', value: { kind: 'unknown' } },
  { expr: 'sin(exp(x))', x: 1e17, format: 'float64', value: { kind: 'unknown' } },
  { expr: 'exp(exp(x))', x: 1e17, format: 'float64', value: { kind: 'finite', value: Infinity } },
  // sqrt(e^x) = e^(x/2); (e^x)^2 * e^(-2x) = 1; softplus(x) = x + log1p(e^-x), e^-1e10 is 1e-4342944819
  { expr: 'log(sqrt(exp(x)))', x: 1e17, format: 'float64', value: { kind: 'finite', value: 5e16 } },
  { expr: 'exp(x) ** 2 * exp(-2 * x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 } },
  { expr: 'softplus(x)', x: 1e10, format: 'float64', value: { kind: 'finite', value: 1e10 }, grad: { kind: 'finite', value: 1 } },
  { expr: 'softplus(x)', x: -1e10, format: 'float64', value: { kind: 'finite', value: 0 }, grad: { kind: 'finite', value: 0 } },
  // the story's derivative 1/x^2 - e^-x / (1 - e^-x)^2: at -1e20 the second term is -e^(-1e20), far below any ulp
  { expr: STORY, x: -1e20, format: 'float64', value: { kind: 'finite', value: 1e-20 }, grad: { kind: 'finite', value: 1e-40 } },
  // at -3e38 (float32) 1/x^2 = 1.1e-77 is below half the smallest float32 subnormal (7.0e-46): +0
  { expr: STORY, x: f32(-3e38), format: 'float32', grad: { kind: 'finite', value: 0 } },
  { expr: '1 + 1/(1 + exp(x))', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 } },
  { expr: 'tanh(x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1 }, grad: { kind: 'finite', value: 0 } },
  { expr: 'softplus(x)', x: 1e17, format: 'float64', value: { kind: 'finite', value: 1e17 }, grad: { kind: 'finite', value: 1 } },
  { expr: 'sigmoid(x)', x: -1e17, format: 'float64', value: { kind: 'finite', value: 0 } },
  // exact constants: 0.1 is 1/10, not the double 0.1
  { expr: 'x * 0.1 - 0.1', x: 1, format: 'float64', value: { kind: 'finite', value: 0 } },
  { expr: 'x ** 3', x: -2, format: 'float64', value: { kind: 'finite', value: -8 }, grad: { kind: 'finite', value: 12 } },
  { expr: 'x ** 0.5', x: -2, format: 'float64', value: { kind: 'undefined' } },
];

function check(got: Truth, want: Want, label: string): void {
  assert.equal(got.kind, want.kind, `${label}: ${JSON.stringify(got)}`);
  if (want.value !== undefined) assert.ok('value' in got && Object.is(got.value, want.value), `${label}: ${JSON.stringify(got)} != ${want.value}`);
  if (want.limit !== undefined) assert.equal('limit' in got && got.limit, want.limit, label);
  if (want.reason) assert.match('reason' in got ? got.reason : '', want.reason, label);
}

test('groundTruth: value and derivative rows', () => {
  for (const row of rows) {
    const truth = groundTruth(compile(row.expr), { x: row.x }, row.format);
    const label = `${row.expr} at ${row.x} (${row.format})`;
    if (row.value) check(truth.value, row.value, `${label} value`);
    if (row.grad) check(truth.grad.x!, row.grad, `${label} grad`);
  }
});

test('groundTruth: several variables, each partial on its own', () => {
  // atan2(1, -1) = 3 pi / 4; d/dy = x / (x^2 + y^2) = -1/2; d/dx = -y / (x^2 + y^2) = -1/2
  const t = groundTruth(compile('atan2(y, x)'), { y: 1, x: -1 }, 'float64');
  check(t.value, { kind: 'finite', value: (3 * Math.PI) / 4 }, 'atan2');
  check(t.grad.y!, { kind: 'finite', value: -0.5 }, 'd/dy');
  check(t.grad.x!, { kind: 'finite', value: -0.5 }, 'd/dx');
  // (x - y) / (x - y) at x = y: the old engine's limit along one direction (1) is not a proof of the
  // two-variable limit; the new engine says so (docs/ground-truth.md, "Singular points")
  check(groundTruth(compile('(x - y) / (x - y)'), { x: 2, y: 2 }, 'float64').value, { kind: 'unknown', reason: /several variables/ }, 'x-y');
});

test('exactOp: one op on exact inputs', () => {
  const cases: [Parameters<typeof exactOp>, Want][] = [
    [['div', [1, 3], 'float64'], { kind: 'finite', value: 1 / 3 }],
    [['div', [1, 3], 'float32'], { kind: 'finite', value: f32(1 / 3) }],
    [['exp', [1], 'float64'], { kind: 'finite', value: Math.E }],
    [['log', [0], 'float64'], { kind: 'infinite', value: -Infinity }],
    [['sqrt', [-1], 'float64'], { kind: 'undefined' }],
    [['sub', [1e16, 1], 'float64'], { kind: 'finite', value: 1e16 }],
    [['mul', [3.4028234663852886e38, 2], 'float32'], { kind: 'finite', value: Infinity }],
    [['greater', [1, 0], 'float64'], { kind: 'finite', value: 1 }],
    // keep(dy, cond): the select of TF's, torch's and JAX's backward passes
    [['keep', [5, 1], 'float64'], { kind: 'finite', value: 5 }],
    [['keep', [5, 0], 'float64'], { kind: 'finite', value: 0 }],
  ];
  for (const [args, want] of cases) check(exactOp(...args), want, `${args[0]}(${args[1].join(', ')})`);
});

test('groundTruth: a kink times an exact zero is differentiable, a jump is not', () => {
  const rows: [string, Want][] = [
    ['abs(x) * x', { kind: 'finite', value: 0 }],
    ['sign(x) * x', { kind: 'undefined' }],
    ['sign(x) * square(x)', { kind: 'finite', value: 0 }],
    ['where(x > 0, 1, 0)', { kind: 'finite', value: 0 }],
  ];
  for (const [expr, want] of rows) check(groundTruth(compile(expr), { x: 0 }, 'float64').grad.x!, want, `d/dx ${expr} at 0`);
});

// Losses whose terms fall far below the working precision (docs/ground-truth.md, "Tails"). Expected
// values by hand: with t = e^-x, log(sigmoid(x)) = -log1p(t) = -(t - t^2/2 + t^3/3 ...), its
// derivative 1 - sigmoid(x) = t/(1 + t) = t - t^2 + ...; e^-20 from decimal.js at 60 digits.
const D40 = Decimal.clone({ precision: 60 });
const t20 = D40.exp(-20);
const logSigmoid20 = t20.minus(t20.pow(2).div(2)).plus(t20.pow(3).div(3)).neg().toNumber(); // -2.0611536203...e-9
const dLogSigmoid20 = t20.minus(t20.pow(2)).plus(t20.pow(3)).toNumber();
const X2795 = f32(2795.81); // e^-2795.81 ~ 1e-1214: below every float, and below 1200 digits next to 1
const BCE = '-(0.3*log(sigmoid(x)) + 0.7*log(1-sigmoid(x)))';
// at x = 2795.81: BCE = 0.7 x + 0.7 log1p(t) + 0.3 log1p(t) = 0.7 x + ~1e-1214, d/dx = sigmoid(x) - 0.3 = 0.7 - ~1e-1214
const bce2795 = new D40(0.7).times(new D40(X2795)).toNumber();
const tailRows: [string, number, FloatFormat, Want, Want][] = [
  ['log(sigmoid(x))', X2795, 'float64', { kind: 'finite', value: -0 }, { kind: 'finite', value: 0 }],
  ['log(sigmoid(x))', X2795, 'float32', { kind: 'finite', value: -0 }, { kind: 'finite', value: 0 }],
  ['log(sigmoid(x))', 1e28, 'float64', { kind: 'finite', value: -0 }, { kind: 'finite', value: 0 }],
  ['log(sigmoid(x))', 20, 'float64', { kind: 'finite', value: logSigmoid20 }, { kind: 'finite', value: dLogSigmoid20 }],
  ['log(sigmoid(x))', 20, 'float32', { kind: 'finite', value: f32(logSigmoid20) }, { kind: 'finite', value: f32(dLogSigmoid20) }],
  // log(1 - sigmoid(x)) = -x - log1p(t): 1 - sigmoid(x) is the tail t/(1 + t) itself
  ['log(1 - sigmoid(x))', X2795, 'float64', { kind: 'finite', value: -X2795 }, { kind: 'finite', value: -1 }],
  ['(1-sigmoid(x))**2 * log(sigmoid(x))', X2795, 'float64', { kind: 'finite', value: 0 }, { kind: 'finite', value: 0 }],
  [BCE, X2795, 'float64', { kind: 'finite', value: bce2795 }, { kind: 'finite', value: 0.7 }],
  [BCE, X2795, 'float32', { kind: 'finite', value: f32(bce2795) }, { kind: 'finite', value: f32(0.7) }],
  // (1 + x) - 1 = x exactly, 1 + 1e-300 kept as 1 plus the tail 1e-300
  ['(1 + x) - 1', 1e-300, 'float64', { kind: 'finite', value: 1e-300 }, { kind: 'finite', value: 1 }],
];

test('groundTruth: terms below the working precision are kept as tails, so deep zeros certify', () => {
  for (const [expr, x, format, value, grad] of tailRows) {
    const truth = groundTruth(compile(expr), { x }, format);
    const label = `${expr} at ${x} (${format})`;
    // +0 and -0 are the same float for judging; compare the value, not its sign
    check(truth.value, { ...value, value: undefined }, `${label} value`);
    assert.ok('value' in truth.value && truth.value.value === value.value, `${label} value: ${JSON.stringify(truth.value)} != ${value.value}`);
    check(truth.grad.x!, { ...grad, value: undefined }, `${label} grad`);
    assert.ok('value' in truth.grad.x! && truth.grad.x.value === grad.value, `${label} grad: ${JSON.stringify(truth.grad.x)} != ${grad.value}`);
  }
});

test('groundTruth: a rounding shared by two values cancels (softmax), an absorbed term stays honest', () => {
  // softmax s = e^x / (e^x + e^y): ds/dx = s (1 - s) = e^(y-x) / (1 + e^(y-x))^2; e^-700 = 9.8596765437597708...e-305
  const e700 = D40.exp(-700);
  const rows: [Record<string, number>, string, Want][] = [
    [{ x: 0, y: -700 }, 'x', { kind: 'finite', value: e700.div(e700.plus(1).pow(2)).toNumber() }],
    [{ x: 0, y: -2000 }, 'x', { kind: 'finite', value: 0 }],
    [{ x: 5, y: -3000 }, 'y', { kind: 'finite', value: 0 }],
  ];
  for (const [point, by, want] of rows) {
    const t = groundTruth(compile('exp(x)/(exp(x)+exp(y))'), point, 'float64');
    check(t.value, { kind: 'finite', value: 1 }, `softmax at ${JSON.stringify(point)}`);
    check(t.grad[by]!, { ...want, value: undefined }, `d/d${by} at ${JSON.stringify(point)}`);
    assert.ok('value' in t.grad[by]! && t.grad[by].value === want.value, `d/d${by} at ${JSON.stringify(point)}: ${JSON.stringify(t.grad[by])}`);
  }
  // log(e^x + e^y) at x = -1e-200, y = -10000: e^x rounds to 1 at 30 digits but is not 1; the value is x
  check(groundTruth(compile('log(exp(x) + exp(y))'), { x: -1e-200, y: -10000 }, 'float64').value, { kind: 'finite', value: -1e-200 }, 'logsumexp');
});
