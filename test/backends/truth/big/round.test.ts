/** bigRoundsTo: exact rounding at ties, powers of two, subnormal and overflow edges, zero signs. The expected
 *  floats are hand math on the formats (IEEE 754 round to nearest, ties to even). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigRoundsTo, type BigBall } from '../../../../src/backends/truth/big/index.js';

/** An exact dyadic m 2^e, optionally with radius r 2^re. */
const X = (m: bigint, e: bigint, r = 0n, re = 0n): BigBall => ({ m, e, r, re });

test('ties go to even, and one unit past a tie decides', () => {
  const cases: [string, BigBall, 'float32' | 'float64', number | undefined][] = [
    // 1 + 2^-53 is the tie between 1 and 1 + 2^-52: even is 1
    ['tie 1 + 2^-53', X((1n << 53n) + 1n, -53n), 'float64', 1],
    // 1 + 3 2^-53 is the tie between 1 + 2^-52 and 1 + 2^-51: even is 1 + 2^-51
    ['tie 1 + 3 2^-53', X((1n << 53n) + 3n, -53n), 'float64', 1 + 2 ** -51],
    ['just above the tie', X((1n << 54n) + 3n, -54n), 'float64', 1 + 2 ** -52],
    ['float32 tie 1 + 2^-24', X((1n << 24n) + 1n, -24n), 'float32', 1],
    ['float32 1 + 3 2^-24', X((1n << 24n) + 3n, -24n), 'float32', 1 + 2 ** -22],
    // 1 - 2^-54 is the tie between 1 - 2^-53 (odd mantissa) and 1 (even): rounds to 1
    ['tie below a power of two', X((1n << 54n) - 1n, -54n), 'float64', 1],
    ['just below that tie', X((1n << 55n) - 3n, -55n), 'float64', 1 - 2 ** -53],
  ];
  for (const [name, b, f, want] of cases) assert.equal(bigRoundsTo(b, f), want, name);
});

test('a ball is certified only when both ends round alike', () => {
  assert.equal(bigRoundsTo(X(3n, -1n, 1n, -60n), 'float64'), 1.5);
  // straddles the tie 1 + 2^-53
  assert.equal(bigRoundsTo(X((1n << 53n) + 1n, -53n, 1n, -80n), 'float64'), undefined);
  // inside (1, 1 + 2^-53): rounds to 1
  assert.equal(bigRoundsTo(X((1n << 60n) + 1n, -60n, 1n, -62n), 'float64'), 1);
});

test('subnormals, the underflow to zero and its sign', () => {
  const cases: [string, BigBall, 'float32' | 'float64', number | undefined][] = [
    ['smallest subnormal', X(1n, -1074n), 'float64', 5e-324],
    ['half of it is a tie to even: 0', X(1n, -1075n), 'float64', 0],
    ['just above half rounds up', X(3n, -1076n), 'float64', 5e-324],
    ['1.5 subnormal units: tie to 2 units', X(3n, -1075n), 'float64', 2 * 5e-324],
    ['float32 smallest subnormal', X(1n, -149n), 'float32', 2 ** -149],
    ['float32 half of it', X(1n, -150n), 'float32', 0],
    ['largest subnormal + half unit rounds to the smallest normal', X((1n << 53n) - 1n, -1075n), 'float64', 2 ** -1022],
    ['deep underflow keeps the sign of mid', X(-1n, -5000n, 1n, -5001n), 'float64', -0],
    ['a tiny ball around 0 is +0', X(0n, 0n, 1n, -2000n), 'float64', 0],
    ['2^-1075 ball wide enough to reach past the tie', X(1n, -1075n, 1n, -1100n), 'float64', undefined],
  ];
  for (const [name, b, f, want] of cases) {
    const got = bigRoundsTo(b, f);
    assert.ok(Object.is(got, want), `${name}: got ${got}, want ${want}`);
  }
});

test('overflow edges: MAX + half an ulp goes to infinity', () => {
  const MAXM = (1n << 53n) - 1n; // MAX = MAXM 2^971
  const cases: [string, BigBall, 'float32' | 'float64', number | undefined][] = [
    ['MAX', X(MAXM, 971n), 'float64', Number.MAX_VALUE],
    ['MAX + half ulp (a tie; even is 2^1024)', X(2n * MAXM + 1n, 970n), 'float64', Infinity],
    ['just below MAX + half ulp', X(4n * MAXM + 1n, 969n), 'float64', Number.MAX_VALUE],
    ['-2^5000', X(-1n, 5000n), 'float64', -Infinity],
    ['float32 MAX + half ulp', X(2n * ((1n << 24n) - 1n) + 1n, 103n), 'float32', Infinity],
    ['float32 just below', X(4n * ((1n << 24n) - 1n) + 1n, 102n), 'float32', 3.4028234663852886e38],
    ['huge binary exponent', X(1n, 1n << 3000n), 'float64', Infinity],
  ];
  for (const [name, b, f, want] of cases) assert.equal(bigRoundsTo(b, f), want, name);
});

test('at tiny arguments the correction has a known sign, so a tie at x itself is decided', async () => {
  const { bigFromDouble, bigOp } = await import('../../../../src/backends/truth/big/index.js');
  // x = (1 + 3 2^-24) 2^-100 is a float32 tie; f(x) lies just below or just above it. Expected floats: mpmath at
  // 600 bits, then rounded to 24 bits by mpmath (round to nearest even).
  const x = bigFromDouble((1 + 3 * 2 ** -24) * 2 ** -100);
  const below = 7.888609992605599e-31;
  const above = 7.88861093300108e-31;
  const want: Record<string, number> = {
    sin: below, atan: below, tanh: below, asinh: below, log1p: below,
    tan: above, sinh: above, asin: above, atanh: above, expm1: above,
  };
  for (const [op, f] of Object.entries(want)) {
    const r = bigOp(op as 'sin', [x], 128);
    assert.ok(!('fail' in r), op);
    assert.equal(bigRoundsTo(r as BigBall, 'float32'), f, op);
  }
  // atan2(5e-324, 2) = atan(2^-1075) lies just below half the smallest subnormal: it rounds to 0
  const t = bigOp('atan2', [bigFromDouble(5e-324), bigFromDouble(2)], 128);
  assert.ok(!('fail' in t));
  assert.ok(Object.is(bigRoundsTo(t as BigBall, 'float64'), 0));
});
