// Every op against helper C's mpmath rows (fixtures/mpmath/ops.jsonl): 100% containment of the 40-digit exact value,
// ddRoundsTo equal to the correctly rounded float whenever it answers, null where the exact value is infinite or
// undefined, and >= 99% certified of the 'random' rows that lie inside the fast path's range (arguments and exact
// value 0 or of magnitude within [2^-960, 2^990]: outside, the contract says null).
// Prints the rate for every format and regime, over all rows and over the in-range rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ddFromDouble, ddOp, ddRoundsTo } from '../../../../src/backends/truth/fast/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './exact.js';
import { IMPLEMENTED } from './implemented.js';

const OPS = fileURLToPath(new URL('../../../../../fixtures/mpmath/ops.jsonl', import.meta.url));

interface Row { op: string; f: 'f64' | 'f32'; g: string; a: string[]; k?: string; x?: string; r?: string }

const rows: Row[] = readFileSync(OPS, 'utf8').split('\n').filter((l) => l.startsWith('{"op"')).map((l) => JSON.parse(l) as Row);
const isPrim = (op: string): op is PrimOp => (IMPLEMENTED as readonly string[]).includes(op);
const toFloat = (s: string): number => (s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s));
const inRange = (v: number): boolean => v === 0 || (Math.abs(v) >= 2 ** -960 && Math.abs(v) <= 2 ** 990);
/** The magnitude of a decimal string clamped into the double range, so that 1e-400 is not mistaken for 0. */
function magnitude(x: string): number {
  const m = /e([+-]?\d+)$/.exec(x);
  const e = m === null ? 0 : Number(m[1]);
  if (Number(x) === 0 && /[1-9]/.test(x.replace(/e.*$/, ''))) return e < 0 ? 2 ** -1074 : Infinity;
  return e > 400 ? Infinity : e < -400 ? 2 ** -1074 : Number(x);
}
function eligible(r: Row): boolean {
  const args = r.a.map(Number);
  return args.every(inRange) && inRange(magnitude(r.x!));
}

const summary: string[] = [];
const ops = [...new Set(rows.map((r) => r.op))].filter(isPrim);

for (const op of ops) {
  test(`${op}: helper C's mpmath rows`, () => {
    const stats = new Map<string, { n: number; cert: number }>();
    const inStats = new Map<string, { n: number; cert: number }>();
    for (const r of rows) {
      if (r.op !== op) continue;
      const format = r.f === 'f64' ? 'float64' : 'float32';
      const key = `${r.f} ${r.g}`;
      const s = stats.get(key) ?? { n: 0, cert: 0 };
      stats.set(key, s);
      const si = inStats.get(key) ?? { n: 0, cert: 0 };
      inStats.set(key, si);
      const out = ddOp(op, r.a.map((a) => ddFromDouble(Number(a))));
      const where = `${op}(${r.a.join(', ')}) [${key}]`;
      if (r.k !== undefined) {
        assert.equal(out, null, `${where} is ${r.k} but got a ball ${JSON.stringify(out)}`);
        continue;
      }
      s.n++;
      const ok = eligible(r);
      if (ok) si.n++;
      if (out === null) continue;
      assert.ok(ballContains(out, ratOfDecimal(r.x!), decimalTolerance(r.x!)), `${where} = ${r.x} not in ${JSON.stringify(out)}`);
      const got = ddRoundsTo(out, format);
      if (got === undefined) continue;
      s.cert++;
      if (ok) si.cert++;
      assert.ok(got === toFloat(r.r!), `${where}: rounds to ${got}, mpmath ${r.r}`);
    }
    const pct = (s: { n: number; cert: number }) => `${(s.cert / s.n * 100).toFixed(1)}%/${s.n}`;
    const cells = [...stats].filter(([, s]) => s.n > 0).sort().map(([k, s]) => `${k} ${pct(s)} (in range ${pct(inStats.get(k)!)})`);
    summary.push(`${op}\n  ${cells.join('\n  ')}`);
    if (IMPLEMENTED.includes(op)) {
      for (const f of ['f64', 'f32']) {
        const s = inStats.get(`${f} random`);
        if (s !== undefined) assert.ok(s.cert / s.n >= 0.99, `${op} ${f} random in range: ${s.cert}/${s.n} certified`);
      }
    }
  });
}

test('fixture summary (certified %/rows, per format and regime)', () => {
  console.log(summary.join('\n'));
});
