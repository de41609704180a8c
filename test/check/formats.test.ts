import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { formatCheckGithub } from '../../src/report/check-github.js';
import { formatCheckJson } from '../../src/report/check-json.js';
import { formatCheckJunit } from '../../src/report/check-junit.js';
import { formatCheckSarif } from '../../src/report/check-sarif.js';
import { formatCheckText } from '../../src/report/check-text.js';
import { fmtNum } from '../../src/report/check-common.js';
import { check, nanViolation, region, run, target } from './helpers.js';

/**
 * The official SARIF 2.1.0 schema (draft-04), copied from the npm package @microsoft/jest-sarif@1.0.0-beta.0
 * (lib/schemas/sarif-2.1.0-rtm.5.json, MIT), so the test runs offline.
 */
const SARIF_SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/sarif-schema-2.1.0.json', import.meta.url)), 'utf8'));

const ulpViolation = nanViolation({
  kind: 'ulps', precision: 'float64', target: 'value', count: 3, ulps: 1234, limit: 16, at: { x: 1e-5 },
  region: region({ outcome: 'inaccurate', lo: -1e-6, hi: 1e-6, hazard: 'cancellation', op: 'sub', pass: 'forward', maxUlps: 1234 }),
  location: { file: 'f-diagnose.config.json', startLine: 4, startColumn: 20, endLine: 4, endColumn: 33 },
});
const chained = nanViolation({
  region: region({
    chain: [
      { pass: 'forward', op: 'exp', node: 3, hazard: 'overflow', span: { start: 7, end: 14, line: 1, column: 8 }, detail: 'exp(100) = inf' },
      { pass: 'backward', op: 'mul', node: 9, hazard: 'zero-times-inf', span: { start: 7, end: 14, line: 1, column: 8 }, detail: '0 * inf' },
    ],
  }),
});
const sample = run([
  check('naive, "f"', [chained, ulpViolation]),
  check('stable', [], [target({ target: 'value', worst: { at: { x: 2 }, result: 1, truth: 1, ulps: 2 } }), target({ worst: { at: { x: 3 }, result: 1, truth: 1, ulps: 11 } })]),
]);

describe('number formatting', () => {
  const rows: Array<[number, string]> = [
    [-88.72283935546875, '-88.72'], [-3.4028234663852886e38, '-3.403e38'], [1.401298464324817e-45, '1.401e-45'],
    [0.5, '0.5'], [1000, '1000'], [100000, '1e5'], [0, '0'], [-0, '-0'], [Infinity, 'inf'], [NaN, 'NaN'], [12345, '1.235e4'], [1e-5, '1e-5'], [0.001234, '0.001234'], [-2.5e-4, '-2.5e-4'],
  ];
  for (const [v, text] of rows) it(`${v} -> ${text}`, () => assert.equal(fmtNum(v), text));
});

describe('text', () => {
  const text = formatCheckText(sample, { color: false });
  const lines = text.trimEnd().split('\n');
  it('prints one line per check and a closing count', () => assert.equal(lines.length, 3));
  it('says why a check fails, with the region and the root cause chain', () => {
    assert.equal(lines[0], 'FAIL naive, "f"  float32 grad:x  NaN on [-1000, -88.72]  root cause: overflow in exp at fixtures/check/loss.txt:1:8'
      + ' -> 0 * inf in mul (backward)  (+1 more)');
  });
  it('says why a check passes, and that no ULP limit was set', () =>
    assert.equal(lines[1], 'PASS stable      no NaN or inf; max error 2 ULPs value, 11 ULPs gradient (no ULP limit set)'));
  it('ends with the count and the framework the results are for', () => assert.equal(lines[2], '2 checks in f-diagnose.config.json: 1 failed (1.2 s; as TensorFlow 2.21.0 computes them)'));
  it('has no colour codes when colour is off', () => assert.doesNotMatch(text, /\u001b\[/));
  it('colours PASS and FAIL when asked', () => assert.match(formatCheckText(sample, { color: true }), /\u001b\[31mFAIL/));
});

describe('json', () => {
  const parsed = JSON.parse(formatCheckJson(sample));
  it('parses back with the run and non-finite numbers as strings', () => {
    assert.equal(parsed.command, 'check');
    assert.equal(parsed.passed, false);
    assert.equal(parsed.checks.length, 2);
    assert.equal(parsed.checks[0].violations[0].region.maxUlps, 'Infinity');
    assert.equal(parsed.checks[0].violations[0].region.result, 'NaN');
  });
});

describe('github annotations', () => {
  const lines = formatCheckGithub(sample).trimEnd().split('\n');
  const re = /^::error file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;
  it('one ::error line per failing finding', () => assert.equal(lines.length, 2));
  it('points at the root cause characters (endColumn inclusive)', () => {
    const m = re.exec(lines[0]!);
    assert.ok(m, lines[0]);
    assert.deepEqual(m.slice(1, 6), ['fixtures/check/loss.txt', '1', '8', '1', '14']);
    assert.equal(m[6], 'f-diagnose naive%2C "f"%3A float32 grad%3Ax');
    assert.match(m[7]!, /^NaN on \[-1000, -88.72\]; root cause: overflow in exp -> 0 \* inf in mul \(backward\)%0Afix: /);
  });
  it('points into the config expr string for an inline expression', () => {
    const m = re.exec(lines[1]!);
    assert.ok(m, lines[1]);
    assert.deepEqual(m.slice(1, 6), ['f-diagnose.config.json', '4', '20', '4', '32']);
    assert.match(m[7]!, /^error 1234 ULPs > 16 at x=1e-5; root cause: cancellation in sub/);
  });
  it('leaves known baseline findings out', () => {
    const known = run([check('k', [nanViolation({ baseline: { status: 'known' } })])]);
    assert.equal(formatCheckGithub(known), '');
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatCheckSarif(sample));
  // CommonJS default exports; unicodeRegExp off: the schema's language pattern is not valid in /u mode.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(SARIF_SCHEMA);
  it('is valid against the SARIF 2.1.0 schema', () => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2)));
  it('says which framework each result is for', () => assert.equal(log.runs[0].results[0].properties.framework, 'TensorFlow 2.21.0'));
  it('the schema check can fail (a result without a message is rejected)', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
  });
  const rules: Array<{ id: string; help: { text: string } }> = log.runs[0].tool.driver.rules;
  it('has one rule per hazard class with help text', () => {
    for (const id of ['overflow', 'zero-times-inf', 'inf-div-inf', 'where-trap', 'cancellation', 'domain', 'log-zero']) {
      const rule = rules.find((r) => r.id === id);
      assert.ok(rule, id);
      assert.ok(rule.help.text.length > 20, id);
    }
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });
  it('locates each result at its root cause', () => {
    const [first, second] = log.runs[0].results;
    assert.equal(first.ruleId, 'overflow');
    assert.equal(rules[first.ruleIndex]!.id, 'overflow');
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'fixtures/check/loss.txt' },
      region: { startLine: 1, startColumn: 8, endLine: 1, endColumn: 15 },
    });
    assert.equal(second.ruleId, 'cancellation');
    assert.equal(second.locations[0].physicalLocation.region.startLine, 4);
  });
});

describe('junit', () => {
  const xml = formatCheckJunit(sample);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  it('parses as XML with one testcase per check', () => {
    const suite = doc.testsuites.testsuite;
    assert.equal(suite.tests, '2');
    assert.equal(suite.failures, '1');
    assert.equal(suite.testcase.length, 2);
  });
  it('has a failure element with a message on the failing check only', () => {
    const [failing, passing] = doc.testsuites.testsuite.testcase;
    assert.equal(failing.name, 'naive, "f"');
    assert.match(failing.failure.message, /^float32 grad:x {2}NaN on \[-1000, -88.72\]/);
    assert.match(failing.failure['#text'], /float64 value {2}error 1234 ULPs > 16/);
    assert.equal(passing.name, 'stable');
    assert.equal(passing.failure, undefined);
  });
});
