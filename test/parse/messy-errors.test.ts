import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatParseError, parseProgram, UserError } from '../../src/parse/index.js';
import { describeCharacter, quote, shown } from '../../src/parse/quote.js';

function errorOf(source: string): UserError {
  try {
    parseProgram(source);
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  assert.fail(`parsed without error: ${JSON.stringify(source.slice(0, 80))}`);
}

/** [character, how a message names it], worked out by hand from the Unicode tables. */
const characters: [string, string][] = [
  ['$', "'$'"],
  ['\u0001', 'U+0001'],
  ['\u007f', 'U+007F'],
  ['\u0085', 'U+0085'],
  ['\u00a0', 'U+00A0'],
  ['\u200b', 'U+200B'],
  ['\u202e', 'U+202E'],
  ['\ufeff', 'U+FEFF'],
  ['\u0301', 'U+0301'],
  ['\ud800', 'U+D800'],
  ['\u00e9', "'\u00e9' (U+00E9)"],
  ['\u2212', "'\u2212' (U+2212)"],
  ['\u{1f600}', "'\u{1f600}' (U+1F600)"],
];

test('an unexpected character: printable ASCII quoted, other visible ones with their code point, the rest as U+XXXX only', () => {
  for (const [ch, expected] of characters) assert.equal(describeCharacter(ch), expected, JSON.stringify(ch));
});

test('a control byte in the input is named, never echoed, in the message and the excerpt', () => {
  const err = errorOf('x + \u0001\u0002');
  assert.equal(err.message, 'unexpected character U+0001');
  const text = formatParseError(err, 'x + \u0001\u0002');
  assert.equal(text, 'expression:1:5: error: unexpected character U+0001\nx + \ufffd\ufffd\n    ^');
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
});

test('a non-ASCII letter in a name is an unexpected character named with its code point', () => {
  assert.equal(errorOf('caf\u00e9 + 1').message, "unexpected character '\u00e9' (U+00E9)");
});

test('shown: whitespace runs become one space, invisible characters their code point, long text is cut in the middle', () => {
  assert.equal(shown('a\n\t b'), 'a b');
  assert.equal(shown('a\u0000b'), 'a<U+0000>b');
  assert.equal(shown('x'.repeat(100)), `${'x'.repeat(19)}...${'x'.repeat(18)}`);
  assert.equal(shown('x'.repeat(100)).length, 40);
  assert.equal(quote('abc'), "'abc'");
  // an astral character is never cut in half
  assert.equal(Array.from(shown('\u{1f600}'.repeat(50))).length, 40);
});

/** [source, a pattern the message must match]: each message quotes at most 40 characters of a 5,000-character token. */
const long = 'a'.repeat(5_000);
const digits = '1'.repeat(5_000);
const longMessages: [string, RegExp][] = [
  [`${long}(x)`, /^unknown function 'a{19}\.\.\.a{18}'$/],
  [`x + np.${long}`, /^unknown name 'np\.a{16}\.\.\.a{18}'$/],
  [`1 ${long}`, /^missing operator before 'a{19}\.\.\.a{18}'$/],
  [`${digits}e+`, /^malformed number '1{19}\.\.\.1{16}e\+'$/],
  [`${long} = 1\n${long} = 2\nx`, /^'a{19}\.\.\.a{18}' is already defined on line 1$/],
  [`f(${long}, ${long}) = 1\nf(1, 2)`, /^duplicate parameter 'a{19}\.\.\.a{18}'$/],
  [`f(x) = x\nf + 1`, /^'f' is a function; call it as f\(\.\.\.\)$/],
  [`${long}.exp(x)`, /^unknown function 'a{19}\.\.\.a{14}\.exp'$/],
];

test('messages quote at most 40 characters of a long token', () => {
  for (const [source, pattern] of longMessages) {
    const err = errorOf(source);
    assert.match(err.message, pattern, source.slice(0, 40));
    assert.ok((err.hint ?? '').length < 200, `hint of ${source.slice(0, 40)}: ${err.hint}`);
  }
});

test('a glued number and name: the hint quotes both, cut', () => {
  const err = errorOf(`${digits}${long}`);
  assert.equal(err.hint, `write ${'1'.repeat(19)}...${'1'.repeat(18)} * ${'a'.repeat(19)}...${'a'.repeat(18)}`);
});

test('a chained comparison quotes its operands only when short and plain', () => {
  assert.equal(errorOf('0 <= x < 1').hint, 'write (0 <= x) & (x < 1)');
  assert.equal(errorOf(`0 <= ${long} < 1`).hint, 'write (a < b) & (b < c)');
  assert.equal(errorOf('0 <= (x # note\n) < 1').hint, 'write (a < b) & (b < c)');
});

test('the last-statement hint lists at most 40 characters of a definition with 10,000 parameters', () => {
  const params = Array.from({ length: 10_000 }, (_, i) => `p${i}`).join(', ');
  const err = errorOf(`f(${params}) = 1`);
  assert.equal(err.message, 'the last statement must be the expression under test');
  assert.ok(err.hint!.length <= 'add a last line such as '.length + 40, err.hint);
});

test('a call with 10,000 arguments: the formatted error stays short', () => {
  const source = `exp(${Array(10_000).fill('x').join(', ')})`;
  const text = formatParseError(errorOf(source), source);
  assert.equal(text.split('\n')[0], 'expression:1:1: error: exp takes 1 argument, got 10000');
  assert.ok(text.length < 400, `${text.length} characters`);
});
