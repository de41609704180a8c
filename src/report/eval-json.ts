import type { PointResult } from '../core/evaluate-points.js';
import { formatJson, withSpanText } from './json.js';

/** One JSON line per point (JSON Lines), every span with its text. */
export function formatEvalJson(source: string, results: PointResult[]): string {
  return results.map((r) => formatJson(withSpanText(r, source), 0)).join('\n') + '\n';
}
