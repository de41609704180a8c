import type { Span } from '../base/span.js';
import { lineColumn } from '../base/span.js';
import type { SourceLocation } from './types.js';

/**
 * Where an expression's text lives, so a span into the expression becomes a place in a file:
 * - file: the expression is the whole file;
 * - json-string: the expression is a JSON string literal starting at `literal` (its opening quote) in `text`.
 */
export type ExprSource =
  | { kind: 'file'; file: string; text: string }
  | { kind: 'json-string'; file: string; text: string; literal: number };

/** Offset in the JSON text of the character at `index` of the decoded string whose literal starts at `literal`. */
export function rawStringOffset(json: string, literal: number, index: number): number {
  let raw = literal + 1;
  for (let decoded = 0; decoded < index && raw < json.length && json[raw] !== '"'; decoded++) {
    if (json[raw] === '\\') raw += json[raw + 1] === 'u' ? 6 : 2;
    else raw += 1;
  }
  return raw;
}

function offsetIn(source: ExprSource, index: number): number {
  return source.kind === 'file' ? index : rawStringOffset(source.text, source.literal, index);
}

export function spanLocation(source: ExprSource, span: Pick<Span, 'start' | 'end'>): SourceLocation {
  const start = lineColumn(source.text, offsetIn(source, span.start));
  const end = lineColumn(source.text, offsetIn(source, Math.max(span.end, span.start + 1)));
  return { file: source.file, startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/** The whole expression (for a file, its first non-blank line's text). */
export function wholeLocation(source: ExprSource, exprLength: number): SourceLocation {
  if (source.kind === 'json-string') return spanLocation(source, { start: 0, end: exprLength });
  const firstLine = source.text.split('\n').findIndex((l) => l.trim() !== '');
  const line = Math.max(0, firstLine);
  const text = source.text.split('\n')[line] ?? '';
  return { file: source.file, startLine: line + 1, startColumn: 1, endLine: line + 1, endColumn: text.replace(/\r$/, '').length + 1 };
}
