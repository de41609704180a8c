import { userRecord } from '../base/record.js';
import { UserError } from '../base/user-error.js';

export type Point = Record<string, number>;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const SPECIAL: Record<string, number> = { nan: NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity };

export function parseNumber(text: string, where: string): number {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  const s = SPECIAL[t.toLowerCase()];
  if (s !== undefined) return s;
  throw new UserError(`${where}: '${text}' is not a number`);
}

/** `--at x=-100` or `--at x=1,y=2`. */
export function parseAt(text: string): Point {
  const p: Point = userRecord();
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(part);
    if (!m) throw new UserError(`--at '${text}': expected NAME=VALUE, e.g. x=-100`);
    p[m[1]!] = parseNumber(m[2]!, `--at '${text}'`);
  }
  return p;
}

/** JSON lines ({"x": 1.5}) or CSV with a header row (x,y). Errors name file:line:column. */
export function parsePoints(text: string, file: string): Point[] {
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '')?.trim() ?? '';
  return first.startsWith('{') ? parseJsonLines(lines, file) : parseCsv(lines, file);
}

function parseJsonLines(lines: string[], file: string): Point[] {
  const out: Point[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      const col = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? 0) + 1;
      throw new UserError(`${file}:${i + 1}:${col}: not valid JSON\n  ${line}\n  ${' '.repeat(col - 1)}^`);
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new UserError(`${file}:${i + 1}:1: expected an object like {"x": 1.5}`);
    const p: Point = userRecord();
    for (const [k, v] of Object.entries(obj)) {
      if (typeof v === 'number') p[k] = v;
      else if (typeof v === 'string') p[k] = parseNumber(v, `${file}:${i + 1}: field ${k}`);
      else throw new UserError(`${file}:${i + 1}:${line.indexOf(`"${k}"`) + 1}: ${k} must be a number`);
    }
    out.push(p);
  });
  return out;
}

function parseCsv(lines: string[], file: string): Point[] {
  const rows = lines.map((l, i) => ({ l, i })).filter((r) => r.l.trim() !== '' && !r.l.trim().startsWith('#'));
  if (!rows.length) throw new UserError(`${file}: no points`);
  const header = rows[0]!.l.split(',').map((h) => h.trim());
  header.forEach((h, k) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(h)) throw new UserError(`${file}:${rows[0]!.i + 1}: header field ${k + 1} '${h}' is not a variable name`);
  });
  return rows.slice(1).map(({ l, i }) => {
    const cells = l.split(',');
    if (cells.length !== header.length) throw new UserError(`${file}:${i + 1}: expected ${header.length} values, found ${cells.length}`);
    const p: Point = userRecord();
    let col = 1;
    cells.forEach((c, k) => {
      p[header[k]!] = parseNumber(c, `${file}:${i + 1}:${col}`);
      col += c.length + 1;
    });
    return p;
  });
}
