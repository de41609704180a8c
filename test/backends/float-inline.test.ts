/**
 * The written-out loop bodies (backends/float-inline.ts) against the kernels they stand for, bit for bit (sign of
 * zero and NaN included), on every combination of special values and on random ones, through a Float64Array and a
 * Float32Array store as the loops do.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INLINE } from '../../src/backends/float-inline.js';

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 2 ** -1022, -(2 ** -126), 1e-45, 1, -1, 2, -0.5, 3.4e38, -1.7976931348623157e308];

function* triples(values: readonly number[]): Generator<[number, number, number]> {
  for (const a of values) for (const b of values) for (const c of values) yield [a, b, c];
}

test('each written-out form equals its kernel on all special values and 10^5 random triples', () => {
  assert.ok(INLINE.size > 0);
  let seed = 12345;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    const r = seed / 2147483647;
    return r < 0.2 ? 0 : r < 0.3 ? -0 : (r < 0.65 ? -1 : 1) * Math.exp(-700 + 1400 * ((seed % 1000003) / 1000003));
  };
  const randoms = Array.from({ length: 100_000 }, () => [random(), random(), random()] as [number, number, number]);
  for (const [kernel, form] of INLINE) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the form is loop source text
    const inline = new Function('t', `return (x0, x1, x2) => ${form.expr(['x0', 'x1', 'x2'])};`)(new Float64Array(4)) as (a: number, b: number, c: number) => number;
    const out64 = new Float64Array(1);
    const out32 = new Float32Array(1);
    for (const [a, b, c] of [...triples(SPECIAL), ...randoms]) {
      out64[0] = inline(a, b, c);
      if (!Object.is(out64[0], kernel(a, b, c))) assert.fail(`${kernel.toString()} at (${a}, ${b}, ${c}): ${out64[0]}, kernel ${kernel(a, b, c)}`);
      const [fa, fb, fc] = [a, b, c].map(Math.fround) as [number, number, number];
      out32[0] = inline(fa, fb, fc);
      if (!Object.is(out32[0], Math.fround(kernel(fa, fb, fc)))) assert.fail(`float32 ${kernel.toString()} at (${fa}, ${fb}, ${fc})`);
    }
  }
});
