/** 0: clean, or a report only; 1: findings beyond the user's thresholds; 2: bad input; 3: internal failure. */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;
