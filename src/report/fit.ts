/**
 * Fitting plain text to a terminal width: a line longer than the width wraps at spaces, its continuation rows indented
 * under the line's own indentation plus `hang`; a word longer than a row is cut. Colour is applied after fitting, row
 * by row, so no escape code is ever split.
 */
export function wrap(line: string, width: number, hang = 4): string[] {
  if (line.length <= width) return [line];
  const indent = ' '.repeat(Math.min(line.length - line.trimStart().length + hang, Math.floor(width / 2)));
  const rows: string[] = [];
  let rest = line;
  let prefix = '';
  while (prefix.length + rest.length > width) {
    const room = width - prefix.length;
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= rest.length - rest.trimStart().length) cut = room;
    rows.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    prefix = indent;
  }
  if (rest) rows.push(prefix + rest);
  return rows;
}

/** A line cut to the width with "..." when it does not fit (for lines that must stay one row). */
export function cut(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 3))}...`;
}

/** The width to fit: the terminal's columns on a TTY, 80 otherwise (pipes, files, CI logs). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns && stream.columns >= 40 ? stream.columns : 80;
}
