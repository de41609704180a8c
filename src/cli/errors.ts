import { formatUserError } from '../base/excerpt.js';
import { UserError } from '../base/user-error.js';
import { EXIT } from '../report/exit-code.js';

/** What the user sees for an error, and the exit code. A stack trace only with F_DIAGNOSE_DEBUG=1. */
export function describeError(err: unknown): { text: string; code: number } {
  if (err instanceof UserError) return { text: formatUserError(err), code: EXIT.usage };
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return { text: 'error: the input is nested too deeply to analyse (the call stack ran out); simplify it or split it into definitions', code: EXIT.usage };
  }
  const e = err as Error;
  const debug = process.env.F_DIAGNOSE_DEBUG === '1';
  return { text: `internal error: ${e?.message ?? String(err)}${debug ? `\n${e?.stack}` : ' (set F_DIAGNOSE_DEBUG=1 for a stack trace)'}`, code: EXIT.internal };
}
