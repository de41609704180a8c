import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Baseline } from './baseline.js';
import { formatConfigIssues } from './config-issues.js';
import { UsageError } from './errors.js';
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${label}: cannot read the baseline file: ${code === 'ENOENT' ? 'no such file (create it with --update-baseline)' : (err as Error).message}`);
  }
  const json = parseJsonText(text, label);
  const parsed = BaselineSchema.safeParse(json.value);
  if (!parsed.success) throw new UsageError(formatConfigIssues(parsed.error.issues, json, label).join('\n'));
  return parsed.data as Baseline;
}

export function baselineText(baseline: Baseline): string {
  const replacer = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
  return `${JSON.stringify(baseline, replacer, 2)}\n`;
}

export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSync(path, baselineText(baseline));
}
