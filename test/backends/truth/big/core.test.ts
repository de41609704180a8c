/** Ball arithmetic core: exactness rules, enclosures of rounded results, domain and edge answers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigFromDouble, bigFromDD, bigOp, bigCompare, bigLog2Mag, bigSign, isFail, type BigBall } from '../../../../src/backends/truth/big/index.js';
import type { PrimOp } from '../../../../src/backends/truth/prim.js';
import { meetsDecimal } from './oracle.js';

const d = bigFromDouble;
function ok(r: ReturnType<typeof bigOp>): BigBall {
  if (isFail(r)) throw new Error(`${r.fail}: ${r.reason}`);
  return r;
}
/** The value of an exact ball as a JS number (exact for the small values used here). */
function num(b: BigBall): number {
  return Number(b.m) * 2 ** Number(b.e);
}

test('exact arguments give exact results for + - * square neg abs when they fit 2*prec bits', () => {
  const cases: [PrimOp, number[], number][] = [
    ['add', [0.1, 50], 50.1], // 50.1 is not the double sum: checked exactly below instead
    ['mul', [2, 0.30000000000000004], 0.6000000000000001],
    ['sub', [1, 2 ** -60], 1 - 2 ** -60],
    ['neg', [3.5], -3.5],
    ['abs', [-3.5], 3.5],
    ['square', [3], 9],
  ];
  for (const [op, args, want] of cases) {
    const r = ok(bigOp(op, args.map(d), 64));
    assert.equal(r.r, 0n, `${op} is exact`);
    if (op !== 'add' && op !== 'sub') assert.equal(num(r), want);
  }
  // x + 50 for x = 0.1 (a double): exactly 0.1 + 50 as rationals
  const s = ok(bigOp('add', [d(0.1), d(50)], 64));
  assert.equal(s.r, 0n);
  assert.ok(meetsDecimal(s, '50.1000000000000000055511151231257827021181583404541015625'));
  // x*x for a double is exact at 64 bits (106 bits <= 128)
  const x = 0.1;
  const sq = ok(bigOp('mul', [d(x), d(x)], 64));
  assert.equal(sq.r, 0n);
  assert.ok(meetsDecimal(sq, '0.01000000000000000111022302462515657123851077828659396139564708135883709660962637144621112383902072906494140625'));
});

test('results that do not fit are rounded to prec bits and still enclose the exact value', () => {
  const r = ok(bigOp('add', [d(1), d(2 ** -200)], 64));
  assert.notEqual(r.r, 0n);
  assert.equal(bigCompare(r, d(1)), undefined);
  const q = ok(bigOp('div', [d(1), d(3)], 64));
  assert.ok(meetsDecimal(q, '0.3333333333333333333333333333333333333333'));
  const t = ok(bigOp('div', [d(6), d(3)], 64));
  assert.equal(t.r, 0n);
  assert.equal(num(t), 2);
  const s = ok(bigOp('sqrt', [d(2.25)], 64));
  assert.equal(s.r, 0n);
  assert.equal(num(s), 1.5);
  assert.ok(meetsDecimal(ok(bigOp('sqrt', [d(2)], 128)), '1.414213562373095048801688724209698078570'));
});

test('domain and edge answers', () => {
  const cases: [PrimOp, number[], 'domain' | 'edge'][] = [
    ['div', [1, 0], 'edge'],
    ['div', [0, 0], 'edge'],
    ['sqrt', [-1], 'domain'],
    ['log', [-1], 'domain'],
    ['log', [0], 'edge'],
  ];
  for (const [op, args, kind] of cases) {
    const r = bigOp(op, args.map(d), 64);
    assert.ok(isFail(r) && r.fail === kind, `${op}(${args}) should be ${kind}`);
  }
  // a ball around zero as divisor
  const z = { m: 0n, e: 0n, r: 1n, re: -10n };
  const r = bigOp('div', [d(1), z], 64);
  assert.ok(isFail(r) && r.fail === 'edge');
  const big = bigOp('add', [d(1), d(1)], 1 << 20);
  assert.ok(isFail(big) && big.fail === 'limit');
});

test('bigSign and bigCompare decide only what holds for every point', () => {
  assert.equal(bigSign(d(0)), 0);
  assert.equal(bigSign(d(-2)), -1);
  assert.equal(bigSign({ m: 1n, e: 0n, r: 1n, re: 0n }), undefined);
  assert.equal(bigSign({ m: 3n, e: 0n, r: 1n, re: 1n }), 1);
  assert.equal(bigCompare(d(1), d(1)), 0);
  assert.equal(bigCompare(d(1), d(1 + 2 ** -52)), -1);
  assert.equal(bigCompare(d(1e300), d(1e-300)), 1);
  assert.equal(bigCompare({ m: 1n, e: 0n, r: 1n, re: -60n }, d(1)), undefined);
});

test('bigFromDD takes a fast-path ball exactly', () => {
  const b = bigFromDD(1, 2 ** -80, 2 ** -100);
  assert.equal(b.m, (1n << 80n) + 1n);
  assert.equal(b.e, -80n);
  assert.equal(b.r, 1n);
  assert.equal(b.re, -100n);
});

test('pow: integer exponents are exact when they fit, negative bases need integers, 0^b', () => {
  const p = (a: BigBall, b: BigBall, prec = 64) => bigOp('pow', [a, b], prec);
  const r = ok(p(d(-2), d(3)));
  assert.equal(r.r, 0n);
  assert.equal(num(r), -8);
  assert.equal(num(ok(p(d(1.5), d(2)))), 2.25);
  assert.ok(meetsDecimal(ok(p(d(-2), d(-3))), '-0.125'));
  assert.equal(num(ok(p(d(0), d(0)))), 1);
  assert.equal(num(ok(p(d(0), d(2.5)))), 0);
  const pole = p(d(0), d(-1));
  assert.ok(isFail(pole) && pole.fail === 'edge');
  const neg = p(d(-2), d(0.5));
  assert.ok(isFail(neg) && neg.fail === 'domain');
  // (-2)^(2^70) = 2^(2^70) and (-2)^(2^70 + 1) = -2^(2^70 + 1): a huge exact integer exponent keeps its parity
  const even = ok(p(d(-2), { m: 1n, e: 70n, r: 0n, re: 0n }));
  assert.equal(bigSign(even), 1);
  assert.ok(Math.abs(bigLog2Mag(even) - 2 ** 70) < 2 ** 20);
  const odd = ok(p(d(-2), { m: (1n << 70n) + 1n, e: 0n, r: 0n, re: 0n }));
  assert.equal(bigSign(odd), -1);
});

test('atan2 branches, log2 of powers of two, and exact quotients', () => {
  // mpmath: atan2(1e-300, -1) = pi - 1e-300, atan2(-1e-300, -1) = -(pi - 1e-300), atan2(1, 0) = pi/2
  assert.ok(meetsDecimal(ok(bigOp('atan2', [d(1e-300), d(-1)], 64)), '3.141592653589793238462643383279502884197'));
  assert.ok(meetsDecimal(ok(bigOp('atan2', [d(-1e-300), d(-1)], 64)), '-3.141592653589793238462643383279502884197'));
  assert.ok(meetsDecimal(ok(bigOp('atan2', [d(1), d(0)], 64)), '1.570796326794896619231321691639751442099'));
  const z = bigOp('atan2', [d(0), d(0)], 64);
  assert.ok(isFail(z) && z.fail === 'edge');
  const cut = bigOp('atan2', [{ m: 0n, e: 0n, r: 1n, re: -60n }, d(-1)], 64);
  assert.ok(isFail(cut) && cut.fail === 'edge');
  const l = ok(bigOp('log2', [d(2 ** -1074)], 64));
  assert.equal(l.r, 0n);
  assert.equal(num(l), -1074);
  const q = ok(bigOp('div', [d(1), d(2 ** -60)], 64));
  assert.equal(q.r, 0n);
  assert.equal(num(q), 2 ** 60);
});

test('a long midpoint with a radius far above its last bit is still far from zero (found by the evaluator)', () => {
  // 1 + 12345 2^-4000 +- 2^-300: |x| >= 1 - 2^-300, so 1/x and log x are defined and narrow
  const b: BigBall = { m: (1n << 4000n) + 12345n, e: -4000n, r: 1n, re: -300n };
  assert.equal(bigSign(b), 1);
  const q = ok(bigOp('div', [d(1), b], 64));
  assert.ok(meetsDecimal(q, '1'));
  const l = ok(bigOp('log', [b], 64));
  assert.ok(meetsDecimal(l, '0'));
  // 1e-300 / cosh(7e300) at 3987 bits: mpmath 2.171923860...e-3040061373322762694854300860341784640398387051999592514371422307689489408191301738452854643081753221124079589815588377410573126051153925235759800981746993931876246109558954659771296038173147173722605464586951118980346823110111094165109864836761469609260187500189451915887017363095312454181883829227241
  const c = ok(bigOp('cosh', [d(7e300)], 3987));
  const r = bigOp('div', [d(1e-300), c], 3987);
  assert.ok(!isFail(r));
});

test('square of a ball is the exact interval of x^2 (hand math)', () => {
  // x in [2, 4]: x^2 in [4, 16] = 10 +- 6
  const s = ok(bigOp('square', [{ m: 3n, e: 0n, r: 1n, re: 0n }], 64));
  assert.equal(num(s), 10);
  assert.equal(Number(s.r) * 2 ** Number(s.re), 6);
  // x in [-0.5, 1.5]: x^2 in [0, 2.25]; the ball must reach 0 and 2.25 and stay within [-0.01, 2.26]
  const z = ok(bigOp('square', [{ m: 1n, e: -1n, r: 1n, re: 0n }], 64));
  const lo = num(z) - Number(z.r) * 2 ** Number(z.re);
  const hi = num(z) + Number(z.r) * 2 ** Number(z.re);
  assert.ok(lo <= 0 && lo > -0.01 && hi >= 2.25 && hi < 2.26, `[${lo}, ${hi}]`);
  // hypot(a, b) with b's ball far from 0 but wide no longer reaches 0
  const h = bigOp('hypot', [bigFromDD(-171007153.3669354, 0, 512), bigFromDD(585414282.1323925, 0, 268435456)], 64);
  assert.ok(!isFail(h));
});
