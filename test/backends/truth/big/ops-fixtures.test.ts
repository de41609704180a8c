/** Every row of fixtures/mpmath/ops.jsonl (helper C's per-op mpmath reference, the independent oracle) at 64 and
 *  128 bits: a finite row's ball must meet the 40-digit exact value and may certify only the correctly rounded
 *  float; an undefined row must never get a ball; a pole ('infinite') must never get a ball.
 *  Also at 24 and 256 bits (other code paths: tiny shortcuts, longer series). The fraction of rows certified per op
 *  and format is reported as a diagnostic; at 128 bits nearly all random rows must be certified. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { bigFromDouble, bigOp, bigRoundsTo, bigSign, isFail } from '../../../../src/backends/truth/big/index.js';
import { meetsDecimal } from './oracle.js';

interface Row { op: string; f: 'f64' | 'f32'; g: string; a: string[]; x?: string; r?: string; k?: string }
const PATH = fileURLToPath(new URL('../../../../../fixtures/mpmath/ops.jsonl', import.meta.url));
const lines = readFileSync(PATH, 'utf8').split('\n').filter((l) => l.trim() !== '');
const rows = lines.slice(1).map((l) => JSON.parse(l) as Row);
const NOT_PRIM = new Set(['maximum', 'minimum']); // lowered to comparisons by the evaluator, not ball ops

function floatOf(r: string): number {
  return r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r);
}

for (const prec of [24, 64, 128, 256]) {
  test(`ops.jsonl at ${prec} bits: every ball meets mpmath, certified floats are the correctly rounded ones`, (t) => {
    const stats = new Map<string, { n: number; certified: number; failed: number }>();
    let checked = 0;
    for (const row of rows) {
      if (NOT_PRIM.has(row.op) || row.a.some((a) => !Number.isFinite(Number(a)))) continue;
      const format = row.f === 'f64' ? 'float64' : 'float32';
      const res = bigOp(row.op as PrimOp, row.a.map((a) => bigFromDouble(Number(a))), prec);
      const where = `${row.op}(${row.a.join(', ')}) ${format} at ${prec} bits`;
      if (row.k === 'undefined' || row.k === 'infinite') {
        assert.ok(isFail(res), `${where}: ${row.k} but got a ball`);
        continue;
      }
      checked += 1;
      const key = `${row.op} ${format}${row.g === 'random' ? '' : ' ' + row.g}`;
      const s = stats.get(key) ?? { n: 0, certified: 0, failed: 0 };
      stats.set(key, s);
      s.n += 1;
      if (isFail(res)) {
        assert.notEqual(res.fail, 'domain', `${where}: defined (${row.x}) but got domain: ${res.reason}`);
        s.failed += 1;
        continue;
      }
      if (row.x === '0') assert.ok(bigSign(res) !== -1 && bigSign(res) !== 1, `${where}: misses 0`);
      else assert.ok(meetsDecimal(res, row.x!), `${where}: misses ${row.x}`);
      const got = bigRoundsTo(res, format);
      if (got !== undefined) {
        assert.equal(got, floatOf(row.r!), `${where}: certified ${got}, mpmath rounds to ${row.r}`);
        s.certified += 1;
      }
    }
    assert.ok(checked > 40000);
    // one diagnostic line per op and format: certified % per regime (random first)
    const byOp = new Map<string, string[]>();
    for (const [k, s] of [...stats.entries()].sort()) {
      const [op, format, regime] = k.split(' ');
      const line = byOp.get(`${op} ${format}`) ?? [];
      line.push(`${regime ?? 'random'} ${(100 * s.certified / s.n).toFixed(1)}%/${s.n}${s.failed ? ` (unknown ${s.failed})` : ''}`);
      byOp.set(`${op} ${format}`, line);
    }
    if (prec === 64 || prec === 128) for (const [k, parts] of byOp) t.diagnostic(`${prec} bits ${k.padEnd(20)} ${parts.join('  ')}`);
    if (prec === 128) {
      for (const [k, s] of stats) {
        if (k.includes(' ') && k.split(' ').length === 2) {
          assert.ok(s.certified >= 0.98 * s.n, `${k}: only ${s.certified} of ${s.n} random rows certified at 128 bits`);
        }
      }
    }
  });
}
