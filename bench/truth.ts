/**
 * The new truth engine's points/s on the bench points (value and derivative of the story loss and of
 * src/story.ts's stable form), to compare with bench/truth-vs-mpmath.py on the same points:
 *
 *     npx tsc -p tsconfig.json && node dist/bench/truth.js --points > /tmp/truth-points.json
 *     node dist/bench/truth.js; /usr/bin/python3 bench/truth-vs-mpmath.py /tmp/truth-points.json
 *     node dist/bench/truth.js --warm     # also a second pass over the same points
 *     node dist/bench/truth.js --form stable --format float32   # one form and/or format alone, in a fresh process
 */
import { groundTruth } from '../src/backends/truth/index.js';
import { compile } from '../src/graph/compile.js';
import { STORY_FORMS, STORY_REFERENCE } from '../src/core/story.js';
import { benchPoints } from './truth-points.js';

const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const formats = (['float64', 'float32'] as const).filter((f) => (option('--format') ?? f) === f);

if (process.argv.includes('--points')) {
  console.log(JSON.stringify(Object.fromEntries(formats.map((f) => [f, benchPoints(f)]))));
} else {
  const forms = [['story', STORY_REFERENCE], ['stable', STORY_FORMS.find((f) => f.name === 'stable')!.source]] as const;
  for (const [name, source] of forms.filter(([n]) => (option('--form') ?? n) === n)) {
    const graph = compile(source);
    for (const format of formats) {
      const xs = benchPoints(format);
      // the first pass is what a scan's first points cost (V8 compiles the engine's hot code meanwhile: about half
      // of a first pass's CPU); --warm adds a second pass over the same points, labelled as such
      for (const pass of process.argv.includes('--warm') ? ['', ' (again, warm)'] : ['']) {
        const unknown = { value: 0, grad: 0 };
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        for (const x of xs) {
          const t = groundTruth(graph, { x }, format);
          if (t.value.kind === 'unknown') unknown.value++;
          if (t.grad.x!.kind === 'unknown') unknown.grad++;
        }
        const s = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(c0);
        const cs = (cpu.user + cpu.system) / 1e6;
        console.log(`truth ${name} ${format}${pass}: ${xs.length} points in ${s.toFixed(2)} s = ${(xs.length / s).toFixed(0)} points/s`
          + ` (cpu ${cs.toFixed(2)} s = ${(xs.length / cs).toFixed(0)} points/s)`
          + ` (unknown: ${unknown.value} values, ${unknown.grad} derivatives)`);
      }
    }
  }
}
