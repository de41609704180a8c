/**
 * Where the truth's time goes on the bench points, by class of point (warm: after one pass over them), and how many
 * of each class reached the BigInt balls (and at which precisions):
 *
 *     npx tsc -p tsconfig.json && node dist/bench/truth-classes.js [float32|float64] [story|stable]
 */
import { groundTruth } from '../src/backends/truth/index.js';
import { BigBalls } from '../src/backends/truth/quick-balls.js';
import { compile } from '../src/graph/compile.js';
import { STORY_FORMS, STORY_REFERENCE } from '../src/core/story.js';
import { benchPoints } from './truth-points.js';

const format = process.argv[2] === 'float64' ? 'float64' : 'float32';
const source = process.argv[3] === 'stable' ? STORY_FORMS.find((f) => f.name === 'stable')!.source : STORY_REFERENCE;
const graph = compile(source);
const xs = benchPoints(format);

// instrumentation for this script only: the precisions of the BigInt ops a point used
let precisions: number[] = [];
const op = BigBalls.prototype.op;
BigBalls.prototype.op = function (this: BigBalls, ...args: Parameters<typeof op>) {
  precisions.push(this.key);
  return op.apply(this, args);
};

const classOf = (x: number): string => (x === 0 ? 'x = 0' : Math.abs(x) < 1e-8 ? '|x| < 1e-8' : Math.abs(x) < 1 ? '|x| < 1'
  : x < -800 ? 'x < -800' : x > 800 ? 'x > 800' : '1 <= |x| <= 800');

for (const x of xs) groundTruth(graph, { x }, format);
const stats = new Map<string, { n: number; us: number; big: Map<string, number> }>();
for (const x of xs) {
  precisions = [];
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < 5; r++) groundTruth(graph, { x }, format);
  const us = Number(process.hrtime.bigint() - t0) / 5000;
  const s = stats.get(classOf(x)) ?? { n: 0, us: 0, big: new Map() };
  stats.set(classOf(x), s);
  s.n++;
  s.us += us;
  const key = [...new Set(precisions)].join('+') || 'none';
  s.big.set(key, (s.big.get(key) ?? 0) + 1);
}
const total = [...stats.values()].reduce((t, s) => t + s.us, 0);
for (const [c, s] of stats) {
  const big = [...s.big].map(([k, n]) => `${k}: ${n}`).join(', ');
  console.log(`${c.padEnd(16)} ${String(s.n).padStart(5)} points  ${(s.us / s.n).toFixed(1).padStart(7)} us/point  `
    + `${(100 * s.us / total).toFixed(1).padStart(5)}%  BigInt bits (points) ${big}`);
}
console.log(`${format} ${process.argv[3] === 'stable' ? 'stable' : 'story'}, warm: ${(xs.length / total * 1e6).toFixed(0)} points/s`);
