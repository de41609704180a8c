import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointOutcome } from '../../src/report/eval-outcome.js';
import { runCli } from '../helpers/cli.js';

// Hand math: 2^-24 = 5.96e-8 is half an ULP of 1 in float32, 2^-53 = 1.1e-16 in float64.
const OUTCOMES: Array<[string, number, number, string, 'float32' | 'float64', string]> = [
  ['NaN whatever the truth', NaN, Infinity, '1', 'float32', 'nan'],
  ['inf where the truth is finite', Infinity, Infinity, '100', 'float32', 'inf'],
  ['within 16 ULP', 1.0000001, 1, '1', 'float32', 'ok'],
  ['17 ULP and 2e-6 off', 1.000002, 17, '1', 'float32', 'inaccurate'],
  ['4e18 ULP but 3.7e-44 off (below atol)', 0, 4e18, '3.72e-44', 'float64', 'ok'],
  ['1000 ULP and 1e-10 off in float64', 1e-10, 1000, '0', 'float64', 'inaccurate'],
  ['truth unknown', 1, NaN, 'unknown', 'float64', 'unknown'],
];

for (const [name, result, ulps, exact, format, expected] of OUTCOMES) {
  test(`eval outcome: ${name}`, () => assert.equal(pointOutcome(result, ulps, exact, format), expected));
}

test('eval --format html -o FILE: a table per point with the outcomes and the hazard under its carets', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'f-diagnose-eval-html-')), 'eval.html');
  const r = runCli(['eval', 'log(1 + exp(x))', '--at', 'x=100', '--at', 'x=0.5', '--backend', 'emulated', '--format', 'html', '-o', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/);
  // float32 at x = 100: exp(100) > 3.4e38 overflows, the value is inf and the gradient exp(x)/(1+exp(x)) = inf/inf NaN
  assert.match(html, /<h2>x = 100<\/h2>/);
  assert.match(html, /<td class="inf">inf<br><small>inf ULP, inf<\/small><\/td><td class="nan">NaN/);
  assert.match(html, /<b>overflow<\/b> \(forward pass, at 1:9\): exp\(100\) = inf/);
  assert.match(html, /log\(1 \+ exp\(x\)\)\n<span class="caret"> {8}\^~~~~~<\/span>/);
  // x = 0.5: both precisions within 16 ULP of the truth (softplus(0.5) = 0.974076984...)
  assert.match(html, /<td>exact<\/td><td>0\.97407698418010668/);
  assert.match(html, /2 points; float32 and float64 results: <span class="ok">\d+ ok<\/span>/);
});
