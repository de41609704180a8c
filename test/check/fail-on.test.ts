import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type FailOn, failOnViolations, parseFailOn } from '../../src/check/fail-on.js';
import { failOnLine } from '../../src/report/check-common.js';
import type { ScanReport } from '../../src/core/types.js';
import { form, region, target } from './helpers.js';

const good: Array<[string, FailOn]> = [
  ['nan', { nan: true, inf: false, ulps: null }],
  ['nan,inf', { nan: true, inf: true, ulps: null }],
  ['NaN, Inf ,ulps:16', { nan: true, inf: true, ulps: 16 }],
  ['ulps:0', { nan: false, inf: false, ulps: 0 }],
  ['ulps:2.5', { nan: false, inf: false, ulps: 2.5 }],
];
const bad: Array<[string, string]> = [
  ['', '--fail-on: empty; expected a comma-separated list of nan, inf, ulps:N (e.g. --fail-on nan,inf,ulps:16)'],
  ['nana', '--fail-on: unknown item "nana"; expected a comma-separated list of nan, inf, ulps:N (e.g. --fail-on nan,inf,ulps:16)'],
  ['nan,,inf', '--fail-on: unknown item ""; expected a comma-separated list of nan, inf, ulps:N (e.g. --fail-on nan,inf,ulps:16)'],
  ['ulps', '--fail-on: "ulps" needs a number of ULPs >= 0, e.g. ulps:16'],
  ['ulps:x', '--fail-on: "ulps:x" needs a number of ULPs >= 0, e.g. ulps:16'],
  ['ulps:-1', '--fail-on: "ulps:-1" needs a number of ULPs >= 0, e.g. ulps:16'],
];

describe('parseFailOn', () => {
  for (const [text, expected] of good) it(JSON.stringify(text), () => assert.deepEqual(parseFailOn(text), expected));
  for (const [text, message] of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.throws(() => parseFailOn(text), { name: 'UserError', message }));
  }
});

function report(results = [target()]): ScanReport {
  return {
    schemaVersion: 1, command: 'scan', tool: { name: 'f-diagnose', version: '0' }, elapsedMs: 1, forms: [form(results, 'naive')],
    options: { samples: 256, seed: 1, precisions: ['float32'], ranges: {}, ulpTolerance: 16, atol: { float32: 0, float64: 0 }, cancellationBits: { float32: 12, float64: 26 }, maxDigits: 1200, framework: 'tf' },
    framework: { id: 'tf', name: 'TensorFlow', version: '2.21.0' },
  };
}

describe('failOnViolations', () => {
  const nanResult = target({ nan: 40, regions: [region()], worst: { at: { x: 1 }, result: 1, truth: 1, ulps: 30 } });
  const rows: Array<[string, string, ScanReport, string[]]> = [
    ['a clean report passes every gate', 'nan,inf,ulps:4', report(), []],
    ['NaN fails the nan gate', 'nan', report([nanResult]),
      ['naive: float32 grad:x  NaN on [-1000, -88.72]  root cause: overflow in exp at 1:8']],
    ['NaN passes an inf-only gate', 'inf', report([nanResult]), []],
    ['30 ULPs fail ulps:16', 'ulps:16', report([nanResult]), ['naive: float32 grad:x  error 30 ULPs > 16 at x=1']],
    ['30 ULPs pass ulps:30', 'ulps:30', report([nanResult]), []],
  ];
  for (const [what, gate, r, expected] of rows) it(what, () => assert.deepEqual(failOnViolations(r, parseFailOn(gate)).map(failOnLine), expected));
});
