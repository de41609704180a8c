import { UserError } from '../base/user-error.js';
import { readTextFile, writeTextFile } from '../base/read-file.js';
import { z } from 'zod';
import { toJson } from '../base/json.js';
import { baselineOf, type Baseline } from './baseline.js';
import type { CheckRun } from './types.js';
import { formatConfigIssues } from './config-issues.js';
import { parseJsonText } from './json-text.js';

/** Non-finite numbers are written as "Infinity", "-Infinity", "NaN", as in the scan's JSON. */
const num = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN']).transform(Number)]);

const BaselineSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.string(),
  checks: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        nan: z.number(),
        inf: z.number(),
        maxUlps: num,
        regions: z.array(
          z.object({ outcome: z.enum(['nan', 'inf']), var: z.string(), range: z.tuple([num, num]), hazard: z.string().nullable() }),
        ),
      }),
    ),
  ),
});

export function readBaseline(path: string, label: string): Baseline {
  const text = readTextFile(path, { label, what: 'the baseline file', hint: (code) => (code === 'ENOENT' ? ' (create it with --update-baseline)' : '') });
  const json = parseJsonText(text, label);
  const parsed = BaselineSchema.safeParse(json.value);
  if (!parsed.success) throw new UserError(formatConfigIssues(parsed.error.issues, json, label).join('\n'));
  return parsed.data as Baseline;
}

export function baselineText(baseline: Baseline): string {
  return `${toJson(baseline)}\n`;
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeTextFile(path, baselineText(baseline));
}

/**
 * Records everything the run found as the new baseline and returns the run as it now stands: every finding known,
 * every check passing (what --update-baseline does).
 */
export function updateBaseline(run: CheckRun, path: string, shownPath: string, tool: string): CheckRun {
  writeBaseline(path, baselineOf(run.checks, tool));
  return {
    ...run,
    passed: true,
    baseline: { file: shownPath, updated: true },
    checks: run.checks.map((c) => ({ ...c, passed: true, violations: c.violations.map((v) => ({ ...v, baseline: { status: 'known' as const } })) })),
  };
}
