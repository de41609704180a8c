/** Random balls for every op (fuzz-mpmath.json, written by gen-fuzz.py with a fixed seed): a returned ball must
 *  meet mpmath's value at the ends, the centre and two random interior points of the argument balls; where mpmath
 *  finds a sample point outside the domain the library must not return a ball. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { bigFromDD, bigOp, isFail } from '../../../../src/backends/truth/big/index.js';
import { meetsDecimal } from './oracle.js';

interface Row { op: PrimOp; balls: [string, string][]; values?: string[]; undefined?: boolean }
const PATH = fileURLToPath(new URL('../../../../../test/backends/truth/big/fuzz-mpmath.json', import.meta.url));
const rows = (JSON.parse(readFileSync(PATH, 'utf8')) as { rows: Row[] }).rows;

for (const prec of [64, 128]) {
  test(`fuzzed balls at ${prec} bits: balls meet every sampled value, undefined points give no ball`, (t) => {
    let unknown = 0;
    for (const row of rows) {
      const args = row.balls.map(([c, r]) => bigFromDD(Number(c), 0, Number(r)));
      const where = `${row.op}(${row.balls.map(([c, r]) => `${c} +- ${r}`).join(', ')}) at ${prec} bits`;
      const res = bigOp(row.op, args, prec);
      if (row.undefined) {
        assert.ok(isFail(res), `${where}: a sample point is outside the domain, but got a ball`);
        continue;
      }
      if (isFail(res)) {
        assert.notEqual(res.fail, 'domain', `${where}: defined at every sample but got domain (${res.reason})`);
        unknown += 1;
        continue;
      }
      for (const v of row.values!) assert.ok(meetsDecimal(res, v), `${where} misses ${v}`);
    }
    t.diagnostic(`${rows.length} rows, ${unknown} defined rows answered edge/limit`);
  });
}
