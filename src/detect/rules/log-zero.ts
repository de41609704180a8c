import { defineRule } from '../rule.js';
import { infBornAs } from './origin.js';

export default defineRule({
  meta: {
    id: 'log-zero', title: 'log(0)', severity: 'error',
    description: 'the logarithm of zero is -inf (its gradient 1/0 is inf)',
    fix: 'use log1p, a log-sum-exp form, or log_sigmoid instead of log of a quantity that underflows to 0',
  },
  on: 'inf',
  check: infBornAs('log-zero'),
});
