/** Decimal literals and results far beyond any float's range (issue 14), checked against hand math and mpmath. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigDigits, bigFromDecimal, bigFromDouble, bigOp, bigRoundsTo, bigRelWidth, isFail, type BigBall } from '../../../../src/backends/truth/big/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { meetsDecimal } from './oracle.js';

function ok(r: ReturnType<typeof bigOp>): BigBall {
  if (isFail(r)) throw new Error(`${r.fail}: ${r.reason}`);
  return r;
}
const op = (name: PrimOp, args: BigBall[], prec: number): BigBall => ok(bigOp(name, args, prec));

test('exp(1e300) / exp(5e299)^2 encloses 1 and certifies to 1.0', () => {
  for (const prec of [64, 128]) {
    const a = op('exp', [bigFromDouble(1e300)], prec);
    const b = op('exp', [bigFromDouble(5e299)], prec);
    const q = op('div', [a, op('square', [b], prec)], prec);
    assert.ok(meetsDecimal(q, '1'), `at ${prec}`);
    assert.equal(bigRoundsTo(q, 'float64'), 1);
    assert.equal(bigRoundsTo(q, 'float32'), 1);
    // mpmath: nstr(exp(mpf(1e300)), 12)
    assert.equal(bigDigits(a, 12), '2.49860109938e+434294481903251850453656571405056984009141741681734700039539973598006300185154093073132508496370285044860636997097982346728628908616314684435910358280837233461819942222285242899931160168620757923392697261416912615500784578756219618461075464841541674066478869923120403965604911866786772338500237163275');
  }
});

test('log(exp(1e300)) encloses 1e300', () => {
  const a = op('exp', [bigFromDouble(1e300)], 128);
  const l = op('log', [a], 128);
  assert.ok(meetsDecimal(l, '1.000000000000000052504760255204420248704e+300'));
  assert.equal(bigRoundsTo(l, 'float64'), 1e300);
});

test('decimal literals are exact or tightly enclosed, with a BigInt exponent', () => {
  const cases: [string, string, number][] = [
    // [text, a decimal the exact value equals, its float64]
    ['0.1', '0.1', 0.1],
    ['1e-400', '1e-400', 0],
    ['-2.5e-7', '-2.5e-7', -2.5e-7],
    ['1e22', '1e22', 1e22],
    ['2.4703282292062328e-324', '2.4703282292062328e-324', 5e-324],
    ['2.4703282292062327e-324', '2.4703282292062327e-324', 0],
  ];
  for (const [text, dec, f64] of cases) {
    for (const prec of [64, 128]) {
      const b = bigFromDecimal(text, prec);
      if (isFail(b)) throw new Error(b.reason);
      assert.ok(meetsDecimal(b, dec), `${text} at ${prec}`);
      assert.ok(Object.is(bigRoundsTo(b, 'float64'), f64), `${text} rounds to ${f64}`);
      assert.ok(bigRelWidth(b) <= -(prec - 2), `${text} is narrow`);
    }
  }
  assert.equal((bigFromDecimal('1e22', 64) as BigBall).r, 0n, '1e22 = 2^22 5^22 is exact');
  assert.equal((bigFromDecimal('0.375', 64) as BigBall).r, 0n, '0.375 is dyadic: exact');
  const huge = bigFromDecimal('1e9000000000000000', 128);
  if (isFail(huge)) throw new Error(huge.reason);
  assert.equal(bigDigits(huge, 20), '1.0000000000000000000e+9000000000000000');
  assert.equal(bigRoundsTo(huge, 'float64'), Infinity);
  // 10^(9e15) = 2^(9e15 log2 10): log2 10 = 3.321928094887362347870319429489390175864...
  const top = BigInt(huge.m.toString(2).length) + huge.e;
  assert.equal(top, 29897352853986262n); // floor(9e15 * 3.32192809488736234787...) + 1
  const tiny = bigFromDecimal('-1e-9000000000000000', 64);
  assert.ok(!isFail(tiny) && Object.is(bigRoundsTo(tiny, 'float64'), -0));
});

test('limits: exponents beyond 2^4096 and bad text', () => {
  const e = bigOp('exp', [{ m: 1n, e: 5000n, r: 0n, re: 0n }], 64);
  assert.ok(isFail(e) && e.fail === 'limit');
  const d = bigFromDecimal('1e' + '9'.repeat(1300), 64);
  assert.ok(isFail(d) && d.fail === 'limit');
  const bad = bigFromDecimal('abc', 64);
  assert.ok(isFail(bad) && bad.fail === 'domain');
});

test('decimal text forms: signs, bare points, exponents; anything else is not a decimal', () => {
  const good: [string, string][] = [['.5', '0.5'], ['1.', '1'], ['+3e+2', '300'], ['-0', '0'], ['0e5', '0'], ['1E-5', '0.00001'],
    [' 2 ', '2'], ['00012.5000', '12.5'], ['-7.25e-1', '-0.725']];
  for (const [text, value] of good) {
    const b = bigFromDecimal(text, 64);
    if (isFail(b)) throw new Error(`${text}: ${b.reason}`);
    assert.ok(value === '0' ? b.m === 0n && b.r === 0n : meetsDecimal(b, value), text);
  }
  for (const text of ['1e', 'e5', '.', '-', '1.2.3', 'Infinity', 'NaN', '0x10', '1_000', '']) {
    const b = bigFromDecimal(text, 64);
    assert.ok(isFail(b) && b.fail === 'domain', `"${text}" is not a decimal`);
  }
});
