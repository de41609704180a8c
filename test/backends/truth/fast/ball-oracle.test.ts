// Radius propagation against mpmath: for double-double argument balls with radii, the result ball must contain the
// exact op at the centre and at every corner of the argument box (the points where an enclosure is most often missed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ddOp, type DDBall } from '../../../../src/backends/truth/fast/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './exact.js';

const dir = new URL('../../../../../test/backends/truth/fast/oracle/', import.meta.url);

interface Row { op: PrimOp; balls: string[][]; exact: string[] }

// random balls per op, balls at the edges of each op's branches and ranges, and balls anywhere in the double range
// (gen.py writes all three)
const rows: Row[] = ['ball-rows.jsonl', 'edge-rows.jsonl', 'wide-rows.jsonl'].flatMap((name) =>
  readFileSync(fileURLToPath(new URL(name, dir)), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row));
const ops = [...new Set(rows.map((r) => r.op))];
const summary: string[] = [];

for (const op of ops) {
  test(`${op}: balls with radii contain the exact op at every corner`, () => {
    let answered = 0;
    const opRows = rows.filter((r) => r.op === op);
    for (const r of opRows) {
      const args: DDBall[] = r.balls.map(([hi, lo, rad]) => ({ hi: Number(hi), lo: Number(lo), rad: Number(rad) }));
      const out = ddOp(op, args);
      if (out === null) continue;
      answered++;
      for (const e of r.exact) {
        assert.ok(ballContains(out, ratOfDecimal(e), decimalTolerance(e)), `${op}(${JSON.stringify(r.balls)}): ${e} not in ${JSON.stringify(out)}`);
      }
    }
    summary.push(`${op.padEnd(10)} ball rows ${opRows.length}  answered ${answered}`);
  });
}

test('ball summary', () => {
  console.log(summary.join('\n'));
});
