import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstChange } from '../../src/base/float-format.js';
import { firstChangeBatched } from '../../src/detect/bisect.js';

/** Predicates false at a and true at b; some change many times in between (the bisection's path decides which change). */
const CASES: { name: string; a: number; b: number; changed: (x: number) => boolean }[] = [
  { name: 'one threshold', a: -1, b: 1000, changed: (x) => x >= 709.782712893384 },
  { name: 'tiny threshold', a: 0, b: 1, changed: (x) => x > 1e-300 },
  { name: 'many changes', a: 1, b: 2, changed: (x) => x === 2 || Math.floor(x * 1e6) % 3 === 0 },
  { name: 'sign-crossing', a: -1e308, b: 1e-320, changed: (x) => x > -1e-5 && Math.floor(Math.log2(Math.abs(x) + 1e-300)) % 2 === 0 },
  { name: 'adjacent', a: 1, b: 1 + 2 ** -52, changed: (x) => x > 1 },
];

for (const c of CASES) {
  for (const format of ['float64', 'float32'] as const) {
    test(`batched bisection takes the sequential one's path: ${c.name}, ${format}`, () => {
      const a = format === 'float32' ? Math.fround(c.a) : c.a;
      const b = format === 'float32' ? Math.fround(c.b) : c.b;
      if (a === b) return;
      let batches = 0;
      let calls = 0;
      const sequential = firstChange(a, b, format, (x) => (calls++, c.changed(x)));
      const batched = firstChangeBatched(a, b, format, (xs) => (batches++, xs.map(c.changed)));
      assert.equal(Object.is(batched, sequential) || batched === sequential, true, `batched ${batched}, sequential ${sequential}`);
      assert.ok(batches <= Math.ceil(calls / 5) + 1, `${batches} batches for ${calls} steps`);
    });
  }
}
