import { defineDetector } from '../detector.js';
import { nanBornAs } from './origin.js';

export default defineDetector({
  meta: {
    id: 'zero-div-zero', title: '0 / 0', severity: 'error',
    description: 'zero divided by zero is NaN',
    fix: 'handle the removable singularity with its limit (a series branch) and make sure the other branch never sees it',
  },
  on: 'nan',
  check: nanBornAs('zero-div-zero'),
});
