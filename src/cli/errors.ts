import { formatUserError } from '../base/excerpt.js';
import { UserError } from '../base/user-error.js';
import { EXIT } from '../report/exit-code.js';

/** What the user sees for an error, and the exit code. A stack trace only with F_DIAGNOSE_DEBUG=1. */
export function describeError(err: unknown): { text: string; code: number } {
  if (err instanceof UserError) return { text: formatUserError(err), code: EXIT.usage };
  const e = err as Error;
  const debug = process.env.F_DIAGNOSE_DEBUG === '1';
  return { text: `internal error: ${e?.message ?? String(err)}${debug ? `\n${e?.stack}` : ' (set F_DIAGNOSE_DEBUG=1 for a stack trace)'}`, code: EXIT.internal };
}
