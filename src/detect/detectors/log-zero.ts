import { defineDetector } from '../detector.js';
import { infBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'log-zero', title: 'log(0)', severity: 'error',
    description: 'the logarithm of zero is -inf (its gradient 1/0 is inf)',
    fix: 'use log1p, a log-sum-exp form, or log_sigmoid instead of log of a quantity that underflows to 0',
  },
  on: 'inf',
  check: infBornAs('log-zero'),
});
