import type { UserError } from './user-error.js';
import { lineColumn, type Span } from './span.js';

/**
 * The one renderer of a place in a text: the line holding the span's start and a caret line under it
 * (^ under the first character, ~ under the rest of the span on that line). Tabs are kept in the padding so the
 * caret lines up in any terminal; control characters (C0, C1) and bidi overrides are shown as U+FFFD so binary input
 * cannot garble a terminal or reorder the line;
 * a line longer than `width` is cut around the span.
 */
export function excerpt(text: string, span: Pick<Span, 'start' | 'end'>, width = 160): [string, string] {
  const start = Math.min(Math.max(0, span.start), text.length);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', start);
  let line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  let from = start - lineStart;
  let caretWidth = Math.max(1, Math.min(span.end, lineStart + line.length) - start);
  if (line.length > width) {
    const cut = Math.max(0, Math.min(from - Math.floor(width / 3), line.length - width));
    line = `${cut > 0 ? '...' : ''}${line.slice(cut, cut + width)}${cut + width < line.length ? '...' : ''}`;
    from = from - cut + (cut > 0 ? 3 : 0);
    caretWidth = Math.min(caretWidth, width);
  }
  // eslint-disable-next-line no-control-regex
  const shown = line.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
  const pad = shown.slice(0, from).replace(/[^\t]/g, ' ');
  return [shown, `${pad}^${'~'.repeat(caretWidth - 1)}`];
}

/** The excerpt as two lines under a message: "  3 | text" and "    |   ^~~" with a line-number gutter. */
export function excerptWithGutter(text: string, span: Pick<Span, 'start' | 'end'>, indent = '  '): string {
  const { line } = lineColumn(text, span.start);
  const [src, caret] = excerpt(text, span);
  const gutter = String(line);
  return `${indent}${gutter} | ${src}\n${indent}${' '.repeat(gutter.length)} | ${caret}`;
}

/** "FILE:LINE:COL: MESSAGE" then the excerpt, each excerpt line indented: the form of every located message. */
export function locatedMessage(text: string, span: Pick<Span, 'start' | 'end'>, label: string, message: string, indent = ''): string {
  const { line, column } = lineColumn(text, span.start);
  const [src, caret] = excerpt(text, span);
  return `${label}:${line}:${column}: ${message}\n${indent}${src}\n${indent}${caret}`;
}

/**
 * A user error as the CLI prints it: with a span and its source, three plain lines
 *   <file or "expression">:<line>:<column>: error: <message>[; <hint>]
 *   <the source line>
 *   <^ under the span's first character, ~ under the rest of it on that line>
 * otherwise "error: <message>[; <hint>]".
 */
export function formatUserError(err: UserError, source: string | undefined = err.source, file: string | undefined = err.file): string {
  const hint = err.hint ? `; ${err.hint}` : '';
  if (err.span === undefined || source === undefined) return `error: ${err.message}${hint}`;
  const { line, column } = lineColumn(source, err.span.start);
  const [text, caret] = excerpt(source, err.span);
  return `${file ?? 'expression'}:${line}:${column}: error: ${err.message}${hint}\n${text}\n${caret}`;
}
