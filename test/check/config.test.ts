import { UserError } from '../../src/base/user-error.js';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../../src/check/json-schema.js';
import { loadConfig, parseConfig } from '../../src/check/load-config.js';

const L = 'f-diagnose.config.json';
const one = (fields: string) => `{"checks": [{"name": "a", ${fields}}]}`;

/** 1-based column of the first occurrence of needle (after `after`, when given) in a one-line text: found by search, not by counting. */
const col = (text: string, needle: string, after = ''): number => text.indexOf(needle, text.indexOf(after) + after.length) + 1;

type Expected = null | ((text: string) => string);
const at = (needle: string, message: string, after = ''): Expected => (t) => `${L}:1:${col(t, needle, after)}: ${message}`;
const RANGE = 'expected [lo, hi] with lo < hi';

/** [what, config text, expected error text, or null when the config is valid]. */
const rows: Array<[string, string, Expected]> = [
  ['minimal', one('"expr": "x", "vars": {"x": [-1, 1]}'), null],
  ['everything', `{"$schema": "s.json", "checks": [{"name": "a", "file": "l.txt", "referenceFile": "r.txt", "vars": {"x": [-1, 1], "y_2": [0, 1e3]},
    "precisions": ["float32"], "targets": ["gradient"], "thresholds": {"nan": true, "inf": false, "maxUlps": {"value": 4, "gradient": 16}},
    "samples": 256, "seed": 7}]}`, null],
  ['no variables', one('"expr": "1", "vars": {}'), null],
  ['framework, top level and per check', '{"framework": "jax", "checks": [{"name": "a", "expr": "x", "vars": {}, "framework": "torch"}]}', null],
  ['unknown framework', one('"expr": "x", "vars": {}, "framework": "keras"'),
    at('"keras"', 'checks[0].framework: expected "tf", "torch", "jax" or "tfjs", got the string "keras"')],
  ['range reversed', one('"expr": "x", "vars": {"x": [2, 1]}'), at('[2, 1]', `checks[0].vars.x: ${RANGE}`)],
  ['range empty', one('"expr": "x", "vars": {"x": [1, 1]}'), at('[1, 1]', `checks[0].vars.x: ${RANGE}`)],
  ['range one number', one('"expr": "x", "vars": {"x": [1]}'), at('[1]', `checks[0].vars.x: ${RANGE}`)],
  ['range a string', one('"expr": "x", "vars": {"x": "-1:1"}'), at('"-1:1"', `checks[0].vars.x: ${RANGE}`)],
  ['range overflows to infinity', one('"expr": "x", "vars": {"x": [0, 1e999]}'), at('[0, 1e999]', `checks[0].vars.x: ${RANGE}`)],
  ['second check, multi-line', `{"checks": [\n  {"name": "a", "expr": "x", "vars": {"x": [1, 2]}},\n  {"name": "b", "expr": "x",\n   "vars": {"x": [5, 3]}}\n]}`,
    () => `${L}:4:${col('   "vars": {"x": [5, 3]}}', '[5, 3]')}: checks[1].vars.x: ${RANGE}`],
  ['bad variable name', one('"expr": "x", "vars": {"1x": [1, 2]}'),
    at('"1x"', 'checks[0].vars["1x"]: a variable name is letters, digits and _, not starting with a digit')],
  ['missing vars', one('"expr": "x"'), at('{"name"', 'checks[0].vars: missing (required)')],
  ['misspelt field', one('"expr": "x", "varz": {"x": [1, 2]}'),
    (t) => `${at('{"name"', 'checks[0].vars: missing (required)')!(t)}\n${at('"varz"', 'checks[0].varz: unknown field (did you mean "vars"?)')!(t)}`],
  ['abbreviated field', one('"expr": "x", "vars": {"x": [1, 2]}, "thresholds": {"maxUlps": {"grad": 2}}'),
    at('"grad"', 'checks[0].thresholds.maxUlps.grad: unknown field (did you mean "gradient"?)')],
  ['unknown top-level field', '{"check": []}', () => `${L}:1:1: checks: missing (required)\n${L}:1:2: check: unknown field (did you mean "checks"?)`],
  ['neither expr nor file', one('"vars": {"x": [1, 2]}'), at('{"name"', 'checks[0]: missing "expr" or "file"')],
  ['both expr and file', one('"expr": "x", "file": "f.txt", "vars": {"x": [1, 2]}'), at('{"name"', 'checks[0]: give either "expr" or "file", not both')],
  ['bad precision', one('"expr": "x", "vars": {"x": [1, 2]}, "precisions": ["float16"]'),
    at('"float16"', 'checks[0].precisions[0]: expected "float32" or "float64", got the string "float16"')],
  ['bad target', one('"expr": "x", "vars": {"x": [1, 2]}, "targets": ["grad"]'),
    at('"grad"', 'checks[0].targets[0]: expected "value" or "gradient", got the string "grad"')],
  ['no targets', one('"expr": "x", "vars": {"x": [1, 2]}, "targets": []'), at('[]', 'checks[0].targets: expected at least 1 item, got an empty array')],
  ['nan not boolean', one('"expr": "x", "vars": {"x": [1, 2]}, "thresholds": {"nan": "no"}'),
    at('"no"', 'checks[0].thresholds.nan: expected true or false, got the string "no"')],
  ['negative ULPs', one('"expr": "x", "vars": {"x": [1, 2]}, "thresholds": {"maxUlps": {"value": -1}}'),
    at('-1', 'checks[0].thresholds.maxUlps.value: expected a number >= 0, got number -1', '"value"')],
  ['fractional samples', one('"expr": "x", "vars": {"x": [1, 2]}, "samples": 1.5'), at('1.5', 'checks[0].samples: expected an integer, got number 1.5')],
  ['too few samples', one('"expr": "x", "vars": {"x": [1, 2]}, "samples": 4'), at('4', 'checks[0].samples: expected a number >= 16, got number 4', '"samples": ')],
  ['empty name', '{"checks": [{"name": "", "expr": "x", "vars": {"x": [1, 2]}}]}', at('""', 'checks[0].name: expected a non-empty string, got the string ""')],
  ['duplicate names', '{"checks": [{"name": "a", "expr": "x", "vars": {}}, {"name": "a", "expr": "y", "vars": {}}]}',
    at('"a"', 'checks[1].name: duplicate check name "a"', '}}, {"name": ')],
  ['no checks', '{"checks": []}', at('[]', 'checks: expected at least 1 item, got an empty array')],
  ['not an object', '[]', at('[]', 'expected an object, got an empty array')],
  ['check not an object', '{"checks": [3]}', at('3', 'checks[0]: expected an object, got number 3')],
];

describe('config validation', () => {
  for (const [what, text, expected] of rows) {
    it(what, () => {
      if (expected === null) {
        assert.doesNotThrow(() => parseConfig(text, L));
        return;
      }
      assert.throws(() => parseConfig(text, L), (err: unknown) => {
        assert.ok(err instanceof UserError);
        assert.equal(err.message, expected(text));
        return true;
      });
    });
  }

  it('keeps the values of a valid config', () => {
    const { config } = parseConfig(one('"expr": "exp(x)", "vars": {"x": [-88, 88.5]}, "thresholds": {"maxUlps": {"value": 4}}'), L);
    assert.deepEqual(config.checks[0]!.vars, { x: [-88, 88.5] });
    assert.equal(config.checks[0]!.thresholds!.maxUlps!.value, 4);
  });
});

/** Malformed JSON: line:column of the syntax error, the source line and a caret. */
const syntaxRows: Array<[string, string, string]> = [
  ['trailing comma in array', '{"checks": [1,]}', `${L}:1:15: invalid JSON: expected a value (no trailing comma)\n  1 | {"checks": [1,]}\n    |               ^`],
  ['missing comma, second line', '{\n  "checks": [] "x": 1\n}', `${L}:2:16: invalid JSON: expected ','\n  2 |   "checks": [] "x": 1\n    |                ^~~`],
  ['comment', '// config\n{}', `${L}:1:1: invalid JSON: comments are not allowed in JSON\n  1 | // config\n    | ^~~~~~~~~`],
  ['unquoted key', '{checks: []}', `${L}:1:2: invalid JSON: unexpected character\n  1 | {checks: []}\n    |  ^~~~~~`],
  ['unterminated string', '{"checks": "ab', `${L}:1:12: invalid JSON: unterminated string\n  1 | {"checks": "ab\n    |            ^~~`],
  ['empty file', '', `${L}:1:1: invalid JSON: the file is empty\n  1 | \n    | ^`],
];

describe('config JSON syntax errors', () => {
  for (const [what, text, expected] of syntaxRows) {
    it(what, () => assert.throws(() => parseConfig(text, L), { name: 'UserError', message: expected }));
  }

  it('names a missing config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-config-'));
    assert.throws(() => loadConfig(join(dir, L), L), { name: 'UserError', message: `${L}: cannot read the config file: no such file` });
  });
});

describe('shipped JSON Schema', () => {
  it('equals the one generated from the zod schema (regenerate: node dist/src/check/write-schema.js)', () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../schema/f-diagnose.config.schema.json', import.meta.url)), 'utf8');
    assert.equal(committed, configJsonSchemaText());
  });
});
