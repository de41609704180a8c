/**
 * node dist/bench/truth-fast.js: nanoseconds per op of the double-double ball fast path (src/backends/truth/fast),
 * through ddOp, on 4096 random argument balls per op (some with a lo part and a radius), and the points/s of a
 * value + derivative kernel of 1/(1 - exp(-x)) - 1/x certified to float64. Times are this process's CPU time
 * (process.cpuUsage), so other load on the machine inflates them less than wall time. Not a test.
 */
import { ddFromDouble, ddOp, ddRoundsTo, type DDBall } from '../src/backends/truth/fast/index.js';
import type { PrimOp } from '../src/backends/truth/prim.js';
import { createRng } from '../src/sample/rng.js';

const rng = createRng(11);
const cpuNs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};
const N = 4096;

function ball(x: number): DDBall {
  const r = rng();
  if (r < 0.4) return ddFromDouble(x);
  const lo = (rng() - 0.5) * Math.abs(x) * 2 ** -53;
  return { hi: x, lo, rad: r < 0.7 ? 0 : Math.abs(x) * 2 ** -70 };
}
const uni = (a: number, b: number) => (): number => a + (b - a) * rng();
const logu = (a: number, b: number, signed = true) => (): number =>
  (signed && rng() < 0.5 ? -1 : 1) * 2 ** (a + (b - a) * rng());

const DOMAINS: ReadonlyArray<[PrimOp, ReadonlyArray<() => number>]> = [
  ['add', [logu(-30, 30), logu(-30, 30)]], ['sub', [logu(-30, 30), logu(-30, 30)]],
  ['mul', [logu(-30, 30), logu(-30, 30)]], ['div', [logu(-30, 30), logu(-30, 30)]],
  ['neg', [logu(-30, 30)]], ['abs', [logu(-30, 30)]], ['square', [logu(-30, 30)]], ['reciprocal', [logu(-30, 30)]],
  ['sqrt', [logu(-30, 30, false)]], ['exp', [uni(-300, 300)]], ['expm1', [uni(-2, 2)]], ['log', [logu(-30, 30, false)]],
  ['log1p', [uni(-0.5, 2)]], ['sigmoid', [uni(-30, 30)]], ['softplus', [uni(-30, 30)]], ['tanh', [uni(-10, 10)]],
  ['sinh', [uni(-10, 10)]], ['cosh', [uni(-10, 10)]], ['atan', [logu(-10, 10)]], ['asin', [uni(-1, 1)]],
  ['acos', [uni(-1, 1)]], ['atan2', [logu(-10, 10), logu(-10, 10)]], ['sin', [uni(-100, 100)]], ['cos', [uni(-100, 100)]],
  ['tan', [uni(-100, 100)]], ['pow', [logu(-5, 5, false), uni(-10, 10)]], ['hypot', [logu(-10, 10), logu(-10, 10)]],
  ['log2', [logu(-30, 30, false)]], ['log10', [logu(-30, 30, false)]], ['asinh', [logu(-10, 10)]],
  ['acosh', [() => 1 + 2 ** (-10 + 20 * rng())]], ['atanh', [uni(-1, 1)]], ['erf', [uni(-5, 5)]], ['erfc', [uni(-3, 20)]],
];

const rows: string[] = [];
let sink = 0;
for (const [op, gens] of DOMAINS) {
  const inputs = Array.from({ length: N }, () => gens.map((g) => ball(g())));
  let answered = 0;
  for (const a of inputs) if (ddOp(op, a) !== null) answered++;
  let reps = 1;
  let ns = 0;
  for (;;) {
    const t0 = cpuNs();
    for (let r = 0; r < reps; r++) for (let i = 0; i < N; i++) sink += ddOp(op, inputs[i]!)?.hi ?? 0;
    const dt = cpuNs() - t0;
    if (dt > 2e8) { ns = dt / (reps * N); break; }
    reps *= 2;
  }
  rows.push(`${op.padEnd(11)}${ns.toFixed(0).padStart(7)} ns/op   answered ${(answered / N * 100).toFixed(1)}%`);
}
console.log(rows.join('\n'));

// value and derivative of f(x) = 1/(1 - exp(-x)) - 1/x: f' = -e / (1 - e)^2 + 1/x^2 with e = exp(-x).
const ONE = ddFromDouble(1);
function kernel(x: DDBall): [number | undefined, number | undefined] {
  const e = ddOp('exp', [ddOp('neg', [x])!]);
  if (e === null) return [undefined, undefined];
  const d = ddOp('sub', [ONE, e]);
  const a = d && ddOp('reciprocal', [d]);
  const b = ddOp('reciprocal', [x]);
  const f = a && b && ddOp('sub', [a, b]);
  const a2 = a && ddOp('square', [a]);
  const g1 = a2 && ddOp('mul', [e, a2]);
  const b2 = b && ddOp('square', [b]);
  const g = g1 && b2 && ddOp('sub', [b2, g1]);
  return [f ? ddRoundsTo(f, 'float64') : undefined, g ? ddRoundsTo(g, 'float64') : undefined];
}
const xs = Array.from({ length: N }, () => ddFromDouble((rng() < 0.5 ? -1 : 1) * 2 ** (-20 + 28 * rng())));
let certified = 0;
for (const x of xs) { const [f, g] = kernel(x); if (f !== undefined && g !== undefined) certified++; }
let reps = 1;
for (;;) {
  const t0 = cpuNs();
  for (let r = 0; r < reps; r++) for (const x of xs) sink += kernel(x)[0] ?? 0;
  const dt = cpuNs() - t0;
  if (dt > 5e8) {
    console.log(`kernel 1/(1-exp(-x)) - 1/x, value + derivative to float64: ${(reps * N / (dt / 1e9)).toFixed(0)} points/s, ` +
      `both certified at ${(certified / N * 100).toFixed(1)}% of points`);
    break;
  }
  reps *= 2;
}
if (sink === 42) console.log('');
