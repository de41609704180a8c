import { userRecord } from '../base/record.js';
import { toJson } from '../base/json.js';
import type { Span } from '../base/span.js';
import { verdict } from './verdict.js';
import type { ScanReport } from '../core/types.js';

/** JSON for jq: non-finite numbers as "NaN", "Infinity", "-Infinity" (the one JSON writer, base/json.ts). */
export const formatJson = toJson;

/** Every span gains the text it covers, so a JSON consumer needs no source to show it. */
export function withSpanText<T>(value: T, source: string): T {
  if (Array.isArray(value)) return value.map((v) => withSpanText(v, source)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = userRecord();
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'span' && v ? { ...(v as Span), text: source.slice((v as Span).start, (v as Span).end) } : withSpanText(v, source);
  }
  return out as T;
}

/** The report with every span's text and each form's verdict sentences (the same words the text report prints). */
export function formatScanJson(report: ScanReport): string {
  const forms = report.forms.map((f) => withSpanText({ ...f, verdict: verdict(f, report.options) }, f.expr));
  return formatJson({ ...report, forms }) + '\n';
}
