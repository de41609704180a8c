import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnose, diagnoseParallel, type FormSpec, type TruthCache } from '../../src/core/diagnose.js';
import { attachFixes } from '../../src/repair/attach.js';
import { closeTruthPool, warmTruthPool } from '../../src/backends/truth-pool.js';

const FORMS: FormSpec[] = [
  { name: 'naive', source: '1/(1-exp(-x)) - 1/x' },
  { name: 'question', source: 'where(abs(x) < 0.1, 0.5 + x/12, 1/(1-exp(-x)) - 1/x)', reference: { source: '1/(1-exp(-x)) - 1/x' } },
];
// 600 samples per format: enough for the truth pool (its packed, chunked path), small enough to be quick
const OPTIONS = defaultScanOptions({ samples: 600 });
const withoutTime = <T extends { elapsedMs: number }>(r: T) => ({ ...r, elapsedMs: 0 });

test('the pool\'s packed truths give the report the in-thread truths give', async () => {
  const pooled = await diagnoseParallel(FORMS, OPTIONS);
  const inThread = diagnose(FORMS, OPTIONS);
  assert.deepEqual(withoutTime(pooled), withoutTime(inThread));
});

test('a second scan with the same truth cache certifies nothing again and reports the same', async () => {
  const cache: TruthCache = new Map();
  const stages: string[] = [];
  const first = await diagnoseParallel(FORMS, OPTIONS, { backend: 'emulated' }, (_f, stage) => stages.push(stage), cache);
  assert.ok(stages.includes('certifying the truths'), 'the first scan certifies on the pool');
  stages.length = 0;
  const again = await diagnoseParallel(FORMS, OPTIONS, { backend: 'emulated' }, (_f, stage) => stages.push(stage), cache);
  assert.ok(!stages.includes('certifying the truths'), `nothing to certify the second time: ${stages.join(', ')}`);
  assert.deepEqual(withoutTime(again), withoutTime(first));
});

test('the fix search reports its progress form by form, from 0 to 1', async () => {
  const report = await diagnoseParallel(FORMS, defaultScanOptions({ samples: 128 }));
  const seen: [number, string][] = [];
  await attachFixes(report, { backend: 'emulated' }, undefined, (f, stage) => seen.push([f, stage]));
  assert.deepEqual(seen.map(([, s]) => s), ['fixing naive', 'fixing question', 'done']);
  assert.deepEqual(seen.map(([f]) => f), [0, 0.5, 1]);
});

test('the kept truth pool serves scan after scan (different expressions each time), concurrent scans too, and closes', async () => {
  await closeTruthPool();
  warmTruthPool();
  const other: FormSpec[] = [{ name: 'softplus', source: 'log(1+exp(x))' }];
  // the same workers, sent new jobs: each scan's truths are its own expressions', as in-thread
  assert.deepEqual(withoutTime(await diagnoseParallel(FORMS, OPTIONS)), withoutTime(diagnose(FORMS, OPTIONS)));
  assert.deepEqual(withoutTime(await diagnoseParallel(other, OPTIONS)), withoutTime(diagnose(other, OPTIONS)));
  // two at once: the second starts its own workers while the kept ones are busy
  const [a, b] = await Promise.all([diagnoseParallel(other, OPTIONS), diagnoseParallel(FORMS, OPTIONS)]);
  assert.deepEqual(withoutTime(a), withoutTime(diagnose(other, OPTIONS)));
  assert.deepEqual(withoutTime(b), withoutTime(diagnose(FORMS, OPTIONS)));
  await closeTruthPool();
  assert.deepEqual(withoutTime(await diagnoseParallel(other, OPTIONS)), withoutTime(diagnose(other, OPTIONS)));
  await closeTruthPool();
});
