import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

// sigmoid'(x) for x in [30, 40] is e^-x / (1 + e^-x)^2, between 4.2e-18 and 9.4e-14: float32 computes it as
// sigmoid(x) * (1 - sigmoid(x)) with sigmoid(x) = 1, so 0, off by every ULP, but by less than 2^-24 absolute.
test('--atol: the flushed sigmoid gradient counts as inaccurate with --atol 0 and not with the default', () => {
  const rowOf = (out: string) => out.split('\n').find((l) => /float32\s+grad:x/.test(l))!.trim().split(/\s+/);
  const args = ['scan', 'sigmoid(x)', '--var', 'x=30:40', '-p', 'float32', '-n', '64', '--backend', 'emulated', '--verbose'];
  const strict = runCli([...args, '--atol', '0']);
  const auto = runCli(args);
  assert.equal(rowOf(strict.stdout)[5], '64', strict.stdout);
  assert.equal(rowOf(auto.stdout)[5], '0', auto.stdout);
  assert.match(auto.stdout, /beyond 16 ULP and atol 5\.96e-8/);
});

test('--atol rejects what is not a number >= 0, naming the option', () => {
  for (const bad of ['-1', 'abc', '1e', 'NaN']) {
    const r = runCli(['scan', 'x', '--atol', bad]);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--atol/);
  }
});
