// ddRoundsTo and ddSign at the places where rounding is easy to get wrong: ties (to even), the halved spacing below
// a power of two, the subnormal range and the overflow thresholds. Expected values are hand-derived.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ddRoundsTo, ddSign, type DDBall } from '../../../../src/backends/truth/fast/index.js';

const p = (e: number): number => 2 ** e;
const MAX32 = (2 - p(-23)) * p(127);
const T32 = p(128) - p(103); // the float32 overflow midpoint (ties go to "2^128", i.e. Infinity)
const b = (hi: number, lo = 0, rad = 0): DDBall => ({ hi, lo, rad });

const CASES: ReadonlyArray<[string, DDBall, 'float32' | 'float64', number | undefined]> = [
  ['exact 1', b(1), 'float64', 1],
  ['tie above 1 goes to even 1', b(1, p(-53)), 'float64', 1],
  ['tie above 1 with any radius', b(1, p(-53), p(-200)), 'float64', undefined],
  ['tie below 1 (halved spacing) goes to 1', b(1, -p(-54)), 'float64', 1],
  ['tie below 1 with radius', b(1, -p(-54), p(-300)), 'float64', undefined],
  ['inside below 1', b(1, -p(-55), p(-56)), 'float64', 1],
  ['tie between odd 1+2^-52 and even 1+2^-51', b(1 + p(-51), -p(-53)), 'float64', 1 + p(-51)],
  ['largest double with room', b(Number.MAX_VALUE, p(969), 0), 'float64', Number.MAX_VALUE],
  ['largest double reaching the overflow midpoint', b(Number.MAX_VALUE, p(969), p(969)), 'float64', undefined],
  ['smallest subnormal, exact', b(p(-1074)), 'float64', p(-1074)],
  ['smallest subnormal with radius', b(p(-1074), 0, p(-1074)), 'float64', undefined],
  ['3 * 2^-1074, exact', b(3 * p(-1074)), 'float64', 3 * p(-1074)],
  ['2^-1000 with a tiny radius', b(p(-1000), 0, p(-1060)), 'float64', p(-1000)],
  ['2^-1000 with radius reaching the tie below (goes to even 2^-1000)', b(p(-1000), 0, p(-1054)), 'float64', p(-1000)],
  ['2^-1000 with radius past the tie below', b(p(-1000), 0, 1.5 * p(-1054)), 'float64', undefined],
  ['smallest normal, radius below half a subnormal is impossible', b(p(-1022), 0, p(-1074)), 'float64', undefined],
  ['exact zero', b(0), 'float64', 0],
  ['zero with radius', b(0, 0, p(-1074)), 'float64', undefined],
  ['f32 exact 1', b(1), 'float32', 1],
  ['f32 tie above 1 goes to even 1', b(1 + p(-24)), 'float32', 1],
  ['f32 just above the tie', b(1 + p(-24), p(-80)), 'float32', 1 + p(-23)],
  ['f32 just below the tie', b(1 + p(-24), -p(-80)), 'float32', 1],
  ['f32 tie with radius', b(1 + p(-24), 0, p(-80)), 'float32', undefined],
  ['f32 tie below 1 goes to even 1', b(1 - p(-25)), 'float32', 1],
  ['f32 just below the tie below 1', b(1 - p(-25), -p(-70)), 'float32', 1 - p(-24)],
  ['f32 inside the halved spacing below 1', b(1 - p(-26), 0, p(-27)), 'float32', 1],
  ['f32 reaching the tie below 1 (goes to even 1)', b(1 - p(-26), 0, p(-26)), 'float32', 1],
  ['f32 past the tie below 1', b(1 - p(-26), 0, p(-26) + p(-40)), 'float32', undefined],
  ['f32 overflow midpoint is Infinity', b(T32), 'float32', Infinity],
  ['f32 just below the overflow midpoint', b(T32, -p(60)), 'float32', MAX32],
  ['f32 straddling the overflow midpoint', b(T32, 0, p(60)), 'float32', undefined],
  ['f32 2^128', b(p(128)), 'float32', Infinity],
  ['f32 -2^128', b(-p(128)), 'float32', -Infinity],
  ['f32 largest float with room', b(MAX32, 0, p(102)), 'float32', MAX32],
  ['f32 huge double', b(1e300, 0, 1e280), 'float32', Infinity],
  ['f32 half the smallest subnormal is a tie to 0', b(p(-150)), 'float32', 0],
  ['f32 just above half the smallest subnormal', b(p(-150), p(-200)), 'float32', p(-149)],
  ['f32 1.5 * 2^-149 ties to even 2^-148', b(3 * p(-150)), 'float32', p(-148)],
  ['f32 tiny double rounds to 0', b(p(-1074)), 'float32', 0],
  ['f32 smallest normal with a radius under half a subnormal', b(p(-126), 0, p(-151)), 'float32', p(-126)],
  ['f32 0.1 (double) rounds to fround(0.1)', b(0.1), 'float32', Math.fround(0.1)],
];

test('ddRoundsTo: ties, powers of two, subnormals, overflow', () => {
  for (const [name, ball, format, want] of CASES) {
    assert.equal(ddRoundsTo(ball, format), want, name);
  }
});

test('ddRoundsTo: a zero result keeps the sign of hi', () => {
  assert.ok(Object.is(ddRoundsTo(b(-0), 'float64'), -0));
  assert.ok(Object.is(ddRoundsTo(b(-p(-151)), 'float32'), -0));
  assert.ok(Object.is(ddRoundsTo(b(-p(-1074)), 'float32'), -0));
});

test('ddSign', () => {
  const cases: ReadonlyArray<[DDBall, -1 | 0 | 1 | undefined]> = [
    [b(1, 0, 0.5), 1],
    [b(1, 0, 1), undefined],
    [b(1, -p(-60), 1 - p(-53)), 1],
    [b(1, -p(-60), 1), undefined],
    [b(-3, 0, 1), -1],
    [b(0), 0],
    [b(-0), 0],
    [b(0, 0, p(-1074)), undefined],
    [b(p(-1074), 0, 0), 1],
  ];
  for (const [ball, want] of cases) assert.equal(ddSign(ball), want, JSON.stringify(ball));
});
