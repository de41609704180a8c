/** Every op of the ball library against mpmath at exact doubles (hand-mpmath.json, written by gen-hand.py):
 *  at 64 and 128 bits the ball must meet the exact value, and a defined value must never be called 'domain'. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { bigFromDouble, bigOp, bigRelWidth, isFail } from '../../../../src/backends/truth/big/index.js';
import { meetsDecimal } from './oracle.js';

interface Row { op: PrimOp; args: string[]; exact: string }
const PATH = fileURLToPath(new URL('../../../../../test/backends/truth/big/hand-mpmath.json', import.meta.url));
const rows = (JSON.parse(readFileSync(PATH, 'utf8')) as { rows: Row[] }).rows;

for (const prec of [64, 128]) {
  test(`hand mpmath table at ${prec} bits: every ball meets the exact value`, () => {
    const misses: string[] = [];
    let narrow = 0;
    let tested = 0;
    for (const row of rows) {
      const r = bigOp(row.op, row.args.map((a) => bigFromDouble(Number(a))), prec);
      const where = `${row.op}(${row.args.join(', ')})`;
      if (isFail(r)) {
        assert.notEqual(r.fail, 'domain', `${where} is defined (${row.exact}) but got domain: ${r.reason}`);
        misses.push(`${where}: ${r.fail} ${r.reason}`);
        continue;
      }
      tested += 1;
      assert.ok(meetsDecimal(r, row.exact), `${where} at ${prec} bits misses ${row.exact}`);
      if (bigRelWidth(r) < -(prec - 8)) narrow += 1;
    }
    // results are not only right but about prec bits wide (or exact)
    assert.equal(tested, rows.length);
    assert.ok(narrow >= tested - 2, `only ${narrow} narrow balls of ${tested}`);
    assert.deepEqual(misses, []);
  });
}
