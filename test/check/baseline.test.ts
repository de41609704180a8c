import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyBaseline, baselineOf } from '../../src/check/baseline.js';
import { readBaseline, writeBaseline } from '../../src/check/baseline-file.js';
import { targetViolations } from '../../src/check/evaluate.js';
import type { Limits } from '../../src/check/types.js';
import type { Region, TargetResult } from '../../src/detect/types.js';
import { check, region, target } from './helpers.js';

const strict: Limits = { nan: false, inf: false, maxUlps: { value: 4, gradient: 16 } };

/** A check whose float32 grad:x result has these NaN regions and this worst error. */
function checked(regions: Region[], ulps = 1, nan = regions.reduce((n, r) => n + r.samples, 0)) {
  const result: TargetResult = target({ nan, regions, worst: { at: { x: 1 }, result: 0.1, truth: 0.1, ulps } });
  const violations = targetViolations(result, strict).map((v) => ({ ...v, location: null }));
  return check('naive', violations, [result]);
}

const overflow = region({ lo: -1000, hi: -88.72283935546875, hazard: 'overflow' });
const trap = region({ lo: 0, hi: 0, samples: 1, hazard: 'where-trap', op: 'where', pass: 'backward' });

/** [what, findings recorded, findings now, expected status of each violation now, does the check pass]. */
const rows: Array<[string, ReturnType<typeof checked>, ReturnType<typeof checked>, string[], boolean]> = [
  ['unchanged passes', checked([overflow]), checked([overflow]), ['known'], true],
  ['a smaller region passes', checked([overflow]), checked([region({ lo: -1000, hi: -100, hazard: 'overflow' })]), ['known'], true],
  ['a region that grew fails', checked([overflow]), checked([region({ lo: -1000, hi: -80, hazard: 'overflow' })]), ['worse'], false],
  ['a new NaN region of a new hazard fails', checked([overflow]), checked([overflow, trap]), ['worse'], false],
  ['NaN where there was none is new', checked([]), checked([trap]), ['new'], false],
  ['more ULPs fails', checked([], 20), checked([], 21), ['worse'], false],
  ['equal or fewer ULPs pass', checked([], 20), checked([], 17), ['known'], true],
  ['a ULP violation where the baseline had none is known when not worse', checked([], 3), checked([], 3), [], true],
  ['a new ULP violation fails', checked([], 3), checked([], 40), ['worse'], false],
];

describe('baseline comparison', () => {
  for (const [what, before, now, statuses, passes] of rows) {
    it(what, () => {
      const [after] = applyBaseline([now], baselineOf([before], 'test'));
      assert.deepEqual(after!.violations.map((v) => v.baseline!.status), statuses);
      assert.equal(after!.passed, passes);
    });
  }

  it('a check missing from the baseline is new', () => {
    const [after] = applyBaseline([checked([overflow])], { schemaVersion: 1, tool: 'test', checks: {} });
    assert.equal(after!.violations[0]!.baseline!.status, 'new');
  });

  it('says how a finding got worse', () => {
    const [after] = applyBaseline([checked([region({ lo: -1000, hi: -80, hazard: 'overflow' })])], baselineOf([checked([overflow])], 't'));
    assert.deepEqual(after!.violations[0]!.baseline, {
      status: 'worse', detail: "NaN region [-1000, -80] of x grew beyond the baseline's [-1000, -88.7228]",
    });
  });

  it('round-trips through the file, infinities included', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fd-baseline-')), 'b.json');
    const data = baselineOf([checked([overflow], Infinity)], 'test');
    writeBaseline(file, data);
    assert.deepEqual(readBaseline(file, 'b.json'), data);
    assert.equal(data.checks.naive!['float32 grad:x']!.maxUlps, Infinity);
  });

  it('a missing baseline file is a usage error that says how to create it', () => {
    assert.throws(() => readBaseline('/nonexistent/b.json', 'b.json'), {
      name: 'UserError', message: 'b.json: cannot read the baseline file: no such file (create it with --update-baseline)',
    });
  });
});
