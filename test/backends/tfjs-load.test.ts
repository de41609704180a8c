import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { loadTfjs } from '../../src/backends/tfjs/load.js';

const require = createRequire(import.meta.url);
const tfjsVersion = (JSON.parse(readFileSync(require.resolve('@tensorflow/tfjs/package.json'), 'utf8')) as { version: string }).version;

function tfjsNodeInstalled(): boolean {
  try {
    require.resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}
const NO_TFJS_NODE = tfjsNodeInstalled() ? false : '@tensorflow/tfjs-node is not installed (optional: its install downloads libtensorflow)';

test('without tfjs-node, auto falls back to the cpu backend and says why', { skip: NO_TFJS_NODE === false ? 'tfjs-node is installed here' : false }, async () => {
  const rt = await loadTfjs();
  assert.equal(rt.backend, 'cpu');
  assert.equal(rt.tf.getBackend(), 'cpu');
  assert.equal(rt.fallbackReason, '@tensorflow/tfjs-node is not installed');
  assert.equal(rt.versions.tfjs, tfjsVersion);
  assert.equal(rt.versions.tfjsNode, undefined);
});

test('cpu on request: no fallback reason, cpu backend active', async () => {
  const rt = await loadTfjs('cpu');
  assert.equal(rt.backend, 'cpu');
  assert.equal(rt.tf.getBackend(), 'cpu');
  assert.equal(rt.fallbackReason, undefined);
  assert.equal(rt.versions.tfjs, tfjsVersion);
});

test('with tfjs-node, auto runs the native tensorflow backend', { skip: NO_TFJS_NODE }, async () => {
  const rt = await loadTfjs();
  assert.equal(rt.backend, 'tensorflow');
  assert.equal(rt.tf.getBackend(), 'tensorflow');
  assert.equal(rt.fallbackReason, undefined);
  assert.match(rt.versions.tfjsNode ?? '', /^\d+\.\d+\.\d+/);
});

test('loading prints nothing (no TF.js banner, no warnings) and leaves console working', () => {
  // A fresh process: the banner appears once per process, on the backend's first tensor.
  const load = fileURLToPath(new URL('../../src/backends/tfjs/load.js', import.meta.url));
  const script = `
    const { loadTfjs } = await import(${JSON.stringify(load)});
    const rt = await loadTfjs();
    const x = rt.tf.tensor1d([1, 2]);
    console.log('sum=' + rt.tf.sum(x).dataSync()[0]);
    console.warn('warn still works');`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'sum=3\n');
  assert.equal(run.stderr, 'warn still works\n');
});
