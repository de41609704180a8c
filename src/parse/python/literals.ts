import { UserError } from '../../base/user-error.js';
import type { Span } from '../../base/span.js';

/** A Python number's text as the decimal text the ground truth reads exactly (underscores dropped, 0x.. in decimal). */
export function numberText(text: string, span: Span): string {
  const t = text.replace(/_/g, '');
  if (/[jJ]$/.test(t)) throw new UserError('complex numbers are not supported', span);
  if (/^0[xXoObB]/.test(t)) return BigInt(t).toString();
  if (/[lL]$/.test(t)) return t.slice(0, -1);
  return t;
}

/** The value of a string literal (prefixes and quotes removed; escapes are kept as written). */
export function stringValue(text: string): string {
  const m = /^[rRbBuUfF]*("""|'''|"|')([\s\S]*)\1$/.exec(text);
  return m ? m[2]! : text;
}
