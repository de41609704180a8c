import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnose, diagnoseParallel, type FormSpec, type TruthCache } from '../../src/core/diagnose.js';
import { shareForms } from '../../src/core/share-forms.js';
import { closeTruthPool, warmTruthPool } from '../../src/backends/truth-pool.js';
import { STORY_FORMS } from '../../src/core/story.js';

const FORMS: FormSpec[] = [
  ...STORY_FORMS.slice(0, 2),
  { name: 'softplus', source: 'log(1+exp(x))' },
  { name: 'two', source: 'log(exp(x)+exp(y))' },
];
const OPTIONS = defaultScanOptions({ samples: 600 });
const withoutTime = <T extends { elapsedMs: number }>(r: T) => plain({ ...r, elapsedMs: 0 });
// a result that crossed threads has its records' prototypes (Object's, not null): what a report prints is the same
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

test('a scan whose forms are shared with a truth thread reports what a scan in one thread reports', async () => {
  await closeTruthPool();
  warmTruthPool();
  const shared = await diagnoseParallel(FORMS, OPTIONS, { backend: 'emulated', shareForms: true });
  await closeTruthPool();
  assert.deepEqual(withoutTime(shared), withoutTime(diagnose(FORMS, OPTIONS)));
});

test('the other thread takes every form this thread leaves, each once, and gives back what this thread would', async () => {
  await closeTruthPool();
  warmTruthPool();
  const cache: TruthCache = new Map();
  await diagnoseParallel(FORMS, OPTIONS, { backend: 'emulated' }, undefined, cache);
  const share = shareForms(FORMS, OPTIONS, cache, true)!;
  assert.ok(share, 'a kept pool takes a share');
  // this thread takes none: the other one must do them all
  const theirs = await share.results;
  await closeTruthPool();
  assert.deepEqual(theirs.map(([i]) => i), [0, 1, 2, 3]);
  const here = diagnose(FORMS, OPTIONS, { backend: 'emulated', keepSeries: true });
  for (const [i, form] of theirs) assert.deepEqual(plain(form), plain(here.forms[i]));
  assert.equal(shareForms(FORMS, OPTIONS, cache, false), undefined, 'no pool, no share');
});
