/**
 * Where the default scan's analysis goes, form by form (after the truths, in one process, without the fix search):
 * the time before each progress message of diagnoseParallel, i.e. the previous step's time.
 *
 *     npx tsc -p tsconfig.json && node dist/bench/scan-phases.js
 */
import { closeTruthPool, warmTruthPool } from '../src/backends/truth-pool.js';
import { defaultScanOptions, diagnoseParallel } from '../src/core/diagnose.js';
import { STORY_FORMS } from '../src/core/story.js';

warmTruthPool();
const steps: [string, number][] = [];
let last = performance.now();
const mark = (label: string) => {
  const now = performance.now();
  steps.push([label, now - last]);
  last = now;
};
await diagnoseParallel(STORY_FORMS, defaultScanOptions(), { backend: 'emulated', progress: (m) => mark(`until "${m}"`) });
mark('until the report');
await closeTruthPool();
for (const [label, ms] of steps) console.log(`${ms.toFixed(0).padStart(6)} ms  ${label}`);
