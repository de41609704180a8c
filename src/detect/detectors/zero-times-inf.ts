import { defineDetector } from '../detector.js';
import { nanBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'zero-times-inf', title: '0 * inf', severity: 'error',
    description: 'zero times an infinity is NaN; in a backward pass, a zero upstream gradient meets an infinite local gradient',
    fix: 'remove the infinity (overflow or pole) from the forward values the gradient rule reuses',
  },
  on: 'nan',
  check: nanBornAs('zero-times-inf'),
});
