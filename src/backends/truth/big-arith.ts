import type { Arith, ArithFail } from './arith.js';
import {
  bigDigits, bigFromDecimal, bigFromDouble, bigLog2Mag, bigOp, bigRelWidth, bigRoundsTo, bigSign, isFail, type BigBall,
} from './big/index.js';
import { bitLen } from './big/bits.js';
import type { PrimOp } from './prim.js';
import type { Q } from './rational.js';

type R = BigBall | ArithFail;

const int = (n: bigint): BigBall => ({ m: n, e: 0n, r: 0n, re: 0n });

/** Conversions of the same rational (a literal, at every point) at the same precision are cached. */
const converted = new WeakMap<Q, Map<number, BigBall | null>>();

function fromRational(q: Q, prec: number): BigBall | null {
  let byPrec = converted.get(q);
  if (!byPrec) {
    byPrec = new Map();
    converted.set(q, byPrec);
  }
  let b = byPrec.get(prec);
  if (b === undefined) {
    b = convert(q, prec);
    byPrec.set(prec, b);
  }
  return b;
}

function convert(q: Q, prec: number): BigBall | null {
  // a power-of-two denominator is exact; anything else is one rounded division
  if ((q.d & (q.d - 1n)) === 0n) return { m: q.n, e: -BigInt(bitLen(q.d) - 1), r: 0n, re: 0n };
  const r = bigOp('div', [int(q.n), int(q.d)], prec + 8);
  return isFail(r) ? null : r;
}

/** Ops the library does not have (yet), composed from those it has: rigorous, since balls compose. */
function composite(op: PrimOp, a: readonly BigBall[], prec: number): R {
  const call = (o: PrimOp, args: BigBall[], p = prec): R => op === o ? fallbackMissing(o) : dispatch(o, args, p);
  const chain = (...steps: (() => R)[]): R => {
    let last: R = steps[0]!();
    for (const s of steps.slice(1)) {
      if (isFail(last)) return last;
      last = s();
    }
    return last;
  };
  const [x] = a as [BigBall];
  const one = int(1n);
  const small = Math.min(2 * prec, Math.max(0, -Math.floor(bigLog2Mag(x))));
  // e^x - 1 and log(1 + x) are x +- x^2 for |x| < 2^-prec: no cancellation to carry
  const tiny = (op === 'expm1' || op === 'log1p') && bigLog2Mag(x) < -prec - 2;
  if (tiny) return call('add', [x, { m: 0n, e: 0n, r: 1n, re: BigInt(2 * (Math.floor(bigLog2Mag(x)) + 2)) }]);
  switch (op) {
    case 'expm1': {
      // e^x - 1 loses about -log2|x| bits to cancellation near 0: carry them
      const e = call('exp', [x], prec + small + 8);
      return isFail(e) ? e : call('sub', [e, one], prec);
    }
    case 'log1p': {
      const s = call('add', [one, x], prec + small + 8);
      return isFail(s) ? s : call('log', [s], prec);
    }
    case 'sigmoid': {
      const e = call('exp', [neg(x)]);
      if (isFail(e)) return e;
      const d = call('add', [one, e]);
      return isFail(d) ? d : call('div', [one, d]);
    }
    case 'softplus': {
      // log(1 + e^x) = max(x, 0) + log1p(e^-|x|)
      const ax = bigSign(x) === undefined ? x : bigSign(x)! < 0 ? neg(x) : x;
      const e = call('exp', [neg(ax)]);
      if (isFail(e)) return e;
      const l = composite('log1p', [e], prec);
      if (isFail(l)) return l;
      return bigSign(x) === 1 ? call('add', [x, l]) : bigSign(x) === -1 || bigSign(x) === 0 ? l : fallbackMissing('softplus');
    }
    case 'sinh':
    case 'cosh':
    case 'tanh': {
      const ep = call('exp', [x], prec + small + 8);
      const en = call('exp', [neg(x)], prec + small + 8);
      if (isFail(ep)) return ep;
      if (isFail(en)) return en;
      if (op === 'tanh') {
        const n = call('sub', [ep, en], prec + small + 8);
        const d = call('add', [ep, en], prec + 8);
        if (isFail(n)) return n;
        if (isFail(d)) return d;
        return call('div', [n, d]);
      }
      const s = call(op === 'sinh' ? 'sub' : 'add', [ep, en], prec + 8);
      return isFail(s) ? s : call('mul', [s, { m: 1n, e: -1n, r: 0n, re: 0n }]);
    }
    default:
      return chain(() => fallbackMissing(op));
  }
}

const neg = (x: BigBall): BigBall => ({ ...x, m: -x.m });
const fallbackMissing = (op: PrimOp): ArithFail => ({ fail: 'limit', reason: `${op} is not implemented by the BigInt ball library` });

function dispatch(op: PrimOp, args: readonly BigBall[], prec: number): R {
  const r = bigOp(op, args, prec);
  if (isFail(r) && r.fail === 'limit' && /not implemented/.test(r.reason)) return composite(op, args, prec);
  return r;
}

/** The BigInt ball library (src/backends/truth/big/): any precision, exact BigInt exponents. */
export const BIG: Arith<BigBall> = {
  name: 'BigInt balls',
  start: 128,
  escalates: true,
  fromDouble: (x) => (Number.isFinite(x) ? bigFromDouble(x) : null),
  fromRational,
  fromDecimal: (text, prec) => bigFromDecimal(text, prec),
  op: (op, args, prec) => dispatch(op, args, prec),
  roundsTo: (b, format) => bigRoundsTo(b, format),
  sign: (b) => bigSign(b),
  digits: (b, max) => bigDigits(b, max),
  log2Mag: (b) => bigLog2Mag(b),
  relWidth: (b) => bigRelWidth(b),
};
