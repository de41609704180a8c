import type { CheckRun } from '../check/types.js';

/** The run as JSON; non-finite numbers as the strings "NaN", "Infinity", "-Infinity" (as the scan's JSON). */
export function formatCheckJson(run: CheckRun): string {
  const replacer = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
  return `${JSON.stringify(run, replacer, 2)}\n`;
}
