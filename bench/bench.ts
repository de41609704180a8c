/**
 * npm run bench: throughput of the float evaluators and of the ground truth, and the wall time of the default scan.
 * Figures vary by machine; the README quotes one run with the command.
 */
import { versusMpmath } from './versus-mpmath.js';
import { groundTruth } from '../src/backends/truth/index.js';
import { bufferPool, evaluateFloat } from '../src/backends/float.js';
import { opLoop } from '../src/backends/float-loops.js';
import { maySubnormal } from '../src/backends/float-subnormals.js';
import { flushOf, forwardKernel } from '../src/graph/frameworks/forward.js';
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
const forms = [STORY_FORMS[0]!, STORY_FORMS[4]!];

/**
 * `--ops`: where the float evaluator's time goes, per op of the two forms: each node's loop alone over the same
 * 200k points (its inputs from one evaluation), best of 5, in ns per element, summed by op.
 */
if (process.argv.includes('--ops')) {
  for (const format of ['float64', 'float32'] as const) {
    const byOp = new Map<string, { nodes: number; seconds: number }>();
    for (const form of forms) {
      const g = compile(form.source);
      const values = evaluateFloat(g, format, { x: xs });
      const may = maySubnormal(g, format);
      const out = format === 'float32' ? new Float32Array(N) : new Float64Array(N);
      for (const node of g.nodes) {
        if (node.op === 'const' || node.op === 'var') continue;
        const clean = node.inputs.reduce((bits, id, k) => (may[id] ? bits : bits | (1 << k)), 0);
        const loop = opLoop(forwardKernel(g.framework, node.op, format), node.inputs.length, flushOf(g.framework, node.op, format), format, clean);
        const [a, b, c] = node.inputs.map((i) => values[i]!);
        const s = Math.min(...[0, 1, 2, 3, 4].map(() => time(() => loop(out, a!, b, c, 0, N))[1]));
        const e = byOp.get(node.op) ?? { nodes: 0, seconds: 0 };
        byOp.set(node.op, { nodes: e.nodes + 1, seconds: e.seconds + s });
      }
    }
    const total = [...byOp.values()].reduce((t, e) => t + e.seconds, 0);
    console.log(`${format}: op loops of ${forms.map((f) => f.name).join(' and ')}, ${(total * 1000).toFixed(1)} ms in all`);
    for (const [op, e] of [...byOp].sort((p, q) => q[1].seconds - p[1].seconds)) {
      console.log(`  ${op.padEnd(12)} ${String(e.nodes).padStart(3)} nodes  ${((e.seconds / e.nodes / N) * 1e9).toFixed(2).padStart(6)} ns/element  ${(e.seconds * 1000).toFixed(2).padStart(6)} ms  ${((100 * e.seconds) / total).toFixed(1).padStart(5)}%`);
    }
  }
  process.exit(0);
}
const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));

for (const form of forms) {
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

// the target: at least 3x mpmath's points/s, value and derivative correctly rounded (fresh processes each)
const versus = versusMpmath();
if (versus) rows.push(...versus);
else rows.push(['truth vs mpmath: skipped (no /usr/bin/python3 with mpmath; apt-get install python3-mpmath)', '', '', '']);

const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
for (const r of rows) console.log(r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '));
