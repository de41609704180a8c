import { magDown, magUp, up, type DDBall } from './fast/ball.js';
import type { PrimOp } from './prim.js';

/**
 * Far balls: numbers beyond the double range held by their sign and an interval of their binary logarithm, so that
 * the double-double quick pass can carry e^1000 or 1/(1 - e^1e38) to where they stop mattering (x < -800 in the
 * story: 1/(1 - e^-x) - 1/x and its derivative 1/x^2 - e^-x/(1 - e^-x)^2, whose huge and tiny terms vanish against
 * 1/x and 1/x^2) instead of computing e^|x| in BigInt balls.
 *
 * A far ball is stored in a DDBall's three fields (so the quick pass's balls keep one shape): hi = +-Infinity (the
 * sign, proved), lo and rad = the bounds L <= log2|v| <= U. No fast-path op accepts it (their arguments must be
 * finite), so it only ever meets the ops below. Every bound is rounded outward with slack for the few roundings of
 * its double computation (and for Math.log2 / 2 ** y, whose error is far below the 2^-40 allowed).
 */
export type FarBall = DDBall;

/** A far ball (or a scaled ball, quick-scaled.ts, which shares its infinite hi: the regular path tests this once). */
export const isFarOrScaled = (b: DDBall): boolean => b.hi === Infinity || b.hi === -Infinity;
/** A far ball proper: lo holds its lower log2 bound (a scaled ball's lo is NaN). */
export const isFar = (b: DDBall): boolean => (b.hi === Infinity || b.hi === -Infinity) && b.lo === b.lo;

const farLo = (b: DDBall): number => b.lo;
const farHi = (b: DDBall): number => b.rad;
const farSign = (b: DDBall): number => (b.hi > 0 ? 1 : -1);

/** Outward roundings of a log2 bound computed with a few roundings (or by Math.log2). */
const dn = (y: number): number => y - (Math.abs(y) * 2 ** -44 + 2 ** -40);
const upE = (y: number): number => y + (Math.abs(y) * 2 ** -44 + 2 ** -40);

/** Below this log2 bound a far ball is an underflow ball 0 +- 2^U for sums (quick-op.ts). */
const TINY_HI = -1000;
/** At or above this log2 lower bound a far ball dwarfs every regular ball (|regular| < 2^1024 <= |far| / 4). */
const HUGE_LO = 1026;

/** The ball sign * [2^L, 2^U] (L <= U) as a far ball. (Not turned back into a regular ball when it fits: its log2
 *  bounds' slack alone makes it wider than the 2^-40 the fast path's ops accept.) */
function far(sign: number, L: number, U: number): DDBall | null {
  if (!(L <= U)) return null;
  return { hi: sign > 0 ? Infinity : -Infinity, lo: L, rad: U };
}

/** A tiny far ball (U <= TINY_HI) as an underflow ball: 0 +- an upper bound of 2^U (the smallest subnormal below it). */
function asUnder(b: DDBall): DDBall {
  const U = farHi(b);
  const r = U < -1074 ? Number.MIN_VALUE : up(2 ** U * (1 + 2 ** -40)) + Number.MIN_VALUE;
  return { hi: 0, lo: 0, rad: r };
}

/** log2 bounds of |x| over a regular ball whose sign is proved (null: it may contain 0). */
function logs(x: DDBall): [number, number] | null {
  const d = magDown(x);
  if (!(d > 0)) return null;
  return [dn(Math.log2(d)), upE(Math.log2(magUp(x)))];
}

const isUnder = (x: DDBall) => x.hi === 0 && x.rad > 0;
/** -x for any ball: a far ball keeps its log2 bounds. */
const negated = (x: DDBall): DDBall => (isFar(x) ? { hi: -x.hi, lo: x.lo, rad: x.rad } : { hi: -x.hi, lo: -x.lo, rad: x.rad });
type UnderOp = (op: PrimOp, a: DDBall, b: DDBall) => DDBall | null;

/** A far ball from exp of a regular ball above e^680 (the fast path's exp overflows there); null otherwise. */
export function farExp(a: DDBall): DDBall | null {
  if (isFar(a) || isUnder(a)) return null;
  const w = up(Math.abs(a.lo) + a.rad);
  const lo = a.hi - w;
  if (!(lo >= 680) || !Number.isFinite(a.hi + w)) return null;
  // log2 e^t = t log2(e); Math.LOG2E is within 2^-53 of log2(e), the products round once more
  return far(1, dn(lo * Math.LOG2E), upE((a.hi + w) * Math.LOG2E));
}

/**
 * A far ball from exp of a regular ball below -2^400: its log2 bounds, which a scaled ball (quick-scaled.ts: 1/x^2
 * at x >= 1e145 is below 2^-960) can compare with its own magnitude where an underflow ball's bound 2^-1074 would
 * swamp it. Above -2^400 exp stays an underflow ball (quick-op.ts): cheaper in the sums and products that absorb it.
 */
export function farExpTiny(a: DDBall): DDBall | null {
  if (isFar(a) || isUnder(a)) return null;
  const w = up(Math.abs(a.lo) + a.rad);
  const top = a.hi + w;
  if (!(top < -(2 ** 400)) || !Number.isFinite(a.hi - w)) return null;
  return far(1, dn((a.hi - w) * Math.LOG2E), upE(top * Math.LOG2E));
}

/**
 * An op with at least one far argument (the other regular, an underflow ball, or far): a far, underflow or regular
 * ball that encloses the result, or null (the BigInt balls decide). Not log: log of a far ball is a regular ball only
 * about 2^-44 wide (the bounds' slack), which certifies nothing and, as a target's width, set the first BigInt
 * precision too high (log(exp(x) + exp(y)) at x = 1e100 was slower for it).
 */
export function farOp(op: PrimOp, a: DDBall, b: DDBall | undefined, underOp: UnderOp): DDBall | null {
  switch (op) {
    case 'neg': return negated(a);
    case 'abs': return { hi: Infinity, lo: a.lo, rad: a.rad };
    case 'square': return far(1, dn(2 * farLo(a)), upE(2 * farHi(a)));
    case 'reciprocal': return far(farSign(a), dn(-farHi(a)), upE(-farLo(a)));
    case 'sqrt': return a.hi > 0 ? far(1, dn(farLo(a) / 2), upE(farHi(a) / 2)) : null;
    case 'add':
    case 'sub': return b === undefined ? null : farSum(a, op === 'sub' ? negated(b) : b, underOp);
    case 'mul': return b === undefined ? null : farProduct(a, b, 1);
    case 'div': return b === undefined ? null : farProduct(a, b, -1);
    default: return null;
  }
}

/** a + b with a far ball among them. */
function farSum(a: DDBall, b: DDBall, underOp: UnderOp): DDBall | null {
  const fa = isFar(a);
  const fb = isFar(b);
  if (fa && fb) {
    // one dwarfs the other (|small| <= |big| / 4): the bigger, as beside a regular ball below
    if (farHi(b) <= farLo(a) - 2) return dominant(a, farHi(b));
    if (farHi(a) <= farLo(b) - 2) return dominant(b, farHi(a));
    // both of one sign: max(|a|, |b|) <= |a + b| <= 2 max(|a|, |b|)
    if (farSign(a) === farSign(b)) return far(farSign(a), Math.max(farLo(a), farLo(b)), upE(Math.max(farHi(a), farHi(b)) + 1));
  }
  // a tiny far ball is an underflow ball to any other sum
  if (fa && farHi(a) <= TINY_HI) return farSum2(asUnder(a), b, underOp);
  if (fb && farHi(b) <= TINY_HI) return farSum2(a, asUnder(b), underOp);
  if (fa && fb) return null;
  const [f, r] = fa ? [a, b] : [b, a];
  // |r| < 2^1024 <= 2^(L - 2)
  if (farLo(f) < HUGE_LO || !((isUnder(r) ? r.rad : magUp(r)) < Infinity)) return null;
  return dominant(f, 1024);
}

/** f + a term below 2^top <= |f| / 4: |f + term| = |f| (1 +- t), t <= 2^(top - L) <= 1/4, where
 *  log2(1 - t) >= -1.8 t >= -4t and log2(1 + t) <= 1.45 t <= 2t; the sign is f's. */
function dominant(f: DDBall, top: number): DDBall | null {
  const t = 2 ** (top - farLo(f));
  return far(farSign(f), dn(farLo(f) - 4 * t), upE(farHi(f) + 2 * t));
}

function farSum2(a: DDBall, b: DDBall, underOp: UnderOp): DDBall | null {
  if (isFar(a) || isFar(b)) return farSum(a, b, underOp);
  return underOp('add', a, b);
}

/** a * b (k = 1) or a / b (k = -1) with a far ball among them. */
function farProduct(a: DDBall, b: DDBall, k: 1 | -1): DDBall | null {
  const la = isFar(a) ? [farLo(a), farHi(a)] as [number, number] : isUnder(a) ? null : logs(a);
  const lb = isFar(b) ? [farLo(b), farHi(b)] as [number, number] : isUnder(b) ? null : logs(b);
  if (la !== null && lb !== null) {
    const sign = Math.sign(a.hi) * Math.sign(b.hi);
    return k === 1 ? far(sign, dn(la[0] + lb[0]), upE(la[1] + lb[1])) : far(sign, dn(la[0] - lb[1]), upE(la[1] - lb[0]));
  }
  // a factor whose sign is not proved (an underflow ball, a regular ball around 0): an upper bound only, kept when it
  // is tiny (0 +- that bound); an exact zero factor gives 0
  if (!isFar(a) && !isUnder(a) && a.hi === 0 && a.rad === 0) return { hi: 0, lo: 0, rad: 0 };
  if (k === 1 && !isFar(b) && !isUnder(b) && b.hi === 0 && b.rad === 0) return { hi: 0, lo: 0, rad: 0 };
  const top = (x: DDBall): number => (isFar(x) ? farHi(x) : upE(Math.log2(isUnder(x) ? x.rad : magUp(x))));
  // |a b| <= 2^(top a + top b); |a / b| <= 2^(top a - L b) when b is far (its magnitude is bounded below)
  const bound = k === 1 ? top(a) + top(b) : isFar(b) ? top(a) - farLo(b) : NaN;
  if (!(upE(bound) <= TINY_HI)) return null;
  return asUnder({ hi: Infinity, lo: -Infinity, rad: upE(bound) });
}
