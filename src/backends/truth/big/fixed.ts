/** Fixed-point series kernels: integers X meaning X / 2^W. Each returns the sum S and a bound E (in units of
 *  2^-W) on |S - exact|. */
import { ball } from './ball.js';
import type { BigBall } from './types.js';

/** atanh(1/n) for an integer n >= 2: sum_k 1/((2k+1) n^(2k+1)).
 *  p_k = floor(2^W / n^(2k+1)) exactly (floors of floors), each term floor(p_k/(2k+1)) is below the true term by
 *  less than 2 units; the tail after p_K = 0 is below 1/(1 - 1/n^2) < 2 units. So S <= exact <= S + 2K + 2. */
export function atanhInv(n: bigint, W: number): [bigint, bigint] {
  let p = (1n << BigInt(W)) / n;
  const n2 = n * n;
  let s = 0n;
  let k = 0n;
  for (let d = 1n; p !== 0n; d += 2n, k += 1n) {
    s += p / d;
    p /= n2;
  }
  return [s, 2n * k + 2n];
}

/** atan(1/n) for an integer n >= 2: the alternating series with the same per-term bound; the alternating tail is
 *  below its first omitted term (< 1 unit). |S - exact| <= 2K + 1. */
export function atanInv(n: bigint, W: number): [bigint, bigint] {
  let p = (1n << BigInt(W)) / n;
  const n2 = n * n;
  let s = 0n;
  let k = 0n;
  let neg = false;
  for (let d = 1n; p !== 0n; d += 2n, k += 1n) {
    s += neg ? -(p / d) : p / d;
    neg = !neg;
    p /= n2;
  }
  return [s, 2n * k + 1n];
}

/** sum_{j>=0} s^(2j+1)/(2j+1), alternating or not, for a fixed-point S with |S| <= 2^W / 4 given with error eS
 *  units (eS <= 4). P_j = P_{j-1} S2 >> W carries at most 3 units of error (|S2| <= 1/16 shrinks the inherited
 *  part, |P| eS2 + 1 adds at most 2); each term's division adds 1; the tail after P = 0 is at most 4 units.
 *  Total <= eS + 4K + 8. */
export function oddSeries(S: bigint, eS: bigint, W: number, alternating: boolean): [bigint, bigint] {
  const w = BigInt(W);
  const s2 = (S * S) >> w;
  let p = S;
  let sum = S;
  let k = 0n;
  let neg = false;
  for (let d = 3n; ; d += 2n) {
    p = (p * s2) >> w;
    if (p === 0n || p === -1n) break;
    k += 1n;
    neg = alternating ? !neg : false;
    const t = p / d;
    sum += neg ? -t : t;
  }
  return [sum, eS + 4n * k + 8n];
}

/** floor(m 2^e 2^W). */
export function toFixed(m: bigint, e: bigint, W: number): bigint {
  const s = e + BigInt(W);
  return s >= 0n ? m << s : m >> -s;
}

export function fixedBall(S: bigint, err: bigint, W: number): BigBall {
  const e = -BigInt(W);
  return ball(S, S === 0n ? 0n : e, err, err === 0n ? 0n : e);
}
