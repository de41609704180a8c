import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatParseError, parseProgram, printProgram, UserError } from '../../src/parse/index.js';
import { compile } from '../../src/graph/compile.js';
import { shape } from './ast-shape.js';
import { brokenText } from './broken-text.js';
import { GENERATED_SPELLINGS, looseProgram, render, typedProgram } from './programs.js';
import { CALLABLE, VOCABULARY } from '../../src/vocab/ops.js';

/** Fixed seed and bounded runs: the same inputs every time, a few seconds in all; PROPERTY_SCALE=10 searches longer. */
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
const RUNS = { seed: Number(process.env.PROPERTY_SEED ?? 20_261_130), numRuns: 400 * SCALE };

/** Runs f; a UserError is a fine outcome and is returned, anything else thrown fails the property. */
function userErrorOrValue<T>(f: () => T): T | UserError {
  try {
    return f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

/** A UserError as the CLI shows it: the message names the place, never echoes raw control bytes, stays short. */
function assertPresentable(err: UserError, source: string): void {
  const text = formatParseError(err, source);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/, 'raw control or bidi character in the message');
  const [first] = text.split('\n');
  assert.ok(first!.length <= 300, `message line of ${first!.length} characters: ${first!.slice(0, 120)}`);
  assert.ok(text.length <= 700, `message of ${text.length} characters`);
  if (err.span) assert.ok(err.span.start >= 0 && err.span.start <= source.length && err.span.end <= source.length, 'span outside the text');
}

test('the generator calls every function of the vocabulary, by every spelling, with its arity', () => {
  assert.deepEqual([...GENERATED_SPELLINGS].sort(), [...CALLABLE].sort());
  for (const op of GENERATED_SPELLINGS.values()) assert.ok(VOCABULARY[op].arity >= 1);
});

const parsesToLimit = (e: unknown) => e instanceof UserError && e.message === 'nested more than 200 levels deep';

test('(a) parse throws nothing but a presentable UserError, whatever the text', () => {
  fc.assert(
    fc.property(brokenText, (text) => {
      const result = userErrorOrValue(() => parseProgram(text));
      if (result instanceof UserError) assertPresentable(result, text);
    }),
    { ...RUNS, numRuns: 1_500 * SCALE },
  );
});

test('(b) compile throws nothing but a presentable UserError, on broken text and on loosely typed programs', () => {
  const text = fc.oneof(brokenText, looseProgram.map((p) => render(p, false).text), typedProgram.map((p) => render(p, true).text));
  fc.assert(
    fc.property(text, (source) => {
      const result = userErrorOrValue(() => compile(source));
      if (result instanceof UserError) assertPresentable(result, source);
    }),
    RUNS,
  );
});

test('(c) the parser builds the generated tree; parse -> print -> parse gives it back, and print is then a fixed point', () => {
  const program = fc.oneof(typedProgram.map((p) => render(p, true)), looseProgram.map((p) => render(p, false)));
  fc.assert(
    fc.property(program, ({ text, statements }) => {
      let parsed;
      try {
        parsed = parseProgram(text);
      } catch (e) {
        fc.pre(!parsesToLimit(e)); // a generated program may nest past the limit; that is limits.test.ts's business
        throw e;
      }
      assert.deepEqual(shape(parsed.statements), shape(statements), 'the parse of the generated text');
      const printed = printProgram(parsed);
      const reparsed = parseProgram(printed);
      assert.deepEqual(shape(reparsed.statements, true), shape(statements, true), `the parse of the printed text:\n${printed}`);
      assert.equal(printProgram(reparsed), printed);
    }),
    RUNS,
  );
});

test('(c) print uses no more parentheses than needed: no printed pair can be dropped without changing the tree', () => {
  fc.assert(
    fc.property(typedProgram.map((p) => render(p, true)), ({ text }) => {
      let printed: string;
      try {
        printed = printProgram(parseProgram(text));
      } catch (e) {
        fc.pre(!parsesToLimit(e));
        throw e;
      }
      const expected = shape(parseProgram(printed).statements, true);
      for (const [open, close] of parenthesisPairs(printed)) {
        const dropped = printed.slice(0, open) + printed.slice(open + 1, close) + printed.slice(close + 1);
        const result = userErrorOrValue(() => parseProgram(dropped));
        const same = !(result instanceof UserError) && JSON.stringify(shape(result.statements, true)) === JSON.stringify(expected);
        assert.ok(!same, `the parentheses at ${open} are not needed in:\n${printed}`);
      }
    }),
    { ...RUNS, numRuns: 150 * SCALE },
  );
});

/** Offsets of matching '(' ')' that group an operand (not a call's argument list). */
function parenthesisPairs(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const start = open.pop()!;
      if (!/[A-Za-z0-9_]/.test(text[start - 1] ?? '')) pairs.push([start, i]);
    }
  }
  return pairs;
}
