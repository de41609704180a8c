// Every op against mpmath: the ball must contain the exact value (100%), ddRoundsTo must agree with mpmath's
// correctly rounded float whenever it answers, and it must answer for >= 99% of the random rows of each op.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ddFromDouble, ddOp, ddRoundsTo } from '../../../../src/backends/truth/fast/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './exact.js';
import { IMPLEMENTED } from './implemented.js';

const ROWS = fileURLToPath(new URL('../../../../../test/backends/truth/fast/oracle/rows.jsonl', import.meta.url));

interface Row { op: PrimOp; args: string[]; exact: string; f64: string; f32: string }

const TARGET = 0.99;

function parseFloatRepr(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  return Number(s);
}

function sameFloat(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b)); // zeros' signs are not judged
}

const rows: Row[] = readFileSync(ROWS, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);

const byOp = new Map<PrimOp, Row[]>();
for (const r of rows) byOp.set(r.op, [...(byOp.get(r.op) ?? []), r]);

const summary: string[] = [];
for (const [op, opRows] of byOp) {
  test(`${op}: enclosure and rounding agree with mpmath`, () => {
    let balls = 0;
    let cert64 = 0;
    let cert32 = 0;
    for (const r of opRows) {
      const args = r.args.map((a) => ddFromDouble(Number(a)));
      const out = ddOp(op, args);
      if (out === null) continue;
      balls++;
      const exact = ratOfDecimal(r.exact);
      assert.ok(ballContains(out, exact, decimalTolerance(r.exact)), `${op}(${r.args.join(', ')}) = ${r.exact} not in ${JSON.stringify(out)}`);
      const g64 = ddRoundsTo(out, 'float64');
      if (g64 !== undefined) {
        cert64++;
        assert.ok(sameFloat(g64, parseFloatRepr(r.f64)), `${op}(${r.args.join(', ')}) float64 ${g64} != ${r.f64}`);
      }
      const g32 = ddRoundsTo(out, 'float32');
      if (g32 !== undefined) {
        cert32++;
        assert.ok(sameFloat(g32, parseFloatRepr(r.f32)), `${op}(${r.args.join(', ')}) float32 ${g32} != ${r.f32}`);
      }
    }
    const n = opRows.length;
    summary.push(`${op.padEnd(10)} rows ${n}  balls ${balls}  certified f64 ${(cert64 / n * 100).toFixed(1)}%  f32 ${(cert32 / n * 100).toFixed(1)}%`);
    if (IMPLEMENTED.includes(op)) {
      assert.ok(cert64 / n >= TARGET, `${op}: float64 certified ${cert64}/${n}`);
      assert.ok(cert32 / n >= TARGET, `${op}: float32 certified ${cert32}/${n}`);
    }
  });
}

test('summary', () => {
  console.log(summary.join('\n'));
});
