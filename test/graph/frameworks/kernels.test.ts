/**
 * Kernel shortcuts against the general path they skip, bit for bit: powC(x, -1) = 1 / x must be what Math.pow(x, -1)
 * gives (V8's fdlibm pow returns one / x for y = -1), on the special values and on 10^6 doubles of every exponent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { powC } from '../../../src/graph/frameworks/kernels.js';

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2 ** -1022, 2 ** -1074 * 3, 1, -1, 2, -3, 0.1, 1e308, -1.7976931348623157e308, 2 ** 1023, 2 ** -1023];

test('powC(x, -1) is Math.pow(x, -1): special values, float32 values and 10^6 doubles of every exponent', () => {
  const view = new DataView(new ArrayBuffer(8));
  let seed = 2024;
  const next = () => (seed = (seed * 48271) % 2147483647);
  const xs = [...SPECIAL];
  for (let k = 0; k < 1_000_000; k++) {
    view.setUint32(0, next() * 2 + (next() & 1)); // sign, exponent and high significand bits: all of them
    view.setUint32(4, next() * 2 + (next() & 1));
    xs.push(view.getFloat64(0));
  }
  for (const x of xs) {
    for (const v of [x, Math.fround(x)]) {
      if (!Object.is(powC(v, -1), Math.pow(v, -1))) assert.fail(`powC(${v}, -1) = ${powC(v, -1)}, Math.pow gives ${Math.pow(v, -1)}`);
    }
  }
});
