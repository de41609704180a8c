import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstChange } from '../../src/base/float-format.js';
import { bitsOfError, fromOrdinal, nextDown, nextUp, toOrdinal, ulpDistance } from '../../src/base/float-format.js';

const rows: Array<[string, () => unknown, unknown]> = [
  ['ordinal of +0 and -0 is 0', () => [toOrdinal(0, 'float64'), toOrdinal(-0, 'float32')], [0n, 0n]],
  ['smallest float64 subnormal is ordinal 1', () => toOrdinal(5e-324, 'float64'), 1n],
  ['smallest float32 subnormal is ordinal 1', () => toOrdinal(1.401298464324817e-45, 'float32'), 1n],
  ['float32 1.0 is 0x3f800000', () => toOrdinal(1, 'float32'), 0x3f800000n],
  ['negative ordinals mirror positive ones', () => toOrdinal(-1, 'float32'), -0x3f800000n],
  ['round trip', () => fromOrdinal(toOrdinal(-88.72283935546875, 'float32'), 'float32'), -88.72283935546875],
  ['nextUp(1) in float64 is 1 + 2^-52', () => nextUp(1, 'float64'), 1 + 2 ** -52],
  ['nextUp(1) in float32 is 1 + 2^-23', () => nextUp(1, 'float32'), 1 + 2 ** -23],
  ['nextDown(0) is minus the smallest subnormal', () => nextDown(0, 'float64'), -5e-324],
  ['1 and its float64 neighbour are 1 ULP apart', () => ulpDistance(1, 1 + 2 ** -52, 'float64'), 1],
  ['across zero: -min to +min subnormal is 2 ULP', () => ulpDistance(-5e-324, 5e-324, 'float64'), 2],
  ['float32 0.1 vs 0.1 + 3 ulps', () => ulpDistance(Math.fround(0.1), fromOrdinal(toOrdinal(Math.fround(0.1), 'float32') + 3n, 'float32'), 'float32'), 3],
  ['bits of error of 0 ulps is 0, of 1 is 1, of 3 is 2', () => [bitsOfError(0), bitsOfError(1), bitsOfError(3)], [0, 1, 2]],
  ['bisection finds the first float32 x where exp(x) overflows', () => firstChange(88, 89, 'float32', (x) => Math.fround(Math.exp(x)) === Infinity), 88.72283935546875],
];

for (const [name, run, expected] of rows) test(name, () => assert.deepEqual(run(), expected));
