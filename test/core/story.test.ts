import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { Decimal } from 'decimal.js';
import { defaultScanOptions, diagnoseParallel } from '../../src/core/diagnose.js';
import { nextDown, nextUp } from '../../src/base/float-format.js';
import { STORY_FORMS } from '../../src/core/story.js';
import type { FormResult, ScanReport } from '../../src/core/types.js';
import type { Region, TargetResult } from '../../src/detect/types.js';

/**
 * The user story, end to end, on the default scan (4096 samples per variable, seed 1, both precisions).
 * The cliffs are derived, not read off the tool: a correctly rounded exp(t) is inf iff exp(t) >= the format's max plus
 * half an ulp, i.e. t >= 128 ln 2 + ln(1 - 2^-25) (float32) or 1024 ln 2 + ln(1 - 2^-54) (float64), computed here with
 * decimal.js at 60 digits; the naive gradient is NaN from minus the first float at or above that threshold.
 */
const D = Decimal.clone({ precision: 60 });
const exactOf = (x: number) => new D(`0b${x.toString(2)}`);
function firstAtOrAbove(t: Decimal, round: (x: number) => number, up: (x: number) => number): number {
  let c = round(Number(t.toString()));
  while (exactOf(c).lt(t)) c = up(c);
  while (exactOf(down(c, round)).gte(t)) c = down(c, round);
  return c;
}
const down = (x: number, round: (x: number) => number) => (round === Math.fround ? nextDown(x, 'float32') : nextDown(x, 'float64'));
const threshold = (bits: number, guard: number) => D.ln(2).times(bits).plus(D.ln(new D(1).minus(new D(2).pow(-guard))));
const F32_EDGE = -firstAtOrAbove(threshold(128, 25), Math.fround, (x) => nextUp(x, 'float32'));
const F64_EDGE = -firstAtOrAbove(threshold(1024, 54), (x) => x, (x) => nextUp(x, 'float64'));

test('the derived cliffs are the well-known ones', () => {
  assert.equal(F32_EDGE, -88.72283935546875);
  assert.equal(F64_EDGE, -709.7827128933841);
});

let report: ScanReport;
before(async () => {
  report = await diagnoseParallel(STORY_FORMS, defaultScanOptions({ framework: 'tfjs' }));
});

const form = (name: string): FormResult => report.forms.find((f) => f.name === name)!;
const result = (f: FormResult, precision: string, target: string): TargetResult =>
  f.results.find((r) => r.precision === precision && r.target === target)!;
const nanRegionAt = (r: TargetResult, x: number): Region | undefined =>
  r.regions.find((g) => g.outcome === 'nan' && g.lo <= x && x <= g.hi);
const chainOf = (g: Region) => g.chain.map((e) => `${e.pass} ${e.op} ${e.hazard}`);

describe('naive 1/(1-exp(-x)) - 1/x', () => {
  test('float32 gradient: NaN from exactly -88.72283935546875 down, exp overflow forward then 0 * inf backward', () => {
    const r = result(form('naive'), 'float32', 'grad:x');
    const g = nanRegionAt(r, -1000)!;
    assert.equal(g.hi, F32_EDGE);
    assert.equal(g.lo, -3.4028234663852886e38);
    assert.equal(g.exact, true);
    assert.deepEqual([g.pass, g.op, g.hazard], ['forward', 'exp', 'overflow']);
    assert.equal(report.forms[0]!.expr.slice(g.span!.start, g.span!.end), 'exp(-x)');
    assert.equal(chainOf(g).at(-1), 'backward mul zero-times-inf');
    assert.equal(g.truth.kind, 'finite');
  });

  test('float64 gradient: NaN from exactly -709.7827128933841 down, same chain', () => {
    const r = result(form('naive'), 'float64', 'grad:x');
    const g = nanRegionAt(r, -1000)!;
    assert.equal(g.hi, F64_EDGE);
    assert.equal(g.exact, true);
    assert.deepEqual([g.pass, g.op, g.hazard], ['forward', 'exp', 'overflow']);
  });

  test('the forward value survives where the gradient is NaN (1/(1 - inf) = -0)', () => {
    const r = result(form('naive'), 'float32', 'value');
    assert.equal(nanRegionAt(r, -1000), undefined);
  });

  test('value near 0: catastrophic cancellation in 1/(1-exp(-x)) - 1/x', () => {
    const r = result(form('naive'), 'float64', 'value');
    const g = r.regions.filter((x) => x.outcome === 'inaccurate').sort((a, b) => b.maxUlps - a.maxUlps)[0]!;
    assert.equal(g.hazard, 'cancellation');
    assert.ok(g.maxUlps > 2 ** 20);
  });
});

describe('where forms: the where trap at x = 0', () => {
  for (const name of ['question: where |x| < 0.1', 'question: nested where', 'answer: where |x| < 1e-6']) {
    for (const precision of ['float32', 'float64']) {
      test(`${name}, ${precision}: gradient NaN at x = 0 through the masked branch, value fine`, () => {
        const f = form(name);
        const g = nanRegionAt(result(f, precision, 'grad:x'), 0)!;
        assert.ok(g, 'a NaN region contains 0');
        assert.ok(chainOf(g).some((s) => s.endsWith('where-trap')), chainOf(g).join(' -> '));
        assert.equal(nanRegionAt(result(f, precision, 'value'), 0), undefined);
      });
    }
  }

  test('nested where: still NaN below -88.72 in float32, exp overflow in the masked branch', () => {
    const g = nanRegionAt(result(form('question: nested where'), 'float32', 'grad:x'), -1000)!;
    assert.equal(g.hi, F32_EDGE);
    assert.deepEqual([g.pass, g.op, g.hazard], ['forward', 'exp', 'overflow']);
    assert.equal(chainOf(g).at(-1), 'backward mul where-trap');
  });

  test('the 0.1 threshold: 0.5 + x/12 is only first order, an approximation error measured against the reference', () => {
    const r = result(form('question: where |x| < 0.1'), 'float64', 'value');
    const g = r.regions.find((x) => x.outcome === 'inaccurate' && x.hazard === 'approximation' && Math.abs(Object.values(x.at)[0]!) < 0.1);
    assert.ok(g, 'an approximation region inside |x| < 0.1');
  });

  test('the answer\'s 1e-6 threshold: f32 value off by millions of ULP near 0 (f(1e-5) = -135.6), from cancellation', () => {
    const r = result(form('answer: where |x| < 1e-6'), 'float32', 'value');
    const g = r.regions.find((x) => x.outcome === 'inaccurate' && x.lo <= 1e-5 && 1e-5 <= x.hi);
    assert.ok(g, 'an inaccurate region contains 1e-5');
    assert.ok(r.maxUlps > 1e8);
    assert.equal(g.hazard, 'cancellation');
  });
});

describe('the stable form', () => {
  for (const precision of ['float32', 'float64']) {
    test(`${precision}: no NaN or inf, value within 4 ULP and gradient within 16 ULP on every sample`, () => {
      const f = form('stable');
      const value = result(f, precision, 'value');
      const grad = result(f, precision, 'grad:x');
      for (const r of [value, grad]) {
        assert.equal(r.nan, 0);
        assert.equal(r.inf, 0);
        assert.equal(r.unknown, 0, `${r.target}: truth unknown at ${r.unknown} samples`);
      }
      assert.ok(value.maxUlps <= 4, `value max ${value.maxUlps} ULP at ${JSON.stringify(value.worst)}`);
      assert.ok(grad.maxUlps <= 16, `gradient max ${grad.maxUlps} ULP at ${JSON.stringify(grad.worst)}`);
      assert.ok(value.samples >= 4096);
    });
  }
});

test('the report carries everything needed to reproduce the run', () => {
  assert.equal(report.options.seed, 1);
  assert.equal(report.options.samples, 4096);
  assert.deepEqual(report.options.precisions, ['float32', 'float64']);
  assert.ok(report.forms.every((f) => f.reference === '1/(1-exp(-x)) - 1/x'));
});
