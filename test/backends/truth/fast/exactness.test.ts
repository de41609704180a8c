// Results that are exact must come back with radius 0; decimal inputs must be enclosed; out-of-range work is null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ddFromDecimal, ddFromDouble, ddOp, ddRoundsTo } from '../../../../src/backends/truth/fast/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './exact.js';

const d = ddFromDouble;

test('exact results have radius 0', () => {
  const cases: ReadonlyArray<[PrimOp, number[], number]> = [
    ['add', [2, 3], 5], ['sub', [0.1, 0.1], 0], ['mul', [3, 7], 21], ['div', [6, 3], 2], ['sqrt', [4], 2],
    ['square', [-3], 9], ['neg', [2], -2], ['abs', [-2], 2], ['exp', [0], 1], ['log', [1], 0], ['expm1', [0], 0],
    ['reciprocal', [4], 0.25], ['log1p', [0], 0],
  ];
  for (const [op, args, want] of cases) {
    const out = ddOp(op, args.map(d));
    assert.deepEqual(out && { v: out.hi + out.lo, rad: out.rad }, { v: want, rad: 0 }, `${op}(${args.join(', ')})`);
  }
});

test('sums and sign changes work across the whole double range', () => {
  assert.deepEqual(ddOp('add', [d(Number.MAX_VALUE), d(0)]), { hi: Number.MAX_VALUE, lo: 0, rad: 0 });
  assert.deepEqual(ddOp('add', [d(2 ** -1074), d(2 ** -1074)]), { hi: 2 ** -1073, lo: 0, rad: 0 });
  assert.deepEqual(ddOp('sub', [d(2 ** 1020), d(-(2 ** 1020))]), { hi: 2 ** 1021, lo: 0, rad: 0 });
  assert.deepEqual(ddOp('neg', [d(5e-324)]), { hi: -5e-324, lo: -0, rad: 0 });
  assert.equal(ddRoundsTo(ddOp('add', [d(2 ** -1074), d(2 ** -1073)])!, 'float64'), 3 * 2 ** -1074);
});

test('arguments below 2^-960: constants up to a linear bound, logarithms and sqrt by exact scaling (mpmath values)', () => {
  const tiny = d(5e-324);
  assert.equal(ddRoundsTo(ddOp('exp', [tiny])!, 'float64'), 1);
  assert.equal(ddRoundsTo(ddOp('sigmoid', [d(-1e-300)])!, 'float64'), 0.5);
  assert.equal(ddRoundsTo(ddOp('acos', [tiny])!, 'float64'), Math.PI / 2);
  const cases: ReadonlyArray<[PrimOp, number, string, number]> = [
    ['log', 5e-324, '-744.440071921381262314107298446081634113087144', -744.4400719213812],
    ['sqrt', 5e-324, '2.22275874948507748344271341427056009691252456e-162', 2.2227587494850775e-162],
    ['log10', 1e-300, '-299.99999999999999998911697469446200382257644', -300],
  ];
  for (const [op, x, exact, f64] of cases) {
    const out = ddOp(op, [d(x)]);
    assert.ok(out !== null && ballContains(out, ratOfDecimal(exact), decimalTolerance(exact)), `${op}(${x}): ${JSON.stringify(out)}`);
    assert.equal(ddRoundsTo(out, 'float64'), f64, `${op}(${x})`);
  }
  assert.equal(ddOp('expm1', [tiny]), null, 'a result below the range');
});

test('arguments outside the range scaled exactly back into it', () => {
  assert.deepEqual(ddOp('mul', [d(2 ** 1000), d(2 ** -100)]), { hi: 2 ** 900, lo: 0, rad: 0 });
  assert.deepEqual(ddOp('div', [d(3 * 2 ** -1000), d(2 ** -1010)]), { hi: 3072, lo: 0, rad: 0 });
  assert.equal(ddRoundsTo(ddOp('hypot', [d(1), d(5e-324)])!, 'float64'), 1);
  assert.equal(ddRoundsTo(ddOp('hypot', [d(2 ** -959), d(2 ** -1000)])!, 'float64'), 2 ** -959);
  assert.equal(ddOp('hypot', [d(3 * 2 ** 989), d(4 * 2 ** 989)]), null, 'a result above the range');
  assert.equal(ddRoundsTo(ddOp('atan2', [d(2 ** 1020), d(2 ** 1020)])!, 'float64'), Math.PI / 4);
  assert.equal(ddRoundsTo(ddOp('sqrt', [d(2 ** 1020)])!, 'float64'), 2 ** 510);
});

test('add of doubles keeps the exact rounding error in lo', () => {
  const out = ddOp('add', [d(1), d(2 ** -80)]);
  assert.deepEqual(out, { hi: 1, lo: 2 ** -80, rad: 0 });
  const m = ddOp('mul', [d(1 + 2 ** -30), d(1 + 2 ** -30)]);
  assert.deepEqual(m, { hi: 1 + 2 ** -29, lo: 2 ** -60, rad: 0 });
});

test('null outside the safe range and the domain', () => {
  const cases: ReadonlyArray<[PrimOp, number[]]> = [
    ['mul', [1e200, 1e200]], ['mul', [1e-200, 1e-200]], ['div', [1, 0]], ['log', [0]], ['log', [-1]], ['sqrt', [-1]],
    ['exp', [800]], ['exp', [-800]], ['log1p', [-1]], ['add', [Number.MAX_VALUE, Number.MAX_VALUE]],
    ['mul', [2 ** 1000, 2 ** 100]], ['atan2', [5e-324, Number.MAX_VALUE]],
  ];
  for (const [op, args] of cases) assert.equal(ddOp(op, args.map(d)), null, `${op}(${args.join(', ')})`);
  assert.equal(ddOp('log', [{ hi: 1e-10, lo: 0, rad: 1e-9 }]), null, 'log of a ball reaching 0');
  assert.equal(ddOp('div', [d(1), { hi: 1, lo: 0, rad: 2 ** -30 }]), null, 'argument too wide');
});

test('ddFromDecimal encloses the exact decimal', () => {
  const texts = ['0.1', '-2.5e-7', '0.5', '1e-320', '4.9e-324', '1.7976931348623157e308', '123456789012345678901234567890',
    '3.14159265358979323846264338327950288419716939937510', '-0', '7e-300', '1e22', '9007199254740993'];
  for (const t of texts) {
    const b = ddFromDecimal(t);
    assert.ok(b !== null, t);
    assert.ok(ballContains(b, ratOfDecimal(t)), `${t}: ${JSON.stringify(b)}`);
    assert.equal(b.hi, Number(t), `${t}: hi is the nearest double`);
  }
  assert.equal(ddFromDecimal('0.5')!.rad, 0);
  assert.equal(ddRoundsTo(ddFromDecimal('0.1')!, 'float64'), 0.1);
  // 2^53 + 1 is a dd exactly (rad 0) and a tie between 2^53 and 2^53 + 2: it goes to the even 2^53.
  assert.deepEqual(ddFromDecimal('9007199254740993'), { hi: 2 ** 53, lo: 1, rad: 0 });
  assert.equal(ddRoundsTo(ddFromDecimal('9007199254740993')!, 'float64'), 2 ** 53);
  for (const bad of ['1e400', 'abc', '', '.', '1e', 'inf', 'NaN']) assert.equal(ddFromDecimal(bad), null, bad);
});
