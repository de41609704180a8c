import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawStringOffset, spanLocation } from '../../src/check/locate.js';

describe('spans inside a JSON string', () => {
  // index of a character in the decoded string -> the raw JSON text it is written as (escapes take 2 or 6 characters)
  const rows: Array<[string, number, string]> = [
    ['"exp(-x)"', 0, 'e'],
    ['"exp(-x)"', 4, '-'],
    ['"a\\"b"', 2, 'b'],
    ['"\\u00e9xp(x)"', 1, 'x'],
    ['"f(x) = x\\nf(x)"', 9, 'f'],
  ];
  for (const [literal, index, char] of rows) {
    it(`${literal}[${index}] is '${char}'`, () => {
      const text = `{"expr": ${literal}}`;
      const at = rawStringOffset(text, text.indexOf(literal), index);
      assert.equal(text[at], char);
      assert.equal(JSON.parse(literal)[index], char);
    });
  }

  it('locates the characters of a span on the config line', () => {
    const text = '{\n  "checks": [{"name": "n", "expr": "1/(1-exp(-x)) - 1/x"}]\n}';
    const literal = text.indexOf('"1/(');
    const expr = JSON.parse(text).checks[0].expr as string;
    const start = expr.indexOf('exp(');
    const loc = spanLocation({ kind: 'json-string', file: 'c.json', text, literal }, { start, end: start + 'exp(-x)'.length });
    const line2 = text.split('\n')[1]!;
    assert.deepEqual(loc, { file: 'c.json', startLine: 2, startColumn: line2.indexOf('exp(') + 1, endLine: 2, endColumn: line2.indexOf('exp(') + 8 });
  });

  it('locates a span in a file on its own line', () => {
    const text = 'f(x) = 1/(1-exp(-x)) - 1/x\nf(x) + f(x + 50)\n';
    const start = text.indexOf('f(x + 50)');
    assert.deepEqual(spanLocation({ kind: 'file', file: 'l.txt', text }, { start, end: start + 9 }),
      { file: 'l.txt', startLine: 2, startColumn: 8, endLine: 2, endColumn: 17 });
  });
});
