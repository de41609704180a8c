import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorOf, symlog } from '../../src/report/symlog.js';
import { frameOf, thinByCell, thinByX, type ThinTarget } from '../../src/report/thin.js';
import { runCli } from '../helpers/cli.js';

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** x over many decades and both signs; outcomes in runs (NaN below -88, inf above 88, scattered inaccurate). */
function samples(n: number, seed: number): { xs: number[]; targets: ThinTarget[] } {
  const r = rng(seed);
  const xs = Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1) * 10 ** (r() * 80 - 40));
  const target = (shift: number): ThinTarget => {
    const outcome = xs.map((x) => (x < -88 + shift ? 'nan' : x > 88 + shift ? 'inf' : r() < 0.05 ? 'inaccurate' : Math.abs(x - 1) < 1e-3 ? 'nan' : 'ok'));
    return {
      outcome,
      result: xs.map((x, i) => (outcome[i] === 'nan' ? NaN : outcome[i] === 'inf' ? Infinity : Math.sin(x) * x)),
      bits: outcome.map((o) => (o === 'ok' ? r() * 4 : o === 'inaccurate' ? 10 + r() * 20 : 32)),
    };
  };
  return { xs, targets: [target(0), target(5)] };
}

/** The browser's shading: runs of NaN or inf along x (html-script.ts spansOf). */
function spans(xs: number[], outcome: string[]): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  for (let i = 0; i < xs.length;) {
    const o = outcome[i]!;
    if (o !== 'nan' && o !== 'inf') { i++; continue; }
    let j = i;
    while (j + 1 < xs.length && outcome[j + 1] === o) j++;
    out.push([xs[i]!, xs[j]!, o]);
    i = j + 1;
  }
  return out;
}

for (const seed of [1, 2, 3]) {
  test(`thinByX (seed ${seed}): every NaN/inf band, each target's extremes and each bucket's range survive; far fewer points`, () => {
    const { xs, targets } = samples(20_000, seed);
    const buckets = 300;
    const full = xs.map((_x, i) => i).sort((a, b) => xs[a]! - xs[b]!);
    const kept = thinByX(xs, targets, buckets);
    assert.ok(kept.length < full.length / 3, `${kept.length} of ${full.length}`);
    for (let k = 1; k < kept.length; k++) assert.ok(xs[kept[k - 1]!]! <= xs[kept[k]!]!, 'sorted by x');
    for (const t of targets) {
      assert.deepEqual(spans(kept.map((i) => xs[i]!), kept.map((i) => t.outcome[i]!)), spans(full.map((i) => xs[i]!), full.map((i) => t.outcome[i]!)));
      for (const series of [t.result, t.bits]) {
        const range = (idx: number[]) => {
          const ys = idx.map((i) => series[i]!).filter(Number.isFinite);
          return ys.length ? [Math.min(...ys), Math.max(...ys)] : [];
        };
        assert.deepEqual(range(kept), range(full));
        // per bucket of the signed log axis (computed here from its definition)
        const floor = floorOf(xs);
        const t0 = symlog(xs[full[0]!]!, floor), t1 = symlog(xs[full.at(-1)!]!, floor);
        const bucket = (i: number) => Math.min(buckets - 1, Math.floor(((symlog(xs[i]!, floor) - t0) / (t1 - t0)) * buckets));
        for (let b = 0; b < buckets; b += 17) {
          assert.deepEqual(range(kept.filter((i) => bucket(i) === b)), range(full.filter((i) => bucket(i) === b)), `bucket ${b}`);
        }
      }
    }
  });
}

test('thinByX keeps everything when there are few samples', () => {
  const { xs, targets } = samples(1000, 4);
  assert.equal(thinByX(xs, targets, 300).length, 1000);
});

/** The browser's heatmap grid (html-script.ts heatmap): worst outcome per cell, the frame from the points given. */
function grid(points: Array<{ x: number; y: number; outcome: string[] }>, n: number): Map<number, number> {
  const RANK: Record<string, number> = { ok: 0, unknown: 1, inaccurate: 2, inf: 3, nan: 4 };
  const fx = floorOf(points.map((p) => p.x)), fy = floorOf(points.map((p) => p.y));
  const tx = points.map((p) => symlog(p.x, fx)), ty = points.map((p) => symlog(p.y, fy));
  const lo = [Math.min(...tx), Math.min(...ty)], hi = [Math.max(...tx), Math.max(...ty)];
  const out = new Map<number, number>();
  points.forEach((p, i) => {
    const cx = Math.min(n - 1, Math.floor(((tx[i]! - lo[0]!) / (hi[0]! - lo[0]!)) * n));
    const cy = Math.min(n - 1, Math.floor(((ty[i]! - lo[1]!) / (hi[1]! - lo[1]!)) * n));
    for (const o of p.outcome) out.set(cy * n + cx, Math.max(out.get(cy * n + cx) ?? 0, RANK[o]!));
  });
  return out;
}

test('thinByCell: the browser\'s 48 x 48 heatmap from the kept samples is the one from all of them', () => {
  const r = rng(7);
  const n = 30_000;
  const xs = Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1) * 10 ** (r() * 60 - 30));
  const ys = Array.from({ length: n }, () => (r() < 0.5 ? -1 : 1) * 10 ** (r() * 60 - 30));
  // x*y overflows float32 (|x y| > 3.4e38): inf; a scattered inaccurate result elsewhere
  const outcomes = [xs.map((x, i) => (Math.abs(x * ys[i]!) > 3.4e38 ? 'inf' : r() < 0.01 ? 'inaccurate' : 'ok'))];
  const kept = thinByCell(xs, ys, outcomes, 96, frameOf(xs, ys));
  assert.ok(kept.length < n / 2, `${kept.length} of ${n}`);
  const all = xs.map((x, i) => ({ x, y: ys[i]!, outcome: outcomes.map((o) => o[i]!) }));
  assert.deepEqual(grid(kept.map((i) => all[i]!), 48), grid(all, 48));
});

test('the story\'s default HTML report is well under 1 MB (it was 3.1 MB with every sample)', { timeout: 120_000 }, () => {
  const file = join(mkdtempSync(join(tmpdir(), 'f-diagnose-story-html-')), 'story.html');
  const r = runCli(['scan', '--backend', 'emulated', '--no-fix', '--format', 'html', '-o', file]);
  assert.equal(r.code, 0, r.stderr);
  const size = statSync(file).size;
  assert.ok(size < 700_000, `${size} bytes`);
});
