import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

const QUICK = ['-n', '16', '--backend', 'emulated', '--verbose'];
const corpus = readdirSync(new URL('../../../fixtures/losses/', import.meta.url)).filter((f) => f.endsWith('.py')).sort();

test('the loss corpus: at least 10 files', () => assert.ok(corpus.length >= 10, corpus.join(', ')));

for (const file of corpus) {
  test(`scan fixtures/losses/${file}: every function lowers and is scanned`, () => {
    const r = runCli(['scan', `fixtures/losses/${file}`, ...QUICK]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`== fixtures/losses/${file.replace('.', '\\.')}::\\w+`));
    assert.doesNotMatch(r.stderr, /error/);
  });
}

test('scan FILE.py: one form per function, named FILE.py::NAME', () => {
  const r = runCli(['scan', 'fixtures/losses/losses.py', ...QUICK]);
  assert.equal(r.code, 0, r.stderr);
  const forms = [...r.stdout.matchAll(/^== (\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(forms, ['_safe_log', 'bce', 'softplus_loss', 'gaussian_nll'].map((n) => `fixtures/losses/losses.py::${n}`));
  assert.match(r.stderr, /note: fixtures\/losses\/losses\.py: imports numpy, which has no gradients of its own: the gradient rules are --framework's \(default tf\)/);
});

test('scan FILE.py::NAME --format json: one form; the batch mean is noted on stderr with its place', () => {
  const r = runCli(['scan', 'fixtures/losses/focal.py::focal_loss', '-n', '16', '--backend', 'emulated', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { forms: { name: string; vars: string[] }[] };
  assert.deepEqual(report.forms.map((f) => f.name), ['fixtures/losses/focal.py::focal_loss']);
  assert.match(r.stderr, /focal\.py:10:17: focal_loss: the mean over the batch is analysed elementwise/);
});

test('scan --var on a parameter with a default samples it; otherwise it is the default', () => {
  const withGamma = runCli(['scan', 'fixtures/losses/focal.py::focal_loss', '--var', 'gamma=0:5', '-n', '16', '--backend', 'emulated', '--format', 'json']);
  assert.equal(withGamma.code, 0, withGamma.stderr);
  assert.deepEqual((JSON.parse(withGamma.stdout) as { forms: { vars: string[] }[] }).forms[0]!.vars.sort(), ['gamma', 'p', 'y']);
  const r = runCli(['scan', 'fixtures/losses/focal.py::focal_loss', '--var', 'beta=0:5', ...QUICK]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--var beta: not a variable of the expression \(its variables: (p, y|y, p)\)/);
});

test('eval FILE.py::NAME --at: the exact focal loss at p = 1/2, y = 1, gamma = 2 is ln(2)/16 (hand math)', () => {
  const r = runCli(['eval', 'fixtures/losses/focal.py::focal_loss', '--at', 'p=0.5,y=1,gamma=2', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  // -alpha * (1 - 1/2)^2 * log(1/2) with alpha = 1/4: ln(2)/16 = 0.04332169878499658183857...
  assert.match(r.stdout, /exact +value 0\.043321698784996[56]/);
});

test('an unsupported construct in a .py: exit 2, file:line:col and a caret, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-py-'));
  const file = join(dir, 'loss.py');
  writeFileSync(file, 'import torch\n\ndef loss(x):\n    return torch.softmax(x)\n');
  const r = runCli(['scan', file, ...QUICK]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /loss\.py:4:12: error: 'softmax' is not supported yet/);
  assert.match(r.stderr, /\n +\^~+/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});

test('check: {"file": "x.py", "function": ...} gates the function; annotations point at the .py line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-pycheck-'));
  writeFileSync(join(dir, 'naive.py'), 'import numpy as np\n\n\ndef bce(p, y):\n    """Naive cross-entropy."""\n    return -(y * np.log(p) + (1 - y) * np.log(1 - p))\n\n\ndef other(x):\n    return x\n');
  const check = { name: 'bce', file: 'naive.py', function: 'bce', vars: { p: [0, 1], y: [0, 1] }, samples: 64, precisions: ['float32'] };
  writeFileSync(join(dir, 'f-diagnose.config.json'), JSON.stringify({ checks: [check] }));
  const r = runCli(['check', '--format', 'github'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /::error file=naive\.py,line=6,/);
  assert.match(r.stdout, /FAIL bce/);
});

test('check: "function" without a .py file is a config error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-pycheck-'));
  writeFileSync(join(dir, 'f-diagnose.config.json'), JSON.stringify({ checks: [{ name: 'a', expr: 'x', function: 'f', vars: {} }] }));
  const r = runCli(['check'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /"function" names a function of a Python "file"/);
});

test('the framework a .py file imports is the one modelled, unless --framework says otherwise', () => {
  const torch = runCli(['scan', 'fixtures/losses/focal.py', ...QUICK, '-p', 'float64']);
  assert.equal(torch.code, 0, torch.stderr);
  assert.match(torch.stdout, /as PyTorch 2\.13\.0 computes them/);
  const forced = runCli(['scan', 'fixtures/losses/focal.py', ...QUICK, '-p', 'float64', '--framework', 'jax']);
  assert.match(forced.stdout, /as JAX 0\.10\.2 computes them/);
});
