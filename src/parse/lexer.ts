import { UserError } from '../base/user-error.js';
import { type Span } from '../base/span.js';
import { describeCharacter, quote } from './quote.js';

/**
 * 'separator' is a statement break: ';' or a newline outside parentheses. 'error' is text the lexer
 * could not read; it ends the token list so the parser reports errors in source order.
 */
export type TokenKind = 'number' | 'name' | 'op' | 'separator' | 'error' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text; a name may be dotted (tf.math.exp); a newline separator's text is '\n'. */
  text: string;
  /** A newline separator and the end of input are zero-width spans just after the previous token. */
  span: Span;
  /** A line break (possibly inside parentheses) comes between the previous token and this one. */
  newlineBefore: boolean;
  /** kind 'error': what is wrong. */
  error?: UserError;
}

/** Returns a function from [start, end) offsets to a Span with the 1-based line and column of start. */
export function spanMaker(source: string): (start: number, end: number) => Span {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  return (start, end) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    return { start, end, line: lo + 1, column: start - lineStarts[lo]! + 1 };
  };
}

const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const BAD_EXPONENT = /[eE][+-]?(?!\d)/;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const LINE_CONTINUATION = /\\[ \t]*\r?\n/;
const OPERATORS = ['**', '<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '<', '>', '&', '|', '~', '(', ')', ',', '=', ';'];

/** Spellings from other languages that are close to one of ours. */
const NOT_OURS: ReadonlyMap<string, string> = new Map([
  ['&&', 'use & (or and)'],
  ['||', 'use | (or or)'],
  ['//', 'floor division is not supported'],
]);
const CHARACTER_HINTS: ReadonlyMap<string, string> = new Map([
  ['!', 'use ~ (or not) for logical negation'],
  ['%', 'the remainder operator is not supported'],
  ['\u2212', "use '-'"],
  ['\u00d7', "use '*'"],
  ['\u00b7', "use '*'"],
  ['\u00f7', "use '/'"],
  ['\u2264', "use '<='"],
  ['\u2265', "use '>='"],
  ['\u2260', "use '!='"],
]);

/** A function giving the match of pattern starting exactly at an offset; the sticky copy is the caller's own. */
type Matcher = (source: string, at: number) => string | undefined;

function matcher(pattern: RegExp): Matcher {
  const sticky = new RegExp(pattern.source, 'y');
  return (source, at) => {
    sticky.lastIndex = at;
    return sticky.exec(source)?.[0];
  };
}

/** Splits the source into tokens; newlines inside parentheses are not separators. */
export function tokenize(source: string): Token[] {
  const span = spanMaker(source);
  const [continuationAt, numberAt, badExponentAt, nameAt] = [LINE_CONTINUATION, NUMBER, BAD_EXPONENT, NAME].map(matcher) as [Matcher, Matcher, Matcher, Matcher];
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0;
  let lastEnd = 0;
  let newlineBefore = true;
  const push = (kind: TokenKind, text: string, start: number, end: number) => {
    tokens.push({ kind, text, span: span(start, end), newlineBefore });
    newlineBefore = false;
  };
  const fail = (message: string, start: number, end: number, hint?: string) => {
    tokens.push({ kind: 'error', text: source.slice(start, end), span: span(start, end), newlineBefore, error: new UserError(message, span(start, end), hint) });
    tokens.push({ kind: 'eof', text: '', span: span(start, start), newlineBefore: false });
    return tokens;
  };

  while (i < source.length) {
    const c = source[i]!;
    if (c === '\n') {
      const last = tokens[tokens.length - 1];
      if (depth === 0 && last !== undefined && last.kind !== 'separator') push('separator', '\n', lastEnd, lastEnd);
      newlineBefore = true;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const continuation = continuationAt(source, i);
    if (continuation) {
      i += continuation.length;
      continue;
    }

    const start = i;
    const number = numberAt(source, i);
    if (number) {
      const bad = badExponentAt(source, i + number.length);
      if (bad) {
        const text = number + bad;
        return fail(`malformed number ${quote(text)}`, start, start + text.length, 'an exponent needs digits, e.g. 1e-6');
      }
      push('number', number, start, (i += number.length));
      lastEnd = i;
      continue;
    }
    const name = nameAt(source, i);
    if (name) {
      push('name', name, start, (i += name.length));
      lastEnd = i;
      continue;
    }
    const pair = source.slice(i, i + 2);
    const notOurs = NOT_OURS.get(pair);
    if (notOurs) return fail(`'${pair}' is not supported`, i, i + 2, notOurs);
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      if (op === '(') depth++;
      else if (op === ')') depth = Math.max(0, depth - 1);
      push(op === ';' ? 'separator' : 'op', op, start, (i += op.length));
      if (op !== ';') lastEnd = i;
      continue;
    }
    const ch = String.fromCodePoint(source.codePointAt(i)!);
    return fail(`unexpected character ${describeCharacter(ch)}`, i, i + ch.length, CHARACTER_HINTS.get(ch));
  }
  push('eof', '', lastEnd, lastEnd);
  return tokens;
}
