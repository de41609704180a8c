import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixLine } from '../../src/repair/attach.js';
import { fixSuggestion } from '../../src/report/check-common.js';
import { formatCheckGithub } from '../../src/report/check-github.js';
import { formatCheckJunit } from '../../src/report/check-junit.js';
import { formatCheckSarif } from '../../src/report/check-sarif.js';
import { formatCheckText } from '../../src/report/check-text.js';
import { check, nanViolation, run } from '../check/helpers.js';
import { runCli } from '../helpers/cli.js';

const proved: FixLine = { expr: 'softplus(x)', steps: ['softplus'], samples: 512, clean: true };
const SUGGESTIONS: Array<[string, FixLine | undefined, string | null]> = [
  ['no fix line (passed or --no-fix)', undefined, null],
  ['a proved fix', proved, 'fix (proved on 512 samples, no NaN or inf): softplus: softplus(x)'],
  ['a program: its lines joined', { ...proved, expr: 'let t = exp(-abs(x))\nmax(x, 0) + log1p(t)', steps: ['stable log-sum-exp'], clean: false },
    'fix (proved on 512 samples, NaN or inf only where the exact result is): stable log-sum-exp: let t = exp(-abs(x)); max(x, 0) + log1p(t)'],
  ['too long to quote', { ...proved, expr: `x${' + x'.repeat(60)}` }, 'fix (proved on 512 samples, no NaN or inf): softplus (see f-diagnose fix for the code)'],
  ['none proved', { expr: null, steps: [], samples: 512, note: 'no candidate was proved; see f-diagnose fix' }, 'no fix proved (no candidate was proved; see f-diagnose fix)'],
];
for (const [name, fix, expected] of SUGGESTIONS) {
  test(`check's fix suggestion: ${name}`, () => assert.equal(fixSuggestion({ ...check('naive', [nanViolation()]), ...(fix ? { fix } : {}) }), expected));
}

test('a proved fix is the suggestion of every check format (GitHub, SARIF, JUnit, text); without one, the hazard advice stays', () => {
  const withFix = run([{ ...check('naive', [nanViolation()]), fix: proved }]);
  const line = 'fix (proved on 512 samples, no NaN or inf): softplus: softplus(x)';
  assert.match(formatCheckGithub(withFix), new RegExp(`%0A${line.replace(/[()]/g, '\\$&')}\\n$`));
  assert.match(JSON.parse(formatCheckSarif(withFix)).runs[0].results[0].message.text, /\. Suggested fix \(proved on 512 samples, no NaN or inf\): softplus: softplus\(x\)\.$/);
  assert.match(formatCheckJunit(withFix), /root cause: overflow in exp at fixtures\/check\/loss.txt:1:8\nfix \(proved on 512 samples/);
  assert.equal(formatCheckText(withFix, { color: false }).split('\n')[1], `     ${line}`);
  const without = run([check('naive', [nanViolation()])]);
  assert.match(formatCheckGithub(without), /%0Afix: [a-z]/);
  assert.doesNotMatch(formatCheckGithub(without) + formatCheckJunit(without), /proved/);
});

test('check on a real config: the failing check gets softplus (= log(1 + exp(x)) by hand), the passing one none; --no-fix skips it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-check-fix-'));
  const config = { checks: [{ name: 'naive', expr: 'log(1 + exp(x))', vars: { x: [-100, 100] } }, { name: 'square', expr: 'x*x', vars: { x: [-10, 10] } }] };
  writeFileSync(join(dir, 'f-diagnose.config.json'), JSON.stringify(config));
  const r = runCli(['check', '--samples', '128', '--format', 'json', '--html', 'c.html'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const json = JSON.parse(r.stdout) as { checks: Array<{ name: string; fix?: FixLine }> };
  assert.equal(json.checks[0]!.fix?.expr, 'softplus(x)');
  assert.equal(json.checks[0]!.fix?.clean, true);
  assert.equal(json.checks[1]!.fix, undefined);
  // the HTML: the verification and the fix as code in the check's framework (tf by default)
  const html = readFileSync(join(dir, 'c.html'), 'utf8');
  assert.match(html, /<h3>Fix: proved<\/h3>\n<p>made by: softplus\. Proved on 128 samples per variable against the exact values: no NaN or inf, value within 16 ULP and gradient within 64 ULP\.<\/p>/);
  assert.match(html, /as TensorFlow code \(--framework tf\):<\/p><pre>import tensorflow as tf\n[\s\S]*def f\(x\):\n {4}return tf\.math\.softplus\(x\)<\/pre>/);
  const quick = runCli(['check', '--samples', '128', '--no-fix', '--format', 'github'], { cwd: dir });
  assert.doesNotMatch(quick.stdout, /proved/);
  assert.match(quick.stdout, /%0Afix: /);
});
