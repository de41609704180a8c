import { defineDetector } from '../detector.js';
import { nanBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'domain', title: 'domain error', severity: 'error',
    description: 'an argument outside the function\'s domain (log or sqrt of a negative, asin/acos outside [-1, 1], a negative base to a non-integer power, sin of inf)',
    fix: 'clamp or branch so the argument stays in the domain, and make sure the unselected branch of a where does too',
  },
  on: 'nan',
  check: nanBornAs('domain'),
});
