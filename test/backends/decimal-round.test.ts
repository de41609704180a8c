import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Decimal as Base } from 'decimal.js';
import type { FloatFormat } from '../../src/base/float-format.js';
import { exactDecimal, roundDecimal } from '../../src/backends/decimal/index.js';
import { divRound, expSmall, mulRound } from '../../src/backends/decimal/bigops.js';

// Expected floats are written as literals or powers of two; midpoints were computed by hand
// (Python fractions): 1 + 2^-53, 1 + 3 * 2^-53, 2^-1075, 2^1024 - 2^970, 2^128 - 2^103, ...
const Decimal = Base.clone({ precision: 2000 });
const MIN64 = 2 ** -1074;
const MIN32 = 2 ** -149;
const HALF_MIN64 = '2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324';
const OVERFLOW64 = '179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792';
const OVERFLOW32 = '340282356779733661637539395458142568448';
const HALF_MIN32 = '7.00649232162408535461864791644958065640130970938257885878534141944895541342930300743319094181060791015625e-46';

const rows: [string, FloatFormat, number][] = [
  ['0.1', 'float64', 0.1],
  ['0.1', 'float32', 0.100000001490116119384765625],
  ['-2.5', 'float32', -2.5],
  // ties to even
  ['1.00000000000000011102230246251565404236316680908203125', 'float64', 1],
  ['1.00000000000000033306690738754696212708950042724609375', 'float64', 1 + 2 ** -51],
  ['1.000000000000000111022302462515654042363166809082031250001', 'float64', 1 + 2 ** -52],
  ['1.000000059604644775390625', 'float32', 1],
  ['1.000000178813934326171875', 'float32', 1 + 2 ** -22],
  ['1.0000000596046447753906251', 'float32', 1 + 2 ** -23],
  // 1 + 2^-24 + 2^-80: its nearest double is the float32 midpoint 1 + 2^-24; fround(Number(s)) would give 1
  ['1.00000005960464477539062582718061255302767487140869206996285356581211090087890625', 'float32', 1 + 2 ** -23],
  // subnormals and underflow
  ['5e-324', 'float64', MIN64],
  [HALF_MIN64, 'float64', 0],
  [HALF_MIN64.replace('e-324', '1e-324'), 'float64', MIN64],
  ['-1e-400', 'float64', -0],
  ['1e-45', 'float32', MIN32],
  [HALF_MIN32, 'float32', 0],
  [HALF_MIN32.replace('e-46', '1e-46'), 'float32', MIN32],
  ['3e-39', 'float32', Math.fround(3e-39)],
  // overflow at max + half an ulp
  [OVERFLOW64, 'float64', Infinity],
  [new Decimal(OVERFLOW64).minus(1).toFixed(), 'float64', Number.MAX_VALUE],
  ['-' + OVERFLOW64, 'float64', -Infinity],
  [OVERFLOW32, 'float32', Infinity],
  [new Decimal(OVERFLOW32).minus(1).toFixed(), 'float32', 3.4028234663852886e38],
  ['1e39', 'float32', Infinity],
  ['1e39', 'float64', 1e39],
  ['1e+9000000000000000', 'float64', Infinity],
];

test('roundDecimal rounds correctly, ties to even', () => {
  for (const [text, format, expected] of rows) {
    const got = roundDecimal(new Decimal(text), format);
    assert.ok(Object.is(got, expected), `${text.slice(0, 40)} in ${format}: got ${got}, expected ${expected}`);
  }
});

test('roundDecimal of 0.1 in float32 is exactly 0.100000001490116119384765625', () => {
  assert.equal(exactDecimal(roundDecimal(new Decimal('0.1'), 'float32')).toFixed(), '0.100000001490116119384765625');
});

const exactRows: [number, string][] = [
  [0.1, '0.1000000000000000055511151231257827021181583404541015625'],
  [-2.5, '-2.5'],
  [1e23, '99999999999999991611392'],
  [2 ** -1074, new Decimal(HALF_MIN64).times(2).toFixed()],
  [Math.fround(0.1), '0.100000001490116119384765625'],
  [0, '0'],
];

test('exactDecimal gives the exact value of a double', () => {
  for (const [x, expected] of exactRows) assert.equal(exactDecimal(x).toFixed(), expected, `${x}`);
});

// The BigInt fast paths round like decimal.js: ties to even, by hand (125 -> 120, 175 -> 180 at 2
// digits), long operands against decimal.js's own (independent) long multiplication and division.
const D2 = Base.clone({ precision: 2, rounding: Base.ROUND_HALF_EVEN });
const D300 = Base.clone({ precision: 300, rounding: Base.ROUND_HALF_EVEN });
const longA = new D300(2).sqrt();
const longB = new D300(3).ln().neg();
const bigRows: [string, () => string, string][] = [
  ['25 * 5 tie to even', () => mulRound(D2, new D2(25), new D2(5), 2).toFixed(), '120'],
  ['35 * 5 tie to even', () => mulRound(D2, new D2(35), new D2(5), 2).toFixed(), '180'],
  ['-1/8 tie to even', () => divRound(D2, new D2(-1), new D2(8), 2).toFixed(), '-0.12'],
  ['1/3', () => divRound(D2, new D2(1), new D2(3), 2).toFixed(), '0.33'],
  ['sqrt2 * -ln3 at 300', () => mulRound(D300, longA, longB, 300).toFixed(), longA.times(longB).toFixed()],
  ['sqrt2 / -ln3 at 300', () => divRound(D300, longA, longB, 300).toFixed(), longA.div(longB).toFixed()],
  ['exp(-1e-100) at 300', () => expSmall(D300, new D300('-1e-100'), 300)!.toFixed(), D300.exp('-1e-100').toFixed()],
  // e^(1e-5) = 1.00001000005000016666708333341666..., 12 digits
  ['exp(1e-5) at 12', () => expSmall(Base.clone({ precision: 12 }), new Base('1e-5'), 12)!.toFixed(), '1.00001000005'],
];

test('long products, quotients and exp of tiny arguments are correctly rounded', () => {
  for (const [name, got, expected] of bigRows) assert.equal(got(), expected, name);
});
