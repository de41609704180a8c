import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Q from '../../../src/backends/truth/rational.js';
import { qDigits } from '../../../src/backends/truth/digits.js';

test('rationals: exact decimals and doubles, correct rounding to both formats', () => {
  // roundQ of an exact double is the double; of a decimal, what JavaScript's correctly rounded parser gives
  for (const x of [0.1, -2.5e-7, 1e300, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, 1 / 3, -0.75]) {
    assert.equal(Q.roundQ(Q.fromDouble(x)), x, `double ${x}`);
    assert.equal(Q.roundQ(Q.fromDouble(x), 'float32'), Math.fround(x), `float32 of double ${x}`);
  }
  for (const text of ['0.1', '-2.5e-7', '123456789012345678901234567890', '1e-320', '3.14159265358979323846264338327950288419716939937510582097494']) {
    assert.equal(Q.roundQ(Q.fromDecimal(text)!), Number(text), text);
  }
  // ties to even, overflow at MAX + ulp/2, below half the smallest subnormal to 0
  const cases: [Q.Q, 'float32' | 'float64', number][] = [
    [Q.add(Q.ONE, Q.q(1n, 2n ** 53n)), 'float64', 1],
    [Q.add(Q.ONE, Q.q(3n, 2n ** 53n)), 'float64', 1 + 2 ** -51],
    [Q.add(Q.fromDouble(Number.MAX_VALUE), Q.q(2n ** 970n)), 'float64', Infinity],
    [Q.add(Q.fromDouble(Number.MAX_VALUE), Q.q(2n ** 970n - 1n)), 'float64', Number.MAX_VALUE],
    [Q.q(1n, 2n ** 1075n), 'float64', 0],
    [Q.q(1n + 2n ** 10n, 2n ** 1085n), 'float64', 5e-324],
    [Q.q(1n, 2n ** 150n), 'float32', 0],
    [Q.q(3n, 2n ** 151n), 'float32', 2 ** -149],
    // float32 MAX + ulp/2 = 2^128 - 2^103 rounds (a tie) to Infinity, a hair less to MAX
    [Q.q(2n ** 128n - 2n ** 103n), 'float32', Infinity],
    [Q.q(2n ** 128n - 2n ** 103n - 1n), 'float32', 3.4028234663852886e38],
  ];
  for (const [q, format, want] of cases) assert.equal(Q.roundQ(q, format), want, `${Q.toString(q).slice(0, 40)} ${format}`);
  assert.equal(Q.fromDecimal('1e9000000000000000'), null);
});

test('rationals: digits are truncated, exact ones trimmed, written as JavaScript writes numbers', () => {
  const rows: [Q.Q, number, string][] = [
    [Q.q(1n, 3n), 5, '0.33333'],
    [Q.q(-2n, 3n), 5, '-0.66666'],
    [Q.q(1n, 8n), 21, '0.125'],
    [Q.fromInt(12), 21, '12'],
    [Q.fromInt(10n ** 21n), 21, '1e+21'],
    [Q.q(1n, 10n ** 8n), 21, '1e-8'],
    [Q.q(1n, 10n ** 7n), 21, '0.0000001'],
    [Q.fromDecimal('1e-580')!, 21, '1e-580'],
  ];
  for (const [q, max, want] of rows) assert.equal(qDigits(q, max), want);
});
