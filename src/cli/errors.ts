import { ParseError } from '../parse/ast.js';
import { formatParseError } from '../parse/index.js';
import { EXIT } from '../report/exit-code.js';
import { VarRangeError } from '../sample/ranges.js';

/** Bad input the user can fix: one clear line (plus an excerpt with a caret where there is a source). */
export class UsageError extends Error {}

/** What the user sees for an error, and the exit code. A stack trace only with F_DIAGNOSE_DEBUG=1. */
export function describeError(err: unknown): { text: string; code: number } {
  if (err instanceof ParseError) {
    const text = err.source !== undefined ? formatParseError(err, err.source, err.file) : `error: ${err.message}${err.hint ? `; ${err.hint}` : ''}`;
    return { text, code: EXIT.usage };
  }
  if (err instanceof UsageError || err instanceof VarRangeError) return { text: `error: ${err.message}`, code: EXIT.usage };
  const e = err as Error;
  const debug = process.env.F_DIAGNOSE_DEBUG === '1';
  return { text: `internal error: ${e?.message ?? String(err)}${debug ? `\n${e?.stack}` : ' (set F_DIAGNOSE_DEBUG=1 for a stack trace)'}`, code: EXIT.internal };
}
