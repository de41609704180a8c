import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigRelWidth } from '../../../src/backends/truth/big/index.js';
import { ballDigits, ddBallDigits, dyadicBallDigits, plainDecimal, qDigits } from '../../../src/backends/truth/digits.js';
import * as Q from '../../../src/backends/truth/rational.js';

const dyadic = (m: bigint, e: bigint) => (e >= 0n ? Q.q(m << e) : Q.q(m, 1n << -e));

// dyadicBallDigits is ballDigits without rationals: the same digits, except that its digit count, taken from a
// double estimate of the width with a margin, may be one short at a boundary (then the same digits, one fewer).
test('dyadicBallDigits gives ballDigits\' digits on random dyadic balls', () => {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let checked = 0;
  for (let i = 0; i < 3000; i++) {
    const bits = 1 + Math.floor(rnd() * 300);
    let m = 0n;
    for (let b = 0; b < bits; b += 30) m = (m << 30n) | BigInt(Math.floor(rnd() * 2 ** 30));
    m = m >> BigInt(Math.max(0, Math.ceil(bits / 30) * 30 - bits));
    if (m === 0n) continue;
    if (rnd() < 0.5) m = -m;
    const e = BigInt(Math.floor(rnd() * 2400) - 1200);
    const r = BigInt(1 + Math.floor(rnd() * 2 ** 40));
    const re = e + BigInt(bits) - BigInt(Math.floor(rnd() * 200)) - 40n;
    const ball = { m, e, r, re };
    const want = ballDigits(dyadic(m, e), dyadic(r, re), 21);
    const got = dyadicBallDigits(m, e, bigRelWidth(ball), 21);
    if (got === undefined) continue;
    checked++;
    if (got === want) continue;
    // one digit fewer at a boundary of the width
    const n = (want.replace(/^-/, '').replace(/e.*$/, '').replace(/[.]/g, '').replace(/^0+/, '')).length;
    assert.equal(plainDecimal(got), plainDecimal(qDigits(dyadic(m, e), n - 1, false)), `m=${m} e=${e} r=${r} re=${re}: want ${want}, got ${got}`);
  }
  assert.ok(checked > 2000, `${checked} balls compared`);
});

test('ddBallDigits gives ballDigits\' digits on random double-double balls', () => {
  let seed = 777;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let same = 0;
  for (let i = 0; i < 3000; i++) {
    const hi = (rnd() < 0.5 ? -1 : 1) * (1 + rnd()) * 2 ** Math.floor(rnd() * 2000 - 1000);
    const lo = rnd() < 0.2 ? 0 : hi * 2 ** -53 * (rnd() - 0.5);
    if (hi + lo !== hi) continue;
    const rad = Math.abs(hi) * 2 ** -(20 + rnd() * 90);
    const want = ballDigits(Q.add(Q.fromDouble(hi), Q.fromDouble(lo)), Q.fromDouble(rad), 21);
    const got = ddBallDigits(hi, lo, Math.log2(rad / Math.abs(hi)), 21);
    assert.ok(got !== undefined);
    if (got === want) {
      same++;
      continue;
    }
    const n = (want.replace(/^-/, '').replace(/e.*$/, '').replace(/[.]/g, '').replace(/^0+/, '')).length;
    assert.equal(got, qDigits(Q.add(Q.fromDouble(hi), Q.fromDouble(lo)), n - 1, false), `hi=${hi} lo=${lo} rad=${rad}: want ${want}`);
  }
  assert.ok(same > 2500, `${same} the same`);
});
