import { defineDetector } from '../detector.js';
import { infBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'division-by-zero', title: 'division by zero', severity: 'error',
    description: 'a nonzero number divided by zero gives an infinity',
    fix: 'guard the divisor, or rewrite so the singular terms cancel symbolically (a series or a fused op near the pole)',
  },
  on: 'inf',
  check: infBornAs('division-by-zero'),
});
