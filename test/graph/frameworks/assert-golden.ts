import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import type { FrameworkId } from '../../../src/graph/frameworks/index.js';
import { EXCEPTIONS } from './exceptions.js';
import { checkCliffs, checkGolden, summaryLine, type Mismatch } from './golden.js';

/** Finite values agree within 4 ULP; larger differences only through an explained exception. */
export const ULP_BUDGET = 4;

const show = (m: Mismatch) => `${m.case} ${m.dtype} ${m.target} at ${JSON.stringify(m.args)}: framework ${m.want}, model ${m.got}${m.ulps ? ` (${m.ulps} ULP)` : ''}`;

export function assertGolden(t: TestContext, framework: FrameworkId): void {
  const exceptions = EXCEPTIONS[framework];
  const report = checkGolden(framework, () => ULP_BUDGET, exceptions);
  t.diagnostic(summaryLine(report));
  for (const [why, n] of report.excused) t.diagnostic(`  excused ${n}: ${why}`);
  assert.ok(report.compared > 3000, `only ${report.compared} pairs compared`);
  // the issue's target: every NaN / +inf / -inf of the framework, and only those, with no exception needed
  assert.equal(report.nanInfAgree, report.compared, 'a NaN or inf differs from the framework (even where excused)');
  assert.deepEqual(report.classFailures.map(show), [], 'NaN/inf/zero/finite class differs from the framework');
  assert.deepEqual(report.ulpFailures.map(show), [], `finite values differ by more than ${ULP_BUDGET} ULP`);
  const stale = exceptions.filter((e) => !report.excused.has(e.why)).map((e) => `${e.case}: ${e.why}`);
  assert.deepEqual(stale, [], 'exceptions that excuse nothing (the model was fixed: remove them)');
  const cliffs = checkCliffs(framework);
  t.diagnostic(`${framework}: ${cliffs.checked - cliffs.failures.length} of ${cliffs.checked} cliffs (bisected edges of a NaN/inf/0 class) at the framework's float`);
  assert.ok(cliffs.checked >= 4, `only ${cliffs.checked} cliffs checked`);
  assert.deepEqual(cliffs.failures, []);
}
