// The dd midpoint operations against exact rational arithmetic: the worst relative error seen on random and
// adversarial inputs must stay below the constants the radii use (which sit above the published bounds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { add, EPS_ADD, EPS_MUL, EPS_MUL_D, mul, type DDBall } from '../../../../src/backends/truth/fast/ball.js';
import { absR, add as addR, cmp, ratOfDouble, sub as subR, type Rat } from './exact.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

function dd(rand: () => number, exactDouble: boolean): DDBall {
  const hi = (rand() < 0.5 ? -1 : 1) * 2 ** Math.floor(rand() * 40 - 20) * (1 + Math.floor(rand() * 2 ** 52) / 2 ** 52);
  if (exactDouble) return { hi, lo: 0, rad: 0 };
  const ulp = 2 ** (Math.floor(Math.log2(Math.abs(hi))) - 52);
  let lo = (rand() - 0.5) * ulp;
  if (rand() < 0.2) lo = (rand() < 0.5 ? -0.5 : 0.5) * ulp * (1 - 2 ** -20);
  return hi + lo === hi ? { hi, lo, rad: 0 } : { hi, lo: 0, rad: 0 };
}

const mid = (b: DDBall): Rat => addR(ratOfDouble(b.hi), ratOfDouble(b.lo));
/** |got - want| <= eps |want|, exactly (eps a power of two). */
function within(got: Rat, want: Rat, eps: number): boolean {
  return cmp(absR(subR(got, want)), { n: absR(want).n * ratOfDouble(eps).n, d: want.d * ratOfDouble(eps).d }) <= 0;
}

test('dd add and mul errors stay below EPS_ADD, EPS_MUL_D, EPS_MUL', () => {
  const rand = rng(3);
  for (let i = 0; i < 20000; i++) {
    const a = dd(rand, false);
    let b = dd(rand, i % 3 === 0);
    if (i % 4 === 0) b = { hi: -a.hi * (1 + 2 ** -30 * rand()), lo: 0, rad: 0 }; // cancellation
    const s = add(a, b)!;
    const exactSum = addR(mid(a), mid(b));
    if (exactSum.n !== 0n) assert.ok(within(mid(s), exactSum, EPS_ADD), `add ${JSON.stringify([a, b])}`);
    const p = mul(a, b)!;
    const exactProd: Rat = { n: mid(a).n * mid(b).n, d: mid(a).d * mid(b).d };
    const eps = b.lo === 0 ? EPS_MUL_D : EPS_MUL;
    assert.ok(within(mid(p), exactProd, eps), `mul ${JSON.stringify([a, b])}`);
    // the proven bounds themselves, as a check that the margins are real: 3u^2 (add), 7u^2 (mul)
    if (exactSum.n !== 0n) assert.ok(within(mid(s), exactSum, 3 * 2 ** -106 * (1 + 2 ** -50)), `add bound ${JSON.stringify([a, b])}`);
    assert.ok(within(mid(p), exactProd, 7 * 2 ** -106), `mul bound ${JSON.stringify([a, b])}`);
  }
});
