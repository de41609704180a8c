/**
 * The kernels of logsumexp and sqrt of squares (graph/composite-kernels.ts: one function per number of terms) against
 * the variadic forms they replaced, kept here as the reference (they were checked against the frameworks' goldens),
 * bit for bit, with every rounding and flush the frameworks use, on all pairs and triples of special values and on
 * 10^5 random ones; and every framework's kernel for these ops is of fixed arity.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flushBelow, logSumExp2, logSumExp3, sqrtOfSquares2, sqrtOfSquares3, type Round } from '../../src/graph/composite-kernels.js';
import { forwardKernel } from '../../src/graph/frameworks/forward.js';
import { FRAMEWORK_IDS } from '../../src/graph/frameworks/index.js';
import { OPS } from '../../src/graph/ops.js';

/** The variadic forms as they were (composite-kernels.ts before the fixed-arity ones). */
function sqrtOfSquares(r: Round = (x) => x, f: Round = (x) => x) {
  const step = (x: number) => f(r(x));
  return (...xs: number[]): number => {
    let s = 0;
    xs.forEach((x, i) => {
      const sq = step(x * x);
      s = i === 0 ? sq : step(s + sq);
    });
    return step(Math.sqrt(s));
  };
}

function logSumExpWith(r: Round = (x) => x, f: Round = (x) => x, maskInf = true) {
  const step = (x: number) => f(r(x));
  return (...xs: number[]): number => {
    const max = xs.reduce((m, x) => (Number.isNaN(m) || Number.isNaN(x) ? NaN : Math.max(m, x)));
    const m = maskInf && !Number.isFinite(max) ? 0 : max;
    let s = 0;
    xs.forEach((x, i) => {
      const e = step(Math.exp(step(x - m)));
      s = i === 0 ? e : step(s + e);
    });
    return step(step(Math.log(s)) + m);
  };
}

const terms2 = (k: (...xs: number[]) => number) => (a: number, b: number): number => k(a, b);
const terms3 = (k: (...xs: number[]) => number) => (a: number, b: number, c: number): number => k(a, b, c);

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 5e-324, -1e-310, 2 ** -126, -1e-40, 1, -1, 0.5, 88.7, -103.9, 709.8, -745.2, 1e154, 3.4e38, -1.7976931348623157e308];
const id: Round = (x) => x;
const ROUNDINGS: [string, Round, Round | undefined][] = [
  ['float64', id, undefined],
  ['float32', Math.fround, undefined],
  ['float64 FTZ', id, flushBelow(2 ** -1022)],
  ['float32 FTZ', Math.fround, flushBelow(2 ** -126)],
];

function randoms(count: number): number[] {
  let seed = 99;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => (next() < 0.5 ? -1 : 1) * (next() < 0.05 ? 0 : Math.exp(-800 + 1600 * next())));
}

function same(name: string, fixed: (a: number, b: number, c: number) => number, general: (a: number, b: number, c: number) => number): void {
  const cases: number[][] = [];
  for (const a of SPECIAL) for (const b of SPECIAL) for (const c of SPECIAL) cases.push([a, b, c]);
  const rs = randoms(300_000);
  for (let k = 0; k < rs.length; k += 3) cases.push([rs[k]!, rs[k + 1]!, rs[k + 2]!]);
  for (const [a, b, c] of cases) {
    const [x, y] = [fixed(a!, b!, c!), general(a!, b!, c!)];
    if (!Object.is(x, y)) assert.fail(`${name} at (${a}, ${b}, ${c}): ${x}, the variadic form ${y}`);
  }
}

test('fixed-arity logsumexp and sqrt of squares equal the variadic forms with every rounding, flush and mask', () => {
  for (const [label, r, f] of ROUNDINGS) {
    for (const mask of [true, false]) {
      same(`logsumexp ${label} mask ${mask}`, logSumExp2(r, f, mask), terms2(logSumExpWith(r, f, mask)));
      same(`logsumexp3 ${label} mask ${mask}`, logSumExp3(r, f, mask), terms3(logSumExpWith(r, f, mask)));
    }
    same(`norm ${label}`, sqrtOfSquares2(r, f), terms2(sqrtOfSquares(r, f)));
    same(`norm3 ${label}`, sqrtOfSquares3(r, f), terms3(sqrtOfSquares(r, f)));
  }
});

test('every framework\'s kernel of logsumexp and norm is of fixed arity, the shared ones with the variadic values', () => {
  for (const op of ['logsumexp', 'logsumexp3', 'norm', 'norm3'] as const) {
    for (const framework of FRAMEWORK_IDS) {
      for (const format of ['float32', 'float64'] as const) {
        const k = forwardKernel(framework, op, format);
        if (k.length !== (op.endsWith('3') ? 3 : 2)) assert.fail(`${framework} ${op} ${format}: arity ${k.length}`);
      }
    }
    const general = op.startsWith('logsumexp') ? logSumExpWith : sqrtOfSquares;
    const terms = op.endsWith('3') ? terms3 : terms2;
    same(`shared ${op} float64`, OPS[op].f64, terms(general()));
    same(`shared ${op} float32`, OPS[op].f32!, terms(general(Math.fround)));
  }
});
