/** Hand-made scan and check results for formatter and baseline tests (no scanner involved). */
import type { CheckResult, CheckRun, Violation } from '../../src/check/types.js';
import type { FormResult } from '../../src/core/types.js';
import type { Region, TargetResult } from '../../src/detect/types.js';

const span = (start: number, end: number, line = 1) => ({ start, end, line, column: start + 1 });

export function region(over: Partial<Region> = {}): Region {
  return {
    var: 'x', lo: -1000, hi: -88.72283935546875, outcome: 'nan', exact: true, samples: 40,
    hazard: 'overflow', pass: 'forward', op: 'exp', span: span(7, 14), chain: [],
    at: { x: -500 }, result: NaN, truth: { kind: 'finite', value: 0.002, decimal: '0.002' }, maxUlps: Infinity,
    ...over,
  };
}

export function target(over: Partial<TargetResult> = {}): TargetResult {
  return {
    precision: 'float32', target: 'grad:x', samples: 256, nan: 0, inf: 0, unknown: 0, undefined: 0, inaccurate: 0,
    maxUlps: 1, maxBits: 1, medianBits: 0, worst: { at: { x: 1 }, result: 0.5, truth: 0.5, ulps: 1 },
    regions: [], hazards: [], ...over,
  };
}

export function form(results: TargetResult[], name = 'f'): FormResult {
  return { name, expr: '1/(1-exp(-x)) - 1/x', reference: null, vars: ['x'], results };
}

/** A NaN violation on float32 grad:x, located at characters 8..15 of line 1 of loss.txt. */
export function nanViolation(over: Partial<Violation> = {}): Violation {
  return {
    kind: 'nan', precision: 'float32', target: 'grad:x', samples: 256, count: 40, at: null,
    region: region(), regionCount: 1,
    location: { file: 'fixtures/check/loss.txt', startLine: 1, startColumn: 8, endLine: 1, endColumn: 15 },
    ...over,
  };
}

export function check(name: string, violations: Violation[], results: TargetResult[] = [target()]): CheckResult {
  return {
    name, passed: violations.every((v) => v.baseline?.status === 'known'),
    exprLocation: { file: 'fixtures/check/loss.txt', startLine: 1, startColumn: 1, endLine: 1, endColumn: 20 },
    limits: { nan: false, inf: false, maxUlps: {} }, framework: { id: 'tf', name: 'TensorFlow', version: '2.21.0' }, form: form(results, name), violations, elapsedMs: 12,
  };
}

export function run(checks: CheckResult[]): CheckRun {
  return {
    schemaVersion: 1, command: 'check', tool: { name: 'f-diagnose', version: '0.1.0' }, config: 'f-diagnose.config.json',
    baseline: null, passed: checks.every((c) => c.passed), checks, elapsedMs: 1234,
  };
}
