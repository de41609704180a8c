/**
 * npm run bench: throughput of the float evaluators and of the ground truth, and the wall time of the default scan.
 * Figures vary by machine; the README quotes one run with the command.
 */
import { groundTruth } from '../src/backends/truth/index.js';
import { bufferPool, evaluateFloat } from '../src/backends/float.js';
import { loadTfjs } from '../src/backends/tfjs/load.js';
import { compile } from '../src/graph/compile.js';
import { defaultScanOptions, diagnose, diagnoseParallel } from '../src/core/diagnose.js';
import { createRng } from '../src/sample/rng.js';
import { STORY_FORMS, STORY_REFERENCE } from '../src/core/story.js';

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

const rng = createRng(7);
const N = 200_000;
const xs = Float64Array.from({ length: N }, () => (rng() < 0.5 ? -1 : 1) * Math.exp(-40 + 120 * rng()));
const rows: string[][] = [['what', 'points', 'seconds', 'points/s']];
const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));

for (const form of [STORY_FORMS[0]!, STORY_FORMS[4]!]) {
  const g = compile(form.source);
  const ops = g.nodes.filter((n) => n.op !== 'const' && n.op !== 'var').length;
  for (const format of ['float64', 'float32'] as const) {
    evaluateFloat(g, format, { x: xs.subarray(0, 1000) });
    const s = Math.min(...[0, 1, 2].map(() => time(() => evaluateFloat(g, format, { x: xs }))[1]));
    rows.push([`${format} value+gradient, ${form.name} (${g.nodes.length} nodes)`, String(N), s.toFixed(3), fmt(N / s)]);
    // op-evaluations/s (target: 100M), as the scan evaluates: node arrays from a pool, best of 3 (the first run also
    // compiles each op's loop); and per CPU-second, which a busy machine disturbs less than the wall clock
    const pool = bufferPool();
    let best = Infinity;
    let cpu = Infinity;
    for (let r = 0; r < 3; r++) {
      const c0 = process.cpuUsage();
      best = Math.min(best, time(() => evaluateFloat(g, format, { x: xs }, undefined, 1, pool))[1]);
      const c = process.cpuUsage(c0);
      cpu = Math.min(cpu, (c.user + c.system) / 1e6);
    }
    rows.push([`  op-evaluations/s, pooled arrays (${ops} ops x ${fmt(N)} points)`, String(N * ops), best.toFixed(3), fmt((N * ops) / best)]);
    rows.push([`  op-evaluations per CPU-second, pooled arrays`, String(N * ops), cpu.toFixed(3), fmt((N * ops) / cpu)]);
  }
}

const ref = compile(STORY_REFERENCE);
for (const format of ['float64', 'float32'] as const) {
  const M = 2000;
  const pts = Array.from(xs.subarray(0, M), (x) => (format === 'float32' ? Math.fround(x) : x));
  const [, s] = time(() => pts.forEach((x) => groundTruth(ref, { x }, format)));
  rows.push([`truth (value + derivative), ${format}`, String(M), s.toFixed(3), fmt(M / s)]);
}

async function timeAsync<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}
const options = defaultScanOptions();
const [, oneThread] = time(() => diagnose(STORY_FORMS, options, { backend: 'emulated' }));
rows.push(['default scan, 5 forms x 2 precisions, emulator, truth in one thread', '', oneThread.toFixed(2), '']);
const parallel = await timeAsync(() => diagnoseParallel(STORY_FORMS, options, { backend: 'emulated' }));
rows.push(['default scan, emulator, truth on all cores', '', parallel.toFixed(2), '']);
const tfjs = await loadTfjs();
const both = await timeAsync(() => diagnoseParallel(STORY_FORMS, options, { backend: 'both', tfjs }));
rows.push([`default scan as the CLI runs it: + TF.js cross-check (${tfjs.backend} backend)`, '', both.toFixed(2), '']);

const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));
