/**
 * Opt-in (FD_FULL_SWEEP=1): the 10^5-rows-per-operation sweep of fixtures/mpmath/sweep.py (generated, not committed:
 * see its docstring). For every row of every <op>.jsonl in FD_SWEEP_DIR (default /tmp/fd-sweep):
 * - the double-double ball of the op at the exact float arguments, when there is one, contains mpmath's 40-digit
 *   value (to within its last digit) and, when it rounds to one float, that is mpmath's correctly rounded float;
 * - the same for the BigInt balls at 64 and 128 bits;
 * - the whole engine (quick passes, then exact rationals, fast path, BigInt balls, certification) gives mpmath's
 *   kind, correctly rounded float and leading digits, never a wrong one ('unknown' is counted, not an error).
 * Prints one line per op: rows, and how many each library certified.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { bigFromDouble, bigOp, bigRoundsTo, bigSign, isFail } from '../../../src/backends/truth/big/index.js';
import { Builder } from '../../../src/backends/truth/build.js';
import { ddFromDouble, ddOp, ddRoundsTo } from '../../../src/backends/truth/fast/index.js';
import { truthOf } from '../../../src/backends/truth/ground-truth.js';
import { PGraph } from '../../../src/backends/truth/pgraph.js';
import type { Plan } from '../../../src/backends/truth/plan.js';
import type { PrimOp } from '../../../src/backends/truth/prim.js';
import type { Truth } from '../../../src/backends/truth.js';
import { leadingDigitsAgree, parseFloatText } from '../../helpers/mpmath-reference.js';
import { meetsDecimal } from './big/oracle.js';
import { ballContains, decimalTolerance, ratOfDecimal } from './fast/exact.js';

interface Row { op: string; f: 'f32' | 'f64'; g: string; a: string[]; k?: 'infinite' | 'undefined'; x?: string; r?: string }

const ON = process.env.FD_FULL_SWEEP === '1';
const DIR = process.env.FD_SWEEP_DIR ?? '/tmp/fd-sweep';
const files = ON && existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];
const NOT_BALL_OP = new Set(['maximum', 'minimum']); // comparisons in the engine, not ball ops

/** One op as a plan (ops like acosh have no graph op): the engine's whole pipeline at exact float arguments. */
function planOfOp(op: string, arity: number): Plan {
  const g = new PGraph();
  const b = new Builder(g);
  const names = Array.from({ length: arity }, (_, i) => `a${i}`);
  const args = names.map((name) => g.add({ k: 'var', name }));
  const value = NOT_BALL_OP.has(op) ? g.add({ k: op === 'maximum' ? 'max' : 'min', args }) : b.prim(op as PrimOp, ...args);
  return { g, value, grads: [], vars: names };
}

function engineWrong(row: Row, t: Truth): string | null {
  if (t.kind === 'unknown') return null;
  if (row.k === 'undefined') return t.kind === 'undefined' ? null : `want undefined, got ${JSON.stringify(t)}`;
  const want = parseFloatText(row.r!);
  if (row.k === 'infinite') return t.kind === 'infinite' && t.value === want ? null : `want infinite ${want}, got ${JSON.stringify(t)}`;
  if (t.kind !== 'finite' || t.value !== want) return `want ${row.r} (${row.x}), got ${JSON.stringify(t)}`;
  if (want !== 0 && Object.is(t.value, -want)) return `sign: want ${row.r}, got ${t.value}`;
  return leadingDigitsAgree(row.x!, t.decimal) === false ? `digits: want ${row.x}, got ${t.decimal}` : null;
}

test('the 10^5-per-op mpmath sweep (FD_FULL_SWEEP=1)', { skip: ON ? false : 'opt-in: FD_FULL_SWEEP=1 (fixtures/mpmath/sweep.py)' }, (t) => {
  assert.ok(files.length > 0, `no <op>.jsonl in ${DIR}: run fixtures/mpmath/sweep.py --out ${DIR}`);
  const wrong: string[] = [];
  let total = 0;
  const perOp = new Map<string, number>();
  for (const file of files) {
    const lines = readFileSync(join(DIR, file), 'utf8').split('\n');
    const rows = lines.slice(1).filter(Boolean).map((l) => JSON.parse(l) as Row);
    const op = rows[0]?.op ?? file;
    const plan = planOfOp(op, rows[0]?.a.length ?? 1);
    const c = { rows: rows.length, dd: 0, big64: 0, big128: 0, engine: 0, unknown: 0 };
    const started = process.cpuUsage();
    for (const row of rows) {
      const format = row.f === 'f64' ? 'float64' : 'float32';
      const args = row.a.map(parseFloatText);
      const where = `${op}(${row.a.join(', ')}) ${format} ${row.g}`;
      const note = (why: string) => wrong.length < 200 && wrong.push(`${where}: ${why}`);
      if (!NOT_BALL_OP.has(op) && args.every(Number.isFinite)) {
        const dd = ddOp(op as PrimOp, args.map(ddFromDouble));
        if (row.k !== undefined) {
          if (dd !== null) note(`${row.k}, yet a double-double ball ${JSON.stringify(dd)}`);
        } else if (dd !== null) {
          if (!ballContains(dd, ratOfDecimal(row.x!), decimalTolerance(row.x!))) note(`${row.x} not in ${JSON.stringify(dd)}`);
          const got = ddRoundsTo(dd, format);
          if (got !== undefined) {
            c.dd++;
            if (got !== parseFloatText(row.r!)) note(`double-double rounds to ${got}, mpmath ${row.r}`);
          }
        }
        for (const prec of [64, 128]) {
          const big = bigOp(op as PrimOp, args.map((a) => bigFromDouble(a)), prec);
          if (row.k !== undefined) {
            if (!isFail(big)) note(`${row.k}, yet a ${prec}-bit ball`);
            continue;
          }
          if (isFail(big)) continue;
          const meets = row.x === '0' ? bigSign(big) !== -1 && bigSign(big) !== 1 : meetsDecimal(big, row.x!);
          if (!meets) note(`${prec}-bit ball misses ${row.x}`);
          const got = bigRoundsTo(big, format);
          if (got !== undefined) {
            if (prec === 64) c.big64++;
            else c.big128++;
            if (got !== parseFloatText(row.r!)) note(`${prec}-bit ball rounds to ${got}, mpmath ${row.r}`);
          }
        }
      }
      const truth = truthOf(plan, Object.fromEntries(args.map((a, i) => [`a${i}`, a])), format, {})[0]!;
      if (truth.kind === 'unknown') c.unknown++;
      else c.engine++;
      const why = engineWrong(row, truth);
      if (why) note(`engine: ${why}`);
    }
    total += rows.length;
    perOp.set(op, (perOp.get(op) ?? 0) + rows.length);
    const cpu = process.cpuUsage(started);
    t.diagnostic(`${op.padEnd(10)} ${c.rows} rows: engine ${c.engine} answered (${c.unknown} unknown); certified by `
      + `double-double ${c.dd}, 64-bit ${c.big64}, 128-bit ${c.big128}; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu`);
  }
  t.diagnostic(`${total} rows in ${files.length} files; rows per op: ${[...perOp].map(([op, n]) => `${op} ${n}`).join(', ')}`);
  assert.deepEqual(wrong, []);
});
