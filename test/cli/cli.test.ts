import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fd-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const badJson = file('bad.jsonl', '{"x": 1}\n{"x": 2,}\n');
const badCsv = file('bad.csv', 'x\n1\nabc\n');
const loss = file('loss.txt', 'f(x) = 1/(1-exp(-x)) - 1/x\nf(x) + f(x + 50)\n');
const badLoss = file('bad-loss.txt', 'f(x) = 1/(1-exp(-x)) - 1/x\nf(x) + g(x)\n');

/** [args] -> exit code, and what stderr must say (one clear line naming the place; never a stack trace). */
const usageErrors: Array<[string[], RegExp]> = [
  [['scan', 'expp(x)'], /^f-diagnose: expression:1:1: error: unknown function 'expp'; did you mean exp\?\n *expp\(x\)\n *\^~~~\n?$/m],
  [['scan', '1/(1-exp(-x)'], /expression:1:3: error: unclosed '\('/],
  [['scan', '-f', badLoss], /bad-loss\.txt:2:8: error: unknown function 'g'/],
  [['scan', 'x', '--var', 'x=5:1'], /--var 'x=5:1': LO must be less than HI/],
  [['scan', 'x', '--var', 'x=a:1'], /--var 'x=a:1': 'a' is not a number/],
  [['scan', 'x + 1', '--var', 'y=0:1'], /--var y: not a variable of the expression \(its variables: x\)/],
  [['scan', 'x', '--samples', 'many'], /--samples 'many': expected a whole number/],
  [['scan', 'x', '--format', 'xml'], /--format 'xml': expected text, json or html/],
  [['scan', 'x', '--precision', 'half'], /--precision 'half'/],
  [['scan', '-f', join(dir, 'missing.txt')], /missing\.txt: cannot read the file: no such file/],
  [['eval', 'x', '--points', badJson], /bad\.jsonl:2:\d+: not valid JSON/],
  [['eval', 'x', '--points', badCsv], /bad\.csv:3:1: 'abc' is not a number/],
  [['eval', 'x'], /eval needs points/],
  [['eval', 'x + y', '--at', 'x=1'], /point 1 has no value for y/],
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['scan', '-1/x'], /unknown option '-1\/x'; an expression that starts with '-' goes after --/],
  // issue 8: hostile input ends in one clear line, exit 2
  [['scan', 'x', '--reference', 'x+y'], /^f-diagnose: reference:1:3: error: the reference uses y, which the expression does not \(its variables: x\)/],
  [['eval', 'x', '--reference', 'x+y', '--at', 'x=1'], /reference:1:3: error: the reference uses y/],
  [['scan', 'x', '--reference', ''], /--reference is empty/],
  [['scan', '--reference', 'x'], /--reference needs an expression/],
  [['check', '--config', 'fixtures/check/passing.config.json', '--samples', '1e12'], /--samples: expected a whole number from 16 to 1000000/],
  [['scan', 'exp(x)', '--var', 'x=1e39:1e40', '-p', 'float32'], /x in \[1e\+39, 1e\+40\] lies entirely beyond the largest finite float32 \(3\.4028235e\+38\)/],
  [['scan', 'exp(x)', '-n', '16', '--backend', 'emulated', '-o', join(dir, 'no-such-dir', 'out.txt')], /out\.txt: cannot write: no such file/],
  [['check', '--config', file('deep.json', `{"checks": ${'['.repeat(7000)}${']'.repeat(7000)}}`)], /deep\.json:1:75: invalid JSON: nested more than 64 levels deep/],
  [['scan', '-f', file('wide.txt', Array.from({ length: 40 }, (_, i) => `v${i}`).join(' + '))], /wide\.txt:1:\d+: error: the expression has more than 32 variables/],
];

for (const [args, message] of usageErrors) {
  test(`f-diagnose ${args.join(' ')} -> exit 2: ${message.source}`, () => {
    const r = runCli(args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.equal(r.stdout, '');
  });
}

test('a config with a thousand duplicate names gets 20 lines and a count', () => {
  const checks = Array.from({ length: 1000 }, () => ({ name: 'a', expr: 'x', vars: { x: [0, 1] } }));
  const r = runCli(['check', '--config', file('dup.json', JSON.stringify({ checks }))]);
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 21);
  assert.match(lines[20]!, /dup\.json: \.\.\. and 979 more problems/);
});

/** Right answers where there were crashes or wrong ones (issue 8). Each expected value derived by hand. */
test('a constant expression at several points gives its value at each', () => {
  const r = runCli(['eval', 'tanh(7)', '--at', 'x=1', '--at', 'x=2', '--format', 'json', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.float64.value), [Math.tanh(7), Math.tanh(7)]);
});

test('a reference without one of the variables has a zero partial there', () => {
  const r = runCli(['eval', 'x + y', '--reference', 'x', '--at', 'x=1,y=2', '--format', 'json', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  const line = JSON.parse(r.stdout);
  assert.deepEqual([line.exact.value, line.exact.grad.x, line.exact.grad.y], ['1', '1', '0']);
});

test('variables named __proto__ and constructor are ordinary names', () => {
  const r = runCli(['eval', '__proto__ * 2 + constructor', '--at', '__proto__=1.5,constructor=4', '--format', 'json', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  const line = JSON.parse(r.stdout);
  assert.deepEqual([line.point.__proto__, line.float64.value, line.float64.grad.__proto__, line.float64.grad.constructor], [1.5, 7, 2, 1]);
  const s = runCli(['scan', '__proto__ * 2 + constructor', '-n', '16', '--backend', 'emulated', '-p', 'float64', '--format', 'json']);
  assert.equal(s.code, 0, s.stderr);
  assert.equal(JSON.parse(s.stdout).forms[0].results[0].nan, 0, 'no NaN inputs from a prototype lookup');
});

/** TF's clip_by_value is maximum(minimum(x, hi), lo): lo > hi gives lo; its gradient is where(lo <= x <= hi, dy, 0). */
const clipRows: Array<[string, number, number, number]> = [
  ['clip(x, 5, 1)', 0, 5, 0], ['clip(x, 5, 1)', 9, 5, 0], ['clip(x, 1, 1)', 0.5, 1, 0], ['clip(x, 1, 1)', 1, 1, 1],
  ['clip(x, 0, 2)', 1, 1, 1], ['clip(x, 0, 2)', 3, 2, 0],
];
for (const [expr, x, value, grad] of clipRows) {
  test(`${expr} at x = ${x}: value ${value}, gradient ${grad}, the same in TF.js and the emulator`, () => {
    const r = runCli(['eval', expr, '--at', `x=${x}`, '--format', 'json', '--backend', 'both']);
    assert.equal(r.code, 0, r.stderr);
    const line = JSON.parse(r.stdout);
    assert.deepEqual([line.float32.value, line.float32.grad.x, line.float64.value, line.float64.grad.x], [value, grad, value, grad]);
    if (line.tfjs) assert.deepEqual([line.tfjs.value, line.tfjs.grad.x], [value, grad]);
  });
}

test('scan --format json is valid JSON with the documented keys, non-finite numbers as strings', () => {
  const r = runCli(['scan', '1/(1-exp(-x)) - 1/x', '--samples', '200', '--format', 'json', '--precision', 'float32']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.equal(report.options.seed, 1);
  const [form] = report.forms;
  assert.deepEqual(Object.keys(form).filter((k) => ['name', 'expr', 'reference', 'results'].includes(k)).sort(), ['expr', 'name', 'reference', 'results']);
  const grad = form.results.find((x: { target: string }) => x.target === 'grad:x');
  assert.equal(grad.precision, 'float32');
  assert.ok(grad.nan > 0);
  assert.equal(grad.maxUlps, 'Infinity');
  const nan = grad.regions.find((g: { outcome: string; lo: number }) => g.outcome === 'nan' && g.lo < -88);
  assert.deepEqual([nan.var, nan.pass, nan.op, nan.hazard, nan.span.text], ['x', 'forward', 'exp', 'overflow', 'exp(-x)']);
  assert.equal(nan.hi, -88.72283935546875);
});

test('scan of a file with definitions reports spans in that file', () => {
  const r = runCli(['scan', '-f', loss, '--samples', '100', '--precision', 'float64', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.forms[0].name, loss);
  assert.ok(report.forms[0].results.some((x: { nan: number }) => x.nan > 0));
});

test('text output has no colour codes when NO_COLOR is set or stdout is not a TTY', () => {
  const r = runCli(['scan', 'exp(x)', '--samples', '50']);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\x1b\[/);
  assert.match(r.stdout, /overflow/);
});

test('eval prints one JSON line per point with float32, float64 and exact results', () => {
  const r = runCli(['eval', '1/(1-exp(-x)) - 1/x', '--at', 'x=-100', '--at', 'x=0', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].point.x, -100);
  assert.equal(lines[0].float32.grad.x, 'NaN');
  assert.equal(lines[0].float64.grad.x, 0.0001);
  assert.ok(lines[0].float32.hazards.some((h: { hazard: string; op: string }) => h.hazard === 'overflow' && h.op === 'exp'));
  assert.equal(lines[1].float64.value, 'NaN');
  assert.equal(Number(lines[1].exact.value), 0.5);
  assert.equal(Number(lines[1].exact.grad.x), 1 / 12);
});

test('eval reads points from stdin as CSV', () => {
  const r = runCli(['eval', 'x * y', '--points', '-', '--format', 'json'], { input: 'x,y\n2,3\n1e200,1e200\n' });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.float64.value), [6, 'Infinity']);
});

test('eval marks the hazards of the discarded where branch as off the path, the where trap as on it', () => {
  const r = runCli(['eval', 'where(abs(x) < 0.1, 0.5 + x/12, 1/(1-exp(-x)) - 1/x)', '--at', 'x=0', '--format', 'json', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  const [line] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const hazards = line.float64.hazards as Array<{ hazard: string; pass: string; onPath: boolean; span: { text: string } }>;
  assert.ok(hazards.some((h) => h.hazard === 'division-by-zero' && h.pass === 'forward' && h.span.text === '1/x' && !h.onPath));
  assert.ok(hazards.some((h) => h.hazard === 'where-trap' && h.pass === 'backward' && h.onPath));
  assert.equal(line.float64.value, 0.5);
  assert.equal(line.float64.grad.x, 'NaN');
});

test('scan --brief is the summary alone: a verdict per form, a line per precision and target, no regions', () => {
  const r = runCli(['scan', 'exp(x)', '--samples', '64', '--brief', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  // float32 exp overflows from the first float above ln(3.4028235e38) = 88.7228391: 88.72284
  assert.match(r.stdout, /^UNSTABLE +expression: +NaN\/inf in 4 of 4 results/m);
  const unwrapped = r.stdout.replace(/\n {4,}/g, ' '); // continuation rows of lines wrapped at 80 columns
  assert.match(unwrapped, /^ {2}float32 value +inf +inf-free only for x in \[-3\.403e38, 88\.72\); worst: inf for x in \[88\.72, 3\.403e38\]: overflow in exp\(x\)$/m);
  assert.doesNotMatch(r.stdout, /root cause:|precision {2}target/);
});

test('scan --verbose keeps the full detail: the table, every region with carets, the verdict sentences', () => {
  const r = runCli(['scan', 'exp(x)', '--samples', '64', '--verbose', '--backend', 'emulated']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /precision {2}target/);
  assert.match(r.stdout, /verdict:\n {3}- float32 value: inf for x in \[88\.72284, 3\.4028235e\+38\]: overflow in exp\(x\)/);
  assert.match(r.stdout, /root cause:/);
});
