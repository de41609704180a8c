// The dd constants against 60-digit mpmath values (printed by /usr/bin/python3 with mp.dps = 70): each ball must
// contain the true constant, with room for the 60-digit string's own rounding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as C from '../../../../src/backends/truth/fast/constants.js';
import { ERF_COEF, ONE_OVER_SQRT_PI, TWO_OVER_SQRT_PI } from '../../../../src/backends/truth/fast/erf-table.js';
import type { DDBall } from '../../../../src/backends/truth/fast/index.js';
import { add, ballContains, decimalTolerance, ratOfDecimal, ratOfDouble } from './exact.js';

const NAMED: ReadonlyArray<[string, DDBall, string]> = [
  ['LN2', C.LN2, '0.69314718055994530941723212145817656807550013436025525412068'],
  ['LN10', C.LN10, '2.30258509299404568401799145468436420760110148862877297603333'],
  ['PI', C.PI, '3.14159265358979323846264338327950288419716939937510582097494'],
  ['PI_2', C.PI_2, '1.57079632679489661923132169163975144209858469968755291048747'],
  ['PI_4', C.PI_4, '0.785398163397448309615660845819875721049292349843776455243736'],
  ['TWO_OVER_SQRT_PI', TWO_OVER_SQRT_PI, '1.12837916709551257389615890312154517168810125865799771368817'],
  ['ONE_OVER_SQRT_PI', ONE_OVER_SQRT_PI, '0.564189583547756286948079451560772585844050629328998856844086'],
];
const INV_FACT: ReadonlyArray<[number, string]> = [
  [3, '1.66666666666666666666666666666666666666666666666666666666667e-1'],
  [7, '1.98412698412698412698412698412698412698412698412698412698413e-4'],
  [13, '1.6059043836821614599392377170154947932725710503488281266059e-10'],
  [20, '4.11031762331216485847799061843614037461036949591305706721334e-19'],
  [27, '9.18368986379554614842571683647391339786168719434317933634923e-29'],
];
const ERF: ReadonlyArray<[number, string]> = [
  [1, '6.66666666666666666666666666666666666666666666666666666666667e-1'],
  [10, '7.44764615225080112789582542395948460128518116625640336879218e-8'],
  [50, '4.09024582831025839443562178095183602722308854121611613964988e-66'],
  [120, '1.20561060170544102491405358667746751474621680408442546530763e-200'],
];

test('named constants contain their true values', () => {
  for (const [name, ball, digits] of NAMED) {
    assert.ok(ballContains(ball, ratOfDecimal(digits), decimalTolerance(digits)), name);
    assert.ok(ball.rad <= 2 ** -100 * Math.abs(ball.hi), `${name} is tight`);
  }
});

test('1/n! and the erf coefficients contain their true values', () => {
  for (const [n, digits] of INV_FACT) assert.ok(ballContains(C.INV_FACT[n]!, ratOfDecimal(digits), decimalTolerance(digits)), `1/${n}!`);
  for (const [n, digits] of ERF) assert.ok(ballContains(ERF_COEF[n]!, ratOfDecimal(digits), decimalTolerance(digits)), `erf c_${n}`);
});

test('the Cody-Waite pieces of pi/2 sum to pi/2 and each has at most 33 significant bits', () => {
  const digits = NAMED[3]![2];
  const parts = add(add(ratOfDouble(C.PI_2_C1), ratOfDouble(C.PI_2_C2)), ratOfDouble(C.PI_2_C3));
  const rest = C.PI_2_REST;
  const shifted: DDBall = { hi: rest.hi, lo: rest.lo, rad: rest.rad };
  // pi/2 - (C1 + C2 + C3) must lie in the REST ball
  const target = ratOfDecimal(digits);
  const remainder = { n: target.n * parts.d - parts.n * target.d, d: target.d * parts.d };
  assert.ok(ballContains(shifted, remainder, decimalTolerance(digits)));
  for (const c of [C.PI_2_C1, C.PI_2_C2, C.PI_2_C3]) {
    const r = ratOfDouble(c);
    let n = r.n;
    while (n % 2n === 0n) n /= 2n;
    assert.ok(n.toString(2).length <= 33, `${c} has ${n.toString(2).length} bits`);
  }
});
