/**
 * Kernel shortcuts against the general path they skip, bit for bit: x ** -1 as 1 / x must be what Math.pow(x, -1)
 * gives (V8's fdlibm pow returns one / x for y = -1), and in float32 x ** -2 as 1 / (x * x) must round to the float32
 * that Math.pow(x, -2) rounds to. Special values and 10^6 random bit patterns here; every float32 (2^32 of them,
 * ~5 CPU minutes) with F_DIAGNOSE_EXHAUSTIVE=1.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { powC, powC32, powJs, powJs32 } from '../../../src/graph/frameworks/kernels.js';

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2 ** -1022, 2 ** -1074 * 3, 1, -1, 2, -3, 0.1, 1e308, -1.7976931348623157e308, 2 ** 1023, 2 ** -1023, 2 ** -149, 2 ** -126, 3.4028234663852886e38, 1.8446742974197924e19];

/** Doubles from uniformly random bit patterns: every sign, exponent and significand. */
function randomDoubles(count: number, seed: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  const next = () => (seed = (seed * 48271) % 2147483647);
  return Array.from({ length: count }, () => {
    view.setUint32(0, next() * 2 + (next() & 1));
    view.setUint32(4, next() * 2 + (next() & 1));
    return view.getFloat64(0);
  });
}

test('x ** -1 as 1 / x is Math.pow(x, -1): special values, their float32 roundings and 10^6 random doubles', () => {
  for (const x of [...SPECIAL, ...randomDoubles(1_000_000, 2024)]) {
    for (const v of [x, Math.fround(x)]) {
      const want = Math.pow(v, -1);
      for (const [name, kernel] of [['powC', powC], ['powJs', powJs]] as const) {
        if (!Object.is(kernel(v, -1), want)) assert.fail(`${name}(${v}, -1) = ${kernel(v, -1)}, Math.pow gives ${want}`);
      }
    }
  }
});

/** fround(kernel(x, -2)) against fround(Math.pow(x, -2)) for the float32 with these bits. */
function checkMinusTwo(bits: Uint32Array): void {
  const xs = new Float32Array(bits.buffer, bits.byteOffset, bits.length);
  for (const x of xs) {
    const want = Math.fround(Math.pow(x, -2));
    if (!Object.is(Math.fround(powC32(x, -2)), want) || !Object.is(Math.fround(powJs32(x, -2)), want)) {
      assert.fail(`float32 ${x} ** -2: ${Math.fround(powC32(x, -2))}, Math.pow rounds to ${want}`);
    }
  }
}

test('float32 x ** -2 as 1 / (x * x) rounds as Math.pow(x, -2) does', () => {
  if (process.env['F_DIAGNOSE_EXHAUSTIVE'] === '1') {
    const bits = new Uint32Array(1 << 20);
    for (let hi = 0; hi < 4096; hi++) {
      for (let k = 0; k < bits.length; k++) bits[k] = hi * bits.length + k;
      checkMinusTwo(bits);
    }
    return;
  }
  const sample = Float32Array.from([...SPECIAL, ...randomDoubles(1_000_000, 77)].map(Math.fround));
  checkMinusTwo(new Uint32Array(sample.buffer));
  // and every float32 in the binades where x^-2 crosses float32's overflow (2^128), its smallest normal (2^-126)
  // and its smallest subnormal (2^-149), the sign being squared away
  for (const e of [-65, 63, 74]) {
    const start = new Uint32Array(Float32Array.from([2 ** e]).buffer)[0]!;
    checkMinusTwo(Uint32Array.from({ length: 1 << 23 }, (_, k) => start + k));
  }
});
