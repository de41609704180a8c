import { valueText } from '../../base/numbers.js';
import { defineDetector } from '../detector.js';

export default defineDetector({
  meta: {
    id: 'nan-input', title: 'NaN input', severity: 'error',
    description: 'the input itself is NaN or infinite',
    fix: 'find where the input went non-finite upstream',
  },
  on: 'nan',
  applies: (node) => node.op === 'var',
  check: () => true,
  detail: (ctx, i) => `${ctx.node.name} = ${valueText(ctx.out[i]!)}`,
});
