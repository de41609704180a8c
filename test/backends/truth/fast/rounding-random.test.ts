// ddRoundsTo against an independent exact rounding of the ball's two endpoints (BigInt rationals): rounding is
// monotone, so the ball rounds to one float exactly when both endpoints round to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ddRoundsTo, type DDBall } from '../../../../src/backends/truth/fast/index.js';
import { add, ratOfDouble, roundRat, sub } from './exact.js';

/** A deterministic generator (xorshift) so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

function expected(b: DDBall, format: 'float32' | 'float64'): number | undefined {
  const mid = add(ratOfDouble(b.hi), ratOfDouble(b.lo));
  const r = ratOfDouble(b.rad);
  const lo = roundRat(sub(mid, r), format);
  const hi = roundRat(add(mid, r), format);
  return lo === hi ? lo : undefined;
}

test('ddRoundsTo agrees with exact endpoint rounding near ties, powers of two, subnormals and overflow', () => {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  let defined = 0;
  const N = 20000;
  for (let i = 0; i < N; i++) {
    const format = pick(['float32', 'float64'] as const);
    const [prec, emin] = format === 'float64' ? [53, -1074] : [24, -149];
    const e = pick([Math.floor(rand() * 200) - 100, emin + Math.floor(rand() * 30), -1022, -126, 127, 1023, 0, -1, 1]);
    // a float of the format, a midpoint, or a power of two, perturbed by a few units of 2^(e - prec - k)
    const base = 2 ** e * (1 + Math.floor(rand() * 2 ** 20) / 2 ** 20);
    const ulp = 2 ** Math.max(e - prec + 1, emin);
    const kind = pick(['float', 'mid', 'pow2', 'any']);
    let hi = kind === 'pow2' ? 2 ** e : kind === 'any' ? base : Math.round(base / ulp) * ulp + (kind === 'mid' ? ulp / 2 : 0);
    if (format === 'float32' && hi > 3.5e38) hi = pick([2 ** 128 - 2 ** 103, 3.4028234663852886e38, 2 ** 128]);
    if (!Number.isFinite(hi) || hi === 0 || hi > Number.MAX_VALUE) continue;
    if (rand() < 0.5) hi = -hi;
    const scale = ulp * 2 ** -(Math.floor(rand() * 60));
    let lo = pick([0, scale, -scale, scale * (rand() - 0.5)]);
    if (hi + lo !== hi) lo = 0;
    const rad = pick([0, 0, scale, scale / 2, ulp / 2, ulp / 4, ulp * rand()]);
    const b: DDBall = { hi, lo, rad };
    const want = expected(b, format);
    const got = ddRoundsTo(b, format);
    if (got !== undefined) defined++;
    assert.ok(got === want, `${format} ${JSON.stringify(b)}: got ${got}, want ${want}`); // zeros' signs are not judged
  }
  assert.ok(defined > N / 4, `only ${defined} defined`);
});
