import { defineDetector } from '../detector.js';
import { nanBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'inf-div-inf', title: 'inf / inf', severity: 'error',
    description: 'an infinity divided by an infinity is NaN (typically after an overflow upstream)',
    fix: 'remove the overflow upstream: divide through by the growing term (e.g. exp(-x)) before it overflows',
  },
  on: 'nan',
  check: nanBornAs('inf-div-inf'),
});
