import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

// The issue's case: float32 sigmoid'(x) on [30, 40] is 0 where the truth is 4e-18..9e-14: ~1e9 ULPs off, but by less
// than 2^-24 absolute, so a 1e6-ULP limit fails it only when the absolute tolerance is 0.
function config(atol: number | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'f-diagnose-atol-'));
  const thresholds = { maxUlps: { gradient: 1e6 }, ...(atol === undefined ? {} : { atol }) };
  const check = { name: 'sigmoid', expr: 'sigmoid(x)', vars: { x: [30, 40] }, precisions: ['float32'], samples: 64, thresholds };
  writeFileSync(join(dir, 'f-diagnose.config.json'), JSON.stringify({ checks: [check] }));
  return dir;
}

test('check: per-check atol and --atol decide whether a flushed tiny gradient fails', () => {
  const rows: Array<[string, number | undefined, string[], number, RegExp]> = [
    ['default atol', undefined, [], 0, /^PASS sigmoid .*errors counted beyond atol 5\.96e-8 float32\)$/s],
    ['atol 0 in the config', 0, [], 1, /^FAIL sigmoid +float32 grad:x +error .* ULPs > 1e6/],
    ['--atol 0 overrides the config', 1e-3, ['--atol', '0'], 1, /^FAIL sigmoid/],
    ['--atol 1e-12 on the command line', 0, ['--atol', '1e-12'], 0, /^PASS sigmoid .*atol 1e-12 float32\)$/s],
  ];
  for (const [name, atol, args, code, pattern] of rows) {
    const r = runCli(['check', ...args], { cwd: config(atol) });
    assert.equal(r.code, code, `${name}: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout.trim(), pattern, name);
  }
});

test('check: a negative atol in the config is a config error naming the field', () => {
  const r = runCli(['check'], { cwd: config(-1) });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /atol/);
});
