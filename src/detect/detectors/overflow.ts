import { defineDetector } from '../detector.js';
import { infBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'overflow', title: 'overflow', severity: 'error',
    description: 'finite inputs, infinite result: the exact result is beyond the largest float',
    fix: 'keep the argument in range (e.g. exp(-abs(x)) with a branch on the sign), or use a fused op (softplus, log1p, expm1, sigmoid)',
  },
  on: 'inf',
  check: infBornAs('overflow'),
});
