import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProgram, UserError } from '../../src/parse/index.js';
import { MAX_NESTING } from '../../src/parse/parser.js';
import { compile } from '../../src/graph/compile.js';

/** Inputs n levels deep, by the parser's count: a statement's expression is level 0. */
const shapes: [string, (n: number) => string][] = [
  ['parentheses', (n) => `${'('.repeat(n)}x${')'.repeat(n)}`],
  ['unary minus', (n) => `${'-'.repeat(n)}x`],
  ['calls', (n) => `${'exp('.repeat(n)}x${')'.repeat(n)}`],
  ['a right-associative power chain', (n) => Array(n + 1).fill('x').join('**')],
  ['a left-associative sum', (n) => Array(n + 1).fill('x').join(' + ')],
  // ~ takes a condition: where(c, a, b) is one level, the comparison in parentheses two more
  ['~ in where', (n) => `where(${'~'.repeat(n - 3)}(x < 1), x, 1)`],
  ['not in where', (n) => `where(${'not '.repeat(n - 3)}(x < 1), x, 1)`],
  ['chained definitions', (n) => ['f0(x) = x', ...Array.from({ length: n - 1 }, (_, i) => `f${i + 1}(x) = f${i}(x)`), `f${n - 1}(x)`].join('\n')],
];

function errorOf(source: string): UserError | undefined {
  try {
    compile(source);
    return undefined;
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

test(`the deepest allowed input (${MAX_NESTING} levels) compiles; one level more is a UserError`, () => {
  assert.equal(MAX_NESTING, 200);
  for (const [name, make] of shapes) {
    assert.equal(errorOf(make(MAX_NESTING))?.message, undefined, `${name} at ${MAX_NESTING} levels`);
    assert.equal(errorOf(make(MAX_NESTING + 1))?.message, 'nested more than 200 levels deep', `${name} at ${MAX_NESTING + 1} levels`);
  }
});

test('far deeper input is the same UserError, not a stack overflow', () => {
  for (const [name, make] of shapes) {
    for (const n of [3_113, 10_000]) assert.equal(errorOf(make(n))?.message, 'nested more than 200 levels deep', `${name} at ${n} levels`);
  }
});

test('the error points at the token that opens the level past the limit', () => {
  // 201 parentheses: the 201st '(' is at offset 200, column 201
  const parens = errorOf(`${'('.repeat(201)}x${')'.repeat(201)}`)!;
  assert.deepEqual([parens.span!.start, parens.span!.column], [200, 201]);
  assert.equal(parens.hint, 'bind part of it to a name (t = ...)');
  // x + x + ... : the 201st '+' (after 201 'x + ') is at offset 201 * 4 - 2 = 802
  const sum = errorOf(Array(202).fill('x').join(' + '))!;
  assert.deepEqual([sum.source!.slice(sum.span!.start, sum.span!.end), sum.span!.start], ['+', 802]);
  assert.match(sum.hint!, /a long chain of operators nests as deep as it is long; bind part of it to a name/);
});

test('a binding resets the depth: two halves of a deep sum are fine', () => {
  const half = Array(150).fill('x').join(' + ');
  assert.doesNotThrow(() => parseProgram(`t = ${half}\nt + ${half}`));
});

test('a 100 KB expression is a clear error or a parse, quickly', () => {
  const long = Array(25_000).fill('x').join('+'); // 50 KB, far past the depth limit
  const start = Date.now();
  assert.equal(errorOf(long)?.message, 'nested more than 200 levels deep');
  const wide = `t = 1\n${Array.from({ length: 10_000 }, (_, i) => `a${i} = x * ${i}`).join('\n')}\nt`;
  assert.ok(wide.length > 100_000);
  assert.equal(parseProgram(wide).statements.length, 10_002);
  assert.ok(Date.now() - start < 5_000, `took ${Date.now() - start} ms`);
});
