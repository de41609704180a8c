import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalText, valueText } from '../../src/base/numbers.js';
import { applied } from '../../src/detect/detector.js';

test('decimalText keeps the scale of the exact value (cut, not rounded)', () => {
  const cases: Array<[string, number | undefined, string]> = [
    ['2.3615740481990123456e-44', undefined, '2.36157404819e-44'],
    ['0.00000000000000000000000000000000000000000002361574048199', undefined, '2.36157404819e-44'],
    ['0.500000003641000000001', undefined, '0.500000003641'],
    ['88.722845556254321', undefined, '88.7228455562'],
    ['-0.0000453988992168', undefined, '-0.0000453988992168'],
    ['123456789012345678', undefined, '1.23456789012e+17'],
    ['1e+30', undefined, '1e+30'],
    ['0', undefined, '0'],
    ['5', undefined, '5'],
    ['1234.5', 3, '1.23e+3'],
  ];
  for (const [input, digits, expected] of cases) assert.equal(decimalText(input, digits), expected, input);
});

test('valueText writes large magnitudes with an exponent', () => {
  assert.equal(valueText(-19209695200000000000), '-1.92096952e+19');
  assert.equal(valueText(2.37e27), '2.37e+27');
  assert.equal(valueText(123456), '123456');
  assert.equal(valueText(1e14), '100000000000000');
});

test('applied writes binary ops between their operands', () => {
  assert.equal(applied('a ** b', ['2.37e+27', '2']), '2.37e+27 ** 2');
  assert.equal(applied('a + b', ['1', '2']), '1 + 2');
  assert.equal(applied('-a', ['3']), '-(3)');
  assert.equal(applied('exp', ['100.5']), 'exp(100.5)');
  assert.equal(applied('atan2', ['1', '2']), 'atan2(1, 2)');
});
