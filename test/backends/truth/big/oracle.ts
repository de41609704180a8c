/** Test helpers: whether a ball meets an mpmath decimal, checked with BigInt arithmetic. */
import { bigFromDecimal, bigSign, isFail, type BigBall } from '../../../../src/backends/truth/big/index.js';
import { ball, sub } from '../../../../src/backends/truth/big/ball.js';
import { addUp } from '../../../../src/backends/truth/big/mag.js';

/** Whether the ball meets [X - u, X + u], u one unit in the last digit of the decimal X (mpmath prints X rounded
 *  to its digits, so the exact value lies there). false proves that the ball misses the exact value. */
export function meetsDecimal(b: BigBall, X: string): boolean {
  const t = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(X.trim());
  if (t === null) throw new Error(`bad decimal ${X}`);
  const lastExp = BigInt(t[4] ?? '0') - BigInt((t[3] ?? '').length);
  const x = bigFromDecimal(X, 320);
  const u = bigFromDecimal(`1e${lastExp}`, 64);
  if (isFail(x) || isFail(u)) throw new Error(`cannot read ${X}`);
  // u's ball lies below (u.m + 1) 2^u.e; widen x by that and by its own radius
  const r = addUp({ m: u.m + 1n, e: u.e }, { m: x.r, e: x.re });
  const d = sub(b, ball(x.m, x.e, r.m, r.e), 400);
  if (isFail(d)) throw new Error(d.reason);
  const s = bigSign(d);
  return s === undefined || s === 0;
}

export function isBall(x: unknown): x is BigBall {
  return typeof x === 'object' && x !== null && 'm' in x;
}
