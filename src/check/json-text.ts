import { UserError } from '../base/user-error.js';
import { type Node, type ParseError as JsonSyntaxError, ParseErrorCode, parseTree } from 'jsonc-parser';
import { excerptWithGutter } from '../base/excerpt.js';
import { lineColumn } from '../base/span.js';

/** Strict JSON text parsed twice: the value (JSON.parse), and a syntax tree that knows where each field is. */
export interface JsonText {
  text: string;
  value: unknown;
  tree: Node;
}

const SYNTAX_MESSAGES: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'expected a property name in double quotes (no trailing comma)',
  [ParseErrorCode.ValueExpected]: 'expected a value (no trailing comma)',
  [ParseErrorCode.ColonExpected]: "expected ':'",
  [ParseErrorCode.CommaExpected]: "expected ','",
  [ParseErrorCode.CloseBraceExpected]: "expected '}'",
  [ParseErrorCode.CloseBracketExpected]: "expected ']'",
  [ParseErrorCode.EndOfFileExpected]: 'unexpected text after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'incomplete number',
  [ParseErrorCode.InvalidUnicode]: 'invalid \\u escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string',
};

/** A config is a few levels deep; a parser that recurses must not meet 7,000 (one message at the place instead). */
const MAX_DEPTH = 64;

function tooDeep(text: string, label: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) {
        const { line, column } = lineColumn(text, i);
        throw new UserError(`${label}:${line}:${column}: invalid JSON: nested more than ${MAX_DEPTH} levels deep\n${excerptWithGutter(text, { start: i, end: i + 1 })}`);
      }
    } else if (c === ']' || c === '}') depth--;
  }
}

/**
 * Parses JSON text; on a syntax error throws a UserError
 * "FILE:LINE:COL: invalid JSON: WHAT" followed by the source line and a caret.
 */
export function parseJsonText(text: string, label: string): JsonText {
  const clean = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  tooDeep(clean, label);
  const errors: JsonSyntaxError[] = [];
  const tree = parseTree(clean, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? clean.length;
    const what = clean.trim() === '' ? 'the file is empty' : (SYNTAX_MESSAGES[first!.error] ?? 'syntax error');
    const { line, column } = lineColumn(clean, offset);
    throw new UserError(`${label}:${line}:${column}: invalid JSON: ${what}\n${excerptWithGutter(clean, { start: offset, end: offset + (first?.length ?? 1) })}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(clean);
  } catch (err) {
    // jsonc-parser accepted what JSON.parse rejects (it is laxer in corners); still a user error.
    throw new UserError(`${label}: invalid JSON: ${(err as Error).message}`);
  }
  return { text: clean, value, tree };
}
