// Payne-Hanek reduction for trig arguments beyond 2^20, where k * pi/2 needs more bits of pi than Cody-Waite's pieces
// carry: the fraction of v * 2/pi is taken from a 1300-bit 2/pi with BigInt. This is the fast path's only BigInt use
// outside ddFromDecimal (a few microseconds per call); such arguments are rare in losses, and the alternative is the
// exact engine.
import { mul, up, type DDBall } from './ball.js';
import { PI_2 } from './constants.js';
import { twoSumLo } from './eft.js';
import { exponentOf, pow2 } from './pow2.js';

/** floor(2/pi * 2^1300) (mpmath, 1600 bits). */
const TWO_OVER_PI = BigInt(
  '0x' +
    'a2f9836e4e441529fc2757d1f534ddc0db6295993c439041fe5163abdebbc561b7246e3a424dd2e006492eea09d1921cfe1d' +
    'eb1cb129a73ee88235f52ebb4484e99c7026b45f7e413991d639835339f49c845f8bbdf9283b1ff897ffde05980fef2f118b' +
    '5a0a6d1f6d367ecf27cb09b74f463f669e5fea2d7527bac7ebe5f17b3d0739f78a5292ea6bfb5fb11f8d5d0856033046fc7b' +
    '6babf0cfbc209af4361da9e39');
const L = 1300;
/** Fraction bits kept: the fraction is exact to 2 units of 2^-200, far below any double near a multiple of pi/2. */
const F = 200;
const F_BIG = BigInt(F);
const MASK = (1n << BigInt(F + 2)) - 1n; // v * 2/pi modulo 4, scaled by 2^F
const HALF = 1n << BigInt(F - 1);

/** x = m * 2^e exactly, m an integer. */
function mantExp(x: number): [bigint, number] {
  const e = Math.max(exponentOf(x) - 52, -1074);
  const m = e < -1000 ? x * pow2(1000) * pow2(-e - 1000) : e > 1000 ? x * pow2(-1000) * pow2(-e + 1000) : x * pow2(-e);
  return [BigInt(m), e];
}

/** r = v - k pi/2 and k mod 4 for the midpoint v = hi + lo (the ball's radius carries over: dr/dv = 1).
 *  With 2/pi = (C + t) 2^-L, 0 <= t < 1: v (2/pi) 2^F = M C 2^-s + M t 2^-s (s = L - F - E >= 0), and the second term
 *  is below |v| 2^(F-L) <= 2^-76; flooring adds less than 1. So the scaled fraction is off by less than 2. */
export function reducePayneHanek(x: DDBall): { r: DDBall; q: number } | null {
  const [mh, eh] = mantExp(x.hi);
  let m = mh;
  let e = eh;
  if (x.lo !== 0) {
    const [ml, el] = mantExp(x.lo);
    e = Math.min(eh, el);
    m = (mh << BigInt(eh - e)) + (ml << BigInt(el - e));
  }
  const s = L - F - e;
  if (s < 0) return null;
  const t = (m * TWO_OVER_PI) >> BigInt(s);
  const mod = t & MASK;
  const j = (mod + HALF) >> F_BIG;
  const fN = mod - (j << F_BIG); // in [-2^(F-1), 2^(F-1)]
  const hi = Number(fN);
  const rest = fN - BigInt(hi);
  const lo = Number(rest);
  const lost = rest - BigInt(lo);
  const scale = pow2(-F);
  const fh = hi * scale + lo * scale;
  const fl = twoSumLo(hi * scale, lo * scale, fh);
  const rad = up((Math.abs(Number(lost)) + 2) * scale);
  const r = mul({ hi: fh, lo: fl, rad }, PI_2);
  if (r === null) return null;
  return { r: { hi: r.hi, lo: r.lo, rad: up(r.rad + x.rad) }, q: Number(j & 3n) };
}
