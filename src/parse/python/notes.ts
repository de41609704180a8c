import type { Span } from '../../base/span.js';

/** Something the report should say about how a Python function was read, at the place it concerns. */
export interface PyNote {
  message: string;
  span: Span;
}

export const reductionNote = (kind: 'mean' | 'sum' | 'max' | 'min', span: Span): PyNote => ({
  message: `the ${kind} over the batch is analysed elementwise`,
  span,
});
