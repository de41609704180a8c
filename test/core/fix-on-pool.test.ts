import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnoseParallel, type FormSpec, type TruthCache } from '../../src/core/diagnose.js';
import { attachFixes, fixesAsFormsArrive, fixSearch, type RunFix } from '../../src/repair/attach.js';
import { fixOnPool } from '../../src/repair/fix-task.js';
import { closeTruthPool, runOnPool, warmTruthPool } from '../../src/backends/truth-pool.js';
import { restoreCache, snapshotCache, storeOf } from '../../src/core/sample-truths.js';
import { compile } from '../../src/graph/compile.js';
import { STORY_FORMS } from '../../src/core/story.js';

const FORMS: FormSpec[] = [
  { name: 'naive', source: '1/(1-exp(-x)) - 1/x' },
  { name: 'softplus', source: 'log(1+exp(x))' },
  { name: 'fine', source: 'x + 1' },
];
const OPTIONS = defaultScanOptions({ samples: 600 });
const withoutTime = <T extends { elapsedMs: number }>(r: T) => ({ ...r, elapsedMs: 0 });

test('fix searches started as each form is analysed, on the pool threads, give the fix lines searched here after the scan', async () => {
  await closeTruthPool();
  warmTruthPool();
  const cache: TruthCache = new Map();
  const sent: string[] = [];
  const counting: RunFix = (search, truths) => {
    const line = fixOnPool(search, truths);
    if (line) sent.push(search.expr);
    return line;
  };
  const early = fixesAsFormsArrive(OPTIONS, () => ({ backend: 'emulated', truthCache: cache }), counting);
  const scanned = await diagnoseParallel(FORMS, OPTIONS, { backend: 'emulated', onForm: early.onForm, onCounts: early.onCounts }, undefined, cache);
  const onPool = await attachFixes(scanned, { backend: 'emulated', truthCache: cache }, undefined, undefined, early);
  await closeTruthPool();
  // a form with nothing to fix gets no search; the others went to the pool threads
  assert.deepEqual(sent, ['1/(1-exp(-x)) - 1/x', 'log(1+exp(x))']);
  const here = await attachFixes(await diagnoseParallel(FORMS, OPTIONS), { backend: 'emulated' });
  await closeTruthPool();
  assert.deepEqual(withoutTime(onPool), withoutTime(here));
  assert.ok(onPool.forms[0]!.fix?.expr, 'the story\'s naive form has a proved fix');
  assert.equal(onPool.forms[2]!.fix, undefined);
});

test('a task runs on a kept pool thread; its error comes back as a rejection; without a pool it is left to the caller', async () => {
  await closeTruthPool();
  const module = new URL('../../src/repair/fix-task.js', import.meta.url);
  assert.equal(runOnPool(module, 'fixSearchTask', {}), undefined);
  warmTruthPool();
  await assert.rejects(runOnPool(module, 'noSuchExport', {})!, /not a function/);
  const line = await runOnPool<{ expr: string | null; note?: string }>(module, 'fixSearchTask', {
    search: { expr: '1/(', options: defaultScanOptions({ samples: 64 }), tol: { value: 16, grad: 64 } },
    truths: [],
  })!;
  assert.equal(line.expr, null);
  assert.deepEqual(line, await fixSearch({ expr: '1/(', options: defaultScanOptions({ samples: 64 }), tol: { value: 16, grad: 64 } }), 'a malformed expression gives the note it gives here');
  await closeTruthPool();
});

test('a truth cache sent to another thread continues there: the same rows and truths, new points certified from its expression', () => {
  const graph = compile('exp(x) - 1');
  const cache: TruthCache = new Map();
  const store = storeOf(cache, graph, ['x'], 'float64', 1200);
  const rows = [1e-20, 0.5, -3].map((x) => store.rowAt({ x }));
  const copy = structuredClone(snapshotCache(cache));
  const restored = restoreCache(copy).values().next().value!;
  for (const [k, x] of [1e-20, 0.5, -3].entries()) {
    assert.equal(restored.rowOf(x), rows[k]);
    assert.deepEqual(restored.value(rows[k]!, 0), store.value(rows[k]!, 0));
  }
  // expm1(1e-20) = 1e-20 (hand math: the next term is 5e-41); d/dx exp(x) - 1 at 2 is e^2 = 7.389056098930650227...
  assert.deepEqual(restored.value(restored.rowOf(1e-20)!, 0), { kind: 'finite', value: 1e-20 });
  const fresh = restored.rowAt({ x: 2 });
  assert.equal(fresh, 3);
  assert.deepEqual(restored.value(fresh, 1), { kind: 'finite', value: 7.38905609893065 });
});

test('a form whose every result is ok (errors in ULPs only within atol) gets no fix search', async () => {
  const stable = STORY_FORMS.find((f) => f.name === 'stable')!;
  const scanned = await diagnoseParallel([stable], OPTIONS);
  await closeTruthPool();
  const results = scanned.forms[0]!.results;
  assert.ok(results.every((r) => r.nan + r.inf + r.inaccurate === 0), 'the stable form is ok throughout');
  assert.ok(results.some((r) => r.maxUlps > 64), 'tiny values far off in ULPs, within atol (what used to start a search)');
  const fixed = await attachFixes(scanned, { backend: 'emulated' });
  assert.equal(fixed.forms[0]!.fix, undefined);
});
