import { defineDetector } from '../detector.js';
import { nanBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'inf-minus-inf', title: 'inf - inf', severity: 'error',
    description: 'infinities of opposite sign added (or equal ones subtracted) give NaN',
    fix: 'combine the two terms algebraically before evaluating, so neither overflows on its own',
  },
  on: 'nan',
  check: nanBornAs('inf-minus-inf'),
});
