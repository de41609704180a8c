import { lineColumn } from '../check/text-position.js';
import type { Span } from '../parse/ast.js';

/** The source line holding the span and a caret line under it: ["1/(1-exp(-x)) - 1/x", "     ^~~~~~~"]. */
export function excerpt(source: string, span: Span): [string, string] {
  const lineStart = source.lastIndexOf('\n', span.start - 1) + 1;
  const nl = source.indexOf('\n', span.start);
  const lineEnd = nl < 0 ? source.length : nl;
  const line = source.slice(lineStart, lineEnd);
  const from = span.start - lineStart;
  const width = Math.max(1, Math.min(span.end, lineEnd) - span.start);
  return [line, ' '.repeat(from) + '^' + '~'.repeat(width - 1)];
}

/** line:column of a span's start, computed from the source. */
export function position(source: string, span: Span): string {
  const { line, column } = lineColumn(source, span.start);
  return `${line}:${column}`;
}
