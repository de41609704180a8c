/** Source positions are 0-based offsets into the text; line and column are 1-based (columns in UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** 1-based line and column of a 0-based offset into text. */
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

/** The span of characters [start, end) of text, with its line and column. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, ...lineColumn(text, start) };
}
