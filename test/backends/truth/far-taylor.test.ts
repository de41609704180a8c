import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { FloatFormat } from '../../../src/base/float-format.js';
import type { Truth } from '../../../src/backends/truth.js';
import { wantBits } from '../../../src/backends/truth/certify.js';
import { groundTruth } from '../../../src/backends/truth/ground-truth.js';
import { cachedPlanOf } from '../../../src/backends/truth/plan.js';
import { DD, literalsOf } from '../../../src/backends/truth/quick-balls.js';
import { Quick } from '../../../src/backends/truth/quick-eval.js';
import { isFar } from '../../../src/backends/truth/quick-far.js';
import { isScaled } from '../../../src/backends/truth/quick-scaled.js';
import { taylorTry } from '../../../src/backends/truth/quick-taylor.js';
import * as Q from '../../../src/backends/truth/rational.js';
import { DELTA_BITS, taylorOf, type Taylor } from '../../../src/backends/truth/taylor.js';
import { compile } from '../../../src/graph/compile.js';
import { leadingDigitsAgree } from '../../helpers/mpmath-reference.js';

// The quick passes' far balls (quick-far.ts) and Taylor try (quick-taylor.ts, taylor.ts) against mpmath: value and
// derivative, each written out by hand in far-taylor-reference.py (3000 digits), near 0 and beyond e^+-709.

interface Row {
  name: string;
  source: string;
  format: FloatFormat;
  x: string;
  /** [the nearest float, 25 digits], or null when the result is subnormal or beyond the format */
  value: [string, string] | null;
  grad: [string, string] | null;
  /** value and derivative to 120 digits (float64 rows with 1e-8 <= |x| <= 2^-16) */
  exact?: [string, string];
}
// read from the source tree (the test runs from dist/test/backends/truth/)
const TABLE = new URL('../../../../test/backends/truth/far-taylor-reference.json', import.meta.url);
const rows = (JSON.parse(readFileSync(TABLE, 'utf8')) as { rows: Row[] }).rows;

/** '' when the truth is the mpmath float with the same leading digits, else what differs. */
function check(t: Truth | undefined, want: [string, string] | null): string {
  if (want === null) return '';
  if (t === undefined || t.kind !== 'finite') return `want ${want[0]}, got ${JSON.stringify(t)}`;
  if (!Object.is(t.value, Number(want[0]))) return `want ${want[0]}, got ${t.value}`;
  if (leadingDigitsAgree(want[1], t.decimal) === false) return `digits: want ${want[1]}, got ${t.decimal}`;
  return '';
}

describe('far balls and Taylor models against mpmath', () => {
  test('the table covers both paths in both formats', () => {
    assert.ok(rows.length > 200);
    for (const format of ['float64', 'float32']) {
      assert.ok(rows.some((r) => r.format === format && Math.abs(Number(r.x)) < 1e-30));
      assert.ok(rows.some((r) => r.format === format && Number(r.x) < -1e30));
    }
  });

  test('groundTruth gives mpmath\'s floats and digits', () => {
    const bad: string[] = [];
    for (const r of rows) {
      const t = groundTruth(compile(r.source), { x: Number(r.x) }, r.format);
      for (const [what, got, want] of [['value', t.value, r.value], ['grad', t.grad.x, r.grad]] as const) {
        const d = check(got, want);
        if (d) bad.push(`${r.name} ${r.format} x=${r.x} ${what}: ${d}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  test('the Taylor try alone settles the cancelling quotients near 0, each as mpmath rounds it', () => {
    let settled = 0;
    const bad: string[] = [];
    for (const r of rows) {
      const x = Number(r.x);
      if (!(Math.abs(x) <= 2 ** -DELTA_BITS) || !['story', 'expm1x', 'bernoulli', 'gauss'].includes(r.name)) continue;
      const plan = cachedPlanOf(compile(r.source));
      const done: (Truth | undefined)[] = [undefined, undefined];
      taylorTry(plan, { x }, r.format, done);
      for (const [i, want] of [[0, r.value], [1, r.grad]] as const) {
        if (done[i] === undefined) continue;
        settled++;
        const d = check(done[i], want);
        if (d) bad.push(`${r.name} ${r.format} x=${r.x} [${i}]: ${d}`);
      }
      // the story's derivative cancels 2 log2(1/|x|) bits: the point of the models
      if (r.name === 'story') assert.notEqual(done[1], undefined, `story f' at ${r.x} (${r.format}) not settled`);
    }
    assert.deepEqual(bad, []);
    assert.ok(settled > 100, `${settled} settled`);
  });

  test('the models\' remainder bounds hold against 120 digits of mpmath, and leave 60 bits or more', () => {
    const absQ = (a: Q.Q) => (a.n < 0n ? Q.neg(a) : a);
    const powQ = (a: Q.Q, k: number) => (k >= 0 ? Q.powInt(a, BigInt(k)) : Q.div(Q.ONE, Q.powInt(a, BigInt(-k))));
    let checked = 0;
    const bad: string[] = [];
    for (const r of rows) {
      if (r.exact === undefined || !['story', 'expm1x', 'bernoulli', 'gauss'].includes(r.name)) continue;
      const plan = cachedPlanOf(compile(r.source));
      const memo = new Map<number, Taylor | null>();
      const x = Q.fromDouble(Number(r.x));
      for (const [i, node] of [plan.value, plan.grads[0]!].entries()) {
        const t = taylorOf(plan.g, node, memo);
        assert.ok(t !== null, `${r.name}: no model`);
        const p = t.c.reduce((acc, c, j) => Q.add(acc, Q.mul(c, powQ(x, t.lo + j))), Q.ZERO);
        const f = Q.fromDecimal(r.exact[i]!)!;
        const err = absQ(Q.sub(f, p));
        const allowed = Q.mul(t.r, powQ(absQ(x), t.k));
        // mpmath's 120 digits are within |f| 10^-118 of the exact value
        const slack = Q.mul(absQ(f), Q.q(1n, 10n ** 118n));
        checked++;
        if (Q.cmp(err, Q.add(allowed, slack)) > 0) bad.push(`${r.name} x=${r.x} [${i}]: |f - P| ${Q.log2Abs(err)} > bound ${Q.log2Abs(allowed)} (log2)`);
        if (Q.cmp(allowed, Q.mul(absQ(f), Q.q(1n, 1n << 60n))) > 0) bad.push(`${r.name} x=${r.x} [${i}]: bound 2^${Q.log2Abs(allowed)} too wide`);
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(checked >= 24, `${checked} checked`);
  });

  test('no model where it would not be sound: two variables, x = 0, |x| beyond the domain, a branch', () => {
    const at = (src: string, point: Record<string, number>) => {
      const done: (Truth | undefined)[] = new Array(1 + compile(src).vars.length).fill(undefined);
      return [taylorTry(cachedPlanOf(compile(src)), point, 'float64', done), done.filter((t) => t !== undefined).length];
    };
    assert.deepEqual(at('(exp(x) - 1)/y', { x: 1e-10, y: 1 }), [false, 0]);
    assert.deepEqual(at('(exp(x) - 1)/x', { x: 0 }), [false, 0]);
    assert.deepEqual(at('(exp(x) - 1)/x', { x: 2 ** -15 }), [false, 0]);
    assert.deepEqual(at('where(x > 0, x, -x)', { x: 1e-10 }), [false, 0]);
    assert.deepEqual(at('sin(x)/x', { x: 1e-10 }), [false, 0]);
    assert.deepEqual(at('(exp(x) - 1)/x', { x: 1e-10 }), [true, 2]);
  });

  test('far balls: the story at x <= -800 certifies in double-double balls, each as mpmath rounds it', () => {
    const bad: string[] = [];
    let certified = 0;
    for (const r of rows) {
      const x = Number(r.x);
      if (r.name !== 'story' || !(x <= -800)) continue;
      const plan = cachedPlanOf(compile(r.source));
      const memo = new Array(plan.g.nodes.length);
      const q = new Quick(DD, plan.g, { x }, literalsOf(plan.g, DD), memo);
      // e^-x itself is far (beyond the double range), and every target a regular ball
      assert.ok(isFar(q.get(4, 0)!), `e^-x at ${x}`);
      for (const [i, node, want] of [[0, plan.value, r.value], [1, plan.grads[0]!, r.grad]] as const) {
        const b = q.get(node, 0);
        if (b === null || isFar(b) || want === null || !(DD.relWidth(b) <= -wantBits(r.format))) continue;
        certified++;
        const v = DD.roundsTo(b, r.format);
        if (!Object.is(v, Number(want[0]))) bad.push(`${r.format} x=${r.x} [${i}]: want ${want[0]}, got ${v}`);
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(certified >= 16, `${certified} certified`);
  });

  test('scaled balls: the story at |x| >= 1e145 (float64, derivative below 2^-940) certifies in double-double balls', () => {
    const bad: string[] = [];
    let certified = 0;
    for (const r of rows) {
      const x = Number(r.x);
      if (r.name !== 'story' || r.format !== 'float64' || !(Math.abs(x) >= 1e145)) continue;
      const plan = cachedPlanOf(compile(r.source));
      const q = new Quick(DD, plan.g, { x }, literalsOf(plan.g, DD), new Array(plan.g.nodes.length));
      const b = q.get(plan.grads[0]!, 0);
      assert.ok(b !== null && isScaled(b), `f' at ${x}: ${JSON.stringify(b)}`);
      if (!(DD.relWidth(b) <= -wantBits('float64'))) continue;
      const v = DD.roundsTo(b, 'float64');
      if (v === undefined) continue;
      certified++;
      if (!Object.is(v, Number(r.grad![0]))) bad.push(`x=${r.x}: want ${r.grad![0]}, got ${v}`);
      const digits = DD.digits(b);
      if (leadingDigitsAgree(r.grad![1], digits) === false) bad.push(`x=${r.x}: digits want ${r.grad![1]}, got ${digits}`);
    }
    assert.deepEqual(bad, []);
    assert.ok(certified >= 8, `${certified} certified`);
  });

  test('far balls never claim a cancellation: e^x - e^x and e^x / e^x at 1000 are left to the BigInt balls', () => {
    for (const src of ['exp(x) - exp(x)', 'exp(x) / exp(x)', 'exp(x) - exp(x) * (1 + 1e-30)']) {
      const plan = cachedPlanOf(compile(src));
      const q = new Quick(DD, plan.g, { x: 1000 }, literalsOf(plan.g, DD), new Array(plan.g.nodes.length));
      const b = q.get(plan.value, 0);
      assert.ok(b === null || isFar(b) || DD.roundsTo(b, 'float64') === undefined, `${src}: ${JSON.stringify(b)}`);
      const t = groundTruth(compile(src), { x: 1000 }, 'float64');
      assert.equal(t.value.kind, 'finite');
    }
    assert.equal((groundTruth(compile('exp(x) - exp(x)'), { x: 1000 }, 'float64').value as { value: number }).value, 0);
    assert.equal((groundTruth(compile('exp(x) / exp(x)'), { x: 1000 }, 'float64').value as { value: number }).value, 1);
  });
});
