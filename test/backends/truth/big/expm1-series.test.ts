// expm1 of small exact arguments (the fixed-point series in big/expfamily.ts) against the Taylor series summed in
// exact rationals here, with its tail bound: the ball must contain the whole bracket [S_N - R, S_N + R],
// R = 2 |x|^(N+1) / (N+1)! >= |expm1(x) - S_N| for |x| <= 1/2.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigFromDouble, bigOp, isFail } from '../../../../src/backends/truth/big/index.js';
import * as Q from '../../../../src/backends/truth/rational.js';

const dyadic = (m: bigint, e: bigint) => (e >= 0n ? Q.q(m << e) : Q.q(m, 1n << -e));
const abs = (a: Q.Q): Q.Q => (a.n < 0n ? Q.neg(a) : a);

function bracket(x: Q.Q, bits: number): [Q.Q, Q.Q] {
  let term = x;
  let sum = x;
  let fact = 1n;
  for (let k = 2n; ; k++) {
    fact *= k;
    term = Q.div(Q.mul(term, x), Q.fromInt(k));
    sum = Q.add(sum, term);
    // R = 2 |x|^(k+1) / (k+1)! = 2 |term x| / (k+1)
    const R = abs(Q.div(Q.mul(Q.mul(term, x), Q.fromInt(2)), Q.fromInt(k + 1n)));
    if (Q.log2Abs(R) < Q.log2Abs(x) - bits - 40) return [Q.sub(sum, R), Q.add(sum, R)];
  }
}

test('expm1 of small exact arguments: the ball holds the exact Taylor bracket (64 to 4000 bits)', () => {
  const xs = [2 ** -997, -(2 ** -997) * 1.5, 1e-300, -3e-200, 1e-20, -7.5e-9, 2 ** -9 * 0.75, -(2 ** -9), 1e-5];
  let checked = 0;
  for (const x of xs) {
    for (const prec of [64, 128, 256, 1100, 2112, 4000]) {
      const b = bigOp('expm1', [bigFromDouble(x)], prec);
      assert.ok(!isFail(b), `expm1(${x}) at ${prec}`);
      const [lo, hi] = bracket(Q.fromDouble(x), prec);
      const mid = dyadic(b.m, b.e);
      const rad = dyadic(b.r, b.re);
      for (const end of [lo, hi]) {
        assert.ok(Q.cmp(abs(Q.sub(end, mid)), rad) <= 0, `expm1(${x}) at ${prec} bits misses the bracket`);
      }
      // and it is narrow: about prec bits
      assert.ok(Q.log2Abs(rad) - Q.log2Abs(mid) < -prec + 4, `expm1(${x}) at ${prec} bits: too wide`);
      checked++;
    }
  }
  assert.equal(checked, xs.length * 6);
});
