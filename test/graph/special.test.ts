/** The float64 erf and erfc kernels (graph/special.ts) against mpmath's correctly rounded values (fixtures/mpmath). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { erf64, erfc64 } from '../../src/graph/special.js';

interface Row { op: string; f: string; a: string[]; r?: string }

const num = (t: string) => (t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t));
const rows = readFileSync(new URL('../../../fixtures/mpmath/ops.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('{"op":"erf'))
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => r.f === 'f64' && r.r !== undefined);

/** Distance in doubles between two finite numbers of the same sign (0 and -0 count as the same). */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const view = new DataView(new ArrayBuffer(8));
  const bits = (x: number) => { view.setFloat64(0, x); return view.getBigInt64(0); };
  return Number(bits(a) - bits(b) < 0n ? bits(b) - bits(a) : bits(a) - bits(b));
}

for (const [op, f] of [['erf', erf64], ['erfc', erfc64]] as const) {
  // measured: erf within 2 ULPs, erfc within 3 (the continued fraction and exp(-x^2) in plain doubles)
  const budget = op === 'erf' ? 2 : 3;
  test(`${op} in float64 is within ${budget} ULPs of mpmath on every fixture row`, () => {
    const mine = rows.filter((r) => r.op === op);
    assert.ok(mine.length > 500, `${mine.length} rows`);
    const bad = mine.filter((r) => {
      const want = num(r.r!);
      const got = f(num(r.a[0]!));
      return Number.isNaN(want) ? !Number.isNaN(got) : !(ulps(want, got) <= budget);
    }).map((r) => `${op}(${r.a[0]}) = ${f(num(r.a[0]!))}, mpmath ${r.r}`);
    assert.deepEqual(bad.slice(0, 10), []);
  });
}
