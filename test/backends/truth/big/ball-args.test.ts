/** Balls with a radius as arguments (what the evaluator passes after the first op): the result must meet mpmath's
 *  value at both ends, the centre and two interior points of every argument ball (ball-mpmath.json, written by
 *  gen-balls.py). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { bigFromDD, bigOp, isFail } from '../../../../src/backends/truth/big/index.js';
import { meetsDecimal } from './oracle.js';

interface Row { op: PrimOp; balls: [string, string][]; values: string[] }
const PATH = fileURLToPath(new URL('../../../../../test/backends/truth/big/ball-mpmath.json', import.meta.url));
const rows = (JSON.parse(readFileSync(PATH, 'utf8')) as { rows: Row[] }).rows;

for (const prec of [64, 128]) {
  test(`ball arguments at ${prec} bits: the result meets f at the ends, centre and inside of the balls`, () => {
    for (const row of rows) {
      const args = row.balls.map(([c, r]) => bigFromDD(Number(c), 0, Number(r)));
      const where = `${row.op}(${row.balls.map(([c, r]) => `${c} +- ${r}`).join(', ')}) at ${prec} bits`;
      const res = bigOp(row.op, args, prec);
      if (isFail(res)) assert.fail(`${where}: ${res.fail} ${res.reason}`);
      for (const v of row.values) assert.ok(meetsDecimal(res, v), `${where} misses ${v}`);
    }
  });
}
