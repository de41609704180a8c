/** 1-based line and column (in UTF-16 code units) of a 0-based offset into text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The source line holding offset, and a caret line under it, indented for a message. */
export function caretExcerpt(text: string, offset: number, length = 1): string {
  const { line, column } = lineColumn(text, offset);
  const start = offset - (column - 1);
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  const source = text.slice(start, end).replace(/\r$/, '');
  const gutter = String(line);
  const width = Math.max(1, Math.min(length, source.length - (column - 1)));
  return `  ${gutter} | ${source}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`;
}
