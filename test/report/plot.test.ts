import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { symlog } from '../../src/report/symlog.js';

test('symlog: each decade the same width on both sides, 0 in the middle', () => {
  assert.equal(symlog(0, 1e-3), 0);
  assert.equal(symlog(1e-3, 1e-3), 1);
  assert.equal(symlog(1, 1e-3), 4);
  assert.equal(symlog(-1, 1e-3), -4);
  assert.equal(symlog(1e-5, 1e-3), 0);
});

// float32 exp(x) is inf exactly from x = 88.72284 (the first float above ln(FLT_MAX)) and finite below: the outcome band
// is ok on the left and inf at the right end. No bits are wrong anywhere: beyond 88.72284 the exact value rounds to inf
// in float32 too, and below it exp is within a few ULPs, far under the 32-bit row.
test('--plot: exp(x) float32 shows ok on the left, inf at the right, within 80 columns', () => {
  const r = runCli(['scan', 'exp(x)', '-n', '256', '-p', 'float32', '--backend', 'emulated', '--brief', '--plot']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  const band = lines.filter((l) => l.startsWith(' outcome |'))[0]!;
  const cells = band.slice(band.indexOf('|') + 1);
  assert.match(cells, /^\.+/);
  assert.match(cells, /I+$/);
  assert.doesNotMatch(cells, /[N~?]/);
  const top = lines.find((l) => l.startsWith(' 32 bits |'))!;
  assert.doesNotMatch(top, /#/);
  assert.deepEqual(lines.filter((l) => l.length > 80), []);
});
