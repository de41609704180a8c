/**
 * Speed of the BigInt ball library (a script, not a test): ns per op at 64, 128, 256 and 1024 bits, for exact
 * double arguments ("point") and for balls with a radius of about 2^-(prec-4) relative ("ball"), as the evaluator
 * passes them after the first op. Figures are CPU time per call (user + system), less sensitive than wall time to
 * other processes. Run: npx tsc -p tsconfig.json && node dist/bench/truth-big.js [CPU ms per cell] [op,op,...]
 */
import { bigFromDouble, bigOp, bigRoundsTo, isFail, type BigBall } from '../src/backends/truth/big/index.js';
import type { PrimOp } from '../src/backends/truth/prim.js';

const MS = Number(process.argv[2] ?? 150);
const ONLY = process.argv[3]?.split(','); // e.g. add,mul,div
const PRECS = [64, 128, 256, 1024];
const UNARY: [PrimOp, number[]][] = [
  ['exp', [0.7, -3.2, 12.5, 1e-3]],
  ['log', [0.7, 3.2, 12.5, 1e-3]],
  ['sqrt', [0.7, 3.2, 12.5, 1e-3]],
  ['expm1', [0.7, -3.2, 12.5, 1e-3]],
  ['log1p', [0.7, 3.2, 12.5, 1e-3]],
  ['sin', [0.7, -3.2, 12.5, 1e-3]],
  ['cos', [0.7, -3.2, 12.5, 1e-3]],
  ['tan', [0.7, -3.2, 12.5, 1e-3]],
  ['atan', [0.7, -3.2, 12.5, 1e-3]],
  ['tanh', [0.7, -3.2, 12.5, 1e-3]],
  ['sigmoid', [0.7, -3.2, 12.5, 1e-3]],
  ['softplus', [0.7, -3.2, 12.5, 1e-3]],
  ['asin', [0.7, -0.2, 0.5, 1e-3]],
  ['erf', [0.7, -3.2, 1.5, 1e-3]],
];
const BINARY: [PrimOp, [number, number][]][] = [
  ['add', [[0.7, 3.2], [1e-3, -12.5], [1.5, 2.25], [-0.1, 0.3]]],
  ['mul', [[0.7, 3.2], [1e-3, -12.5], [1.5, 2.25], [-0.1, 0.3]]],
  ['div', [[0.7, 3.2], [1e-3, -12.5], [1.5, 2.25], [-0.1, 0.3]]],
  ['pow', [[0.7, 3.2], [1e-3, 2.5], [1.5, -2.25], [10.1, 0.3]]],
  ['atan2', [[0.7, 3.2], [1e-3, -12.5], [1.5, 2.25], [-0.1, 0.3]]],
];

/** The argument as a ball of relative radius about 2^-(prec - 4), rounded to prec bits like an op result. */
function asBall(x: number, prec: number): BigBall {
  const r = bigOp('mul', [bigFromDouble(x), bigFromDouble(1 + 2 ** -40)], prec);
  if (isFail(r)) throw new Error(r.reason);
  const e = r.e + BigInt(r.m.toString(2).length) - BigInt(prec - 4);
  return { m: r.m, e: r.e, r: 1n, re: e };
}

/** CPU time (user + system) per call, so that other processes on a shared machine inflate it less than wall time. */
function nsPerOp(run: (i: number) => unknown): number {
  for (let i = 0; i < 200; i++) run(i); // warm up
  let n = 0;
  const c0 = process.cpuUsage();
  let us = 0;
  while (us < MS * 1000) {
    for (let i = 0; i < 50; i++) run(n + i);
    n += 50;
    const c = process.cpuUsage(c0);
    us = c.user + c.system;
  }
  return (us * 1e3) / n;
}

const rows: string[][] = [['op', 'args', ...PRECS.map((p) => `${p} bits`)]];
const cell = (ns: number) => (ns >= 1e5 ? `${(ns / 1e3).toFixed(0)} us` : `${(ns / 1e3).toFixed(2)} us`);
for (const kind of ['point', 'ball'] as const) {
  for (const [op, xs] of UNARY) {
    if (ONLY !== undefined && !ONLY.includes(op)) continue;
    const row: string[] = [op, kind];
    for (const prec of PRECS) {
      const args = xs.map((x) => [kind === 'point' ? bigFromDouble(x) : asBall(x, prec)]);
      row.push(cell(nsPerOp((i) => bigOp(op, args[i & 3]!, prec))));
    }
    rows.push(row);
  }
  for (const [op, ps] of BINARY) {
    if (ONLY !== undefined && !ONLY.includes(op)) continue;
    const row: string[] = [op, kind];
    for (const prec of PRECS) {
      const args = ps.map(([a, b]) => (kind === 'point' ? [bigFromDouble(a), bigFromDouble(b)] : [asBall(a, prec), asBall(b, prec)]));
      row.push(cell(nsPerOp((i) => bigOp(op, args[i & 3]!, prec))));
    }
    rows.push(row);
  }
}
{
  const row: string[] = ['bigRoundsTo', 'ball'];
  for (const prec of PRECS) {
    const bs = [0.7, -3.2, 12.5, 1e-3].map((x) => asBall(x, prec));
    row.push(cell(nsPerOp((i) => bigRoundsTo(bs[i & 3]!, 'float64'))));
  }
  rows.push(row);
}
const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
for (const r of rows) console.log(r.map((c, j) => (j < 2 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  '));
