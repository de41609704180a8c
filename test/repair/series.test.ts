import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Q from '../../src/repair/rational.js';
import { coefficient, seriesAtZero } from '../../src/repair/series.js';
import { hornerText, removableSeries, taylorFor } from '../../src/repair/series-join.js';
import { parseExpr } from '../../src/repair/tree.js';

const r = (text: string) => {
  const [n, d] = text.split('/');
  return Q.rat(BigInt(n!), BigInt(d ?? '1'));
};

/** Coefficients by hand: Taylor tables, and for the story's f the Bernoulli numbers (f = sum B+(n) x^(n-1) / n!). */
const CASES: { expr: string; lo: number; coeffs: string[] }[] = [
  { expr: 'exp(x)', lo: 0, coeffs: ['1', '1', '1/2', '1/6', '1/24', '1/120'] },
  { expr: 'expm1(x) / x', lo: 0, coeffs: ['1', '1/2', '1/6', '1/24'] },
  { expr: 'log1p(x)', lo: 1, coeffs: ['1', '-1/2', '1/3', '-1/4'] },
  { expr: 'log(1 + x)', lo: 1, coeffs: ['1', '-1/2', '1/3', '-1/4'] },
  { expr: 'sqrt(1 + x)', lo: 0, coeffs: ['1', '1/2', '-1/8', '1/16', '-5/128'] },
  { expr: 'sigmoid(x)', lo: 0, coeffs: ['1/2', '1/4', '0', '-1/48', '0', '1/480'] },
  { expr: '1/x', lo: -1, coeffs: ['1', '0', '0'] },
  { expr: '1/(1-exp(-x))', lo: -1, coeffs: ['1', '1/2', '1/12', '0', '-1/720'] },
  { expr: '1/(1-exp(-x)) - 1/x', lo: 0, coeffs: ['1/2', '1/12', '0', '-1/720', '0', '1/30240', '0', '-1/1209600'] },
  { expr: 'sqrt(1 + x*x) - 1', lo: 2, coeffs: ['1/2', '0', '-1/8', '0', '1/16'] },
  { expr: 'sin(x) / x', lo: 0, coeffs: ['1', '0', '-1/6', '0', '1/120', '0', '-1/5040'] },
  { expr: '(1 - cos(x)) / x**2', lo: 0, coeffs: ['1/2', '0', '-1/24', '0', '1/720'] },
  { expr: 'tan(x)', lo: 1, coeffs: ['1', '0', '1/3', '0', '2/15', '0', '17/315'] },
  { expr: 'tanh(x)', lo: 1, coeffs: ['1', '0', '-1/3', '0', '2/15', '0', '-17/315'] },
  { expr: 'sinh(x) + cosh(x)', lo: 0, coeffs: ['1', '1', '1/2', '1/6', '1/24'] },
  { expr: 'atan(x)', lo: 1, coeffs: ['1', '0', '-1/3', '0', '1/5', '0', '-1/7'] },
  { expr: 'asin(x)', lo: 1, coeffs: ['1', '0', '1/6', '0', '3/40', '0', '5/112'] },
  { expr: 'x ** -2 * (1 - exp(-x)) ** 2', lo: 0, coeffs: ['1', '-1', '7/12'] },
];

for (const c of CASES) {
  test(`series at 0 of ${c.expr}`, () => {
    const s = seriesAtZero(parseExpr(c.expr), 'x', 16);
    assert.equal(s.lo, c.lo);
    c.coeffs.forEach((want, i) => assert.deepEqual(coefficient(s, c.lo + i), r(want), `coefficient of x^${c.lo + i}`));
  });
}

test('no series where the expansion is irrational or unknown at 0', () => {
  for (const expr of ['log(x)', 'exp(1 + x)', 'cos(1 + x)', 'sqrt(2 + x)', 'abs(x)']) assert.equal(removableSeries(parseExpr(expr), 'x'), undefined, expr);
  assert.equal(removableSeries(parseExpr('1/(1-exp(-x))'), 'x'), undefined, 'a pole is not removable');
});

test('the Taylor degree grows with the threshold, and the polynomial prints as a literal Horner form', () => {
  const s = removableSeries(parseExpr('1/(1-exp(-x)) - 1/x'), 'x')!;
  const degrees = [0.25, 1, 2].map((t) => taylorFor(s, t)!.coefficients.length - 1);
  assert.ok(degrees[0]! < degrees[1]! && degrees[1]! < degrees[2]!, String(degrees));
  // Hand check of the bound at t = 2: the terms fall like (2 / 2 pi)^k, so 2^-55 needs about 34 of them.
  assert.ok(degrees[2]! >= 30 && degrees[2]! <= 40, String(degrees[2]));
  const p = taylorFor(s, 0.25)!;
  // f - 1/2 is odd: written in x * x
  assert.match(hornerText(p, 'x'), /^5e-1 \+ x \* \(8\.333333333333333333333333e-2 \+ \(x \* x\) \* \(-1\.388888888888888888888889e-3 \+ \(x \* x\) \* \(3\.3068/);
  const even = taylorFor(removableSeries(parseExpr('sqrt(1 + x*x) - 1'), 'x')!, 0.25)!;
  assert.match(hornerText(even, 'x'), /^\(x \* x\) \* \(5e-1 \+ \(x \* x\) \* \(-1\.25e-1 \+/);
});

test('decimal text of rationals', () => {
  assert.equal(Q.toDecimal(r('1/3'), 5), '3.3333e-1');
  assert.equal(Q.toDecimal(r('-2/3'), 5), '-6.6667e-1');
  assert.equal(Q.toDecimal(r('1234'), 25), '1.234e3');
  assert.equal(Q.toDecimal(r('1/2')), '5e-1');
  assert.deepEqual(Q.parseDecimal('1.5e-3'), r('3/2000'));
});
