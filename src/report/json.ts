import { toJson } from '../base/json.js';
import type { Span } from '../base/span.js';
import type { ScanReport } from '../types.js';

/** JSON for jq: non-finite numbers as "NaN", "Infinity", "-Infinity" (the one JSON writer, base/json.ts). */
export const formatJson = toJson;

/** Every span gains the text it covers, so a JSON consumer needs no source to show it. */
export function withSpanText<T>(value: T, source: string): T {
  if (Array.isArray(value)) return value.map((v) => withSpanText(v, source)) as T;
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k === 'span' && v ? { ...(v as Span), text: source.slice((v as Span).start, (v as Span).end) } : withSpanText(v, source);
  }
  return out as T;
}

export function formatScanJson(report: ScanReport): string {
  return formatJson({ ...report, forms: report.forms.map((f) => withSpanText(f, f.expr)) }) + '\n';
}
