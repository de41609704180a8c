import { toJson } from '../base/json.js';
import type { CheckRun } from '../check/types.js';

/** The run as JSON; non-finite numbers as the strings "NaN", "Infinity", "-Infinity" (as the scan's JSON). */
export function formatCheckJson(run: CheckRun): string {
  return `${toJson(run)}\n`;
}
