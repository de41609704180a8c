import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as Q from '../../../src/backends/truth/rational.js';
import { constS, limitS, primS, SeriesFail, varS, type Series } from '../../../src/backends/truth/series.js';

// Coefficients by hand: e^t = 1 + t + t^2/2 + t^3/6, sin t / t = 1 - t^2/6 + t^4/120,
// 1/(1 - e^-t) - 1/t = 1/2 + t/12 - t^3/720 (Bernoulli numbers), t log t -> 0.
const T = 12;
const t = varS(Q.ZERO, 1, 1);
const p = (op: Parameters<typeof primS>[0], ...a: Series[]) => primS(op, a, T);
const coef = (s: Series, e: number) => s.c[e - s.v]?.[0] ?? Q.ZERO;

test('series: rational coefficients by hand', () => {
  const e = p('exp', t);
  assert.deepEqual([0, 1, 2, 3].map((k) => Q.toString(coef(e, k))), ['1', '1', '1/2', '1/6']);
  const sinc = p('div', p('sin', t), t);
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => Q.toString(coef(sinc, k))), ['1', '0', '-1/6', '0', '1/120']);
  const story = p('sub', p('div', constS(Q.ONE), p('sub', constS(Q.ONE), p('exp', p('neg', t)))), p('div', constS(Q.ONE), t));
  assert.deepEqual([0, 1, 2, 3].map((k) => Q.toString(coef(story, k))), ['1/2', '1/12', '0', '-1/720']);
});

test('series: limits', () => {
  const rows: [string, Series, ReturnType<typeof limitS>][] = [
    ['t log t', p('mul', t, p('log', t)), { kind: 'finite', q: Q.ZERO }],
    ['log t', p('log', t), { kind: 'infinite', sign: -1 }],
    ['1/t', p('reciprocal', t), { kind: 'infinite', sign: 1 }],
    ['-1/t^2', p('neg', p('reciprocal', p('square', t))), { kind: 'infinite', sign: -1 }],
    ['(1 - cos t)/t^2', p('div', p('sub', constS(Q.ONE), p('cos', t)), p('square', t)), { kind: 'finite', q: Q.HALF }],
    ['log2(2t)', p('log2', p('mul', constS(Q.fromInt(2)), t)), { kind: 'infinite', sign: -1 }],
    ['t ** -0.5', p('pow', t, constS(Q.q(-1n, 2n))), { kind: 'infinite', sign: 1 }],
  ];
  for (const [name, s, want] of rows) assert.deepEqual(limitS(s), want, name);
});

test('series: what they cannot say, they say', () => {
  // log of -t has no real value on this side; exp(1 + t) has an irrational coefficient; sqrt(t) needs t = u^2
  assert.throws(() => p('log', p('neg', t)), (e: unknown) => e instanceof SeriesFail && e.kind === 'undefined');
  assert.throws(() => p('exp', p('add', constS(Q.ONE), t)), (e: unknown) => e instanceof SeriesFail && e.kind === 'unknown');
  assert.throws(() => p('sqrt', t), (e: unknown) => e instanceof SeriesFail && e.kind === 'root');
  assert.deepEqual(limitS(p('div', constS(Q.ONE), p('sqrt', varS(Q.ZERO, 1, 2)))), { kind: 'infinite', sign: 1 });
});
