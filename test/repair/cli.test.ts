import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultScanOptions, diagnose } from '../../src/core/diagnose.js';
import { attachFixes } from '../../src/repair/attach.js';
import { formatScanJson } from '../../src/report/json.js';
import { formatScanText } from '../../src/report/text.js';
import { runCli } from '../helpers/cli.js';

test('fix: the best form as a diff, its verification beside the input\'s, exit 0', () => {
  const r = runCli(['fix', 'log(sigmoid(x))', '-n', '128']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^best fix: proved/m);
  assert.match(r.stdout, /^- log\(sigmoid\(x\)\)$/m);
  assert.match(r.stdout, /^\+ \S/m);
  assert.match(r.stdout, /^float32    grad:x +\d+ +\d+ +\S+ +0 +0 +(<=)?\d+$/m);
});

test('fix --format json: fixes[0].expr is re-scannable, and the scan finds no NaN or inf in it', () => {
  const r = runCli(['fix', 'sqrt(1 + x*x) - 1', '-n', '128', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { fixes: { expr: string; verdict: string; checks: unknown[] }[] };
  assert.equal(report.fixes[0]!.verdict, 'proved');
  const rescan = runCli(['scan', report.fixes[0]!.expr, '--reference', 'sqrt(1 + x*x) - 1', '-n', '300', '--seed', '7', '--backend', 'emulated', '--fail-on', 'nan,inf', '--brief']);
  assert.equal(rescan.code, 0, rescan.stdout + rescan.stderr);
});

test('fix --emit torch prints a ready-to-paste function after the report', () => {
  const r = runCli(['fix', 'log(exp(x) + exp(y))', '-n', '64', '--emit', 'torch']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^import torch\n\n\ndef f\(x, y\):\n/m);
});

const USAGE: [string[], RegExp][] = [
  [['fix'], /fix needs an expression/],
  [['fix', 'x', '--emit', 'mxnet'], /--emit 'mxnet': expected tf, torch, jax, numpy, tfjs/],
  [['fix', 'x', '--format', 'sarif'], /--format 'sarif': expected text or json/],
  [['fix', 't = x'], /the last statement must be the expression under test/],
];
for (const [args, message] of USAGE) {
  test(`fix usage error: ${args.join(' ')}`, () => {
    const r = runCli(args);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });
}

test('scan with fixes attached: a fix line under the findings, text and JSON; none for a clean form', async () => {
  const report = diagnose([{ name: 'loss', source: 'log(sigmoid(x))' }, { name: 'clean', source: 'x + 1' }], defaultScanOptions({ samples: 64 }));
  const withFix = await attachFixes(report);
  const text = formatScanText(withFix, { color: false, brief: true });
  assert.match(text, /^   fix: log sigmoid[^;]*; proved on 64 samples/m);
  assert.equal(text.match(/fix:/g)?.length, 1);
  // --brief keeps the fix to its line; the full summary prints the fixed program under it
  assert.doesNotMatch(text, /^ {5}\S/m);
  assert.match(formatScanText(withFix, { color: false }), /^   fix: log sigmoid.*\n(?: {10}.*\n)* {5}\S/m);
  const json = JSON.parse(formatScanJson(withFix)) as { forms: { fix?: { expr: string } }[] };
  assert.match(json.forms[0]!.fix!.expr, /softplus|log1p/);
  assert.equal(json.forms[1]!.fix, undefined);
});

test('fix -f FILE with a function: the function fixed once serves both its singular points (0 and -50)', () => {
  const r = runCli(['fix', '-f', 'examples/loss.txt', '-n', '64', '--var', 'x=-60:60', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const best = (JSON.parse(r.stdout) as { fixes: { expr: string; verdict: string; steps: string[] }[] }).fixes[0]!;
  assert.equal(best.verdict, 'proved');
  assert.match(best.steps[0]!, /^f: Taylor series at x = 0/);
  assert.match(best.expr, /^f\(x\) = where\(abs\(x\) < \S+, 5e-1 \+ /);
  assert.match(best.expr, /\nf\(x\) \+ f\(x \+ 50\)$/);
});

test('fix FILE.py::NAME: the Python function is lowered once and fixed in the expression language', () => {
  const r = runCli(['fix', 'fixtures/losses/story.py::f', '-n', '64', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { input: string; fixes: { expr: string; verdict: string; steps: string[] }[] };
  assert.equal(report.input, '(exp(x) - 1.0 - x) / (x * x)');
  assert.notEqual(report.fixes[0]!.verdict, 'rejected');
  assert.ok(report.fixes[0]!.steps.some((s) => s.startsWith('Taylor series at x = 0')), report.fixes[0]!.steps.join(', '));
});
