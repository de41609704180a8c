import { readFileSync, readSync, writeFileSync } from 'node:fs';
import { UserError } from './user-error.js';

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** Why a file operation failed, in words ("no such file"), from its error code. */
export function explainFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code !== undefined && WHY[code]) || (err as Error).message;
}

/**
 * The one way to read a user's file: its text (a byte-order mark dropped), or a UserError
 * "LABEL: cannot read WHAT: no such file" (exit 2). "-" is standard input, read to its end whatever its size.
 */
export function readTextFile(path: string, opts: { label?: string; what?: string; hint?: (code: string | undefined) => string } = {}): string {
  try {
    const text = path === '-' ? readStdin() : readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint = opts.hint?.(code) ?? '';
    throw new UserError(`${opts.label ?? path}: cannot read ${opts.what ?? 'the file'}: ${explainFsError(err)}${hint}`);
  }
}

/**
 * All of standard input. A pipe may be non-blocking (readFileSync(0) then fails with EAGAIN after the first 64 KiB),
 * so read it in chunks and wait briefly when no data is there yet.
 */
function readStdin(): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The one way to write a user's output file; an unwritable path is bad input (exit 2), not an internal error. */
export function writeTextFile(path: string, text: string, label: string = path): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UserError(`${label}: cannot write: ${explainFsError(err)}`);
  }
}
