/** 0: clean, or a report only; 1: findings beyond the user's thresholds; 2: bad input; 3: internal failure. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

/** The exit code of a command that ran: 1 when something fails the user's gate (--fail-on, a check), else 0. */
export function exitCode(result: { failing: number }): 0 | 1 {
  return result.failing > 0 ? EXIT.findings : EXIT.ok;
}
