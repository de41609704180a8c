import type { ParseError } from './ast.js';

/**
 * A parse error as three plain lines:
 *   <file or "expression">:<line>:<column>: error: <message>[; <hint>]
 *   <the source line>
 *   <^ under the span's first character, ~ under the rest of it on that line>
 */
export function formatParseError(err: ParseError, source: string, file?: string): string {
  const { start, end, line, column } = err.span;
  const hint = err.hint ? `; ${err.hint}` : '';
  const header = `${file ?? 'expression'}:${line}:${column}: error: ${err.message}${hint}`;

  let lineStart = Math.min(start, source.length);
  while (lineStart > 0 && source[lineStart - 1] !== '\n') lineStart--;
  const newline = source.indexOf('\n', lineStart);
  const text = source.slice(lineStart, newline < 0 ? source.length : newline).replace(/\r$/, '');

  // Keep tabs so the caret lines up with the source line in any terminal.
  const pad = text.slice(0, start - lineStart).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(end, lineStart + text.length) - start);
  return `${header}\n${text}\n${pad}^${'~'.repeat(width - 1)}`;
}
